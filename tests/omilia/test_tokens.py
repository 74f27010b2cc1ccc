"""The Keycloak token endpoint: password and refresh grants, lifetimes, errors."""

from __future__ import annotations

from flask.testing import FlaskClient

from sandbox.core import jwt
from tests.omilia.conftest import API, TOKEN_URL, password_grant


def refresh_grant(client: FlaskClient, refresh_token: str, realm: str = "master"):
    form = {"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": refresh_token}
    return client.post(f"/omilia/auth/realms/{realm}/protocol/openid-connect/token", data=form)


def advance(client: FlaskClient, seconds: float) -> None:
    assert client.post("/__sandbox/clock", json={"advance_s": seconds}).status_code == 200


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_password_grant_returns_the_documented_fields(client: FlaskClient) -> None:
    response = password_grant(client, "owner")
    assert response.status_code == 200
    body = response.json
    assert set(body) == {
        "access_token",
        "expires_in",
        "refresh_expires_in",
        "refresh_token",
        "token_type",
        "not-before-policy",
        "session_state",
        "scope",
    }
    assert (body["expires_in"], body["refresh_expires_in"]) == (300, 1800)
    assert (body["token_type"], body["scope"], body["not-before-policy"]) == ("bearer", "openid", 0)


def test_token_response_is_not_cached(client: FlaskClient) -> None:
    response = password_grant(client, "owner")
    assert response.headers["Cache-Control"] == "no-store"


def test_realm_ocp_issues_tokens_too(client: FlaskClient) -> None:
    assert password_grant(client, "owner", realm="ocp").status_code == 200


def test_access_token_carries_the_users_roles_and_groups(client: FlaskClient) -> None:
    claims = jwt.decode(password_grant(client, "maintainer").json["access_token"])
    assert claims["realm_access"]["roles"] == ["Maintainer"]
    assert claims["groups"] == ["ocp-qa"]


def test_access_token_opens_the_api(client: FlaskClient) -> None:
    token = password_grant(client, "viewer").json["access_token"]
    assert client.get(f"{API}/numbers", headers=bearer(token)).status_code == 200


def test_wrong_password_is_invalid_grant_401(client: FlaskClient) -> None:
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "nope"}
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 401
    assert response.json == {"error": "invalid_grant", "error_description": "Invalid user credentials"}


def test_unknown_user_is_invalid_grant_401(client: FlaskClient) -> None:
    form = {"client_id": "ocp", "grant_type": "password", "username": "nobody", "password": "sandbox"}
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 401
    assert response.json["error"] == "invalid_grant"


def test_unknown_client_is_invalid_client_401(client: FlaskClient) -> None:
    form = {"client_id": "other", "grant_type": "password", "username": "owner", "password": "sandbox"}
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 401
    assert response.json["error"] == "invalid_client"


def test_unknown_realm_is_404(client: FlaskClient) -> None:
    response = password_grant(client, "owner", realm="nope")
    assert response.status_code == 404
    assert response.json == {"error": "Realm does not exist"}


def test_missing_grant_type_is_invalid_request(client: FlaskClient) -> None:
    response = client.post(TOKEN_URL, data={"client_id": "ocp"})
    assert response.status_code == 400
    assert response.json == {
        "error": "invalid_request",
        "error_description": "Missing form parameter: grant_type",
    }


def test_unknown_grant_type_is_unsupported(client: FlaskClient) -> None:
    response = client.post(TOKEN_URL, data={"client_id": "ocp", "grant_type": "client_credentials"})
    assert response.status_code == 400
    assert response.json["error"] == "unsupported_grant_type"


def test_get_on_the_token_endpoint_is_a_keycloak_405(client: FlaskClient) -> None:
    response = client.get(TOKEN_URL)
    assert response.status_code == 405
    assert response.json["error"] == "HTTP 405 Method Not Allowed"


def test_refresh_grant_issues_new_tokens(client: FlaskClient) -> None:
    first = password_grant(client, "owner").json
    response = refresh_grant(client, first["refresh_token"])
    assert response.status_code == 200
    assert response.json["session_state"] == first["session_state"]
    assert client.get(f"{API}/numbers", headers=bearer(response.json["access_token"])).status_code == 200


