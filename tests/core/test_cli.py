"""The CLI as a user runs it: a real process on a real port."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from sandbox.testing import ServeProcess

OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}


@contextmanager
def serving(*args: str, scheme: str = "http", env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `python -m sandbox serve ARGS` on a free port until the block ends; yields its URL."""
    with ServeProcess(*args, env=env, tls=scheme == "https") as server:
        yield server.url


def test_version_flag_prints_the_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sandbox", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("telephony-sandbox ")


def test_cert_without_key_is_refused() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sandbox", "serve", "--cert", "x.pem"], capture_output=True, text=True
    )
    assert out.returncode == 2
    assert "--cert and --key go together" in out.stderr


def test_serve_answers_health_with_every_vendor() -> None:
    with serving() as url:
        health = requests.get(f"{url}/__sandbox/health", timeout=5).json()
    assert health["vendors"]["omilia"] == f"{url}/omilia"
    assert set(health["vendors"]) == {"omilia", "mor", "switchvox", "operator-connect", "entra"}


def test_data_file_keeps_state_across_a_restart(tmp_path: Path) -> None:
    data = tmp_path / "state.json"
    with serving("--data", str(data)) as url:
        state = requests.get(f"{url}/t/keep/__sandbox/state", timeout=5).json()
        state["omilia"]["numbers"] = state["omilia"]["numbers"][:1]
        assert requests.put(f"{url}/t/keep/__sandbox/state", json=state, timeout=5).status_code == 200
        requests.post(f"{url}/t/keep/__sandbox/clock", json={"freeze": True}, timeout=5)
        before = requests.get(f"{url}/t/keep/__sandbox/state", timeout=5).json()
    assert data.exists()
    with serving("--data", str(data)) as url:
        after = requests.get(f"{url}/t/keep/__sandbox/state", timeout=5).json()
    assert after == before


def test_environment_variables_configure_the_server(tmp_path: Path) -> None:
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"omilia": {"numbers": []}}))
    with serving(env={"SANDBOX_WORLD": str(world)}) as url:
        state = requests.get(f"{url}/__sandbox/state", timeout=5).json()
    assert state["omilia"]["numbers"] == []


@pytest.mark.parametrize("server", ["werkzeug", "gunicorn"])
def test_tls_single_vendor_listener_serves_the_vendor_at_its_root(server: str) -> None:
    with serving("--vendor", "omilia", "--tls", "--server", server, scheme="https") as url:
        token = requests.post(
            f"{url}/auth/realms/master/protocol/openid-connect/token", data=OWNER, timeout=5, verify=False
        ).json()["access_token"]
        response = requests.get(
            f"{url}/integrations/api/numbers",
            headers={"Authorization": f"Bearer {token}"},
            timeout=5,
            verify=False,
        )
    assert response.status_code == 200
    assert "+12012049893" in [n["number"] for n in response.json()["numbers"]]


def test_the_console_script_is_installed_and_runs() -> None:
    script = Path(sys.executable).parent / "telephony-sandbox"
    out = subprocess.run([str(script), "serve", "--help"], capture_output=True, text=True, check=True)
    assert "--vendor" in out.stdout and "SANDBOX_DATA" in out.stdout
