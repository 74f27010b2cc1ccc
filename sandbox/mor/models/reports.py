"""What a campaign's calls add up to: statistics for a period, and the IVR poll answers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from sandbox.core.store import TenantState
from sandbox.mor.exceptions import BadPeriod, NoCallsInPeriod, NoNumbers
from sandbox.mor.models.dialer import ANSWERED

DISPOSITIONS = (ANSWERED, "NO ANSWER", "BUSY", "FAILED")
_LEADING_INT = re.compile(r"^\s*([-+]?[0-9]+)")  # Ruby's to_i reads ASCII digits only
# Dates MOR can print: 0001-01-01 00:00:00 to 9999-12-31 23:59:59 (periods are clamped into it).
EARLIEST, LATEST = -62135596800, 253402300799


def to_i(value: str | None, default: int) -> int:
    """Ruby's String#to_i, as MOR reads numbers: the leading integer, 0 when there is none."""
    if value is None or value == "":
        return default
    match = _LEADING_INT.match(value[:64])
    return int(match.group(1)) if match else 0


def clamp(epoch: int) -> int:
    """`epoch` within the dates MOR can print."""
    return min(max(epoch, EARLIEST), LATEST)


def timestamp(epoch: float) -> str:
    """`2020-06-01 03:00:00`: MOR's date format (the sandbox's server time is UTC)."""
    moment = datetime.fromtimestamp(epoch, tz=timezone.utc)
    return f"{moment.year:04d}-{moment:%m-%d %H:%M:%S}"  # %Y does not pad years before 1000


class Reports:
    """Reads a tenant's calls and numbers for one campaign."""

    def __init__(self, tenant: TenantState, now: float) -> None:
        self.numbers = tenant.collection("mor", "numbers")
        self.calls = tenant.collection("mor", "calls")
        self.now = now

    def statistics(self, campaign: Mapping[str, Any], params: Mapping[str, str]) -> dict[str, Any]:
        """autodialer_get_campaign_statistics: period defaults to today 00:00:00 to 23:59:59."""
        numbers = self.numbers.find("campaign_id", campaign["id"])
        if not numbers:
            raise NoNumbers()
        midnight = datetime.fromtimestamp(self.now, tz=timezone.utc).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        start = clamp(to_i(params.get("period_start"), int(midnight.timestamp())))
        end = clamp(to_i(params.get("period_end"), int(midnight.timestamp()) + 86399))
        if start > end:
            raise BadPeriod()
        calls = [
            c for c in self.calls.find("campaign_id", campaign["id"]) if start <= float(c["calldate"]) <= end
        ]
        if not calls:
            raise NoCallsInPeriod()
        counts = dict.fromkeys(DISPOSITIONS, 0)
        for call in calls:
            counts[call["disposition"]] = counts.get(call["disposition"], 0) + 1
        called = [n for n in numbers if n.get("status") == "called"]
        return {
            "campaign_name": campaign["name"],
            "period_start": timestamp(start),
            "period_end": timestamp(end),
            "total_numbers": len(numbers),
            "failed": sum(1 for n in called if n.get("outcome") != ANSWERED),
            "completed": sum(1 for n in called if n.get("outcome") == ANSWERED),
            "total_call_time": sum(int(c.get("billsec") or 0) for c in calls),
            "total_call_time_longer_than_10s": sum(
                int(c.get("billsec") or 0) for c in calls if int(c.get("billsec") or 0) > 10
            ),
            "calls": counts,
        }

    def ivr_poll_results(self, campaign: Mapping[str, Any]) -> str:
        """One line per answered poll, oldest first: `number,answer,YYYY-MM-DD HH:MM:SS`."""
        answers = sorted(
            (c for c in self.calls.find("campaign_id", campaign["id"]) if c.get("ivr_result") is not None),
            key=lambda c: (float(c["calldate"]), c["id"]),
        )
        return "\n".join(f"{c['dst']},{c['ivr_result']},{timestamp(float(c['calldate']))}" for c in answers)