def test_access_token_as_refresh_token_is_refused(client: FlaskClient) -> None:
    access = password_grant(client, "owner").json["access_token"]
    response = refresh_grant(client, access)
    assert response.status_code == 400
    assert response.json == {"error": "invalid_grant", "error_description": "Invalid refresh token"}


def test_garbage_refresh_token_is_refused(client: FlaskClient) -> None:
    response = refresh_grant(client, "not-a-token")
    assert response.status_code == 400
    assert response.json["error_description"] == "Invalid refresh token"


def test_refresh_token_of_another_realm_is_refused(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner", realm="ocp").json["refresh_token"]
    assert refresh_grant(client, refresh, realm="master").status_code == 400


def test_refresh_token_expires_after_1800_seconds(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    advance(client, 1800)
    response = refresh_grant(client, refresh)
    assert response.status_code == 400
    assert response.json == {"error": "invalid_grant", "error_description": "Token is not active"}


def test_refresh_token_still_works_just_before_1800_seconds(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    advance(client, 1799)
    assert refresh_grant(client, refresh).status_code == 200


def test_access_token_expires_after_300_seconds(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    advance(client, 300)
    response = client.get(f"{API}/numbers", headers=bearer(token))
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}


def test_access_token_works_just_before_300_seconds(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    advance(client, 299)
    assert client.get(f"{API}/numbers", headers=bearer(token)).status_code == 200


def test_token_of_another_tenant_is_refused(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    response = client.get(f"/t/elsewhere{API}/numbers", headers=bearer(token))
    assert response.status_code == 401
    assert response.json["message"] == "No valid API key provided"


def test_missing_authorization_is_401(client: FlaskClient) -> None:
    response = client.get(f"{API}/numbers")
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}


def test_basic_authorization_is_401(client: FlaskClient) -> None:
    response = client.get(f"{API}/numbers", headers={"Authorization": "Basic b3duZXI6c2FuZGJveA=="})
    assert response.status_code == 401
    assert response.json["message"] == "No valid API key provided"


def test_tampered_token_is_401(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    header, payload, signature = token.split(".")
    response = client.get(f"{API}/numbers", headers=bearer(f"{header}.{payload}.{signature[::-1]}"))
    assert response.status_code == 401
    assert response.json["message"] == "No valid API key provided"


def test_otp_field_is_accepted(client: FlaskClient) -> None:
    form = {
        "client_id": "ocp",
        "grant_type": "password",
        "username": "owner",
        "password": "sandbox",
        "otp": "123456",
    }
    assert client.post(TOKEN_URL, data=form).status_code == 200


def test_username_is_case_insensitive_as_in_keycloak(client: FlaskClient) -> None:
    form = {"client_id": "ocp", "grant_type": "password", "username": "Owner", "password": "sandbox"}
    response = client.post(TOKEN_URL, data=form)
    assert response.status_code == 200
    assert jwt.decode(response.json["access_token"])["preferred_username"] == "owner"


def test_json_body_instead_of_form_is_invalid_request(client: FlaskClient) -> None:
    response = client.post(TOKEN_URL, json={"client_id": "ocp", "grant_type": "password"})
    assert response.status_code == 400
    assert response.json["error"] == "invalid_request"


def test_role_change_takes_effect_without_a_new_token(client: FlaskClient) -> None:
    token = password_grant(client, "viewer").json["access_token"]
    state = client.get("/__sandbox/state").json
    for user in state["omilia"]["users"]:
        if user["username"] == "viewer":
            user["groups"] = []
    client.put("/__sandbox/state", json=state)
    body = client.get(f"{API}/numbers", headers=bearer(token)).json
    assert body["numbers"] == []


def test_personal_access_token_header_alone_is_401(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    response = client.get(f"{API}/numbers", headers={"X-OCP-PERSONAL-ACCESS-TOKEN": token})
    assert response.status_code == 401
    assert response.json["message"] == "No valid API key provided"


def test_bearer_with_a_personal_access_token_header_too_is_accepted(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    headers = {**bearer(token), "X-OCP-PERSONAL-ACCESS-TOKEN": "pat-123"}
    assert client.get(f"{API}/numbers", headers=headers).status_code == 200
