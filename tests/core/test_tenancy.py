"""Tenants by path prefix or header; single-vendor listeners; isolation."""

from __future__ import annotations

from flask.testing import FlaskClient

from sandbox import create_app

TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}


def token(client: FlaskClient, prefix: str = "", headers: dict[str, str] | None = None) -> str:
    response = client.post(prefix + TOKEN_PATH, data=OWNER, headers=headers or {})
    assert response.status_code == 200, response.json
    return response.json["access_token"]


def test_path_prefix_names_the_tenant(client: FlaskClient) -> None:
    client.post("/t/alpha/__sandbox/clock", json={"advance_s": 3600})
    alpha = client.get("/t/alpha/__sandbox/clock").json["now"]
    default = client.get("/__sandbox/clock").json["now"]
    assert alpha > default


def test_header_names_the_tenant(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True}, headers={"X-Sandbox-Tenant": "beta"})
    assert client.get("/t/beta/__sandbox/clock").json["frozen"] is True
    assert client.get("/__sandbox/clock").json["frozen"] is False


def test_a_token_of_one_tenant_is_refused_by_another(client: FlaskClient) -> None:
    tok = token(client, "/t/one")
    ok = client.get("/t/one/omilia/integrations/api/numbers", headers={"Authorization": f"Bearer {tok}"})
    other = client.get("/t/two/omilia/integrations/api/numbers", headers={"Authorization": f"Bearer {tok}"})
    assert ok.status_code == 200
    assert other.status_code == 401
    assert other.json == {"success": False, "message": "No valid API key provided"}


def test_state_of_one_tenant_never_touches_another(client: FlaskClient) -> None:
    state = client.get("/t/a/__sandbox/state").json
    state["omilia"]["numbers"] = []
    assert client.put("/t/a/__sandbox/state", json=state).status_code == 200
    assert client.get("/t/a/__sandbox/state").json["omilia"]["numbers"] == []
    assert len(client.get("/t/b/__sandbox/state").json["omilia"]["numbers"]) > 0


def test_reset_touches_only_its_tenant(client: FlaskClient) -> None:
    for name in ("a", "b"):
        client.put(f"/t/{name}/__sandbox/state", json={"omilia": {"numbers": []}})
    client.post("/t/a/__sandbox/reset")
    assert len(client.get("/t/a/__sandbox/state").json["omilia"]["numbers"]) > 0
    assert client.get("/t/b/__sandbox/state").json["omilia"]["numbers"] == []


def test_an_invalid_tenant_name_is_refused_in_the_vendors_format(client: FlaskClient) -> None:
    response = client.get("/t/bad%20name/omilia/integrations/api/numbers")
    assert response.status_code == 400
    assert response.json["success"] is False
    assert "invalid tenant name" in response.json["message"]


def test_single_vendor_listener_serves_the_vendor_at_its_root() -> None:
    client = create_app({"TESTING": True, "VENDOR": "omilia"}).test_client()
    tok = client.post(TOKEN_PATH.removeprefix("/omilia"), data=OWNER).json["access_token"]
    response = client.get("/integrations/api/numbers", headers={"Authorization": f"Bearer {tok}"})
    assert response.status_code == 200
    health = client.get("/__sandbox/health").json
    assert health["vendors"] == {"omilia": "http://localhost"}


def test_single_vendor_listener_for_operator_connect_also_serves_entra_at_its_root() -> None:
    client = create_app({"TESTING": True, "VENDOR": "operator-connect"}).test_client()
    health = client.get("/__sandbox/health").json
    assert health["vendors"] == {"operator-connect": "http://localhost", "entra": "http://localhost"}
    # The entra route pattern is sent to the entra blueprint, not to operator-connect.
    response = client.post("/00000000-0000-4000-8000-000000000001/oauth2/v2.0/token", data={})
    assert response.status_code != 404 or "error" in response.json
