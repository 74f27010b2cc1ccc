"""The token endpoint's errors in Keycloak's order: realm, grant type, client, the grant's parameters."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.omilia.conftest import TOKEN_URL


def error_of(client: FlaskClient, form: dict[str, str]) -> tuple[int, dict[str, str]]:
    response = client.post(TOKEN_URL, data=form)
    return response.status_code, response.json


def test_missing_client_id_is_invalid_client_400(client: FlaskClient) -> None:
    form = {"grant_type": "password", "username": "owner", "password": "sandbox"}
    assert error_of(client, form) == (
        400,
        {"error": "invalid_client", "error_description": "Missing client_id parameter"},
    )


def test_missing_grant_type_is_checked_before_the_client(client: FlaskClient) -> None:
    status, body = error_of(client, {"client_id": "other"})
    assert (status, body["error_description"]) == (400, "Missing form parameter: grant_type")


def test_unknown_grant_type_is_checked_before_the_client(client: FlaskClient) -> None:
    assert error_of(client, {"grant_type": "magic"}) == (
        400,
        {"error": "unsupported_grant_type", "error_description": "Unsupported grant_type"},
    )


def test_unknown_client_is_invalid_client_401(client: FlaskClient) -> None:
    form = {"client_id": "other", "grant_type": "refresh_token"}
    assert error_of(client, form) == (
        401,
        {"error": "invalid_client", "error_description": "Invalid client or Invalid client credentials"},
    )


def test_password_grant_without_username_is_invalid_request_401(client: FlaskClient) -> None:
    form = {"client_id": "ocp", "grant_type": "password", "password": "sandbox"}
    assert error_of(client, form) == (
        401,
        {"error": "invalid_request", "error_description": "Missing parameter: username"},
    )


def test_password_grant_without_password_is_invalid_grant_401(client: FlaskClient) -> None:
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner"}
    assert error_of(client, form) == (
        401,
        {"error": "invalid_grant", "error_description": "Invalid user credentials"},
    )


def test_refresh_grant_without_refresh_token_is_invalid_request(client: FlaskClient) -> None:
    form = {"client_id": "ocp", "grant_type": "refresh_token"}
    assert error_of(client, form) == (
        400,
        {"error": "invalid_request", "error_description": "No refresh token"},
    )


def test_a_refused_grant_changes_nothing(client: FlaskClient) -> None:
    before = client.get("/__sandbox/state").json
    error_of(client, {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "x"})
    error_of(client, {"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": "x"})
    assert client.get("/__sandbox/state").json == before
