"""`sandbox.faults.registry`: adding, replacing and patching rules in a tenant's store, without an app."""

from __future__ import annotations

import pytest

from sandbox.core.store.collection import Collection
from sandbox.core.store.tenant import TenantState
from sandbox.core.vendor import CollectionSpec
from sandbox.faults.checks import RuleError
from sandbox.faults.registry import NoSuchRule, RuleChecks, RuleExists, add_rule, patch_rule, replace_rules

CHECKS = RuleChecks(["omilia", "mor"], seed=9)
ERROR = {"type": "error", "status": 503}


@pytest.fixture
def rules() -> Collection:
    tenant = TenantState("t", {("sandbox", "faults"): CollectionSpec(key="id")})
    with tenant.transaction():
        return tenant.collection("sandbox", "faults")


def test_add_gives_an_id_the_next_position_and_the_default_seed(rules: Collection) -> None:
    first = add_rule(rules, {"action": ERROR}, CHECKS, 100.0)
    second = add_rule(rules, {"id": "b", "action": ERROR}, CHECKS, 100.0)
    assert (first["id"], first["position"], first["seed"], first["created_at"]) == ("rule-1", 0, 9, 100.0)
    assert (second["id"], second["position"]) == ("b", 1)


def test_add_of_a_taken_id_is_refused(rules: Collection) -> None:
    add_rule(rules, {"id": "a", "action": ERROR}, CHECKS, 0.0)
    with pytest.raises(RuleExists):
        add_rule(rules, {"id": "a", "action": ERROR}, CHECKS, 0.0)


def test_replace_puts_the_set_in_place_of_every_rule(rules: Collection) -> None:
    add_rule(rules, {"id": "old", "action": ERROR}, CHECKS, 0.0)
    records = replace_rules(rules, {"seed": 3, "rules": [{"action": ERROR}]}, CHECKS, 0.0)
    assert [(r["id"], r["seed"]) for r in records] == [("rule-1", 3)]
    assert list(rules.keys()) == ["rule-1"]


def test_patch_keeps_counters_and_null_restores_a_default(rules: Collection) -> None:
    add_rule(rules, {"id": "a", "action": ERROR, "times": 2}, CHECKS, 0.0)
    rules.update("a", state={**rules.get("a")["state"], "fired": 1})
    patched = patch_rule(rules, "a", {"times": None, "probability": 0.5}, CHECKS)
    assert (patched["times"], patched["probability"], patched["state"]["fired"]) == (None, 0.5, 1)


@pytest.mark.parametrize(
    ("body", "field"), [({"id": "other"}, "id"), ({"action": {"type": "nope"}}, "action.type"), ([], "body")]
)
def test_a_bad_patch_names_the_field_and_writes_nothing(rules: Collection, body: object, field: str) -> None:
    before = add_rule(rules, {"id": "a", "action": ERROR}, CHECKS, 0.0)
    with pytest.raises(RuleError) as caught:
        patch_rule(rules, "a", body, CHECKS)
    assert caught.value.field == field
    assert rules.get("a") == before


def test_patch_of_an_unknown_rule_is_no_such_rule(rules: Collection) -> None:
    with pytest.raises(NoSuchRule):
        patch_rule(rules, "ghost", {"times": 1}, CHECKS)
