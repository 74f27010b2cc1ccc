"""README "Omilia: logout, JWKS, miniApps, routers", run as written."""

from __future__ import annotations

import jwt
import requests

from sandbox.handle import SandboxHandle


def login(base: str) -> dict:
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
    return requests.post(
        f"{base}/auth/realms/master/protocol/openid-connect/token", data=form, timeout=10
    ).json()


def test_verify_a_token_with_the_realms_jwks(sandbox: SandboxHandle) -> None:
    base = sandbox.url("omilia")
    token = login(base)["access_token"]
    config = requests.get(f"{base}/auth/realms/master/.well-known/openid-configuration", timeout=10).json()
    key = jwt.PyJWKClient(config["jwks_uri"]).get_signing_key_from_jwt(token)
    claims = jwt.decode(token, key.key, algorithms=["RS256"], audience="account", issuer=config["issuer"])
    assert claims["preferred_username"] == "owner"


def test_logout_ends_the_session(sandbox: SandboxHandle) -> None:
    base = sandbox.url("omilia")
    refresh = login(base)["refresh_token"]
    oidc = f"{base}/auth/realms/master/protocol/openid-connect"
    assert (
        requests.post(
            f"{oidc}/logout", data={"client_id": "ocp", "refresh_token": refresh}, timeout=10
        ).status_code
        == 204
    )
    again = requests.post(
        f"{oidc}/token",
        data={"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": refresh},
        timeout=10,
    )
    assert (again.status_code, again.json()["error_description"]) == (400, "Session not active")


def test_probe_the_miniapps_api_and_move_a_router(sandbox: SandboxHandle) -> None:
    base = sandbox.url("omilia")
    auth = {"Authorization": f"Bearer {login(base)['access_token']}"}
    apps = requests.get(f"{base}/miniapps/api/apps", params={"pageSize": 1}, headers=auth, timeout=10)
    assert apps.status_code == 200 and len(apps.json()["apps"]) == 1

    routing = f"{base}/integrations/api/numbers-routing"
    body = {"number": "+12012049893", "targetAppId": "test.surname_test.Numeric.MiniApps.ocp", "step": 50}
    router = requests.post(routing, json=body, headers=auth, timeout=10).json()
    moved = requests.put(f"{routing}/{router['id']}/next-step", headers=auth, timeout=10).json()
    assert (moved["currentWeight"], moved["progress"]) == (50, "In Progress")


def test_a_fault_on_logout_and_the_journal(sandbox: SandboxHandle) -> None:
    base = sandbox.url("omilia")
    sandbox.add_fault(
        {"match": {"vendor": "omilia", "operation": "logout"}, "action": {"type": "error", "status": 503}}
    )
    refresh = login(base)["refresh_token"]
    response = requests.post(
        f"{base}/auth/realms/master/protocol/openid-connect/logout",
        data={"client_id": "ocp", "refresh_token": refresh},
        timeout=10,
    )
    assert response.status_code == 503
    (entry,) = sandbox.requests(path="/auth/realms/master/protocol/openid-connect/logout")
    assert (entry["operation"], entry["status"]) == ("logout", 503)
