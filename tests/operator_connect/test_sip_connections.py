"""SIP Connections: GET and DELETE /api/v2/sitelocation/{id}, PATCH .../customer/{guid}/sitelocation/."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import (
    CUSTOMER,
    CUSTOMER_GUID,
    DOC_SINGLE,
    OTHER_GUID,
    OcClient,
    assert_problem,
    settings,
)

SITE = f"/v2/sitelocation/{CUSTOMER_GUID}"
PATCH = f"/v2/customer/{CUSTOMER_GUID}/sitelocation/"


def test_get_has_the_fields_of_the_doc(oc: OcClient) -> None:
    response = oc.call("GET", SITE)
    assert response.status_code == 200
    body = response.json
    assert list(body) == [
        "tenantId", "m365DeploymentState", "sbcDeploymentState", "siteName", "onlinePstnGateway",
        "sbcInfo", "m365Info", "pendingTasks",
    ]  # fmt: skip
    assert body["tenantId"] == CUSTOMER
    assert body["siteName"] == "GRXRATNEUZMNZ"
    assert body["onlinePstnGateway"].startswith("grxratneuzmnz.")
    assert body["sbcDeploymentState"] == 3
    assert body["sbcInfo"]["sbcId"] == 8
    assert body["sbcInfo"]["cacProfile"] == "10 sessions"
    assert set(body["sbcInfo"]["sbcScripts"]) == {"onboardingScript", "cleanupScript", "customerVariables"}
    assert "flagConfigureM365Routing" in body["m365Info"]["m365Scripts"]
    assert body["pendingTasks"] == []


def test_get_unknown_or_malformed_id_is_404(oc: OcClient) -> None:
    assert_problem(
        oc.call("GET", "/v2/sitelocation/99999999-9999-4999-8999-999999999999"), 404, None, "not found"
    )
    assert_problem(oc.call("GET", "/v2/sitelocation/nope"), 404, None, "not found")


def test_patched_cac_profile_and_flags_read_back(oc: OcClient) -> None:
    response = oc.call("PATCH", PATCH, {"CacProfile": "20 sessions", "flagConfigureSbc": False})
    assert response.status_code == 200
    assert response.json["sbcInfo"]["cacProfile"] == "20 sessions"
    read = oc.call("GET", SITE).json["sbcInfo"]
    assert (read["cacProfile"], read["flagConfigureSbc"]) == ("20 sessions", False)


def test_patched_sbc_and_site_name_read_back(oc: OcClient) -> None:
    body = {"sbcId": 8, "sbcSiteName": "RENAMEDSITE"}
    response = oc.call("PATCH", PATCH, body, query_string={"sbcSiteGuid": CUSTOMER_GUID})
    assert response.status_code == 200
    read = oc.call("GET", SITE).json
    assert read["siteName"] == "RENAMEDSITE"
    assert read["onlinePstnGateway"].startswith("renamedsite.")
    plan = oc.call(
        "GET", f"/v2/customer/{CUSTOMER_GUID}/sitelocation/{CUSTOMER_GUID}/dialplan/OCDialPlan"
    ).json
    assert {rule["name"] for rule in plan["ruleDTO"]} == {"RENAMEDSITE"}


def test_site_guid_in_the_body_and_no_trailing_slash_are_accepted(oc: OcClient) -> None:
    response = oc.call("PATCH", PATCH.rstrip("/"), {"sbcSiteGuid": CUSTOMER_GUID, "cacProfile": "5 sessions"})
    assert response.status_code == 200
    assert oc.call("GET", SITE).json["sbcInfo"]["cacProfile"] == "5 sessions"


def test_bad_fields_are_400_all_at_once_and_change_nothing(oc: OcClient) -> None:
    before = oc.state()
    body = {"sbcId": 99, "CacProfile": "lots", "enableCAC": "yes", "sbcSiteName": "has space"}
    response = oc.call("PATCH", PATCH, body)
    assert response.status_code == 400
    errors = response.json["errors"]
    assert errors["SbcId"] == ["SBC with id 99 was not found."]
    assert errors["CacProfile"] == ["The value 'lots' is not valid for CacProfile."]
    assert "System.Boolean" in errors["EnableCAC"][0]
    assert "SbcSiteName" in errors
    assert oc.state() == before


def test_patch_unknown_customer_or_site_of_another_customer_is_404(oc: OcClient) -> None:
    unknown = "/v2/customer/99999999-9999-4999-8999-999999999999/sitelocation/"
    assert_problem(oc.call("PATCH", unknown, {"CacProfile": "5 sessions"}), 404, None, "Customer")
    response = oc.call("PATCH", PATCH, {"cacProfile": "5 sessions"}, query_string={"sbcSiteGuid": OTHER_GUID})
    assert_problem(response, 404, None, "for customer")
    assert_problem(
        oc.call("PATCH", PATCH, {}, query_string={"sbcSiteGuid": "x"}), 400, "sbcSiteGuid", "not valid"
    )


def test_patch_body_not_an_object_is_400(oc: OcClient) -> None:
    assert_problem(oc.call("PATCH", PATCH, ["10 sessions"]), 400, "", "Cannot deserialize")


def test_delete_answers_the_queued_task_object_and_the_site_goes_on_the_clock(
    client: FlaskClient, oc: OcClient
) -> None:
    settings(client, mode="seconds", seconds=60)
    client.post("/__sandbox/clock", json={"freeze": True})
    response = oc.call("DELETE", SITE)
    assert response.status_code == 200
    body = response.json
    assert body["status"] is True
    assert body["msg"] == "queued"
    assert body["sbcCleanupTaskId"].startswith("tsk_") and body["sbcCleanupTaskId"][4:].isdigit()
    assert body["o365CleanupTask"] == "tsk_0"
    assert oc.call("GET", SITE).json["pendingTasks"] == [body["sbcCleanupTaskId"]]
    assert oc.task(body["sbcCleanupTaskId"]).json["status"] == "InProgress"
    client.post("/__sandbox/clock", json={"advance_s": 60})
    task = oc.task(body["sbcCleanupTaskId"]).json
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == [None]
    assert oc.call("GET", SITE).status_code == 404


def test_delete_twice_while_pending_is_400_and_patch_too(oc: OcClient) -> None:
    oc.call("DELETE", SITE)
    assert_problem(oc.call("DELETE", SITE), 400, "sbcSiteGuid", "pending task")
    assert_problem(oc.call("PATCH", PATCH, {"cacProfile": "5 sessions"}), 400, "sbcSiteGuid", "pending task")


def test_delete_unknown_is_404(oc: OcClient) -> None:
    assert_problem(
        oc.call("DELETE", "/v2/sitelocation/99999999-9999-4999-8999-999999999999"), 404, None, "not found"
    )


def test_uploads_fail_once_the_site_is_gone(oc: OcClient) -> None:
    oc.finish(oc.call("DELETE", SITE).json["sbcCleanupTaskId"])
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert any("Site not found" in m["message"] for m in task["executionMessages"])


def test_a_failed_cleanup_keeps_the_site(client: FlaskClient, oc: OcClient) -> None:
    task_id = oc.call("DELETE", SITE).json["sbcCleanupTaskId"]
    fault = {"match": {"operation": "getTask"}, "action": {"type": "task_failure"}}
    assert client.post("/__sandbox/faults", json=fault).status_code == 201
    task = oc.task(task_id).json
    assert task["status"] == "CompletedFailure"
    assert task["executionMessages"][-2:] == [
        {"level": "Error", "message": "SBC cleanup script failed."},
        {"level": "Error", "message": "Workflow failed."},
    ]
    assert oc.call("GET", SITE).json["pendingTasks"] == []


def test_tenants_are_apart(client: FlaskClient, oc: OcClient) -> None:
    oc.call("PATCH", PATCH, {"CacProfile": "20 sessions"})
    other = OcClient(client, tenant="elsewhere")
    assert other.call("GET", SITE).json["sbcInfo"]["cacProfile"] == "10 sessions"
