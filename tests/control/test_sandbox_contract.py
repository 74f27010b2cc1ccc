"""Schemathesis over contracts/sandbox.yaml: the control plane answers as its contract says.

Two rules of the control plane cannot be written in JSON Schema: a `vendor_error` code must be one
its vendor documents (and needs `match.vendor`), and a state document may only name the
collections the vendors keep. So a schema-valid body may still be refused there (400), and the
check that schema-valid data is accepted is left out for those two bodies; every other check runs.
"""

from __future__ import annotations

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
