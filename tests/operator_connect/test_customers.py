"""Customers: GET /api/v2|v3/customer[/{id}][?allDetails=], with the PascalCase keys of the docs."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import (
    CUSTOMER,
    CUSTOMER_GUID,
    LEAD,
    OTHER_GUID,
    OcClient,
    assert_problem,
)

V3_KEYS = [
    "UmpCustomerGuid", "CustomerShortName", "CustomerFullName", "LicenseType", "LicensedUsersCount",
    "MsTenantId", "ActiveUserCount", "LiveHubActiveUsersCount", "LiveHubSimpleUsersCount",
]  # fmt: skip
UNKNOWN = "99999999-9999-4999-8999-999999999999"


def test_v2_list_is_brief_pascal_case_and_leaves_leads_out(oc: OcClient) -> None:
    response = oc.call("GET", "/v2/customer")
    assert response.status_code == 200
    assert all(list(item) == ["Id", "ShortName", "FullName", "LicenseType"] for item in response.json)
    assert {item["Id"] for item in response.json} == {CUSTOMER_GUID, OTHER_GUID}
    mine = next(i for i in response.json if i["Id"] == CUSTOMER_GUID)
    assert (mine["ShortName"], mine["FullName"], mine["LicenseType"]) == (
        "SandboxCust",
        "Sandbox Customer Pty Ltd",
        1,
    )


def test_v2_one_customer_lists_its_sip_connections(oc: OcClient) -> None:
    body = oc.call("GET", f"/v2/customer/{CUSTOMER_GUID}").json
    assert list(body) == ["Id", "ShortName", "FullName", "LicenseType", "SiteLocation"]
    assert body["SiteLocation"] == [
        {"id": CUSTOMER_GUID, "name": "GRXRATNEUZMNZ", "sbcId": 8, "sbcDeploymentState": "Deployed"}
    ]


def test_v3_list_has_the_documented_keys_and_sites_with_all_details(oc: OcClient) -> None:
    brief = oc.call("GET", "/v3/customer").json
    assert all(list(item) == V3_KEYS for item in brief)
    mine = next(i for i in brief if i["UmpCustomerGuid"] == CUSTOMER_GUID)
    assert mine["MsTenantId"] == CUSTOMER
    assert oc.call("GET", "/v3/customer", query_string={"allDetails": "false"}).json == brief
    full = oc.call("GET", "/v3/customer", query_string={"allDetails": "true"}).json
    assert all(list(item) == [*V3_KEYS, "SiteLocation"] for item in full)


def test_v3_one_customer_adds_its_application_and_typed_sites(oc: OcClient) -> None:
    body = oc.call("GET", f"/v3/customer/{CUSTOMER_GUID}").json
    extra = [
        "MsDefaultDomain",
        "ApplicationClientId",
        "ApplicationClientSecret",
        "ClientSecretExpirationDate",
    ]
    assert list(body) == [*V3_KEYS, *extra]
    full = oc.call("GET", f"/v3/customer/{CUSTOMER_GUID}", query_string={"allDetails": "True"}).json
    assert full["SiteLocation"][0]["sbcConfigurationType"] == "SipTrunk"


def test_bad_all_details_is_400(oc: OcClient) -> None:
    assert_problem(
        oc.call("GET", "/v3/customer", query_string={"allDetails": "yes"}), 400, "allDetails", "not valid"
    )


def test_unknown_malformed_or_lead_guid_is_404(oc: OcClient) -> None:
    for version in ("v2", "v3"):
        assert_problem(oc.call("GET", f"/{version}/customer/{UNKNOWN}"), 404, None, "was not found")
        assert_problem(oc.call("GET", f"/{version}/customer/not-a-guid"), 404, None, "was not found")
        assert_problem(oc.call("GET", f"/{version}/customer/{LEAD}"), 404, None, "was not found")


def test_uppercase_guid_reads_the_same_customer(oc: OcClient) -> None:
    assert oc.call("GET", f"/v2/customer/{CUSTOMER_GUID.upper()}").json["Id"] == CUSTOMER_GUID


def test_tenants_are_apart(client: FlaskClient, oc: OcClient) -> None:
    oc.finish(
        oc.call(
            "POST",
            "/v3/customer",
            {
                "configurationName": "OcEssential_TENANT_TYPE",
                "customerShortName": "LeadCo",
                "customerFullName": "Lead Company",
                "msTenantId": LEAD,
            },
        ).json["jobId"]
    )
    assert len(oc.call("GET", "/v2/customer").json) == 3
    assert len(OcClient(client, tenant="elsewhere").call("GET", "/v2/customer").json) == 2


def test_the_tenantui_base_url_answers_the_new_routes_too(client: FlaskClient, oc: OcClient) -> None:
    response = client.get("/operator-connect/tenantui/api/v2/customer", headers=oc.headers)
    assert response.status_code == 200
    assert response.json == oc.call("GET", "/v2/customer").json
