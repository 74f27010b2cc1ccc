"""Tenant names are matched whole, and a vendor path with odd characters stays in its tenant and vendor."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}


def bearer(client: FlaskClient, tenant: str) -> dict[str, str]:
    response = client.post(f"/t/{tenant}{TOKEN_PATH}", data=OWNER)
    assert response.status_code == 200, response.json
    return {"Authorization": "Bearer " + response.json["access_token"]}


@pytest.mark.parametrize("name", ["x%0A", "x%0D", "x%09", "x%00", "x%7F", "%0Ax"])
def test_a_tenant_name_with_a_control_character_is_refused(client: FlaskClient, name: str) -> None:
    response = client.get(f"/t/{name}/__sandbox/state")
    assert response.status_code == 400
    assert response.json["error"].startswith("invalid tenant name")


def test_a_trailing_newline_is_not_a_separate_tenant_by_header(client: FlaskClient) -> None:
    environ = {"HTTP_X_SANDBOX_TENANT": "x\n"}  # a WSGI server may pass one on
    response = client.get("/omilia/integrations/api/numbers", environ_overrides=environ)
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": "invalid tenant name 'x\\n': use letters, digits, '.', '_', '~' or '-'",
    }


@pytest.mark.parametrize("odd", ["%0A", "%0D%0A", "a%0Ab", "%09"])
def test_a_vendor_path_with_a_newline_stays_in_its_tenant_and_vendor(client: FlaskClient, odd: str) -> None:
    headers = bearer(client, "x")
    response = client.put(f"/t/x/omilia/integrations/api/numbers-set/{odd}/detach", headers=headers, json={})
    assert response.status_code == 404
    assert response.json["success"] is False  # Omilia's envelope, not the control plane's
    journal = client.get("/t/x/__sandbox/requests").json["requests"]
    assert [e["method"] for e in journal][-1:] == ["PUT"]
    assert journal[-1]["vendor"] == "omilia"
    assert client.get("/__sandbox/requests").json["requests"] == []
