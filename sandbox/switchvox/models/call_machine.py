"""The call state machine: the states an originated call passes through, driven by the tenant clock.

A call follows the path of its outcome (`PATHS`), each phase lasting as long as one of the call's
fields says, and is cut short where it was hung up (`hung_up_at`):

- `answer`: `ringing` for `ring_s`, `talking` for `talk_s`, then `ended`;
- `no_answer`: `ringing` for the call's `timeout`, then `ended`;
- `busy`: `ended` at once.

The state is derived from the record and the clock's time on every read; nothing moves a call but
the clock (and a hang-up), never a sleeping thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

RINGING, TALKING, ENDED = "ringing", "talking", "ended"
ANSWER, NO_ANSWER, BUSY = "answer", "no_answer", "busy"


@dataclass(frozen=True)
class Phase:
    """One state a call passes through, and the call field that holds how long it lasts (seconds)."""

    state: str
    duration: str


PATHS: dict[str, tuple[Phase, ...]] = {
    ANSWER: (Phase(RINGING, "ring_s"), Phase(TALKING, "talk_s")),
    NO_ANSWER: (Phase(RINGING, "timeout"),),
    BUSY: (),
}


@dataclass(frozen=True)
class Timeline:
    """A call's phases as (state, start, end) on the tenant clock, when it ends and how."""

    spans: tuple[tuple[str, float, float], ...]
    started_at: float
    ended_at: float
    result: str
    """`answered`, `no_answer`, `busy`, or `cancelled` (hung up before anyone answered)."""

    def state(self, now: float) -> str:
        """The call's state at `now`."""
        if now >= self.ended_at:
            return ENDED
        for state, start, end in self.spans:
            if start <= now < end:
                return state
        return self.spans[0][0] if self.spans else ENDED

    def talk_seconds(self) -> float:
        """How long the two parties talked."""
        return sum(end - start for state, start, end in self.spans if state == TALKING)

    def answered_at(self) -> float | None:
        """When the call was answered (None if it never was)."""
        return next((start for state, start, _ in self.spans if state == TALKING), None)


def timeline(call: Mapping[str, Any]) -> Timeline:
    """The call's path through `PATHS`, cut short where it was hung up."""
    start = float(call["started_at"])
    cut = call.get("hung_up_at")
    spans: list[tuple[str, float, float]] = []
    moment = start
    for phase in PATHS.get(str(call.get("outcome")), ()):
        end = moment + float(call.get(phase.duration) or 0)
        if cut is not None and float(cut) < end:
            if float(cut) > moment:
                spans.append((phase.state, moment, float(cut)))
            moment = float(cut)
            break
        spans.append((phase.state, moment, end))
        moment = end
    cut_early = cut is not None and float(cut) < _natural_end(call)
    outcome = str(call.get("outcome"))
    if any(state == TALKING for state, _, _ in spans):
        result = "answered"
    elif outcome == BUSY:
        result = "busy"
    elif outcome == NO_ANSWER and not cut_early:
        result = "no_answer"
    else:
        result = "cancelled"
    return Timeline(tuple(spans), start, moment, result)


def _natural_end(call: Mapping[str, Any]) -> float:
    phases = PATHS.get(str(call.get("outcome")), ())
    return float(call["started_at"]) + sum(float(call.get(p.duration) or 0) for p in phases)
