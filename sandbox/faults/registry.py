"""A tenant's rule collection changed as the control plane asks: add one, replace all, patch one.

Call these inside the tenant's transaction; each raises before it writes anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sandbox.core.store.collection import Collection
from sandbox.faults.checks import CodeCheck, RuleError
from sandbox.faults.rules import (
    MAX_RULES,
    READ_ONLY_FIELDS,
    RULE_FIELDS,
    Rule,
    check_rule,
    check_rule_set,
    number_rules,
)


class RuleExists(RuleError):
    """A posted rule's id is taken (409)."""


class NoSuchRule(LookupError):
    """No rule has that id (404)."""


@dataclass(frozen=True)
class RuleChecks:
    """What checking a rule needs: the vendor names, the default seed, the vendor_error code check."""

    vendors: Sequence[str]
    seed: int
    check_code: CodeCheck | None = None

    def rule(self, body: Any) -> Rule:
        """One rule, checked (RuleError naming the field)."""
        return check_rule(body, self.vendors, self.seed, self.check_code)


def replace_rules(rules: Collection, body: Any, checks: RuleChecks, now: float) -> list[Rule]:
    """`{"seed": N, "rules": [...]}` replaces every rule; the new records, in order."""
    checked = check_rule_set(body, checks.vendors, checks.seed, checks.check_code)
    records = number_rules(checked, (), 0, now)
    rules.replace_all(records)
    return records


def add_rule(rules: Collection, body: Any, checks: RuleChecks, now: float) -> Rule:
    """One more rule, tried after the others; its stored record (an id given when none was)."""
    rule = checks.rule(body)
    if rule["id"] is not None and rule["id"] in rules:
        raise RuleExists("id", f"a rule {rule['id']!r} exists; PATCH or DELETE it")
    if len(rules) >= MAX_RULES:
        raise RuleError("rules", f"the tenant holds {MAX_RULES} rules, the most it may")
    position = max((r.get("position", 0) for r in rules.values()), default=-1) + 1
    (record,) = number_rules([rule], rules.keys(), position, now)
    rules.put(record)
    return record


def patch_rule(rules: Collection, rule_id: str, body: Any, checks: RuleChecks) -> Rule:
    """Each field given replaces the rule's whole; null puts back its default; counters stay."""
    if not isinstance(body, dict):
        raise RuleError("body", "must be a JSON object of the fields to change")
    record = rules.get(rule_id)
    if record is None:
        raise NoSuchRule(rule_id)
    if body.get("id", rule_id) != rule_id:
        raise RuleError("id", "cannot be changed; DELETE the rule and POST a new one")
    merged = {k: v for k, v in record.items() if k in RULE_FIELDS}
    for name, value in body.items():
        if name in READ_ONLY_FIELDS:
            continue
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    merged["id"] = rule_id
    updated = {**record, **checks.rule(merged)}
    rules.put(updated)
    return updated
