"""`GET /__sandbox/fault-actions`: the table the rule checks read, as the dashboard's form gets it."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox.faults.action_rules import SHAPES, check_action
from sandbox.faults.checks import RuleError
from sandbox.faults.rules import RULE_PARAMS, check_rule

SAMPLE = {"number": None, "integer": None, "string": "x", "text": "", "code": 70674}


def sample_action(shape: dict[str, Any]) -> dict[str, Any]:
    """An action a form filled with each required parameter at its lowest value would send."""
    action: dict[str, Any] = {"type": shape["type"], **shape["fixed"]}
    for param in shape["params"]:
        if param["required"]:
            value = SAMPLE[param["kind"]]
            action[param["name"]] = param["low"] if value is None else value
    return action


def definitions(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/__sandbox/fault-actions")
    assert response.status_code == 200
    return dict(response.json)


def test_every_action_type_is_offered(client: FlaskClient) -> None:
    offered = [shape["type"] for shape in definitions(client)["actions"]]
    assert sorted(set(offered)) == sorted(
        ["delay", "error", "vendor_error", "rate_limit", "reset", "empty", "hang", "malformed", "dribble",
         "task_failure"]
    )
    assert offered.count("delay") == 3


def test_an_action_built_from_each_definition_is_accepted(client: FlaskClient) -> None:
    for shape in definitions(client)["actions"]:
        rule = {"match": {"vendor": "switchvox"}, "action": sample_action(shape)}
        response = client.post("/__sandbox/faults", json=rule)
        assert response.status_code == 201, (shape["title"], response.json)
        assert response.json["action"]["type"] == shape["type"]


def test_a_required_parameter_left_out_is_refused_naming_it() -> None:
    for shape in SHAPES:
        for param in shape.params:
            if not param.required:
                continue
            described = shape.describe()
            action = sample_action(described)
            del action[param.name]
            with pytest.raises(RuleError) as refused:
                check_action(action, "switchvox")
            assert refused.value.field == f"action.{param.name}"


BOUNDED = [shape for shape in SHAPES if any(p.high is not None for p in shape.params)]


@pytest.mark.parametrize("shape", BOUNDED, ids=lambda shape: shape.title)
def test_the_described_bounds_are_the_checked_bounds(shape: Any) -> None:
    for param in shape.params:
        if param.high is None:
            continue
        action = sample_action(shape.describe())
        action[param.name] = param.high * 2 + 1
        with pytest.raises(RuleError) as refused:
            check_action(action, "switchvox")
        assert refused.value.field == f"action.{param.name}"
        assert refused.value.message.startswith("must be between")


def test_the_rule_fields_and_match_choices_are_those_checked(client: FlaskClient) -> None:
    described = definitions(client)
    assert [p["name"] for p in described["rule"]] == [p.name for p in RULE_PARAMS]
    assert "operator-connect" in described["match"]["vendors"]
    probability = next(p for p in described["rule"] if p["name"] == "probability")
    assert (probability["low"], probability["high"], probability["default"]) == (0, 1, 1.0)
    with pytest.raises(RuleError) as refused:
        check_rule({"action": {"type": "reset"}, "probability": probability["high"] + 0.5}, ["omilia"], 0)
    assert refused.value.field == "probability"
    for method in described["match"]["methods"]:
        assert check_rule({"match": {"method": method}, "action": {"type": "reset"}}, [], 0)["match"]
