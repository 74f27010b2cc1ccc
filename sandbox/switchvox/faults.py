"""Fault `vendor_error`: any documented Switchvox code, its message filled from the request."""

from __future__ import annotations

from typing import Any

from sandbox.switchvox.exceptions import MESSAGES, SwitchvoxError, coded, unauthorized
from sandbox.switchvox.models.auth import challenge
from sandbox.switchvox.world import DEFAULT_SETTINGS

# What fills %1, %2... when the request does not say: (parameter to read, fallback) per placeholder.
PLACEHOLDERS: dict[int, tuple[tuple[str, Any], ...]] = {
    86161: (("", DEFAULT_SETTINGS["unregistered_extension_limit"]),),
    86173: (("template_account_id", ""),),
    95106: (("dupe_process", ""),),
    38297: (("template_account_id", ""),),
    10010: (("extension", ""),),
    10012: (("extension", ""), ("", 1), ("", 10)),
    10014: (("account_id", ""),),
    10002: (("", "fault injected"),),
    10003: (("method", ""),),
    10011: (("", "parameter"),),
    10015: (("", "parameter"), ("", "")),
    10403: (("method", ""),),
    77534: (("start_date", ""),),
    25673: (("start_date", ""),),
    75429: (("start_date", ""),),
    63014: (("start_date", ""),),
    10016: (("current_call_id", ""),),
    10017: (("extension_group_id", ""),),
}


def _request_params() -> dict[str, Any]:
    try:
        from flask import g

        from sandbox.switchvox.envelope import parse_request

        current = g.get("sandbox_call")
        if current is None or current.vendor is None or current.vendor.name != "switchvox":
            return {}
        call = parse_request()
        return {**call.params, "method": call.method}
    except Exception:  # no request, or not a valid one: the fallbacks apply
        return {}


def coded_error(code: str) -> SwitchvoxError:
    """The documented error for `code` (as Switchvox writes it, e.g. "70674"); ValueError if unknown."""
    try:
        number = int(str(code).strip())
    except ValueError:
        raise ValueError(f"unknown Switchvox error code {code!r}") from None
    if number not in MESSAGES:
        raise ValueError(f"unknown Switchvox error code {code!r}; documented: {sorted(MESSAGES)}")
    params = _request_params()
    args = []
    for name, fallback in PLACEHOLDERS.get(number, ()):
        value = params.get(name) if name else None
        args.append(value if isinstance(value, (str, int)) and str(value) else fallback)
    if number == 10401:
        return unauthorized(challenge(_now()))  # a 401 always carries the Digest challenge
    return coded(number, *args)


def _now() -> float:
    """The request's tenant clock (0 when a rule is checked outside a vendor request)."""
    try:
        from sandbox.core.context import current_clock

        return current_clock().time()
    except Exception:
        return 0.0
