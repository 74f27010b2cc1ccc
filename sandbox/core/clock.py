"""The sandbox clock: one per tenant, real time unless frozen or advanced.

Its setting is a record (`sandbox.clock`, key `id` = "clock") so that snapshots, resets and the
data file carry it like any other state. Token lifetimes, task progress, rate-limit windows and
fault ttl all read `now()` from here, never `time.time()`.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from sandbox.core import reuse
from sandbox.core.store.schema import optional, required
from sandbox.core.store.tenant import TenantState
from sandbox.core.vendor import CollectionSpec

CLOCK_ID = "clock"
EARLIEST = 0.0
LATEST = 253_402_300_799.0
"""The clock stays within 1970-01-01 and 9999-12-31T23:59:59Z, the range every timestamp can be written in."""
COLLECTIONS = {
    "clock": CollectionSpec(
        key="id",
        fields={
            "id": required("string"),
            # An offset keeps the running clock within the range for the next few thousand years.
            "offset_s": optional("number", minimum=-1e11, maximum=LATEST - 2e9),
            "frozen_at": optional("number", minimum=EARLIEST, maximum=LATEST),
        },
    )
}


class ClockRangeError(ValueError):
    """A clock change that would take the clock out of the years 1970 to 9999."""


def default_record() -> dict[str, object]:
    """The clock of a fresh tenant: real time, not frozen."""
    return {"id": CLOCK_ID, "offset_s": 0.0, "frozen_at": None}


class Clock:
    """Reads and moves a tenant's clock."""

    def __init__(self, tenant: TenantState) -> None:
        self._records = tenant.collection("sandbox", "clock")

    def _record(self) -> dict[str, object]:
        return self._records.get(CLOCK_ID) or default_record()

    def time(self) -> float:
        """Seconds since the epoch on this tenant's clock (an answer that reads it is never reused)."""
        reuse.instant()
        return self._time()

    def reached(self, moment: float) -> bool:
        """Whether the clock stands at or past `moment` (a deadline: a token's expiry).

        A deadline not reached yet bounds how long the running view's answer may be reused; one
        reached stays reached (the clock moves back only by a change of its record).
        """
        if self._time() >= moment:
            return True
        reuse.until(moment)
        return False

    def _time(self) -> float:
        rec = self._record()
        frozen = rec.get("frozen_at")
        if frozen is not None:
            return float(frozen)  # type: ignore[arg-type]
        return time.time() + float(rec.get("offset_s") or 0.0)  # type: ignore[arg-type]

    def now(self) -> datetime:
        """The tenant's current time, timezone-aware UTC."""
        return datetime.fromtimestamp(self.time(), tz=timezone.utc)

    @property
    def frozen(self) -> bool:
        """Whether the clock stands still."""
        return self._record().get("frozen_at") is not None

    def freeze(self) -> None:
        """Stop the clock at the current instant."""
        if not self.frozen:
            self._records.put({**self._record(), "frozen_at": self.time()})

    def unfreeze(self) -> None:
        """Let the clock run again from where it stands."""
        if self.frozen:
            offset = self.time() - time.time()
            self._records.put({**self._record(), "frozen_at": None, "offset_s": offset})

    def check_advance(self, seconds: float) -> None:
        """ClockRangeError if moving by `seconds` would leave the years 1970 to 9999."""
        if not EARLIEST <= self._time() + seconds <= LATEST:
            raise ClockRangeError("advance_s: the clock must stay between 1970 and the end of year 9999")

    def advance(self, seconds: float) -> None:
        """Move the clock forward (or back, for a negative value) by `seconds`."""
        self.check_advance(seconds)
        rec = self._record()
        if rec.get("frozen_at") is not None:
            self._records.put({**rec, "frozen_at": float(rec["frozen_at"]) + seconds})  # type: ignore[arg-type]
        else:
            self._records.put({**rec, "offset_s": float(rec.get("offset_s") or 0.0) + seconds})  # type: ignore[arg-type]


def isoformat(moment: datetime) -> str:
    """ISO 8601 in UTC with a `Z`, as most vendor APIs write it."""
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
