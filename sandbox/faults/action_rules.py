"""Checking a fault rule's `action`: its type and that type's parameters, nothing else."""

from __future__ import annotations

import re
from typing import Any

from sandbox.faults.checks import MAX_MS, MAX_S, CodeCheck, RuleError, integer, known, number, obj, string

ACTION_TYPES = (
    "delay",
    "error",
    "vendor_error",
    "rate_limit",
    "reset",
    "empty",
    "malformed",
    "dribble",
    "hang",
    "task_failure",
)
CUT_TYPES = ("reset", "empty", "hang")
WHEN = ("before", "after")
HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


def _delay(a: dict[str, Any]) -> dict[str, Any]:
    distribution = a.get("distribution", "fixed")
    if distribution == "fixed":
        known(a, ("type", "distribution", "ms"), "action.")
        if "ms" not in a:
            raise RuleError("action.ms", "required for a fixed delay")
        return {"type": "delay", "distribution": "fixed", "ms": number(a["ms"], "action.ms", 0, MAX_MS)}
    if distribution == "uniform":
        known(a, ("type", "distribution", "min_ms", "max_ms"), "action.")
        for name in ("min_ms", "max_ms"):
            if name not in a:
                raise RuleError(f"action.{name}", "required for a uniform delay")
        low = number(a["min_ms"], "action.min_ms", 0, MAX_MS)
        high = number(a["max_ms"], "action.max_ms", 0, MAX_MS)
        if high < low:
            raise RuleError("action.max_ms", "must not be less than min_ms")
        return {"type": "delay", "distribution": "uniform", "min_ms": low, "max_ms": high}
    if distribution == "lognormal":
        known(a, ("type", "distribution", "median_ms", "sigma"), "action.")
        for name in ("median_ms", "sigma"):
            if name not in a:
                raise RuleError(f"action.{name}", "required for a lognormal delay")
        median = number(a["median_ms"], "action.median_ms", 0, MAX_MS)
        sigma = number(a["sigma"], "action.sigma", 0, 10)
        return {"type": "delay", "distribution": "lognormal", "median_ms": median, "sigma": sigma}
    raise RuleError("action.distribution", "must be fixed, uniform or lognormal")


def _error(a: dict[str, Any]) -> dict[str, Any]:
    known(a, ("type", "status", "message", "body", "headers"), "action.")
    if "status" not in a:
        raise RuleError("action.status", "required for an error")
    action: dict[str, Any] = {"type": "error", "status": integer(a["status"], "action.status", 200, 599)}
    if "message" in a:
        action["message"] = string(a["message"], "action.message")
    if "body" in a:
        if not isinstance(a["body"], (str, dict, list)):
            raise RuleError("action.body", "must be a string (sent as is) or JSON (an object or an array)")
        action["body"] = a["body"]
    if "headers" in a:
        headers = obj(a["headers"], "action.headers")
        for name, value in headers.items():
            if not HEADER_NAME.match(name):
                raise RuleError(f"action.headers.{name}", "not a valid header name")
            if not isinstance(value, str) or "\n" in value or "\r" in value:
                raise RuleError(f"action.headers.{name}", "must be a one-line string")
        action["headers"] = dict(headers)
    return action


def _vendor_error(a: dict[str, Any], vendor: str | None, check_code: CodeCheck | None) -> dict[str, Any]:
    known(a, ("type", "code"), "action.")
    code = a.get("code")
    if isinstance(code, bool) or not isinstance(code, (str, int)) or code == "":
        raise RuleError("action.code", "required: the vendor's error code (a string or an integer)")
    if vendor is None:
        raise RuleError("match.vendor", "required by vendor_error (an error code belongs to one vendor)")
    if check_code is not None:
        problem = check_code(vendor, code)
        if problem:
            raise RuleError("action.code", problem)
    return {"type": "vendor_error", "code": code}


def _rate_limit(a: dict[str, Any]) -> dict[str, Any]:
    known(a, ("type", "limit", "window_s", "message"), "action.")
    for name in ("limit", "window_s"):
        if name not in a:
            raise RuleError(f"action.{name}", "required for a rate limit")
    action: dict[str, Any] = {
        "type": "rate_limit",
        "limit": integer(a["limit"], "action.limit", 0, 10**9),
        "window_s": number(a["window_s"], "action.window_s", 0.001, MAX_S),
    }
    if "message" in a:
        action["message"] = string(a["message"], "action.message")
    return action


def _cut(a: dict[str, Any]) -> dict[str, Any]:
    kind = a["type"]
    names = ("type", "when", "ms") if kind == "hang" else ("type", "when")
    known(a, names, "action.")
    when = a.get("when", "before")
    if when not in WHEN:
        raise RuleError("action.when", "must be before (the request is not applied) or after (it is)")
    action: dict[str, Any] = {"type": kind, "when": when}
    if kind == "hang" and a.get("ms") is not None:
        action["ms"] = number(a["ms"], "action.ms", 0, MAX_MS)
    return action


def _malformed(a: dict[str, Any]) -> dict[str, Any]:
    known(a, ("type", "body"), "action.")
    action: dict[str, Any] = {"type": "malformed"}
    if "body" in a:
        if not isinstance(a["body"], str):
            raise RuleError("action.body", "must be a string")
        action["body"] = a["body"]
    return action


def _dribble(a: dict[str, Any]) -> dict[str, Any]:
    known(a, ("type", "chunk_bytes", "interval_ms"), "action.")
    return {
        "type": "dribble",
        "chunk_bytes": integer(a.get("chunk_bytes", 1), "action.chunk_bytes", 1, 1 << 20),
        "interval_ms": number(a.get("interval_ms", 100), "action.interval_ms", 0, 60_000),
    }


def _task_failure(a: dict[str, Any]) -> dict[str, Any]:
    known(a, ("type", "message"), "action.")
    action: dict[str, Any] = {"type": "task_failure"}
    if "message" in a:
        action["message"] = string(a["message"], "action.message")
    return action


def check_action(value: Any, vendor: str | None, check_code: CodeCheck | None = None) -> dict[str, Any]:
    """`action` normalised, with the parameters of its type and nothing else."""
    body = obj(value, "action")
    kind = body.get("type")
    if kind not in ACTION_TYPES:
        raise RuleError("action.type", f"required, one of {', '.join(ACTION_TYPES)}")
    if kind == "delay":
        return _delay(body)
    if kind == "error":
        return _error(body)
    if kind == "vendor_error":
        return _vendor_error(body, vendor, check_code)
    if kind == "rate_limit":
        return _rate_limit(body)
    if kind in CUT_TYPES:
        return _cut(body)
    if kind == "malformed":
        return _malformed(body)
    if kind == "dribble":
        return _dribble(body)
    return _task_failure(body)
