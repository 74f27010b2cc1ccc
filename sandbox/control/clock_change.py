"""What a `POST /__sandbox/clock` body asks for: freeze, unfreeze, advance, checked without flask."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.core.clock import Clock

MAX_ADVANCE_S = 10 * 365 * 86400
USAGE = 'send {"freeze": true}, {"freeze": false} or {"advance_s": N}'


@dataclass(frozen=True)
class ClockChange:
    """A checked clock change: freeze first, then advance, then unfreeze."""

    freeze: bool | None = None
    advance_s: float | None = None

    def apply(self, clock: Clock) -> None:
        """Move `clock` as asked; ClockRangeError (before anything moves) if it would leave its range."""
        if self.advance_s is not None:
            clock.check_advance(self.advance_s)
        if self.freeze is True:
            clock.freeze()
        if self.advance_s is not None:
            clock.advance(self.advance_s)
        if self.freeze is False:
            clock.unfreeze()


def clock_change(body: Any) -> ClockChange:
    """The change a body asks for; ValueError (the message names the field) when it is not one."""
    if not isinstance(body, dict) or not body:
        raise ValueError(USAGE)
    unknown = sorted(set(body) - {"freeze", "advance_s"})
    if unknown:
        raise ValueError(f"{unknown[0]}: unknown field")
    freeze = body.get("freeze")
    advance = body.get("advance_s")
    if freeze is not None and not isinstance(freeze, bool):
        raise ValueError("freeze: must be true or false")
    if advance is not None and (isinstance(advance, bool) or not isinstance(advance, (int, float))):
        raise ValueError("advance_s: must be a number of seconds")
    if advance is not None and not -MAX_ADVANCE_S <= advance <= MAX_ADVANCE_S:
        raise ValueError("advance_s: must be within ten years")
    return ClockChange(freeze, None if advance is None else float(advance))
