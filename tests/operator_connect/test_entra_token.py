"""POST /entra/{tenantId}/oauth2/v2.0/token: the client-credentials grant and its AADSTS errors."""

from __future__ import annotations

import base64
import json

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CREDENTIALS, SP_TENANT, TOKEN_URL, get_token


def claims(token: str) -> dict[str, object]:
    """The JWT's claims, decoded without verification (as a client would)."""
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def aadsts(response: object) -> int:
    body = response.json  # type: ignore[attr-defined]
    assert body["error_description"].startswith(f"AADSTS{body['error_codes'][0]}: ")
    return int(body["error_codes"][0])


def test_token_has_the_identity_platform_shape(client: FlaskClient) -> None:
    response = get_token(client)
    assert response.status_code == 200
    assert list(response.json) == ["token_type", "expires_in", "ext_expires_in", "access_token"]
    assert response.json["token_type"] == "Bearer"
    assert response.json["expires_in"] == 3599
    assert response.json["ext_expires_in"] == 3599
    assert response.headers["Cache-Control"].startswith("no-store")


def test_token_claims_carry_tenant_audience_and_expiry_on_the_sandbox_clock(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    client.post("/__sandbox/clock", json={"advance_s": 86400})
    now = client.get("/__sandbox/clock").json["now"]
    token = claims(get_token(client).json["access_token"])
    assert token["tid"] == SP_TENANT
    assert token["aud"] == "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31"
    assert token["iss"] == f"https://sts.windows.net/{SP_TENANT}/"
    assert token["appid"] == "sandbox-client"
    assert token["exp"] == token["iat"] + 3599  # type: ignore[operator]
    from datetime import datetime

    assert int(datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp()) == token["iat"]


def test_http_basic_client_authentication_is_accepted(client: FlaskClient) -> None:
    basic = base64.b64encode(b"sandbox-client:sandbox-secret").decode()
    form = {"grant_type": "client_credentials", "scope": CREDENTIALS["scope"]}
    response = client.post(TOKEN_URL, data=form, headers={"Authorization": f"Basic {basic}"})
    assert response.status_code == 200
    assert response.json["access_token"]


def test_tenant_may_be_named_by_domain(client: FlaskClient) -> None:
    assert get_token(client, tenant="sandbox-operator.onmicrosoft.com").status_code == 200


def test_unknown_client_is_the_documented_aadsts700016(client: FlaskClient) -> None:
    response = get_token(client, client_id="4f0b1a3c-0000-4000-8000-000000000099")
    assert response.status_code == 400
    assert response.json["error"] == "unauthorized_client"
    assert aadsts(response) == 700016
    assert (
        "Application with identifier '4f0b1a3c-0000-4000-8000-000000000099' was not found"
        in (response.json["error_description"])
    )
    for field in ("timestamp", "trace_id", "correlation_id"):
        assert response.json[field]


def test_wrong_secret_is_aadsts7000215(client: FlaskClient) -> None:
    response = get_token(client, client_secret="nope")
    assert response.status_code == 401
    assert response.json["error"] == "invalid_client"
    assert aadsts(response) == 7000215


def test_missing_secret_is_aadsts7000218(client: FlaskClient) -> None:
    form = {k: v for k, v in CREDENTIALS.items() if k != "client_secret"}
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 401
    assert aadsts(response) == 7000218


def test_missing_grant_type_is_aadsts900144(client: FlaskClient) -> None:
    form = {k: v for k, v in CREDENTIALS.items() if k != "grant_type"}
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 400
    assert response.json["error"] == "invalid_request"
    assert aadsts(response) == 900144
    assert "'grant_type'" in response.json["error_description"]


def test_json_body_reads_as_no_grant_type(client: FlaskClient) -> None:
    response = client.post(TOKEN_URL, json=CREDENTIALS)
    assert response.status_code == 400
    assert aadsts(response) == 900144


def test_unsupported_grant_is_aadsts70003(client: FlaskClient) -> None:
    response = get_token(client, grant_type="password")
    assert response.status_code == 400
    assert response.json["error"] == "unsupported_grant_type"
    assert aadsts(response) == 70003


def test_scope_without_default_suffix_is_aadsts1002012(client: FlaskClient) -> None:
    response = get_token(client, scope="api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/user_impersonation")
    assert response.status_code == 400
    assert response.json["error"] == "invalid_scope"
    assert aadsts(response) == 1002012


def test_unknown_resource_is_aadsts500011(client: FlaskClient) -> None:
    response = get_token(client, scope="api://unknown-api/.default")
    assert response.status_code == 400
    assert response.json["error"] == "invalid_resource"
    assert aadsts(response) == 500011


def test_missing_scope_is_aadsts900144(client: FlaskClient) -> None:
    form = {k: v for k, v in CREDENTIALS.items() if k != "scope"}
    response = client.post(TOKEN_URL, data=form)
    assert aadsts(response) == 900144
    assert "'scope'" in response.json["error_description"]


def test_unknown_tenant_is_aadsts90002(client: FlaskClient) -> None:
    response = get_token(client, tenant="99999999-9999-4999-8999-999999999999")
    assert response.status_code == 400
    assert aadsts(response) == 90002


def test_malformed_tenant_is_aadsts900023(client: FlaskClient) -> None:
    response = get_token(client, tenant="not a tenant")
    assert response.status_code == 400
    assert aadsts(response) == 900023


def test_common_endpoint_is_aadsts50059(client: FlaskClient) -> None:
    assert aadsts(get_token(client, tenant="common")) == 50059


def test_correlation_id_echoes_client_request_id(client: FlaskClient) -> None:
    response = client.post(
        TOKEN_URL, data={**CREDENTIALS, "client_secret": "x"}, headers={"client-request-id": "abc-123"}
    )
    assert response.json["correlation_id"] == "abc-123"
    assert "Correlation ID: abc-123" in response.json["error_description"]


def test_get_on_token_endpoint_is_an_identity_platform_error(client: FlaskClient) -> None:
    response = client.get(TOKEN_URL)
    assert response.status_code == 405
    assert response.json["error"] == "invalid_request"
    assert response.json["error_codes"] == [900561]
