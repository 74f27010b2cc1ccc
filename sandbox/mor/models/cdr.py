"""Call detail records for user_calls_get and local_calls_get.

The calls are the ones the autodialer places (the `calls` records, brought up to date by settling
every campaign concerned first), so user_calls_get and the campaign statistics report the same calls.
A call belongs to the user who owns its campaign. Local calls (device to device inside the
system) are the `local_calls` records; the autodialer places none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sandbox.core.store import TenantState
from sandbox.mor.exceptions import BadPeriod, UserNotFound
from sandbox.mor.models.access import Caller
from sandbox.mor.models.dialer import Dialer
from sandbox.mor.models.reports import clamp, to_i

# s_call_type values and the dispositions they select (any other value selects every call).
CALL_TYPES: dict[str, tuple[str, ...]] = {
    "answered": ("ANSWERED",),
    "no_answer": ("NO ANSWER",),
    "busy": ("BUSY",),
    "failed": ("FAILED",),
    "missed": ("NO ANSWER", "BUSY", "FAILED"),
}


@dataclass(frozen=True)
class Period:
    """A closed interval of unix times."""

    start: int
    end: int

    def __contains__(self, moment: object) -> bool:
        return isinstance(moment, (int, float)) and self.start <= moment <= self.end


def period(now: float, start: str | None, end: str | None) -> Period:
    """A request's period (unix times, as Ruby's to_i reads them); both default to today, server time."""
    midnight = int(
        datetime.fromtimestamp(now, tz=timezone.utc)
        .replace(hour=0, minute=0, second=0, microsecond=0)
        .timestamp()
    )
    found = Period(clamp(to_i(start, midnight)), clamp(to_i(end, midnight + 86399)))
    if found.start > found.end:
        raise BadPeriod()
    return found


class CallRecords:
    """A tenant's calls, as one caller may read them."""

    def __init__(self, tenant: TenantState, now: float) -> None:
        self.users = tenant.collection("mor", "users")
        self.campaigns = tenant.collection("mor", "campaigns")
        self.calls = tenant.collection("mor", "calls")
        self.local = tenant.collection("mor", "local_calls")
        self.dialer = Dialer(tenant, now)
        self.now = now

    def subject(self, caller: Caller, user_id: str) -> list[Mapping[str, Any]]:
        """The users `s_user` names (an ID; empty or `all`: every user the caller may read)."""
        if user_id in ("", "all"):
            return (
                list(self.users)
                if caller.is_admin
                else [u for u in self.users if u["username"] == caller.username]
            )
        found = self.users.find("id", user_id)
        if not found or not (caller.is_admin or found[0]["username"] == caller.username):
            raise UserNotFound()
        return found

    def user_calls(self, caller: Caller, params: Mapping[str, str]) -> tuple[Period, list[dict[str, Any]]]:
        """user_calls_get: the calls of the period, filtered by the `s_*` parameters, ordered by time."""
        span = period(self.now, params.get("period_start"), params.get("period_end"))
        users = self.subject(caller, params.get("s_user", ""))
        wanted = CALL_TYPES.get(params.get("s_call_type", "all"))
        destination = params.get("s_destination", "")
        uniqueid = params.get("s_uniqueid", "")
        rows = []
        for user in users:
            for campaign in self.campaigns.find("user", user["username"]):
                self.dialer.settle(campaign)
                for call in self.calls.find("campaign_id", campaign["id"]):
                    if float(call["calldate"]) not in span:
                        continue
                    if wanted is not None and call["disposition"] not in wanted:
                        continue
                    if not str(call["dst"]).startswith(destination) or uniqueid not in ("", call["id"]):
                        continue
                    rows.append({**call, "user_id": user["id"], "src": campaign.get("callerid") or ""})
        rows.sort(key=lambda c: (float(c["calldate"]), c["id"]), reverse=params.get("order_desc") == "1")
        return span, rows

    def local_calls(self, caller: Caller, params: Mapping[str, str]) -> list[Mapping[str, Any]]:
        """local_calls_get: the local calls of user `s_user` (required) from `from` till `till`."""
        user_id = params.get("s_user", "")
        if not user_id:
            raise UserNotFound()
        (user,) = self.subject(caller, user_id)
        span = period(self.now, params.get("from"), params.get("till"))
        calls = [
            c
            for c in self.local
            if str(c.get("originator_user")) == user["id"] and float(c["calldate"]) in span
        ]
        return sorted(calls, key=lambda c: (float(c["calldate"]), c["id"]))
