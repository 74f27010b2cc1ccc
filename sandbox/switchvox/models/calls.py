"""Originated calls: switchvox.call, switchvox.users.call, currentCalls.getList and currentCalls.hangUp.

The Extend wiki's CallCreation pages: the PBX rings `dial_first` for up to `timeout` seconds; once it
answers, it dials `dial_second` and bridges the two. The sandbox keeps one record per call
(`switchvox.calls`); its state comes from the state machine in
`sandbox.switchvox.models.call_machine` and the tenant clock.

The outcome and the durations come from the tenant's settings record (`calls`: `outcome`, `ring_s`,
`talk_s`, and `by_number`, an outcome per dialed number, checked for dial_second then dial_first),
copied into the call when it is placed, so later changes leave a placed call alone. A call set to
be answered after longer than its `timeout` is not answered (dial_first stops ringing at `timeout`).
currentCalls.hangUp ends a live call at once. A live call is in currentCalls.getList; an ended one
is in the call logs (`sandbox.switchvox.models.calllogs`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import coded, invalid, missing
from sandbox.switchvox.models.auth import Caller
from sandbox.switchvox.models.call_machine import ANSWER, ENDED, NO_ANSWER, PATHS, Timeline, timeline
from sandbox.switchvox.models.extensions import DATE_FORMAT, check_account_id, display, settings
from sandbox.switchvox.models.users import account
from sandbox.switchvox.params import integer, listed, required, scalar

DEFAULT_CALLS: dict[str, Any] = {"outcome": ANSWER, "ring_s": 5, "talk_s": 60, "by_number": {}}
NUMBER = re.compile(r"[0-9*#+]{1,32}")
MAX_CALLER_ID_NAME = 20
MAX_SECONDS = 10**7
FORMAT = "ulaw"


def _seconds(value: Any, default: float) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= MAX_SECONDS
    return float(value) if ok else default


def _is_outcome(value: Any) -> bool:
    return isinstance(value, str) and value in PATHS


def call_settings(tenant: TenantState) -> dict[str, Any]:
    """The tenant's `calls` settings, with the defaults for anything missing or out of its domain."""
    given = settings(tenant).get("calls")
    given = given if isinstance(given, dict) else {}
    outcome = given.get("outcome") if _is_outcome(given.get("outcome")) else DEFAULT_CALLS["outcome"]
    by_number = given.get("by_number") if isinstance(given.get("by_number"), dict) else {}
    return {
        "outcome": outcome,
        "ring_s": _seconds(given.get("ring_s"), DEFAULT_CALLS["ring_s"]),
        "talk_s": _seconds(given.get("talk_s"), DEFAULT_CALLS["talk_s"]),
        "by_number": {str(k): v for k, v in by_number.items() if _is_outcome(v)},
    }


def _number(params: Mapping[str, Any], name: str) -> str:
    value = required(params, name)
    if not NUMBER.fullmatch(value):
        raise invalid(name, value)
    return value


def _flag(params: Mapping[str, Any], name: str) -> bool:
    return integer(params, name, 0, 0, 1) == 1


def _extension(tenant: TenantState, number: str) -> dict[str, Any] | None:
    return next(iter(tenant.collection("switchvox", "extensions").find("number", number)), None)


def _dialed(tenant: TenantState, number: str, dial_as: Mapping[str, Any], ignore_api: bool) -> str:
    """The number actually dialed: an outside number gets the account's Call API dial prefix.

    CALL's example dials 15554578299 as 915554578299 under the account's Call API settings; the
    sandbox keeps that prefix as the extension record's `call_api_dial_prefix` (empty by default).
    """
    if ignore_api or _extension(tenant, number) is not None:
        return number
    return str(dial_as.get("call_api_dial_prefix") or "") + number


def _next_id(tenant: TenantState) -> int:
    ids = [int(c["id"]) for c in tenant.collection("switchvox", "calls") if str(c.get("id", "")).isdigit()]
    return max(ids, default=0) + 1


