"""`GET /__sandbox/tenants`: the tenants that exist, whoever named them."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.control.support import NUMBERS_PATH


def test_the_caller_s_own_tenant_is_listed(client: FlaskClient) -> None:
    response = client.get("/t/alone/__sandbox/tenants")
    assert response.status_code == 200
    assert response.json == {"tenants": ["alone"]}


def test_tenants_named_by_vendor_calls_and_headers_are_listed_sorted(client: FlaskClient) -> None:
    client.get("/t/zulu" + NUMBERS_PATH)
    client.get(NUMBERS_PATH, headers={"X-Sandbox-Tenant": "alpha"})
    assert client.get("/__sandbox/tenants").json["tenants"] == ["alpha", "default", "zulu"]


def test_a_reset_tenant_still_exists(client: FlaskClient) -> None:
    client.post("/t/kept/__sandbox/reset")
    assert "kept" in client.get("/__sandbox/tenants").json["tenants"]


def test_an_invalid_tenant_name_is_refused_and_not_listed(client: FlaskClient) -> None:
    response = client.get("/__sandbox/tenants", headers={"X-Sandbox-Tenant": "bad name"})
    assert response.status_code == 400
    assert response.json["error"].startswith("invalid tenant name 'bad name'")
    assert client.get("/__sandbox/tenants").json["tenants"] == ["default"]
