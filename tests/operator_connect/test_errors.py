"""Wrong paths and methods answer problem details, never HTML; the journal names the operation."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.operator_connect.conftest import API, CUSTOMER, OcClient


def test_unknown_path_is_404_problem(oc: OcClient) -> None:
    response = oc.call("GET", "/v2/oc/nothing-here")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.json["type"] == "https://tools.ietf.org/html/rfc7231#section-6.5.4"
    assert response.json["title"] == "Not Found"
    assert response.json["traceId"].startswith("00-")


def test_wrong_method_is_405_problem(oc: OcClient) -> None:
    response = oc.call("DELETE", "/v2/oc/numbers")
    assert response.status_code == 405
    assert response.json["type"] == "https://tools.ietf.org/html/rfc7231#section-6.5.5"
    assert response.json["title"] == "Method Not Allowed"
    assert "GET" in response.headers["Allow"]


def test_get_on_upload_is_405_problem(client: FlaskClient) -> None:
    response = client.get(API + "/v2/oc/numbers/action/upload")
    assert response.status_code == 405
    assert response.json["status"] == 405


def test_vendor_error_fault_code_renders_the_documented_problem() -> None:
    from sandbox.operator_connect import vendor
    from sandbox.operator_connect.exceptions import ValidationProblem

    error = vendor.coded_error("Invalid CallingProfileId!")  # type: ignore[misc]
    assert isinstance(error, ValidationProblem)
    assert error.errors == {"CallingProfile": ["Invalid CallingProfileId!"]}
    assert vendor.coded_error("503").status == 503  # type: ignore[misc]


@pytest.mark.parametrize(
    ("vendor", "code"),
    [("operator-connect", "Invalid CalingProfileId!"), ("operator-connect", "nope"), ("entra", "nope")],
)
def test_vendor_error_rule_with_an_undocumented_code_is_refused(
    client: FlaskClient, vendor: str, code: str
) -> None:
    rule = {"match": {"vendor": vendor}, "action": {"type": "vendor_error", "code": code}}
    response = client.post("/__sandbox/faults", json=rule)
    assert (response.status_code, response.json["field"]) == (400, "action.code")
    assert client.get("/__sandbox/faults").json == {"rules": []}


def test_entra_coded_error_takes_any_aadsts_number() -> None:
    from sandbox.entra import vendor

    error = vendor.coded_error("AADSTS50126")  # type: ignore[misc]
    assert (error.status, error.code, error.aadsts) == (400, "invalid_request", 50126)  # type: ignore[attr-defined]


def test_entra_coded_error_is_aadsts700016() -> None:
    from sandbox.entra import vendor

    error = vendor.coded_error("AADSTS700016")  # type: ignore[misc]
    assert (error.status, error.code, error.aadsts) == (400, "unauthorized_client", 700016)  # type: ignore[attr-defined]


def test_journal_names_operations_by_operation_id(client: FlaskClient, oc: OcClient) -> None:
    oc.call("POST", "/v2/oc/numbers/action/upload", {}, query_string={"msTenantId": CUSTOMER})
    oc.call("GET", "/v2/task/wup_x")
    entries = client.get("/__sandbox/requests").json["requests"]
    assert [(e["vendor"], e["operation"], e["status"]) for e in entries] == [
        ("entra", "issueEntraToken", 200),
        ("operator-connect", "uploadNumbers", 400),
        ("operator-connect", "getTask", 404),
    ]


def test_tenantui_base_path_reaches_the_same_routes(client: FlaskClient, oc: OcClient) -> None:
    response = client.get(
        "/operator-connect/tenantui/api/v2/oc/numbers",
        query_string={"msTenantId": CUSTOMER},
        headers=oc.headers,
    )
    assert response.status_code == 200
    assert [n["telephoneNumber"] for n in response.json] == ["+61398675570", "+61398675571"]
    assert client.get("/__sandbox/requests").json["requests"][-1]["operation"] == "listNumbers"
