"""Schemathesis over contracts/sandbox.yaml: the control plane answers as its contract says.

Two rules of the control plane cannot be written in JSON Schema: a `vendor_error` code must be one
its vendor documents (and needs `match.vendor`), and a state document may only name the
collections the vendors keep. So a schema-valid body may still be refused there (400), and the
check that schema-valid data is accepted is left out for those two bodies; every other check runs.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sandbox import create_app

app = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/sandbox.yaml", app)
CROSS_FIELD_RULES = {("POST", "/faults"), ("PATCH", "/faults/{id}"), ("PUT", "/state")}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_control_plane_contract(case: schemathesis.Case) -> None:
    excluded = [positive_data_acceptance] if (case.method, case.path) in CROSS_FIELD_RULES else []
    case.call_and_validate(excluded_checks=excluded)


class FaultsWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Random walks through the links: post a rule, then read, patch or delete it."""

    def setup(self) -> None:
        """Every scenario starts from the initial world, in every tenant (so a scenario replays exactly)."""
        store = app.extensions["sandbox"].store
        for name in store.names():
            store.reset(name)

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        """The contract checks on every step (schema-valid rules may break cross-field rules)."""
        excluded = [positive_data_acceptance] if (case.method, case.path) in CROSS_FIELD_RULES else []
        case.validate_response(response, excluded_checks=excluded)


TestFaultsWorkflow = FaultsWorkflow.TestCase
TestFaultsWorkflow.settings = settings(
    max_examples=25,
    stateful_step_count=5,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,  # links carry generated ids: a replayed walk draws differently (not a failure)
)


def test_a_stored_rule_and_a_journal_entry_conform() -> None:
    client = create_app({"TESTING": True}).test_client()
    posted = client.post("/__sandbox/faults", json={"id": "r", "action": {"type": "error", "status": 503}})
    schema["/faults"]["POST"].validate_response(posted)
    client.get("/omilia/integrations/api/numbrs")
    schema["/requests"]["GET"].validate_response(client.get("/__sandbox/requests"))
    unmatched = client.get("/__sandbox/requests/unmatched")
    assert unmatched.json["requests"][0]["closest"]
    schema["/requests/unmatched"]["GET"].validate_response(unmatched)
    schema["/state"]["GET"].validate_response(client.get("/__sandbox/state"))
