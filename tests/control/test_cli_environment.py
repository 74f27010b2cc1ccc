"""Every SANDBOX_* variable of the CLI configures a real process (no flags given at all)."""

from __future__ import annotations

import json
import ssl
from pathlib import Path

import requests
import urllib3

from sandbox.testing import ServeProcess
from sandbox.tls import self_signed
from tests.operator_connect.conftest import CREDENTIALS, SP_TENANT

FAULTS_YAML = """\
# YAML proper, not JSON: comments, block lists, no seed (SANDBOX_SEED gives it)
rules:
  - id: slow-profiles
    match:
      path: /api/v2/oc/callingprofile
    action:
      type: error
      status: 418
    times: 1
"""


def env_only(env: dict[str, str], tls: bool = False) -> ServeProcess:
    """A `serve` process with no flags at all: the port too comes from SANDBOX_PORT."""
    server = ServeProcess(env=env, tls=tls)
    port_flag = server.args.index("--port")
    del server.args[port_flag : port_flag + 2]
    server.env.update({"SANDBOX_PORT": str(server.port), "SANDBOX_HOST": "127.0.0.1"})
    return server


def test_host_port_vendor_tls_seed_faults_world_and_data_come_from_the_environment(tmp_path: Path) -> None:
    urllib3.disable_warnings()
    faults = tmp_path / "faults.yaml"
    faults.write_text(FAULTS_YAML, encoding="utf-8")
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"operator-connect": {"numbers": []}}), encoding="utf-8")
    env = {
        "SANDBOX_VENDOR": "operator-connect",
        "SANDBOX_TLS": "1",
        "SANDBOX_SEED": "7",
        "SANDBOX_FAULTS": str(faults),
        "SANDBOX_WORLD": str(world),
        "SANDBOX_DATA": str(tmp_path / "state.json"),
    }
    with env_only(env, tls=True) as server, requests.Session() as http:
        token = http.post(
            f"{server.url}/{SP_TENANT}/oauth2/v2.0/token", data=CREDENTIALS, timeout=10, verify=False
        )
        http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        statuses = [
            http.get(f"{server.url}/api/v2/oc/callingprofile", timeout=10, verify=False).status_code
            for _ in "ab"
        ]
        (rule,) = http.get(f"{server.url}/__sandbox/faults", timeout=10, verify=False).json()["rules"]
        state = http.get(f"{server.url}/__sandbox/state", timeout=10, verify=False).json()
    assert statuses == [418, 200]
    assert (rule["id"], rule["seed"]) == ("slow-profiles", 7)
    assert state["operator-connect"]["numbers"] == []
    assert (tmp_path / "state.json").stat().st_size > 0


def test_a_users_certificate_and_key_come_from_the_environment(tmp_path: Path) -> None:
    cert, key = self_signed("localhost", str(tmp_path))
    env = {"SANDBOX_CERT": cert, "SANDBOX_KEY": key}
    with env_only(env, tls=True) as server:
        served = ssl.get_server_certificate(("127.0.0.1", server.port))
    assert ssl.PEM_cert_to_DER_cert(served) == ssl.PEM_cert_to_DER_cert(Path(cert).read_text())
