"""Keycloak logout: the session of a refresh token ends; its errors are Keycloak's."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.omilia.conftest import password_grant
from tests.omilia.test_tokens import refresh_grant

LOGOUT_URL = "/omilia/auth/realms/master/protocol/openid-connect/logout"


def logout(client: FlaskClient, form: dict[str, str], url: str = LOGOUT_URL) -> Any:
    return client.post(url, data=form)


def test_logout_is_204_without_a_body(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    response = logout(client, {"client_id": "ocp", "refresh_token": refresh})
    assert response.status_code == 204
    assert response.data == b""


def test_after_logout_the_refresh_token_gets_session_not_active(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    assert logout(client, {"client_id": "ocp", "refresh_token": refresh}).status_code == 204
    response = refresh_grant(client, refresh)
    assert response.status_code == 400
    assert response.json == {"error": "invalid_grant", "error_description": "Session not active"}


def test_a_refreshed_token_of_the_session_is_ended_too(client: FlaskClient) -> None:
    first = password_grant(client, "owner").json["refresh_token"]
    second = refresh_grant(client, first).json["refresh_token"]
    assert logout(client, {"client_id": "ocp", "refresh_token": second}).status_code == 204
    assert refresh_grant(client, first).json["error_description"] == "Session not active"


def test_logout_ends_only_its_own_session(client: FlaskClient) -> None:
    mine = password_grant(client, "owner").json["refresh_token"]
    other = password_grant(client, "owner").json["refresh_token"]
    assert logout(client, {"client_id": "ocp", "refresh_token": mine}).status_code == 204
    assert refresh_grant(client, other).status_code == 200


def test_second_logout_of_the_same_token_is_session_not_active(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    logout(client, {"client_id": "ocp", "refresh_token": refresh})
    response = logout(client, {"client_id": "ocp", "refresh_token": refresh})
    assert response.status_code == 400
    assert response.json == {"error": "invalid_grant", "error_description": "Session not active"}


def test_missing_refresh_token_is_invalid_request(client: FlaskClient) -> None:
    response = logout(client, {"client_id": "ocp"})
    assert response.status_code == 400
    assert response.json == {"error": "invalid_request", "error_description": "No refresh token"}


def test_bad_refresh_token_is_invalid_grant(client: FlaskClient) -> None:
    response = logout(client, {"client_id": "ocp", "refresh_token": "not-a-token"})
    assert response.status_code == 400
    assert response.json == {"error": "invalid_grant", "error_description": "Invalid refresh token"}


def test_missing_client_id_is_invalid_client(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    response = logout(client, {"refresh_token": refresh})
    assert response.status_code == 400
    assert response.json == {"error": "invalid_client", "error_description": "Missing client_id parameter"}
    assert refresh_grant(client, refresh).status_code == 200


def test_unknown_client_is_invalid_client_401(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    response = logout(client, {"client_id": "other", "refresh_token": refresh})
    assert response.status_code == 401
    assert response.json["error"] == "invalid_client"
    assert refresh_grant(client, refresh).status_code == 200


def test_unknown_realm_is_404(client: FlaskClient) -> None:
    url = "/omilia/auth/realms/nope/protocol/openid-connect/logout"
    response = logout(client, {"client_id": "ocp", "refresh_token": "x"}, url)
    assert response.status_code == 404
    assert response.json == {"error": "Realm does not exist"}


def test_refresh_token_of_another_realm_is_invalid(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner", realm="ocp").json["refresh_token"]
    response = logout(client, {"client_id": "ocp", "refresh_token": refresh})
    assert response.status_code == 400
    assert response.json["error_description"] == "Invalid refresh token"
    assert refresh_grant(client, refresh, realm="ocp").status_code == 200


def test_logout_of_another_tenant_leaves_the_session(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    url = "/t/elsewhere" + LOGOUT_URL
    assert logout(client, {"client_id": "ocp", "refresh_token": refresh}, url).status_code == 400
    assert refresh_grant(client, refresh).status_code == 200


def test_a_login_changes_nothing_stored_and_a_logout_records_the_session(client: FlaskClient) -> None:
    before = client.get("/__sandbox/state").json
    tokens = password_grant(client, "owner").json
    assert client.get("/__sandbox/state").json == before
    logout(client, {"client_id": "ocp", "refresh_token": tokens["refresh_token"]})
    (ended,) = client.get("/__sandbox/state").json["omilia"]["logouts"]
    assert ended["sid"] == tokens["session_state"]


def test_a_refused_logout_changes_nothing(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    before = client.get("/__sandbox/state").json
    assert logout(client, {"client_id": "other", "refresh_token": refresh}).status_code == 401
    assert logout(client, {"client_id": "ocp"}).status_code == 400
    assert client.get("/__sandbox/state").json == before


def test_access_token_of_a_logged_out_session_still_opens_the_api(client: FlaskClient) -> None:
    tokens = password_grant(client, "owner").json
    logout(client, {"client_id": "ocp", "refresh_token": tokens["refresh_token"]})
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/omilia/integrations/api/numbers", headers=headers).status_code == 200


def test_get_is_a_keycloak_405(client: FlaskClient) -> None:
    response = client.get(LOGOUT_URL)
    assert response.status_code == 405
    assert response.json["error"] == "HTTP 405 Method Not Allowed"


def test_logout_is_in_the_journal_with_its_operation(client: FlaskClient) -> None:
    refresh = password_grant(client, "owner").json["refresh_token"]
    logout(client, {"client_id": "ocp", "refresh_token": refresh})
    entries = client.get("/__sandbox/requests", query_string={"vendor": "omilia"}).json["requests"]
    assert (entries[-1]["operation"], entries[-1]["status"]) == ("logout", 204)


def test_an_injected_fault_answers_instead_and_the_session_stays(client: FlaskClient) -> None:
    rule = {"match": {"vendor": "omilia", "operation": "logout"}, "action": {"type": "error", "status": 503}}
    assert client.post("/__sandbox/faults", json=rule).status_code == 201
    refresh = password_grant(client, "owner").json["refresh_token"]
    assert logout(client, {"client_id": "ocp", "refresh_token": refresh}).status_code == 503
    assert refresh_grant(client, refresh).status_code == 200


def test_an_ended_session_is_forgotten_once_its_refresh_tokens_expire(client: FlaskClient) -> None:
    old = password_grant(client, "owner").json["refresh_token"]
    logout(client, {"client_id": "ocp", "refresh_token": old})
    assert client.post("/__sandbox/clock", json={"advance_s": 1800}).status_code == 200
    new = password_grant(client, "owner").json
    logout(client, {"client_id": "ocp", "refresh_token": new["refresh_token"]})
    assert [e["sid"] for e in client.get("/__sandbox/state").json["omilia"]["logouts"]] == [
        new["session_state"]
    ]
    assert refresh_grant(client, old).json["error_description"] == "Token is not active"
