"""Schemathesis over the whole Omilia contract: no server error, no response that breaks it.

Authenticated with a real token of `support` (Owner and SUPPORT, groups ocp-qa and ocp), so every
operation, `numbers/direct` included, is reachable. The tenant's clock is frozen so the token never
expires during the run.
"""

from __future__ import annotations

import copy
from typing import Any

import schemathesis
import yaml
from hypothesis import HealthCheck, settings

from tests.omilia.contract_support import CHECKS, frozen_app, token_auth

APP = frozen_app()
CONTRACT_URL = "/__sandbox/contracts/omilia.yaml"
schema = schemathesis.openapi.from_wsgi(CONTRACT_URL, APP)
# Operations whose body names a group the caller must belong to.
GROUP_BODIES = ("listAvailableNumbers", "buyNumbers", "addNumbersDirect", "updateNumbersGroup")


def focused_contract() -> dict[str, Any]:
    """The served contract with request `group`s narrowed to the default world's groups.

    Random group names are refused with 403 before anything happens, so a random walk would
    hardly ever buy a number; narrowing them lets the walk reach the links behind a purchase.
    """
    raw = copy.deepcopy(yaml.safe_load(APP.test_client().get(CONTRACT_URL).get_data(as_text=True)))
    for item in raw["paths"].values():
        for definition in item.values():
            if isinstance(definition, dict) and definition.get("operationId") in GROUP_BODIES:
                body = definition["requestBody"]["content"]["application/json"]["schema"]
                body["properties"]["group"] = {"type": "string", "enum": ["ocp-qa", "ocp"]}
    return raw


stateful_schema = schemathesis.openapi.from_dict(focused_contract())
stateful_schema.app = APP


SupportToken = token_auth(APP, "support")
schema.auth()(SupportToken)
stateful_schema.auth()(SupportToken)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)


class OmiliaWorkflow(stateful_schema.as_state_machine()):  # type: ignore[misc]
    """Random walks through the contract's OpenAPI links (for sale -> buy -> note/attach/move/delete...)."""

    def setup(self) -> None:
        """Every scenario starts from the default world (so a scenario replays exactly)."""
        control = APP.test_client()
        assert control.post("/__sandbox/reset").status_code == 200
        control.post("/__sandbox/clock", json={"freeze": True})

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        """Run the contract checks on every step."""
        case.validate_response(response, checks=CHECKS)


TestOmiliaWorkflow = OmiliaWorkflow.TestCase
TestOmiliaWorkflow.settings = settings(
    max_examples=40, stateful_step_count=6, deadline=None, suppress_health_check=list(HealthCheck)
)
