"""README quick start: Omilia OCP numbers management, with requests."""

from __future__ import annotations

import requests

from sandbox.handle import SandboxHandle


def test_omilia_quick_start(sandbox: SandboxHandle) -> None:
    host = sandbox.url("omilia")  # the client's OCP host; its baseUrl is host + "/integrations"
    token = requests.post(
        f"{host}/auth/realms/master/protocol/openid-connect/token",
        data={"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"},
        timeout=10,
    ).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}

    numbers = requests.get(f"{host}/integrations/api/numbers", headers=auth, timeout=10).json()["numbers"]
    assert "+12012049893" in [n["number"] for n in numbers]

    sandbox.add_fault(
        {
            "match": {"vendor": "omilia", "path": "/integrations/api/numbers"},
            "action": {"type": "error", "status": 503},
        }
    )
    assert requests.get(f"{host}/integrations/api/numbers", headers=auth, timeout=10).status_code == 503

    calls = sandbox.requests(vendor="omilia", path="/integrations/api/numbers")
    assert [(c["method"], c["status"]) for c in calls] == [("GET", 200), ("GET", 503)]
    assert calls[-1]["fault"] is not None
