"""What Omilia's own client (github.com/omilia/mcp, src/ocp/authentication.py) sends, over a real socket.

Its `Authentication` gets a password grant, probes `{host}/miniapps/api/apps?pageSize=1` in
`check_token` (exactly 200 means valid, and it prints `response.json()`), and on leaving its
`with` block posts `client_id` and `refresh_token` to the realm's logout in `revoke_token`
(`raise_for_status`). The client is not on PyPI, so these requests are written out here as it makes them.
"""

from __future__ import annotations

import requests

from sandbox.testing import ServerThread

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def get_token(host: str) -> dict:
    data = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
    response = requests.post(
        f"{host}/auth/realms/master/protocol/openid-connect/token", headers=FORM, data=data, timeout=10
    )
    response.raise_for_status()
    return response.json()


def test_check_token_succeeds(live_server: ServerThread) -> None:
    host = f"{live_server.url}/omilia"
    token = get_token(host)["access_token"]
    response = requests.get(
        f"{host}/miniapps/api/apps?pageSize=1", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert response.status_code == 200
    assert len(response.json()["apps"]) == 1


def test_check_token_of_a_bad_token_is_not_200(live_server: ServerThread) -> None:
    response = requests.get(
        f"{live_server.url}/omilia/miniapps/api/apps?pageSize=1",
        headers={"Authorization": "Bearer None"},
        timeout=10,
    )
    assert response.status_code == 401


def test_revoke_token_succeeds_and_the_refresh_token_stops_working(live_server: ServerThread) -> None:
    host = f"{live_server.url}/omilia"
    refresh = get_token(host)["refresh_token"]
    response = requests.post(
        f"{host}/auth/realms/master/protocol/openid-connect/logout",
        headers=FORM,
        data={"client_id": "ocp", "refresh_token": refresh},
        timeout=10,
    )
    response.raise_for_status()
    again = requests.post(
        f"{host}/auth/realms/master/protocol/openid-connect/token",
        headers=FORM,
        data={"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": refresh},
        timeout=10,
    )
    assert again.status_code == 400
    assert again.json()["error_description"] == "Session not active"
