"""GET /api/v2/customer/{c}/sitelocation/{s}/dialplan/{name}: uploaded numbers are OCDialPlan prefixes."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER_GUID, DOC_SINGLE, OTHER_GUID, OcClient, assert_problem


def _plan(
    oc: OcClient, name: str = "OCDialPlan", customer: str = CUSTOMER_GUID, site: str = CUSTOMER_GUID
) -> object:
    return oc.call("GET", f"/v2/customer/{customer}/sitelocation/{site}/dialplan/{name}")


def _prefixes(oc: OcClient) -> list[str]:
    return [rule["prefix"] for rule in _plan(oc).json["ruleDTO"]]  # type: ignore[attr-defined]


def test_default_world_plan_holds_the_customers_numbers(oc: OcClient) -> None:
    response = _plan(oc)
    assert response.status_code == 200  # type: ignore[attr-defined]
    body = response.json  # type: ignore[attr-defined]
    assert list(body) == ["dialPlanId", "ruleDTO"]
    assert body["dialPlanId"] == "OCDialPlan"
    site = oc.call("GET", f"/v2/sitelocation/{CUSTOMER_GUID}").json
    assert body["ruleDTO"] == [
        {"name": site["siteName"], "prefix": n, "tag": site["onlinePstnGateway"]}
        for n in ("+61398675570", "+61398675571")
    ]


def test_a_completed_upload_writes_its_numbers_to_the_plan(oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    oc.task(task_id)
    assert "+61395556880" not in _prefixes(oc)
    oc.finish(task_id)
    assert "+61395556880" in _prefixes(oc)


def test_unassigned_and_released_numbers_leave_the_plan(oc: OcClient) -> None:
    oc.finish(oc.unassign(["+61398675570"]).json["taskId"])
    assert "+61398675570" not in _prefixes(oc)
    oc.finish(oc.release(["+61398675571"]).json["taskId"])
    assert _prefixes(oc) == []


def test_other_plans_are_empty_and_named_case_insensitively(oc: OcClient) -> None:
    for name in ("CustDialPlan", "RegisteredUsers", "Zoom"):
        assert _plan(oc, name).json == {"dialPlanId": name, "ruleDTO": []}  # type: ignore[attr-defined]
    assert _plan(oc, "ocdialplan").json["dialPlanId"] == "OCDialPlan"  # type: ignore[attr-defined]


def test_unknown_plan_site_or_customer_is_404(oc: OcClient) -> None:
    assert_problem(_plan(oc, "NoSuchPlan"), 404, None, "Dial plan 'NoSuchPlan' was not found")  # type: ignore[arg-type]
    assert_problem(_plan(oc, site="not-a-guid"), 404, None, "was not found")  # type: ignore[arg-type]
    unknown = "99999999-9999-4999-8999-999999999999"
    assert_problem(_plan(oc, site=unknown), 404, None, "was not found")  # type: ignore[arg-type]
    assert_problem(_plan(oc, customer=OTHER_GUID), 404, None, "for customer")  # type: ignore[arg-type]


def test_reading_changes_nothing_and_tenants_are_apart(client: FlaskClient, oc: OcClient) -> None:
    before = oc.state()
    _plan(oc)
    _plan(oc, "NoSuchPlan")
    assert oc.state() == before
    oc.finish(oc.unassign(["+61398675570"]).json["taskId"])
    other = OcClient(client, tenant="elsewhere")
    assert "+61398675570" in _prefixes(other)
