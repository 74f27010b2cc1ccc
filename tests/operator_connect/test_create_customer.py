"""POST /api/v3/customer (Create Customer from Lead): a `wst_` task that converts the lead."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER, DOC_SINGLE, LEAD, OcClient, assert_problem

REQUEST: dict[str, Any] = {
    "configurationName": "OcEssential_TENANT_TYPE",
    "customerShortName": "LeadCo",
    "customerFullName": "Lead Company Ltd",
    "msTenantId": LEAD,
}


def _create(oc: OcClient, **changes: Any) -> Any:
    return oc.call("POST", "/v3/customer", {**REQUEST, **changes})


def test_answers_a_wst_job_id(oc: OcClient) -> None:
    response = _create(oc)
    assert response.status_code == 200
    assert list(response.json) == ["jobId"]
    assert re.fullmatch(r"wst_[0-9a-f-]{36}", response.json["jobId"])


def test_the_task_converts_the_lead_when_it_completes(oc: OcClient) -> None:
    job = _create(oc).json["jobId"]
    assert oc.task(job).json["status"] == "InProgress"
    assert len(oc.call("GET", "/v2/customer").json) == 2
    task = oc.finish(job)
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["Converted"]
    assert {"level": "Information", "message": "Site created in Ovoc"} in task["executionMessages"]
    guid = task["outputData"]["umpCustomerGuid"]
    customer = oc.call("GET", f"/v3/customer/{guid}", query_string={"allDetails": "true"}).json
    assert customer["CustomerShortName"] == "LeadCo"
    assert customer["CustomerFullName"] == "Lead Company Ltd"
    assert customer["MsTenantId"] == LEAD
    assert customer["SiteLocation"][0]["id"] == guid
    plan = oc.call("GET", f"/v2/customer/{guid}/sitelocation/{guid}/dialplan/OCDialPlan").json
    assert plan == {"dialPlanId": "OCDialPlan", "ruleDTO": []}


def test_a_converted_lead_takes_uploads_into_its_dial_plan(oc: OcClient) -> None:
    guid = oc.finish(_create(oc).json["jobId"])["outputData"]["umpCustomerGuid"]
    task = oc.finish(
        oc.upload({**DOC_SINGLE, "phoneNumbers": ["+61395550001"]}, customer=LEAD).json["taskId"]
    )
    assert task["status"] == "CompletedSuccess"
    plan = oc.call("GET", f"/v2/customer/{guid}/sitelocation/{guid}/dialplan/OCDialPlan").json
    assert [r["prefix"] for r in plan["ruleDTO"]] == ["+61395550001"]


def test_an_unconverted_lead_cannot_take_an_upload(oc: OcClient) -> None:
    task = oc.finish(oc.upload(DOC_SINGLE, customer=LEAD).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert any("Site not found" in m["message"] for m in task["executionMessages"])


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"configurationName": None}, "ConfigurationName", "is required"),
        ({"configurationName": "Premium"}, "ConfigurationName", "is not valid"),
        ({"customerShortName": "ab"}, "CustomerShortName", "3 to 15 characters"),
        ({"customerShortName": "a.bc"}, "CustomerShortName", "3 to 15 characters"),
        ({"customerShortName": "with blank"}, "CustomerShortName", "3 to 15 characters"),
        ({"customerShortName": "x" * 16}, "CustomerShortName", "3 to 15 characters"),
        ({"customerShortName": "a<b>c"}, "CustomerShortName", "3 to 15 characters"),
        ({"customerFullName": ""}, "CustomerFullName", "is required"),
        ({"customerFullName": 7}, "CustomerFullName", "Error converting value"),
        ({"msTenantId": None}, "MsTenantId", "is required"),
        ({"msTenantId": "nope"}, "MsTenantId", "is not valid"),
        ({"msTenantId": "99999999-9999-4999-8999-999999999999"}, "MsTenantId", "Lead with msTenantId"),
        ({"msTenantId": CUSTOMER}, "MsTenantId", "already a customer"),
        ({"customerShortName": "SandboxCust"}, "CustomerShortName", "already exists"),
        ({"scriptParameters": ["x"]}, "ScriptParameters", "Error converting value"),
    ],
)
def test_bad_request_is_400_and_changes_nothing(
    oc: OcClient, changes: dict[str, Any], field: str, fragment: str
) -> None:
    before = oc.state()
    assert_problem(_create(oc, **changes), 400, field, fragment)
    assert oc.state() == before


def test_the_ip_group_configuration_and_script_parameters_are_accepted(oc: OcClient) -> None:
    scripts = {"ProxySet": "OC", "OnlinePstnGateway": "leadco.sbc.example"}
    job = _create(oc, configurationName="OcEssential_IPGROUP_TYPE", scriptParameters=scripts).json["jobId"]
    guid = oc.finish(job)["outputData"]["umpCustomerGuid"]
    assert oc.call("GET", f"/v2/sitelocation/{guid}").json["onlinePstnGateway"] == "leadco.sbc.example"


def test_a_lead_in_conversion_cannot_be_converted_again(oc: OcClient) -> None:
    _create(oc)
    assert_problem(_create(oc, customerShortName="LeadTwo"), 400, "MsTenantId", "already being converted")


def test_body_not_an_object_is_400(oc: OcClient) -> None:
    assert_problem(oc.call("POST", "/v3/customer", [REQUEST]), 400, "", "Cannot deserialize")


def test_tenants_are_apart(client: FlaskClient, oc: OcClient) -> None:
    oc.finish(_create(oc).json["jobId"])
    other = OcClient(client, tenant="elsewhere")
    assert _create(other).status_code == 200
