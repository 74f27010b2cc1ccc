"""POST /api/v2/oc/numbers/action/number-status: per-number results from the tenant's state."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER, DOC_SINGLE, OTHER_CUSTOMER, OcClient, assert_problem

PATH = "/v2/oc/numbers/action/number-status"


def _validate(
    oc: OcClient, numbers: object, customer: str = CUSTOMER, key: str = "telephoneNumbers"
) -> object:
    return oc.call("POST", PATH, {"msTenantId": customer, key: numbers})


def _detail(body: dict, number: str) -> dict:  # type: ignore[type-arg]
    return next(item for item in body["telephoneNumbers"] if item["telephoneNumber"] == number)


def test_unknown_number_is_not_found_with_empty_strings_as_the_doc_shows(oc: OcClient) -> None:
    response = _validate(oc, ["+18333998785"])
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.json == {  # type: ignore[attr-defined]
        "validationResult": "Success",
        "telephoneNumbers": [
            {
                "telephoneNumber": "+18333998785",
                "validationResult": "Success",
                "actionRequired": False,
                "validationDetail": [],
                "telphoneNumberDetail": {"numberFound": False, "numberOffering": "", "assignmentStatus": ""},
            }
        ],
    }


def test_an_uploaded_completed_number_is_found(oc: OcClient) -> None:
    before = _detail(_validate(oc, ["+61395556880"]).json, "+61395556880")  # type: ignore[attr-defined]
    assert before["telphoneNumberDetail"]["numberFound"] is False
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    oc.task(task_id)  # in progress: not found yet
    during = _detail(_validate(oc, ["+61395556880"]).json, "+61395556880")  # type: ignore[attr-defined]
    assert during["telphoneNumberDetail"]["numberFound"] is False
    oc.finish(task_id)
    after = _detail(_validate(oc, ["+61395556880"]).json, "+61395556880")  # type: ignore[attr-defined]
    assert after["telphoneNumberDetail"] == {
        "numberFound": True,
        "numberOffering": "OperatorConnect",
        "assignmentStatus": "Unassigned",
    }


def test_capital_key_of_the_multi_number_example_binds(oc: OcClient) -> None:
    response = _validate(oc, ["+61398675570", "+61398675571"], key="TelephoneNumbers")
    assert response.status_code == 200  # type: ignore[attr-defined]
    body = response.json  # type: ignore[attr-defined]
    assert [i["telephoneNumber"] for i in body["telephoneNumbers"]] == ["+61398675570", "+61398675571"]
    assert _detail(body, "+61398675570")["telphoneNumberDetail"]["assignmentStatus"] == "UserAssigned"


def test_a_number_not_in_e164_is_a_per_number_failure(oc: OcClient) -> None:
    body = _validate(oc, ["0398675570", "+61398675571"]).json  # type: ignore[attr-defined]
    assert body["validationResult"] == "Failure"
    bad = _detail(body, "0398675570")
    assert bad["validationResult"] == "Failure"
    assert bad["actionRequired"] is True
    assert bad["validationDetail"] == ["The phone number '0398675570' is not in E.164 format."]
    assert _detail(body, "+61398675571")["validationResult"] == "Success"


def test_a_country_outside_the_consent_is_a_per_number_failure(oc: OcClient) -> None:
    body = _validate(oc, ["+442074996300"]).json  # type: ignore[attr-defined]
    item = _detail(body, "+442074996300")
    assert item["validationResult"] == "Failure"
    assert "consented countries" in item["validationDetail"][0]


def test_another_customers_number_is_found_but_fails(oc: OcClient) -> None:
    item = _detail(_validate(oc, ["+14155550100"]).json, "+14155550100")  # type: ignore[attr-defined]
    assert item["telphoneNumberDetail"]["numberFound"] is True
    assert item["validationDetail"] == ["The number belongs to another customer."]
    mine = _detail(_validate(oc, ["+14155550100"], OTHER_CUSTOMER).json, "+14155550100")  # type: ignore[attr-defined]
    assert mine["validationResult"] == "Success"


def test_missing_numbers_is_400(oc: OcClient) -> None:
    assert_problem(oc.call("POST", PATH, {"msTenantId": CUSTOMER}), 400, "TelephoneNumbers", "is required")


def test_empty_numbers_is_400(oc: OcClient) -> None:
    assert_problem(_validate(oc, []), 400, "TelephoneNumbers", "At least one")  # type: ignore[arg-type]


def test_numbers_not_a_list_of_strings_is_400(oc: OcClient) -> None:
    assert_problem(_validate(oc, "+61398675570"), 400, "TelephoneNumbers", "Error converting value")  # type: ignore[arg-type]
    assert_problem(_validate(oc, [61398675570]), 400, "TelephoneNumbers", "Error converting value")  # type: ignore[arg-type]


def test_missing_or_bad_tenant_id_is_400(oc: OcClient) -> None:
    no_tenant = oc.call("POST", PATH, {"telephoneNumbers": ["+61398675570"]})
    assert_problem(no_tenant, 400, "msTenantId", "is required")
    assert_problem(_validate(oc, ["+61398675570"], "nope"), 400, "msTenantId", "is not valid")  # type: ignore[arg-type]


def test_unknown_customer_is_400(oc: OcClient) -> None:
    response = _validate(oc, ["+61398675570"], "99999999-9999-4999-8999-999999999999")
    assert_problem(response, 400, "msTenantId", "was not found")  # type: ignore[arg-type]


def test_tenant_id_in_the_query_is_read_when_the_body_has_none(oc: OcClient) -> None:
    response = oc.call(
        "POST", PATH, {"telephoneNumbers": ["+61398675570"]}, query_string={"msTenantId": CUSTOMER}
    )
    assert response.status_code == 200


def test_body_not_an_object_or_not_json_is_400(oc: OcClient) -> None:
    assert_problem(oc.call("POST", PATH, ["+61398675570"]), 400, "", "Cannot deserialize")
    broken = oc.call("POST", PATH, data="{", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400


def test_validating_changes_nothing(oc: OcClient) -> None:
    before = oc.state()
    _validate(oc, ["+61395556880", "bad"])
    _validate(oc, [])  # type: ignore[arg-type]
    assert oc.state() == before


def test_another_sandbox_tenant_does_not_see_this_tenants_upload(client: FlaskClient, oc: OcClient) -> None:
    oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    other = OcClient(client, tenant="elsewhere")
    item = _detail(_validate(other, ["+61395556880"]).json, "+61395556880")  # type: ignore[attr-defined]
    assert item["telphoneNumberDetail"]["numberFound"] is False
