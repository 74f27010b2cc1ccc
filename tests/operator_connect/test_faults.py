"""Fault rules on Operator Connect and Entra routes, through POST /__sandbox/faults."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER_GUID, DOC_SINGLE, LEAD, OcClient, get_token


def add_rule(client: FlaskClient, match: dict[str, Any], action: dict[str, Any]) -> None:
    response = client.post("/__sandbox/faults", json={"match": match, "action": action})
    assert response.status_code == 201, response.json


def test_task_failure_rule_on_upload_fails_the_task(client: FlaskClient, oc: OcClient) -> None:
    add_rule(
        client,
        {"vendor": "operator-connect", "operation": "uploadNumbers"},
        {"type": "task_failure", "message": "Microsoft job failed."},
    )
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert {"level": "Error", "message": "Microsoft job failed."} in task["executionMessages"]
    assert "+61395556880" not in oc.numbers()


def test_task_failure_rule_on_poll_fails_the_task(client: FlaskClient, oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    add_rule(client, {"vendor": "operator-connect", "operation": "getTask"}, {"type": "task_failure"})
    task = oc.task(task_id).json
    assert task["status"] == "CompletedFailure"
    assert any(m["level"] == "Error" for m in task["executionMessages"])


def test_vendor_error_rule_answers_the_documented_problem(client: FlaskClient, oc: OcClient) -> None:
    add_rule(
        client,
        {"vendor": "operator-connect", "operation": "uploadNumbers"},
        {"type": "vendor_error", "code": "There are no SBCs assigned to this calling profile!"},
    )
    response = oc.upload(DOC_SINGLE)
    assert response.status_code == 400
    assert response.json["errors"] == {
        "CallingProfile": ["There are no SBCs assigned to this calling profile!"]
    }


def test_error_rule_answers_problem_details(client: FlaskClient, oc: OcClient) -> None:
    add_rule(
        client,
        {"vendor": "operator-connect", "path": "/api/v2/oc/callingprofile"},
        {"type": "error", "status": 503},
    )
    response = oc.call("GET", "/v2/oc/callingprofile")
    assert response.status_code == 503
    assert response.json["title"] == "Service Unavailable"
    assert response.json["status"] == 503


def test_vendor_error_rule_on_entra_answers_aadsts700016(client: FlaskClient) -> None:
    add_rule(client, {"vendor": "entra"}, {"type": "vendor_error", "code": "AADSTS700016"})
    response = get_token(client)
    assert response.status_code == 400
    assert response.json["error"] == "unauthorized_client"
    assert response.json["error_codes"] == [700016]


def test_task_failure_rule_without_a_match_waits_for_the_next_task(client: FlaskClient, oc: OcClient) -> None:
    client.post("/__sandbox/faults", json={"action": {"type": "task_failure"}, "times": 1})
    assert oc.call("GET", "/v2/oc/callingprofile").status_code == 200
    assert client.get("/omilia/integrations/api/numbers").status_code == 401
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert "UploadToAccount job status: Failed." in [m["message"] for m in task["executionMessages"]]


def test_task_failure_rule_on_a_sip_connection_deletion_fails_its_task(
    client: FlaskClient, oc: OcClient
) -> None:
    add_rule(client, {"operation": "deleteSipConnection"}, {"type": "task_failure"})
    task = oc.finish(oc.call("DELETE", f"/v2/sitelocation/{CUSTOMER_GUID}").json["sbcCleanupTaskId"])
    assert task["status"] == "CompletedFailure"
    assert {"level": "Error", "message": "SBC cleanup script failed."} in task["executionMessages"]


def test_task_failure_rule_on_a_lead_conversion_fails_its_task(client: FlaskClient, oc: OcClient) -> None:
    add_rule(
        client,
        {"operation": "createCustomerFromLead"},
        {"type": "task_failure", "message": "Ovoc site creation failed."},
    )
    body = {
        "configurationName": "OcEssential_TENANT_TYPE",
        "customerShortName": "LeadCo",
        "customerFullName": "Lead Company Ltd",
        "msTenantId": LEAD,
    }
    task = oc.finish(oc.call("POST", "/v3/customer", body).json["jobId"])
    assert task["status"] == "CompletedFailure"
    assert {"level": "Error", "message": "Ovoc site creation failed."} in task["executionMessages"]
