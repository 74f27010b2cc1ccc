"""GET /entra/{tenantId}/v2.0/.well-known/openid-configuration: where MSAL finds the token endpoint."""

from __future__ import annotations

from flask.testing import FlaskClient

from sandbox import create_app
from tests.operator_connect.conftest import SP_TENANT

PATH = f"/{SP_TENANT}/v2.0/.well-known/openid-configuration"


def test_token_endpoint_points_back_at_the_sandbox_authority(client: FlaskClient) -> None:
    response = client.get("/entra" + PATH)
    assert response.status_code == 200
    assert response.json["token_endpoint"] == f"http://localhost/entra/{SP_TENANT}/oauth2/v2.0/token"
    assert response.json["issuer"] == f"https://login.microsoftonline.com/{SP_TENANT}/v2.0"
    assert "client_secret_post" in response.json["token_endpoint_auth_methods_supported"]


def test_tenant_path_prefix_is_kept_in_the_endpoints(client: FlaskClient) -> None:
    body = client.get("/t/alpha/entra" + PATH).json
    assert body["token_endpoint"] == f"http://localhost/t/alpha/entra/{SP_TENANT}/oauth2/v2.0/token"


def test_single_vendor_listener_serves_discovery_at_its_root() -> None:
    client = create_app({"TESTING": True, "VENDOR": "operator-connect"}).test_client()
    body = client.get(PATH).json
    assert body["token_endpoint"] == f"http://localhost/{SP_TENANT}/oauth2/v2.0/token"
    token = client.post(body["token_endpoint"].removeprefix("http://localhost"))
    assert token.json["error_codes"] == [900144]


def test_unknown_tenant_is_aadsts90002(client: FlaskClient) -> None:
    response = client.get("/entra/99999999-9999-4999-8999-999999999999/v2.0/.well-known/openid-configuration")
    assert response.status_code == 400
    assert response.json["error_codes"] == [90002]
