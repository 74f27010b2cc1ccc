"""Fault rules: checking what users send, and the records kept in the tenant store.

A rule record is what the user gave, normalised, plus `position` (its rank: the first matching rule
fires), `created_at` (sandbox-clock seconds, the start of `ttl_s`; null until the rule first sees a
request when it came from a fault or world file) and `state` (its counters and stream position).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

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
MATCH_FIELDS = ("vendor", "method", "path", "operation")
RULE_FIELDS = ("id", "match", "action", "probability", "seed", "after", "times", "ttl_s")
READ_ONLY_FIELDS = ("position", "created_at", "state")
"""Fields of a stored rule that the user may send back (a GET copied into a POST) but not set."""
CUT_TYPES = ("reset", "empty", "hang")
WHEN = ("before", "after")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$")
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
MAX_MS = 24 * 3600 * 1000
MAX_S = 10 * 365 * 86400

Rule = dict[str, Any]
CodeCheck = Callable[[str, Any], str | None]
"""(vendor, code) -> None when the vendor knows the code, else why not."""


class RuleError(ValueError):
    """A rule that cannot be accepted; `field` names where (`action.status`, `rules[2].match.path`)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def fresh_state() -> dict[str, Any]:
    """The counters of a rule that has seen nothing yet."""
    return {"matched": 0, "fired": 0, "draws": 0, "window_start": None, "window_count": 0}


