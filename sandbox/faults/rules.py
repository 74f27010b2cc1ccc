"""Fault rules: checking what users send, and the records kept in the tenant store.

A rule record is what the user gave, normalised, plus `position` (its rank: the first matching rule
fires), `created_at` (sandbox-clock seconds, the start of `ttl_s`; null until the rule first sees a
request when it came from a fault or world file) and `state` (its counters and stream position).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sandbox.faults.action_rules import check_action
from sandbox.faults.checks import MAX_S, CodeCheck, RuleError, integer, known, number, obj, string
from sandbox.faults.params import Param

MATCH_FIELDS = ("vendor", "method", "path", "operation")
RULE_FIELDS = ("id", "match", "action", "probability", "seed", "after", "times", "ttl_s")
READ_ONLY_FIELDS = ("position", "created_at", "state")
"""Fields of a stored rule that the user may send back (a GET copied into a POST) but not set."""
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$")
MAX_RULES = 1000
"""Rules a tenant may hold: every request tries them in turn, and the journal explains each one."""
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
SEED_RANGE = (-(2**63), 2**63 - 1)
RULE_PARAMS = (
    Param("probability", "number", "chance that a matching request fires it", low=0, high=1, default=1.0),
    Param("times", "integer", "fires at most this many times (empty: no limit)", low=0, high=2**62),
    Param("after", "integer", "matching requests let through first", low=0, high=2**62, default=0),
    Param("ttl_s", "number", "seconds it lasts, sandbox clock (empty: always)", low=0.001, high=MAX_S),
    Param("seed", "integer", "seed of its draws (empty: the server's)", low=-(2**63), high=2**63 - 1),
)
"""A rule's fields besides id, match and action; absent or null takes the default (seed: the server's)."""
Rule = dict[str, Any]


def fresh_state() -> dict[str, Any]:
    """The counters of a rule that has seen nothing yet."""
    return {"matched": 0, "fired": 0, "draws": 0, "window_start": None, "window_count": 0}


def check_match(value: Any, vendors: Iterable[str]) -> dict[str, str]:
    """`match` normalised: every field optional, method upper-case, vendor a known one."""
    if value is None:
        return {}
    body = obj(value, "match")
    known(body, MATCH_FIELDS, "match.")
    match: dict[str, str] = {}
    if "vendor" in body:
        names = sorted(vendors)
        vendor = string(body["vendor"], "match.vendor")
        if vendor not in names:
            raise RuleError("match.vendor", f"unknown vendor {vendor!r}; one of {', '.join(names)}")
        match["vendor"] = vendor
    if "method" in body:
        method = string(body["method"], "match.method").upper()
        if method not in METHODS:
            raise RuleError("match.method", f"unknown method {method!r}; one of {', '.join(METHODS)}")
        match["method"] = method
    if "path" in body:
        path = string(body["path"], "match.path")
        if not path.startswith(("/", "*")):
            raise RuleError("match.path", "must start with '/' or '*' (it is vendor-relative)")
        match["path"] = path
    if "operation" in body:
        match["operation"] = string(body["operation"], "match.operation")
    return match


def check_rule(
    value: Any, vendors: Iterable[str], default_seed: int, check_code: CodeCheck | None = None
) -> Rule:
    """A rule as the user wrote it, checked and normalised (no id given: `id` is None)."""
    body = obj(value, "rule")
    known(body, (*RULE_FIELDS, *READ_ONLY_FIELDS), "")
    rule: Rule = {"id": None}
    if body.get("id") is not None:
        rule_id = string(body["id"], "id")
        if not ID_PATTERN.match(rule_id):
            raise RuleError("id", "use 1 to 128 letters, digits, '.', '_', '~' or '-'")
        rule["id"] = rule_id
    rule["match"] = check_match(body.get("match"), vendors)
    if "action" not in body:
        raise RuleError("action", "required: an object with a type")
    rule["action"] = check_action(body["action"], rule["match"].get("vendor"), check_code)
    for param in RULE_PARAMS:
        value = body.get(param.name)
        default = default_seed if param.name == "seed" else param.default
        rule[param.name] = default if value is None else param.read(value, param.name)
    rule["probability"] = float(rule["probability"])
    return rule


def check_rule_set(
    value: Any, vendors: Iterable[str], default_seed: int, check_code: CodeCheck | None = None
) -> list[Rule]:
    """`{"seed": N, "rules": [...]}` as a list of checked rules (ids still None where none was given)."""
    body = obj(value, "body")
    known(body, ("seed", "rules"), "")
    seed = body.get("seed")
    seed = default_seed if seed is None else integer(seed, "seed", *SEED_RANGE)
    rules = body.get("rules", [])
    if not isinstance(rules, list):
        raise RuleError("rules", "must be a list of rules")
    if len(rules) > MAX_RULES:
        raise RuleError("rules", f"at most {MAX_RULES} rules ({len(rules)} given)")
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
        state = obj(state, "state")
        for name in ("matched", "fired", "draws", "window_count"):
            if name in state:
                counters[name] = integer(state[name], f"state.{name}", 0, 2**62)
        if state.get("window_start") is not None:
            counters["window_start"] = number(state["window_start"], "state.window_start", -MAX_S, 10 * MAX_S)
    return {
        **rule,
        "position": integer(position, "position", -(2**62), 2**62),
        "created_at": None if created is None else number(created, "created_at", -MAX_S, 10 * MAX_S),
        "state": counters,
    }


def check_fault_records(
    records: Any, vendors: list[str], seed: int, where: str, check_code: CodeCheck | None = None
) -> list[dict[str, Any]]:
    """Stored rules from a state document or world file, checked (RuleError naming the field otherwise)."""
    if not isinstance(records, list):
        raise RuleError(where, "must be a list of rules")
    if len(records) > MAX_RULES:
        raise RuleError(where, f"at most {MAX_RULES} rules ({len(records)} given)")
    checked = []
    for i, record in enumerate(records):
        try:
            checked.append(check_record(record, vendors, seed, check_code))
        except RuleError as exc:
            raise RuleError(f"{where}[{i}].{exc.field}", exc.message) from None
    return checked
