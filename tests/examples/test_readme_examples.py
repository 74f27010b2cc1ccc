"""The README's examples, run as written."""

from __future__ import annotations

import requests

from sandbox.handle import SandboxHandle


def test_my_client_lists_numbers(sandbox: SandboxHandle) -> None:
    base = sandbox.url("omilia")  # e.g. http://127.0.0.1:PORT/t/<test>/omilia
    token = requests.post(
        f"{base}/auth/realms/master/protocol/openid-connect/token",
        data={"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"},
        timeout=10,
    ).json()["access_token"]
    numbers = requests.get(
        f"{base}/integrations/api/numbers", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()["numbers"]
    assert "+12012049893" in [n["number"] for n in numbers]


def test_each_test_gets_a_tenant_of_its_own(sandbox: SandboxHandle) -> None:
    sandbox.load({"omilia": {"numbers": []}})
    assert sandbox.state()["omilia"]["numbers"] == []
    other = SandboxHandle(sandbox.server_url, sandbox.tenant + "-other")
    assert other.state()["omilia"]["numbers"] != []


def test_the_clock_of_a_tenant_moves_on_demand(sandbox: SandboxHandle) -> None:
    frozen = sandbox.freeze()
    moved = sandbox.advance(60)
    assert frozen["frozen"] is True
    assert moved["now"] > frozen["now"]
