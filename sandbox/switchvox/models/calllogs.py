"""Call logs: switchvox.users.callLogs.search (one account) and switchvox.callLogs.search (admin).

The users page gives the parameters, the `<calls>`/`<call>`/`<events>` structure and the error table
(dates 77534, 25673, 75429, 63014; 12010; sort 12016, 12017; paging 12018, 12019; 10014; 27168).
The admin method's page is not public: the sandbox gives it the same dates, sorting, paging and
errors, with the filters a maintained client sends (account_ids, caller_id_name, caller_id_number,
incoming_did, and the channel group / provider id lists, which no originated call matches). Every
ended call is logged, answered or not; a call still in progress is not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import coded, missing
from sandbox.switchvox.models.auth import Caller
from sandbox.switchvox.models.call_machine import ENDED, Timeline, timeline
from sandbox.switchvox.models.calls import clock_text
from sandbox.switchvox.models.extensions import check_account_id
from sandbox.switchvox.models.users import account
from sandbox.switchvox.params import digits, listed, scalar

DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})")
THIRTY_DAYS = (4, 6, 9, 11)
MAX_DIGITS = 9
HANGUP_DISPLAY = {
    "answered": "Hung up",
    "cancelled": "Hung up before the call was answered",
    "no_answer": "No answer",
    "busy": "Busy",
}
PROVIDER_FILTERS = (
    ("channel_group_ids", "channel_group_id"),
    ("iax_provider_ids", "iax_provider_id"),
    ("sip_provider_ids", "sip_provider_id"),
)


@dataclass(frozen=True)
class Query:
    """A call-log search's checked parameters."""

    since: float
    until: float
    sort_field: str
    descending: bool
    per_page: int
    page: int


def log_date(params: Mapping[str, Any], name: str) -> float:
    """A `YYYY-MM-DD HH:MM:SS` parameter (UTC) as epoch seconds, or its documented date error."""
    value = scalar(params, name)
    if not value:
        raise missing(name)
    match = DATE.fullmatch(value)
    if match is None:
        raise coded(77534, value)
    year, month, day = (int(part) for part in match.groups()[:3])
    if month in THIRTY_DAYS and day == 31:
        raise coded(25673, value)
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        raise coded(75429, value)
    if month == 2 and day in (30, 31):
        raise coded(63014, value)
    try:
        moment = datetime(*(int(part) for part in match.groups()), tzinfo=timezone.utc)  # type: ignore[misc]
    except ValueError:
        raise coded(77534, value) from None
    return moment.timestamp()


def _count(params: Mapping[str, Any], name: str, default: int, code: int) -> int:
    value = scalar(params, name)
    if value is None or value == "":
        return default
    if not digits(value) or len(value) > MAX_DIGITS or int(value) < 1:
        raise coded(code)
    return int(value)


SORTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "start_time": lambda e: (e["start_time"], int(e["id"])),
    "owner_id": lambda e: (int(e["from_account_id"] or 0), int(e["id"])),
    "event_type": lambda e: (e["origination"], int(e["id"])),
    "call_duration": lambda e: (e["total_duration"], int(e["id"])),
    "talking_duration": lambda e: (e["talk_duration"], int(e["id"])),
}


def query(params: Mapping[str, Any]) -> Query:
    """The dates, sorting and paging of a search, checked in the order of the doc's error table."""
    since, until = log_date(params, "start_date"), log_date(params, "end_date")
    if until < since:
        raise coded(12010)
    sort_field = scalar(params, "sort_field") or "start_time"
    if sort_field not in SORTS:
        raise coded(12016)
    sort_order = (scalar(params, "sort_order") or "DESC").upper()
    if sort_order not in ("ASC", "DESC"):
        raise coded(12017)
    per_page = _count(params, "items_per_page", 50, 12018)
    page = _count(params, "page_number", 1, 12019)
    return Query(since, until, sort_field, sort_order == "DESC", per_page, page)


def _party(name: str, number: str) -> str:
    return f"{name} <{number}>" if name else number


def _clock_of_day(epoch: float) -> str:
    """An event time as the doc writes it: `9:35:59 AM`."""
    moment = datetime.fromtimestamp(epoch, tz=timezone.utc)
    return f"{moment.hour % 12 or 12}:{moment:%M:%S} {'AM' if moment.hour < 12 else 'PM'}"