def originate(
    tenant: TenantState, clock: Clock, params: Mapping[str, Any], dial_as: Mapping[str, Any], method: str
) -> dict[str, Any]:
    """Place a call as the account `dial_as`; the new call record."""
    first, second = _number(params, "dial_first"), _number(params, "dial_second")
    caller_id_name = scalar(params, "caller_id_name") or "PBX"
    if len(caller_id_name) > MAX_CALLER_ID_NAME:
        raise invalid("caller_id_name", caller_id_name)
    timeout = integer(params, "timeout", 30, 0, 999)
    integer(params, "timeout_second_call", 30, 0, 999)
    ignore_api = _flag(params, "ignore_user_api_settings")
    for name in ("ignore_user_call_rules", "auto_answer"):
        _flag(params, name)
    variables = listed(params, "variables", "variable") or []
    for variable in variables:
        if "=" not in variable:
            raise invalid("variable", variable)
    config = call_settings(tenant)
    outcome = config["by_number"].get(second) or config["by_number"].get(first) or config["outcome"]
    if outcome == ANSWER and config["ring_s"] > timeout:
        outcome = NO_ANSWER  # dial_first stops ringing after `timeout` seconds, unanswered
    number = _next_id(tenant)
    dialed_first = _dialed(tenant, first, dial_as, ignore_api)
    parties = {}
    for side, dialed in (("from", first), ("to", second)):
        record = _extension(tenant, dialed)
        parties[f"{side}_account_id"] = str(record["account_id"]) if record else ""
        parties[f"{side}_name"] = display(record) if record else ""
    call = {
        "id": str(number),
        "channel": f"SIP/{dialed_first}-{number:08x}",
        "method": method,
        "dial_as_account_id": str(dial_as["account_id"]),
        "caller_id_name": caller_id_name,
        "dial_first": first,
        "dial_second": second,
        "dialed_first": dialed_first,
        "dialed_second": _dialed(tenant, second, dial_as, ignore_api),
        **parties,
        "variables": variables,
        "timeout": timeout,
        "outcome": outcome,
        "ring_s": config["ring_s"],
        "talk_s": config["talk_s"],
        "started_at": clock.time(),
        "hung_up_at": None,
    }
    tenant.collection("switchvox", "calls").put(call)
    return call


def admin_call(tenant: TenantState, clock: Clock, params: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.call: place a call under `dial_as_account_id`'s rules (10011, 10014, 84711)."""
    _number(params, "dial_first")
    _number(params, "dial_second")
    account_id = scalar(params, "dial_as_account_id")
    if not account_id:
        raise missing("dial_as_account_id")
    check_account_id(account_id)
    dial_as = tenant.collection("switchvox", "extensions").get(account_id)
    if dial_as is None:
        raise coded(84711)
    return originate(tenant, clock, params, dial_as, "switchvox.call")


def users_call(
    tenant: TenantState, clock: Clock, caller: Caller, params: Mapping[str, Any]
) -> dict[str, Any]:
    """switchvox.users.call: place a call as the caller's own account (or, for an admin, `account_id`)."""
    _number(params, "dial_first")
    _number(params, "dial_second")
    dial_as = account(tenant, caller, params, required=False)
    return originate(tenant, clock, params, dial_as, "switchvox.users.call")


def clock_text(epoch: float) -> str:
    """A sandbox-clock instant as Switchvox writes dates: `YYYY-MM-DD HH:MM:SS` (UTC)."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime(DATE_FORMAT)


def live(tenant: TenantState, clock: Clock) -> list[tuple[dict[str, Any], Timeline]]:
    """The calls in progress now, oldest first, with their timelines."""
    now = clock.time()
    found = []
    for call in tenant.collection("switchvox", "calls"):
        line = timeline(call)
        if line.state(now) != ENDED:
            found.append((call, line))
    found.sort(key=lambda pair: (pair[1].started_at, int(pair[0]["id"])))
    return found


def current(tenant: TenantState, clock: Clock) -> list[dict[str, Any]]:
    """switchvox.currentCalls.getList: each live call as `<current_call>` describes it."""
    now = clock.time()
    out = []
    for call, line in live(tenant, clock):
        out.append(
            {
                "id": call["channel"],
                "state": line.state(now),
                "start_time": clock_text(line.started_at),
                "duration": int(now - line.started_at),
                "from_caller_id_name": call.get("from_name") or call["caller_id_name"],
                "from_caller_id_number": call["dialed_first"],
                "to_caller_id_name": call.get("to_name") or "",
                "to_caller_id_number": call["dialed_second"],
                "format": FORMAT,
            }
        )
    return out


def hang_up(tenant: TenantState, clock: Clock, params: Mapping[str, Any]) -> None:
    """switchvox.currentCalls.hangUp: end the live call `current_call_id` now (10011, 10016)."""
    channel = required(params, "current_call_id")
    for call, _ in live(tenant, clock):
        if call["channel"] == channel:
            tenant.collection("switchvox", "calls").update(call["id"], hung_up_at=clock.time())
            return
    raise coded(10016, channel)
