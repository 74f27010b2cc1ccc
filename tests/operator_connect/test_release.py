"""POST /api/v2/oc/numbers/action/release: unassigned numbers only, 10 requests per 10 s."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER, OcClient


def test_bare_array_body_releases_an_unassigned_number(oc: OcClient) -> None:
    response = oc.release(["+61398675571"])
    assert response.status_code == 200
    task_id = response.json["taskId"]
    assert task_id.startswith("tsk_msjob_")
    assert oc.numbers()["+61398675571"]["acquiredNumberStatus"] == "ReleaseRequested"
    task = oc.finish(task_id)
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["NumbersReleased"]
    assert set(task["outputData"]) == {
        "MsReleaseJobId", "MsTenantId", "MsReleaseJobStatus", "UmpReleaseJobStatus", "MsReleaseJobCreatedAt",
    }  # fmt: skip
    assert "+61398675571" not in oc.numbers()


def test_object_body_with_telephone_numbers_is_accepted(oc: OcClient) -> None:
    response = oc.release({"telephoneNumbers": ["+61398675571"]})
    assert response.status_code == 200


def test_assigned_number_must_be_unassigned_first(oc: OcClient) -> None:
    response = oc.release(["+61398675570"])
    assert response.status_code == 400
    assert "must be unassigned before" in response.json["errors"]["TelephoneNumbers"][0]
    assert oc.numbers()["+61398675570"]["acquiredNumberStatus"] == "Active"


def test_unassign_then_release_removes_the_number(oc: OcClient) -> None:
    oc.finish(oc.unassign(["+61398675570"]).json["taskId"])
    assert oc.finish(oc.release(["+61398675570"]).json["taskId"])["status"] == "CompletedSuccess"
    assert "+61398675570" not in oc.numbers()


def test_number_of_another_customer_is_400(oc: OcClient) -> None:
    response = oc.release(["+14155550100"])
    assert response.status_code == 400
    assert "not found for the customer" in response.json["errors"]["TelephoneNumbers"][0]


def test_empty_body_is_400(oc: OcClient) -> None:
    response = oc.call(
        "POST", "/v2/oc/numbers/action/release", data=b"", query_string={"msTenantId": CUSTOMER},
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    assert response.status_code == 400
    assert response.json["errors"][""] == ["A non-empty request body is required."]


def test_null_body_is_400(oc: OcClient) -> None:
    response = oc.call(
        "POST", "/v2/oc/numbers/action/release", data=b"null", query_string={"msTenantId": CUSTOMER},
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    assert response.status_code == 400


def test_range_with_start_after_end_is_400(oc: OcClient) -> None:
    body = {"phoneNumberRanges": [{"start": "+61398675571", "end": "+61398675570"}]}
    response = oc.release(body)
    assert response.status_code == 400
    assert "less than or equal" in response.json["errors"]["PhoneNumberRanges[0]"][0]


def test_number_in_flight_is_400(oc: OcClient) -> None:
    first = oc.release(["+61398675571"]).json["taskId"]
    response = oc.release(["+61398675571"])
    assert response.status_code == 400
    assert first in response.json["errors"]["TelephoneNumbers"][0]


def test_failed_release_puts_the_number_back_to_active(app: object, oc: OcClient) -> None:
    from tests.operator_connect.test_task import TaskFailureHook

    app.extensions["sandbox"].hooks.append(TaskFailureHook("/action/release", None))  # type: ignore[attr-defined]
    task = oc.finish(oc.release(["+61398675571"]).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert task["executionMessages"][1] == {"level": "Error", "message": "Release job status: Failed."}
    assert oc.numbers()["+61398675571"]["acquiredNumberStatus"] == "Active"


def test_eleventh_release_in_ten_seconds_is_429(client: FlaskClient, oc: OcClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    statuses = [oc.release(["+61398675570"]).status_code for _ in range(10)]
    assert statuses == [400] * 10
    response = oc.release(["+61398675571"])
    assert response.status_code == 429
    assert response.json["title"] == "Too Many Requests"
    assert response.headers["Retry-After"] == "10"
    assert oc.numbers()["+61398675571"]["acquiredNumberStatus"] == "Active"


def test_rate_limit_window_moves_with_the_sandbox_clock(client: FlaskClient, oc: OcClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    for _ in range(10):
        oc.release(["+61398675570"])
    assert oc.release(["+61398675571"]).status_code == 429
    client.post("/__sandbox/clock", json={"advance_s": 10})
    assert oc.release(["+61398675571"]).status_code == 200
