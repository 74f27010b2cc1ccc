"""GET /api/v2/oc/numbers, /api/v3/oc/numbers (paging, status filter), /api/v2/oc/numbers/{n}."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER, DOC_RANGE, OcClient, settings

V2_FIELDS = [
    "uploadTelephoneNumberEntryId", "source", "sbcList", "id", "uploadToAccountJobId", "whenCreated",
    "acquiredNumberStatus", "telephoneNumber", "callingProfileId", "acquiredCapabilities",
    "availableCapabilities", "acquiredOn", "isoCountryCode", "tnUploadJobId", "locationId", "civicAddressId",
    "assignmentStatus", "tenantId", "aslcht", "aslsct", "aslvCode", "asticks",
]  # fmt: skip


def test_v2_list_is_a_bare_array_of_the_documented_fields(oc: OcClient) -> None:
    response = oc.call("GET", "/v2/oc/numbers", query_string={"msTenantId": CUSTOMER})
    assert response.status_code == 200
    assert isinstance(response.json, list)
    assert [n["telephoneNumber"] for n in response.json] == ["+61398675570", "+61398675571"]
    assert list(response.json[0]) == V2_FIELDS


def test_v2_list_needs_ms_tenant_id(oc: OcClient) -> None:
    response = oc.call("GET", "/v2/oc/numbers")
    assert response.status_code == 400
    assert response.json["errors"]["msTenantId"] == ["The msTenantId field is required."]


def test_v3_pages_with_the_documented_envelope(client: FlaskClient, oc: OcClient) -> None:
    settings(client, mode="immediate")
    oc.upload(DOC_RANGE)
    response = oc.call(
        "GET", "/v3/oc/numbers", query_string={"msTenantId": CUSTOMER, "pageSize": 5, "pageNumber": 3}
    )
    assert response.status_code == 200
    body = response.json
    assert [body[k] for k in ("currentPage", "pageSize", "totalPages", "totalRecords")] == [3, 5, 3, 15]
    assert len(body["data"]) == 5
    assert body["data"][0]["umpCustomerFullName"] == "Sandbox Customer Pty Ltd"
    assert body["data"][0]["ocSipConnectionName"] == "OC-Sandbox-Customer"


def test_v3_defaults_to_page_1_of_200(oc: OcClient) -> None:
    body = oc.call("GET", "/v3/oc/numbers").json
    assert (body["currentPage"], body["pageSize"], body["totalRecords"]) == (1, 200, 3)


def test_v3_filters_by_status_written_with_spaces(oc: OcClient) -> None:
    oc.release(["+61398675571"])
    response = oc.call("GET", "/v3/oc/numbers", query_string={"acquiredNumberStatus": "Release Requested"})
    assert [n["telephoneNumber"] for n in response.json["data"]] == ["+61398675571"]
    active = oc.call("GET", "/v3/oc/numbers", query_string={"acquiredNumberStatus": "Active"}).json
    assert active["totalRecords"] == 2


def test_v3_bad_status_is_400(oc: OcClient) -> None:
    response = oc.call("GET", "/v3/oc/numbers", query_string={"acquiredNumberStatus": "Lost"})
    assert response.status_code == 400
    assert "acquiredNumberStatus" in response.json["errors"]


def test_v3_bad_page_size_is_400(oc: OcClient) -> None:
    response = oc.call("GET", "/v3/oc/numbers", query_string={"pageSize": "0"})
    assert response.status_code == 400
    assert "pageSize" in response.json["errors"]


def test_single_number_with_or_without_plus(oc: OcClient) -> None:
    for path in (
        "/v2/oc/numbers/+61398675570",
        "/v2/oc/numbers/%2B61398675570",
        "/v2/oc/numbers/61398675570",
    ):
        response = oc.call("GET", path)
        assert response.status_code == 200
        assert response.json["telephoneNumber"] == "+61398675570"
        assert list(response.json) == V2_FIELDS


def test_unknown_single_number_is_404(oc: OcClient) -> None:
    response = oc.call("GET", "/v2/oc/numbers/+61399999999")
    assert response.status_code == 404
    assert response.json["title"] == "Not Found"


def test_v3_superscript_page_number_is_400(oc: OcClient) -> None:
    response = oc.call("GET", "/v3/oc/numbers", query_string={"pageNumber": "\u00b2"})
    assert response.status_code == 400
    assert "pageNumber" in response.json["errors"]
