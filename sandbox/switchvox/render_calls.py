"""`<result>` trees of the call methods: call_info, current_calls, calls (call logs), success."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def attrs(fields: Mapping[str, Any]) -> dict[str, str]:
    """Plain fields as element attributes (`@name`: text), in their order."""
    return {f"@{name}": "" if value is None else str(value) for name, value in fields.items()}


def call_info(call: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.call / users.call: `<call_info dialed_first dialed_second><variables/></call_info>`."""
    return {
        "call_info": {
            "@dialed_first": str(call["dialed_first"]),
            "@dialed_second": str(call["dialed_second"]),
            "variables": None,
        }
    }


def current_calls(calls: list[dict[str, Any]]) -> dict[str, Any]:
    """switchvox.currentCalls.getList: `<current_calls total_items>` of `<current_call .../>`."""
    return {"current_calls": {"@total_items": str(len(calls)), "current_call": [attrs(c) for c in calls]}}


def success(_: Any) -> dict[str, Any]:
    """A method that returns nothing (currentCalls.hangUp): `<result><success/></result>`."""
    return {"success": None}


def _call(entry: Mapping[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in entry.items() if k != "events"}
    return {**attrs(fields), "events": {"event": [attrs(e) for e in entry["events"]]}}


def _calls(page: Mapping[str, Any]) -> dict[str, Any]:
    head = {k: page[k] for k in ("page_number", "total_pages", "items_per_page", "total_items")}
    return {"calls": {**attrs(head), "call": [_call(e) for e in page["calls"]]}}


def user_call_logs(page: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.users.callLogs.search: `<calls page_number total_pages items_per_page total_items>`."""
    return _calls(page)


def admin_call_logs(page: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.callLogs.search: the same `<calls>`, each `<call>` with its `cdr_call_id`."""
    return _calls(page)
