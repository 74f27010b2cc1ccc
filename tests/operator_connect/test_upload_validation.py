"""Upload validation: the doc's ValidationProblemDetails 400s, and a refused upload changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.operator_connect.conftest import (
    API,
    CUSTOMER,
    DOC_RANGE,
    DOC_SINGLE,
    PROFILE_NO_SBC,
    OcClient,
    settings,
)

VALIDATION = "One or more validation errors occurred."


def assert_problem(response: Any, field: str, fragment: str) -> None:
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    body = response.json
    assert body["type"] == "https://tools.ietf.org/html/rfc7231#section-6.5.1"
    assert body["title"] == VALIDATION
    assert body["status"] == 400
    assert body["traceId"].startswith("00-")
    assert any(fragment in message for message in body["errors"][field]), body["errors"]


def test_unknown_calling_profile_is_the_documented_400(oc: OcClient) -> None:
    response = oc.upload({**DOC_SINGLE, "callingProfile": "00000000-dead-4bee-8000-000000000000"})
    assert_problem(response, "CallingProfile", "Invalid CallingProfileId!")
    assert list(response.json) == ["errors", "type", "title", "status", "traceId"]


def test_profile_without_sbcs_is_the_documented_400(oc: OcClient) -> None:
    response = oc.upload({**DOC_SINGLE, "callingProfile": PROFILE_NO_SBC})
    assert_problem(response, "CallingProfile", "There are no SBCs assigned to this calling profile!")


def test_syntax_error_is_reported_at_its_json_path(oc: OcClient) -> None:
    raw = '{\n"callingProfile": "x",\n"phoneNumbers": ["+61395556880",,]\n}'
    response = oc.call(
        "POST",
        "/v2/oc/numbers/action/upload",
        data=raw,
        query_string={"msTenantId": CUSTOMER},
        headers={"Content-Type": "application/json"},
    )
    assert_problem(response, "phoneNumbers[1]", "Unexpected character encountered while parsing value: ,.")
    assert "Path 'phoneNumbers[1]', line 3" in response.json["errors"]["phoneNumbers[1]"][0]


def test_empty_body_is_400(oc: OcClient) -> None:
    response = oc.call(
        "POST", "/v2/oc/numbers/action/upload", data=b"", query_string={"msTenantId": CUSTOMER},
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    assert_problem(response, "", "A non-empty request body is required.")


def test_non_json_media_type_is_415(oc: OcClient) -> None:
    response = oc.call(
        "POST", "/v2/oc/numbers/action/upload", data="a=b", query_string={"msTenantId": CUSTOMER},
        headers={"Content-Type": "text/plain"},
    )  # fmt: skip
    assert response.status_code == 415
    assert response.json["title"] == "Unsupported Media Type"


@pytest.mark.parametrize(
    "number", ["61395556880", "+0123456789", "+61 3 9555 6880", "+1234", "+1234567890123456"]
)
def test_non_e164_number_is_400(oc: OcClient, number: str) -> None:
    assert_problem(oc.upload({**DOC_SINGLE, "phoneNumbers": [number]}), "PhoneNumbers[0]", "E.164")


def test_range_with_start_after_end_is_400(oc: OcClient) -> None:
    body = {**DOC_RANGE, "phoneNumberRanges": [{"start": "+97239764670", "end": "+97239764660"}]}
    assert_problem(oc.upload(body), "PhoneNumberRanges[0]", "less than or equal")


def test_range_bigger_than_the_request_maximum_is_400(oc: OcClient) -> None:
    body = {**DOC_RANGE, "phoneNumberRanges": [{"start": "+97230000000", "end": "+97239999999"}]}
    assert_problem(oc.upload(body), "PhoneNumbers", "exceeds the maximum of 1000")


def test_request_maximum_is_a_setting(client: FlaskClient, oc: OcClient) -> None:
    settings(client, maxNumbersPerRequest=5)
    assert_problem(oc.upload(DOC_RANGE), "PhoneNumbers", "(13) exceeds the maximum of 5")


def test_additional_usages_need_workflow_version_3(oc: OcClient) -> None:
    assert_problem(oc.upload({**DOC_RANGE, "workflowVersion": 2}), "AdditionalUsages", "workflow version 3")


def test_additional_usages_without_workflow_version_are_400(oc: OcClient) -> None:
    body = {k: v for k, v in DOC_RANGE.items() if k != "workflowVersion"}
    assert_problem(oc.upload(body), "AdditionalUsages", "workflow version 3")


def test_unknown_usage_is_400(oc: OcClient) -> None:
    assert_problem(oc.upload({**DOC_SINGLE, "usage": "Everything"}), "Usage", "'Everything' is not valid")


def test_missing_required_fields_are_reported_together(oc: OcClient) -> None:
    response = oc.upload({"phoneNumbers": ["+61395556880"]})
    assert_problem(response, "CallingProfile", "The CallingProfile field is required.")
    assert response.json["errors"]["Usage"] == ["The Usage field is required."]
    assert response.json["errors"]["Capabilities"] == ["The Capabilities field is required."]


def test_no_numbers_is_400(oc: OcClient) -> None:
    body = {k: v for k, v in DOC_SINGLE.items() if k != "phoneNumbers"}
    assert_problem(oc.upload(body), "PhoneNumbers", "At least one phone number")


def test_capability_of_another_usage_is_400(oc: OcClient) -> None:
    body = {**DOC_SINGLE, "capabilities": ["InboundCalling", "ConferenceAssignment"]}
    assert_problem(oc.upload(body), "Capabilities", "does not match the usage")


def test_unknown_capability_is_400(oc: OcClient) -> None:
    assert_problem(oc.upload({**DOC_SINGLE, "capabilities": ["Teleport"]}), "Capabilities", "'Teleport'")


def test_wrong_json_type_is_a_conversion_error(oc: OcClient) -> None:
    assert_problem(
        oc.upload({**DOC_SINGLE, "phoneNumbers": "+61395556880"}), "PhoneNumbers", "Error converting"
    )


def test_unknown_country_is_400(oc: OcClient) -> None:
    assert_problem(oc.upload({**DOC_SINGLE, "country": "Atlantis"}), "Country", "not a valid country")


def test_field_names_match_case_insensitively(oc: OcClient) -> None:
    body = {k[0].upper() + k[1:]: v for k, v in DOC_SINGLE.items()}
    assert oc.upload(body).status_code == 200


def test_missing_ms_tenant_id_is_400(oc: OcClient) -> None:
    response = oc.call("POST", "/v2/oc/numbers/action/upload", DOC_SINGLE)
    assert_problem(response, "msTenantId", "The msTenantId field is required.")


def test_non_guid_ms_tenant_id_is_400(oc: OcClient) -> None:
    assert_problem(oc.upload(DOC_SINGLE, customer="contoso"), "msTenantId", "'contoso' is not valid")


def test_unknown_customer_is_400(oc: OcClient) -> None:
    response = oc.upload(DOC_SINGLE, customer="44444444-4444-4444-8444-444444444444")
    assert_problem(response, "msTenantId", "was not found")


def test_array_body_is_400(oc: OcClient) -> None:
    assert_problem(oc.upload([DOC_SINGLE]), "", "requires a JSON object")


def test_refused_upload_changes_nothing(client: FlaskClient, oc: OcClient) -> None:
    before = client.get("/__sandbox/state").json["operator-connect"]
    oc.upload({**DOC_RANGE, "callingProfile": PROFILE_NO_SBC})
    oc.upload({**DOC_SINGLE, "phoneNumbers": ["bad"]})
    assert client.get("/__sandbox/state").json["operator-connect"] == before


@pytest.mark.parametrize(
    "raw",
    [b"null", b"42", b'"x"', b"{", b"[[[[", b'{"phoneNumbers": [{}]}',
     b'{"phoneNumberRanges": [1, {"start": 5}]}', b'{"workflowVersion": {"a": 1}}',
     b'{"usage": 5, "capabilities": [null]}', b"\xff\xfe"],
)  # fmt: skip
def test_garbage_bodies_get_problem_details_never_500(client: FlaskClient, oc: OcClient, raw: bytes) -> None:
    response = client.post(
        API + "/v2/oc/numbers/action/upload",
        data=raw,
        query_string={"msTenantId": CUSTOMER},
        headers={**oc.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json["title"] == VALIDATION


def test_non_ascii_digits_are_not_e164(oc: OcClient) -> None:
    assert_problem(
        oc.upload({**DOC_SINGLE, "phoneNumbers": ["+\u0663\u0669\u0665\u0665\u0665\u0666\u0668\u0668"]}),
        "PhoneNumbers[0]",
        "E.164",
    )


def test_superscript_workflow_version_is_a_conversion_error(oc: OcClient) -> None:
    assert_problem(
        oc.upload({**DOC_SINGLE, "workflowVersion": "\u00b3"}), "WorkflowVersion", "Error converting"
    )