# -- small typed readers ----------------------------------------------------------------------------
def _number(value: Any, field: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RuleError(field, "must be a number")
    if not low <= value <= high:
        raise RuleError(field, f"must be between {low:g} and {high:g}")
    return value


def _integer(value: Any, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleError(field, "must be an integer")
    if not low <= value <= high:
        raise RuleError(field, f"must be between {low} and {high}")
    return value


def _string(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise RuleError(field, "must be a non-empty string")
    return value


def _object(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RuleError(field, "must be an object")
    return value


def _known(body: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
    allowed = set(allowed)
    for name in body:
        if name not in allowed:
            raise RuleError(f"{where}{name}", "unknown field")


# -- match ------------------------------------------------------------------------------------------
def check_match(value: Any, vendors: Iterable[str]) -> dict[str, str]:
    """`match` normalised: every field optional, method upper-case, vendor a known one."""
    if value is None:
        return {}
    body = _object(value, "match")
    _known(body, MATCH_FIELDS, "match.")
    match: dict[str, str] = {}
    if "vendor" in body:
        names = sorted(vendors)
        vendor = _string(body["vendor"], "match.vendor")
        if vendor not in names:
            raise RuleError("match.vendor", f"unknown vendor {vendor!r}; one of {', '.join(names)}")
        match["vendor"] = vendor
    if "method" in body:
        method = _string(body["method"], "match.method").upper()
        if method not in METHODS:
            raise RuleError("match.method", f"unknown method {method!r}; one of {', '.join(METHODS)}")
        match["method"] = method
    if "path" in body:
        path = _string(body["path"], "match.path")
        if not path.startswith(("/", "*")):
            raise RuleError("match.path", "must start with '/' or '*' (it is vendor-relative)")
        match["path"] = path
    if "operation" in body:
        match["operation"] = _string(body["operation"], "match.operation")
    return match


# -- actions ----------------------------------------------------------------------------------------
def _delay(a: dict[str, Any]) -> dict[str, Any]:
    distribution = a.get("distribution", "fixed")
    if distribution == "fixed":
        _known(a, ("type", "distribution", "ms"), "action.")
        if "ms" not in a:
            raise RuleError("action.ms", "required for a fixed delay")
        return {"type": "delay", "distribution": "fixed", "ms": _number(a["ms"], "action.ms", 0, MAX_MS)}
    if distribution == "uniform":
        _known(a, ("type", "distribution", "min_ms", "max_ms"), "action.")
        for name in ("min_ms", "max_ms"):
            if name not in a:
                raise RuleError(f"action.{name}", "required for a uniform delay")
        low = _number(a["min_ms"], "action.min_ms", 0, MAX_MS)
        high = _number(a["max_ms"], "action.max_ms", 0, MAX_MS)
        if high < low:
            raise RuleError("action.max_ms", "must not be less than min_ms")
        return {"type": "delay", "distribution": "uniform", "min_ms": low, "max_ms": high}
    if distribution == "lognormal":
        _known(a, ("type", "distribution", "median_ms", "sigma"), "action.")
        for name in ("median_ms", "sigma"):
            if name not in a:
                raise RuleError(f"action.{name}", "required for a lognormal delay")
        median = _number(a["median_ms"], "action.median_ms", 0, MAX_MS)
        sigma = _number(a["sigma"], "action.sigma", 0, 10)
        return {"type": "delay", "distribution": "lognormal", "median_ms": median, "sigma": sigma}
    raise RuleError("action.distribution", "must be fixed, uniform or lognormal")


def _error(a: dict[str, Any]) -> dict[str, Any]:
    _known(a, ("type", "status", "message", "body", "headers"), "action.")
    if "status" not in a:
        raise RuleError("action.status", "required for an error")
    action: dict[str, Any] = {"type": "error", "status": _integer(a["status"], "action.status", 200, 599)}
    if "message" in a:
        action["message"] = _string(a["message"], "action.message")
    if "body" in a:
        if not isinstance(a["body"], (str, dict, list)):
            raise RuleError("action.body", "must be a string (sent as is) or JSON (an object or an array)")
        action["body"] = a["body"]
    if "headers" in a:
        headers = _object(a["headers"], "action.headers")
        for name, value in headers.items():
            if not re.match(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", name):
                raise RuleError(f"action.headers.{name}", "not a valid header name")
            if not isinstance(value, str) or "\n" in value or "\r" in value:
                raise RuleError(f"action.headers.{name}", "must be a one-line string")
        action["headers"] = dict(headers)
    return action


def _vendor_error(a: dict[str, Any], vendor: str | None, check_code: CodeCheck | None) -> dict[str, Any]:
    _known(a, ("type", "code"), "action.")
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
    _known(a, ("type", "limit", "window_s", "message"), "action.")
    for name in ("limit", "window_s"):
        if name not in a:
            raise RuleError(f"action.{name}", "required for a rate limit")
    action: dict[str, Any] = {
        "type": "rate_limit",
        "limit": _integer(a["limit"], "action.limit", 0, 10**9),
        "window_s": _number(a["window_s"], "action.window_s", 0.001, MAX_S),
    }
    if "message" in a:
        action["message"] = _string(a["message"], "action.message")
    return action


def _cut(a: dict[str, Any]) -> dict[str, Any]:
    kind = a["type"]
    names = ("type", "when", "ms") if kind == "hang" else ("type", "when")
    _known(a, names, "action.")
    when = a.get("when", "before")
    if when not in WHEN:
        raise RuleError("action.when", "must be before (the request is not applied) or after (it is)")
    action: dict[str, Any] = {"type": kind, "when": when}
    if kind == "hang" and a.get("ms") is not None:
        action["ms"] = _number(a["ms"], "action.ms", 0, MAX_MS)
    return action


def _malformed(a: dict[str, Any]) -> dict[str, Any]:
    _known(a, ("type", "body"), "action.")
    action: dict[str, Any] = {"type": "malformed"}
    if "body" in a:
        if not isinstance(a["body"], str):
            raise RuleError("action.body", "must be a string")
        action["body"] = a["body"]
    return action


def _dribble(a: dict[str, Any]) -> dict[str, Any]:
    _known(a, ("type", "chunk_bytes", "interval_ms"), "action.")
    return {
        "type": "dribble",
        "chunk_bytes": _integer(a.get("chunk_bytes", 1), "action.chunk_bytes", 1, 1 << 20),
        "interval_ms": _number(a.get("interval_ms", 100), "action.interval_ms", 0, 60_000),
    }


def _task_failure(a: dict[str, Any]) -> dict[str, Any]:
    _known(a, ("type", "message"), "action.")
    action: dict[str, Any] = {"type": "task_failure"}
    if "message" in a:
        action["message"] = _string(a["message"], "action.message")
    return action


def check_action(value: Any, vendor: str | None, check_code: CodeCheck | None = None) -> dict[str, Any]:
    """`action` normalised, with the parameters of its type and nothing else."""
    body = _object(value, "action")
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


# -- whole rules ------------------------------------------------------------------------------------
def check_rule(
    value: Any, vendors: Iterable[str], default_seed: int, check_code: CodeCheck | None = None
) -> Rule:
    """A rule as the user wrote it, checked and normalised (no id given: `id` is None)."""
    body = _object(value, "rule")
    _known(body, (*RULE_FIELDS, *READ_ONLY_FIELDS), "")
    rule: Rule = {"id": None}
    if body.get("id") is not None:
        rule_id = _string(body["id"], "id")
        if not ID_PATTERN.match(rule_id):
            raise RuleError("id", "use 1 to 128 letters, digits, '.', '_', '~' or '-'")
        rule["id"] = rule_id
    rule["match"] = check_match(body.get("match"), vendors)
    if "action" not in body:
        raise RuleError("action", "required: an object with a type")
    rule["action"] = check_action(body["action"], rule["match"].get("vendor"), check_code)
    probability = body.get("probability")
    rule["probability"] = 1.0 if probability is None else float(_number(probability, "probability", 0, 1))
    seed = body.get("seed")
    rule["seed"] = default_seed if seed is None else _integer(seed, "seed", -(2**63), 2**63 - 1)
    after = body.get("after")
    rule["after"] = 0 if after is None else _integer(after, "after", 0, 2**62)
    times = body.get("times")
    rule["times"] = None if times is None else _integer(times, "times", 0, 2**62)
    ttl = body.get("ttl_s")
    rule["ttl_s"] = None if ttl is None else _number(ttl, "ttl_s", 0.001, MAX_S)
    return rule


def check_rule_set(
    value: Any, vendors: Iterable[str], default_seed: int, check_code: CodeCheck | None = None
) -> list[Rule]:
    """`{"seed": N, "rules": [...]}` as a list of checked rules (ids still None where none was given)."""
    body = _object(value, "body")
    _known(body, ("seed", "rules"), "")
    seed = body.get("seed")
    seed = default_seed if seed is None else _integer(seed, "seed", -(2**63), 2**63 - 1)
    rules = body.get("rules", [])
    if not isinstance(rules, list):
        raise RuleError("rules", "must be a list of rules")
    vendors = list(vendors)
    checked: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(rules):
        try:
            rule = check_rule(item, vendors, seed, check_code)
        except RuleError as exc:
            raise RuleError(f"rules[{i}].{exc.field}", exc.message) from None
        if rule["id"] is not None:
            if rule["id"] in seen:
                raise RuleError(f"rules[{i}].id", f"duplicate id {rule['id']!r}")
            seen.add(rule["id"])
        checked.append(rule)
    return checked


def number_rules(
    rules: list[Rule], taken: Iterable[str], first_position: int, now: float | None
) -> list[Rule]:
    """Give ids to rules without one (`rule-N`, never one in `taken`), ranks, and fresh counters."""
    used = set(taken) | {r["id"] for r in rules if r["id"] is not None}
    counter = 0
    records: list[Rule] = []
    for offset, rule in enumerate(rules):
        rule_id = rule["id"]
        while rule_id is None:
            counter += 1
            candidate = f"rule-{counter}"
            if candidate not in used:
                rule_id = candidate
                used.add(candidate)
        records.append(
            {
                **rule,
                "id": rule_id,
                "position": first_position + offset,
                "created_at": now,
                "state": fresh_state(),
            }
        )
    return records


def check_record(
    value: Any, vendors: Iterable[str], default_seed: int, check_code: CodeCheck | None = None
) -> Rule:
    """A stored rule from a state document or a world file: the rule checked, its bookkeeping kept."""
    rule = check_rule(value, vendors, default_seed, check_code)
    if rule["id"] is None:
        raise RuleError("id", "required in a stored rule")
    position = value.get("position", 0)
    created = value.get("created_at")
    state = value.get("state")
    counters = fresh_state()
    if state is not None:
        state = _object(state, "state")
        for name in ("matched", "fired", "draws", "window_count"):
            if name in state:
                counters[name] = _integer(state[name], f"state.{name}", 0, 2**62)
        if state.get("window_start") is not None:
            counters["window_start"] = _number(
                state["window_start"], "state.window_start", -MAX_S, 10 * MAX_S
            )
    return {
        **rule,
        "position": _integer(position, "position", -(2**62), 2**62),
        "created_at": None if created is None else _number(created, "created_at", -MAX_S, 10 * MAX_S),
        "state": counters,
    }


def check_fault_records(
    records: Any, vendors: list[str], seed: int, where: str, check_code: CodeCheck | None = None
) -> list[dict[str, Any]]:
    """Stored rules from a state document or world file, checked (RuleError naming the field otherwise)."""
    if not isinstance(records, list):
        raise RuleError(where, "must be a list of rules")
    checked = []
    for i, record in enumerate(records):
        try:
            checked.append(check_record(record, vendors, seed, check_code))
        except RuleError as exc:
            raise RuleError(f"{where}[{i}].{exc.field}", exc.message) from None
    return checked
