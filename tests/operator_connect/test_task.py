"""GET /api/v2/task/{taskId}: a declared state machine on the sandbox clock, with failure outcomes."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask, Response
from flask.testing import FlaskClient

from sandbox.core.context import Call
from tests.operator_connect.conftest import (
    CREDENTIALS,
    CUSTOMER,
    DOC_SINGLE,
    OTHER_CUSTOMER,
    TOKEN_URL,
    OcClient,
    settings,
)


def errors_of(task: dict[str, Any]) -> list[str]:
    return [m["message"] for m in task["executionMessages"] if m["level"] == "Error"]


def test_default_poller_sees_one_in_progress_answer_first(oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    first = oc.task(task_id).json
    assert first["status"] == "InProgress"
    assert first["details"] == []
    assert first["executionMessages"] == [{"level": "Information", "message": "Input is valid."}]
    assert oc.task(task_id).json["status"] == "CompletedSuccess"


def test_numbers_are_not_the_customers_while_in_progress(oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    oc.task(task_id)
    assert "+61395556880" not in oc.numbers()
    oc.task(task_id)
    assert "+61395556880" in oc.numbers()


def test_polls_setting_sets_the_in_progress_answers(client: FlaskClient, oc: OcClient) -> None:
    settings(client, mode="polls", polls=3)
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    assert [oc.task(task_id).json["status"] for _ in range(4)] == ["InProgress"] * 3 + ["CompletedSuccess"]


def test_immediate_setting_completes_at_once(client: FlaskClient, oc: OcClient) -> None:
    settings(client, mode="immediate")
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    assert "+61395556880" in oc.numbers()
    assert oc.task(task_id).json["status"] == "CompletedSuccess"


def test_seconds_setting_follows_the_sandbox_clock(client: FlaskClient, oc: OcClient) -> None:
    settings(client, mode="seconds", seconds=120)
    client.post("/__sandbox/clock", json={"freeze": True})
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    assert oc.task(task_id).json["status"] == "InProgress"
    client.post("/__sandbox/clock", json={"advance_s": 119})
    assert oc.task(task_id).json["status"] == "InProgress"
    client.post("/__sandbox/clock", json={"advance_s": 1})
    assert oc.task(task_id).json["status"] == "CompletedSuccess"


def test_seconds_tasks_settle_on_any_request(client: FlaskClient, oc: OcClient) -> None:
    settings(client, mode="seconds", seconds=30)
    oc.upload(DOC_SINGLE)
    client.post("/__sandbox/clock", json={"advance_s": 31})
    assert "+61395556880" in oc.numbers()


def test_customer_override_of_progression(client: FlaskClient, oc: OcClient) -> None:
    state = client.get("/__sandbox/state").json
    state["operator-connect"]["customers"] = [
        {**c, "taskProgress": {"mode": "immediate"}} if c["msTenantId"] == CUSTOMER else c
        for c in state["operator-connect"]["customers"]
    ]
    client.put("/__sandbox/state", json=state)
    assert oc.task(oc.upload(DOC_SINGLE).json["taskId"]).json["status"] == "CompletedSuccess"


def test_unknown_task_is_404_problem(oc: OcClient) -> None:
    response = oc.task("wup_00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
    assert response.json["title"] == "Not Found"
    assert "wup_00000000-0000-4000-8000-000000000000" in response.json["detail"]


def test_number_uploaded_elsewhere_fails_the_task(oc: OcClient) -> None:
    body = {**DOC_SINGLE, "phoneNumbers": ["+14155550100"], "country": "US"}
    task = oc.finish(oc.upload(body).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert task["details"] == ["NumbersNotUploaded"]
    assert task["outputData"]["OcUploadNumberResult"] == "NumbersNotUploaded"
    assert task["outputData"]["MsJobStatus"] == "Failed"
    assert any("already present in Microsoft context: +14155550100" in e for e in errors_of(task))
    assert oc.numbers(OTHER_CUSTOMER)["+14155550100"]["tenantId"] == OTHER_CUSTOMER
    assert "+14155550100" not in oc.numbers()


def test_number_in_another_in_flight_task_fails_the_second(oc: OcClient) -> None:
    first = oc.upload(DOC_SINGLE).json["taskId"]
    second = oc.upload(DOC_SINGLE).json["taskId"]
    task = oc.finish(second)
    assert task["status"] == "CompletedFailure"
    assert any(first in e for e in errors_of(task))
    assert oc.finish(first)["status"] == "CompletedSuccess"


def test_toll_free_number_needs_first_party_app_assignment(oc: OcClient) -> None:
    body = {**DOC_SINGLE, "phoneNumbers": ["+18005550100"], "country": "US"}
    task = oc.finish(oc.upload(body).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert any("FirstPartyAppAssignment" in e for e in errors_of(task))


def test_nanp_toll_free_number_needs_a_north_american_country(oc: OcClient) -> None:
    body = {
        **DOC_SINGLE,
        "usage": "FirstPartyAppAssignment",
        "phoneNumbers": ["+18005550100"],
        "country": None,
    }
    task = oc.finish(oc.upload(body).json["taskId"])
    assert any("North America" in e for e in errors_of(task))


def test_toll_free_number_with_first_party_usage_and_country_succeeds(oc: OcClient) -> None:
    body = {
        **DOC_SINGLE,
        "usage": "FirstPartyAppAssignment",
        "phoneNumbers": ["+18005550100"],
        "country": "US",
    }
    assert oc.finish(oc.upload(body).json["taskId"])["status"] == "CompletedSuccess"


def test_country_outside_the_consent_fails_the_task(oc: OcClient) -> None:
    body = {**DOC_SINGLE, "phoneNumbers": ["+442079460000"], "country": "GB"}
    task = oc.finish(oc.upload(body).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert any("consent" in e and "+442079460000" in e for e in errors_of(task))


class TaskFailureHook:
    """Stands in for a `task_failure` fault rule: marks every matching request."""

    def __init__(self, path_part: str, message: str | None) -> None:
        self.path_part = path_part
        self.message = message

    def before(self, call: Call) -> Response | None:
        if self.path_part in call.path:
            call.notes["task_failure"] = {"message": self.message}
        return None

    def after(self, call: Call, response: Response) -> Response:
        return response


@pytest.mark.parametrize("message", ["Microsoft said no.", None])
def test_task_failure_fault_on_upload_fails_the_task(app: Flask, oc: OcClient, message: str | None) -> None:
    app.extensions["sandbox"].hooks.append(TaskFailureHook("/action/upload", message))
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert errors_of(task)[0] == (message or "UploadToAccount job status: Failed.")
    assert "+61395556880" not in oc.numbers()


def test_task_failure_fault_on_poll_fails_an_in_progress_task(app: Flask, oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    app.extensions["sandbox"].hooks.append(TaskFailureHook("/task/", "Job aborted."))
    task = oc.task(task_id).json
    assert task["status"] == "CompletedFailure"
    assert "Job aborted." in errors_of(task)
    assert "+61395556880" not in oc.numbers()


def test_task_failure_fault_leaves_completed_tasks_alone(
    app: Flask, client: FlaskClient, oc: OcClient
) -> None:
    settings(client, mode="immediate")
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    app.extensions["sandbox"].hooks.append(TaskFailureHook("/task/", "Job aborted."))
    assert oc.task(task_id).json["status"] == "CompletedSuccess"


def test_tasks_are_isolated_per_sandbox_tenant(client: FlaskClient, oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    token = client.post("/t/other" + TOKEN_URL, data=CREDENTIALS).json["access_token"]
    other = client.get(
        f"/t/other/operator-connect/api/v2/task/{task_id}", headers={"Authorization": f"Bearer {token}"}
    )
    assert other.status_code == 404
    assert oc.task(task_id).status_code == 200
