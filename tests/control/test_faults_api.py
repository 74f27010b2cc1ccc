"""`/__sandbox/faults`: adding, reading, changing and removing rules; bad rules refused, rules kept."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox.faults.rules import MAX_RULES
from tests.control.support import NUMBERS_PATH, add_rule

RULE = {
    "id": "slow",
    "match": {"vendor": "omilia", "method": "get"},
    "action": {"type": "error", "status": 503},
}


def rules(client: FlaskClient) -> list[dict[str, Any]]:
    return list(client.get("/__sandbox/faults").json["rules"])


def test_a_fresh_tenant_has_no_rules(client: FlaskClient) -> None:
    assert client.get("/__sandbox/faults").json == {"rules": []}


def test_post_one_rule_answers_201_with_the_stored_rule(client: FlaskClient) -> None:
    response = client.post("/__sandbox/faults", json=RULE)
    assert response.status_code == 201
    assert response.json["id"] == "slow"
    assert response.json["match"] == {"vendor": "omilia", "method": "GET"}
    assert response.json["state"]["fired"] == 0
    assert response.headers["Location"].endswith("/__sandbox/faults/slow")


def test_a_rule_without_id_is_given_one(client: FlaskClient) -> None:
    first = add_rule(client, {"action": {"type": "empty"}})
    second = add_rule(client, {"action": {"type": "empty"}})
    assert (first["id"], second["id"]) == ("rule-1", "rule-2")


def test_rules_are_listed_in_the_order_they_are_tried(client: FlaskClient) -> None:
    add_rule(client, {**RULE, "id": "b"})
    add_rule(client, {**RULE, "id": "a"})
    assert [r["id"] for r in rules(client)] == ["b", "a"]


def test_get_one_rule(client: FlaskClient) -> None:
    add_rule(client, RULE)
    assert client.get("/__sandbox/faults/slow").json["action"] == {"type": "error", "status": 503}


def test_get_an_unknown_rule_is_404(client: FlaskClient) -> None:
    response = client.get("/__sandbox/faults/nope")
    assert response.status_code == 404
    assert response.json["error"] == "no fault rule 'nope'"


def test_a_duplicate_id_is_409_and_the_rule_stays(client: FlaskClient) -> None:
    add_rule(client, RULE)
    response = client.post("/__sandbox/faults", json={**RULE, "action": {"type": "reset"}})
    assert response.status_code == 409
    assert rules(client)[0]["action"]["type"] == "error"


def test_post_a_set_replaces_every_rule(client: FlaskClient) -> None:
    add_rule(client, RULE)
    body = {
        "seed": 9,
        "rules": [{"action": {"type": "reset"}}, {"id": "x", "action": {"type": "empty"}, "seed": 3}],
    }
    response = client.post("/__sandbox/faults", json=body)
    assert response.status_code == 201
    assert [(r["id"], r["seed"]) for r in rules(client)] == [("rule-1", 9), ("x", 3)]


def test_the_default_seed_is_the_configured_one() -> None:
    from sandbox import create_app

    client = create_app({"TESTING": True, "SEED": 1234}).test_client()
    assert add_rule(client, {"action": {"type": "reset"}})["seed"] == 1234


def test_delete_all_rules(client: FlaskClient) -> None:
    add_rule(client, RULE)
    assert client.delete("/__sandbox/faults").status_code == 204
    assert rules(client) == []


def test_delete_one_rule(client: FlaskClient) -> None:
    add_rule(client, RULE)
    add_rule(client, {**RULE, "id": "other"})
    assert client.delete("/__sandbox/faults/slow").status_code == 204
    assert [r["id"] for r in rules(client)] == ["other"]
    assert client.delete("/__sandbox/faults/slow").status_code == 404


def test_patch_replaces_the_fields_given(client: FlaskClient) -> None:
    add_rule(client, RULE)
    response = client.patch(
        "/__sandbox/faults/slow", json={"action": {"type": "rate_limit", "limit": 1, "window_s": 5}}
    )
    assert response.status_code == 200
    assert response.json["action"] == {"type": "rate_limit", "limit": 1, "window_s": 5}
    assert response.json["match"] == RULE["match"] | {"method": "GET"}


def test_patch_null_puts_back_the_default(client: FlaskClient) -> None:
    add_rule(client, {**RULE, "times": 3})
    assert client.patch("/__sandbox/faults/slow", json={"times": None}).json["times"] is None


def test_patch_keeps_the_counters(client: FlaskClient) -> None:
    add_rule(client, RULE)
    client.get(NUMBERS_PATH)
    patched = client.patch("/__sandbox/faults/slow", json={"probability": 0.5}).json
    assert patched["state"]["fired"] == 1


def test_patch_cannot_change_the_id(client: FlaskClient) -> None:
    add_rule(client, RULE)
    response = client.patch("/__sandbox/faults/slow", json={"id": "fast"})
    assert (response.status_code, response.json["field"]) == (400, "id")


def test_patch_of_an_unknown_rule_is_404(client: FlaskClient) -> None:
    assert client.patch("/__sandbox/faults/nope", json={"times": 1}).status_code == 404


def test_a_bad_patch_is_400_and_the_rule_stays(client: FlaskClient) -> None:
    add_rule(client, RULE)
    response = client.patch("/__sandbox/faults/slow", json={"action": {"type": "error", "status": 99}})
    assert (response.status_code, response.json["field"]) == (400, "action.status")
    assert rules(client)[0]["action"]["status"] == 503


BAD_RULES = [
    ({"action": {"type": "explode"}}, "action.type"),
    ({}, "action"),
    ({"action": "reset"}, "action"),
    ({"action": {"type": "error"}}, "action.status"),
    ({"action": {"type": "error", "status": 700}}, "action.status"),
    ({"action": {"type": "error", "status": "503"}}, "action.status"),
    ({"action": {"type": "delay"}}, "action.ms"),
    ({"action": {"type": "delay", "ms": -1}}, "action.ms"),
    ({"action": {"type": "delay", "distribution": "uniform", "min_ms": 9, "max_ms": 1}}, "action.max_ms"),
    ({"action": {"type": "delay", "distribution": "lognormal", "median_ms": 9}}, "action.sigma"),
    ({"action": {"type": "delay", "distribution": "gamma"}}, "action.distribution"),
    ({"action": {"type": "rate_limit", "limit": 1}}, "action.window_s"),
    ({"action": {"type": "reset", "when": "during"}}, "action.when"),
    ({"action": {"type": "reset", "status": 500}}, "action.status"),
    ({"action": {"type": "dribble", "chunk_bytes": 0}}, "action.chunk_bytes"),
    ({"action": {"type": "vendor_error", "code": "70674"}}, "match.vendor"),
    ({"match": {"vendor": "switchvox"}, "action": {"type": "vendor_error", "code": "99999"}}, "action.code"),
    ({"match": {"vendor": "nokia"}, "action": {"type": "reset"}}, "match.vendor"),
    ({"match": {"method": "FETCH"}, "action": {"type": "reset"}}, "match.method"),
    ({"match": {"path": "numbers"}, "action": {"type": "reset"}}, "match.path"),
    ({"match": {"host": "x"}, "action": {"type": "reset"}}, "match.host"),
    ({"action": {"type": "reset"}, "probability": 1.5}, "probability"),
    ({"action": {"type": "reset"}, "probability": True}, "probability"),
    ({"action": {"type": "reset"}, "after": -1}, "after"),
    ({"action": {"type": "reset"}, "times": 1.5}, "times"),
    ({"action": {"type": "reset"}, "ttl_s": 0}, "ttl_s"),
    ({"action": {"type": "reset"}, "seed": "x"}, "seed"),
    ({"action": {"type": "reset"}, "id": "no spaces"}, "id"),
    ({"action": {"type": "reset"}, "colour": "red"}, "colour"),
]


@pytest.mark.parametrize(("rule", "field"), BAD_RULES)
def test_a_bad_rule_is_400_naming_the_field_and_the_rules_in_force_stay(
    client: FlaskClient, rule: dict[str, Any], field: str
) -> None:
    add_rule(client, RULE)
    response = client.post("/__sandbox/faults", json=rule)
    assert response.status_code == 400
    assert response.json["field"] == field
    assert response.json["error"].startswith(field + ": ")
    assert [r["id"] for r in rules(client)] == ["slow"]


def test_a_bad_rule_in_a_set_names_its_index_and_nothing_is_replaced(client: FlaskClient) -> None:
    add_rule(client, RULE)
    body = {"rules": [{"action": {"type": "reset"}}, {"action": {"type": "error", "status": 1}}]}
    response = client.post("/__sandbox/faults", json=body)
    assert (response.status_code, response.json["field"]) == (400, "rules[1].action.status")
    assert [r["id"] for r in rules(client)] == ["slow"]


def test_duplicate_ids_in_a_set_are_refused(client: FlaskClient) -> None:
    body = {"rules": [{"id": "a", "action": {"type": "reset"}}, {"id": "a", "action": {"type": "empty"}}]}
    response = client.post("/__sandbox/faults", json=body)
    assert (response.status_code, response.json["field"]) == (400, "rules[1].id")


def test_a_body_that_is_not_an_object_is_400(client: FlaskClient) -> None:
    response = client.post("/__sandbox/faults", data="[]", content_type="application/json")
    assert (response.status_code, response.json["field"]) == (400, "body")


def test_vendor_error_accepts_a_documented_code(client: FlaskClient) -> None:
    rule = add_rule(
        client, {"match": {"vendor": "switchvox"}, "action": {"type": "vendor_error", "code": 70674}}
    )
    assert rule["action"] == {"type": "vendor_error", "code": 70674}


def test_a_set_of_more_rules_than_a_tenant_may_hold_is_refused(client: FlaskClient) -> None:
    rule = {"match": {"path": "/nothing"}, "action": {"type": "error", "status": 503}}
    response = client.post("/__sandbox/faults", json={"rules": [rule] * (MAX_RULES + 1)})
    assert (response.status_code, response.json["field"]) == (400, "rules")
    assert client.get("/__sandbox/faults").json == {"rules": []}


def test_one_rule_past_the_most_a_tenant_may_hold_is_refused(client: FlaskClient) -> None:
    rule = {"match": {"path": "/nothing"}, "action": {"type": "error", "status": 503}}
    assert client.post("/__sandbox/faults", json={"rules": [rule] * MAX_RULES}).status_code == 201
    response = client.post("/__sandbox/faults", json=rule)
    assert (response.status_code, response.json["field"]) == (400, "rules")
    assert len(client.get("/__sandbox/faults").json["rules"]) == MAX_RULES


def test_a_state_with_too_many_rules_is_refused(client: FlaskClient) -> None:
    rule = {"match": {"path": "/nothing"}, "action": {"type": "error", "status": 503}}
    records = [{**rule, "id": f"r{i}"} for i in range(MAX_RULES + 1)]
    response = client.put("/__sandbox/state", json={"sandbox": {"faults": records}})
    assert (response.status_code, response.json["field"]) == (400, "sandbox.faults")
    assert client.get("/__sandbox/faults").json == {"rules": []}