def _events(call: Mapping[str, Any], line: Timeline) -> list[dict[str, str]]:
    events = [
        {
            "start_time": _clock_of_day(line.started_at),
            "type": "OUTGOING",
            "display": f"Dialed number ({call['dialed_second']})",
        }
    ]
    answered = line.answered_at()
    if answered is not None:
        to = _party(str(call.get("to_name") or ""), str(call["dialed_second"]))
        events.append(
            {"start_time": _clock_of_day(answered), "type": "TALKING", "display": f"Talked to {to}"}
        )
    events.append(
        {"start_time": _clock_of_day(line.ended_at), "type": "HANGUP", "display": HANGUP_DISPLAY[line.result]}
    )
    return events


def entry(call: Mapping[str, Any], line: Timeline, origination: str) -> dict[str, Any]:
    """One ended call as `<call>` lists it (attributes in the doc's order, then its events)."""
    from_name, to_name = str(call.get("from_name") or ""), str(call.get("to_name") or "")
    return {
        "id": str(call["id"]),
        "origination": origination,
        "start_time": clock_text(line.started_at),
        "from": _party(from_name, str(call["dialed_first"])),
        "from_account_id": str(call.get("from_account_id") or ""),
        "from_name": from_name,
        "from_number": str(call["dialed_first"]),
        "to": _party(to_name, str(call["dialed_second"])),
        "to_account_id": str(call.get("to_account_id") or ""),
        "to_name": to_name,
        "to_number": str(call["dialed_second"]),
        "total_duration": int(line.ended_at - line.started_at),
        "talk_duration": int(line.talk_seconds()),
        "events": _events(call, line),
    }


def _ended(tenant: TenantState, clock: Clock, q: Query) -> list[tuple[dict[str, Any], Timeline]]:
    now = clock.time()
    found = []
    for call in tenant.collection("switchvox", "calls"):
        line = timeline(call)
        if line.state(now) == ENDED and q.since <= line.started_at <= q.until:
            found.append((call, line))
    return found


def page(entries: list[dict[str, Any]], q: Query) -> dict[str, Any]:
    """Sort and page the entries: `<calls page_number total_pages items_per_page total_items>`."""
    entries.sort(key=SORTS[q.sort_field], reverse=q.descending)
    total = len(entries)
    return {
        "page_number": q.page,
        "total_pages": math.ceil(total / q.per_page) if total else 0,
        "items_per_page": q.per_page,
        "total_items": total,
        "calls": entries[(q.page - 1) * q.per_page : q.page * q.per_page],
    }


def users_search(
    tenant: TenantState, clock: Clock, caller: Caller, params: Mapping[str, Any]
) -> dict[str, Any]:
    """switchvox.users.callLogs.search: the ended calls one account made or took."""
    q = query(params)
    record = account(tenant, caller, params, required=True)
    own = str(record["account_id"])
    entries = []
    for call, line in _ended(tenant, clock, q):
        if own == call.get("from_account_id"):
            entries.append(entry(call, line, "outgoing"))
        elif own == call.get("to_account_id"):
            entries.append(entry(call, line, "incoming"))
    return page(entries, q)


@dataclass(frozen=True)
class Filter:
    """callLogs.search's one optional filter, checked before any call is looked at."""

    accounts: frozenset[str]
    caller_id_name: str | None
    caller_id_number: str | None
    incoming_did: str | None
    providers: bool
    """Whether a channel group or provider list was given (no call the API places matches one)."""

    def matches(self, call: Mapping[str, Any]) -> bool:
        """Whether the call passes the filter."""
        if self.accounts and not {call.get("from_account_id"), call.get("to_account_id")} & self.accounts:
            return False
        if self.caller_id_name and self.caller_id_name not in (
            call.get("from_name"),
            call.get("caller_id_name"),
        ):
            return False
        if self.caller_id_number and self.caller_id_number != call.get("dialed_first"):
            return False
        if self.incoming_did and self.incoming_did != call.get("dialed_second"):
            return False
        return not self.providers


def read_filter(params: Mapping[str, Any]) -> Filter:
    """The filter of an admin search (10014 for an account id that is not digits)."""
    accounts = listed(params, "account_ids", "account_id") or []
    for account_id in accounts:
        check_account_id(account_id)
    return Filter(
        frozenset(accounts),
        scalar(params, "caller_id_name"),
        scalar(params, "caller_id_number"),
        scalar(params, "incoming_did"),
        any(listed(params, wrapper, item) for wrapper, item in PROVIDER_FILTERS),
    )


def admin_search(tenant: TenantState, clock: Clock, params: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.callLogs.search: every ended call on the PBX, filtered, with its `cdr_call_id`."""
    q = query(params)
    wanted = read_filter(params)
    entries = []
    for call, line in _ended(tenant, clock, q):
        if wanted.matches(call):
            entries.append({**entry(call, line, "outgoing"), "cdr_call_id": str(call["id"])})
    return page(entries, q)
