"""record verifies the target's TLS unless --insecure; replay answers from the world it is given."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import yaml

from sandbox import create_app
from sandbox.cli import main
from sandbox.testing import ServerThread
from sandbox.tls import self_signed
from sandbox.verify.record import Recorder
from tests.verify.conftest import Vendor
from tests.verify.recording import exchanges

SEARCH = "/integrations/api/numbers/search"


@pytest.fixture(scope="module")
def tls_vendor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A sandbox behind a self-signed certificate; its Switchvox base URL."""
    cert, key = self_signed("127.0.0.1", str(tmp_path_factory.mktemp("tls")))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with ServerThread(create_app({"TESTING": True}), ssl_context=context) as server:
        yield server.url + "/switchvox"


@pytest.mark.parametrize(("insecure", "status"), [(False, 502), (True, 401)])
def test_tls_to_the_target_is_verified_unless_insecure(
    insecure: bool, status: int, tls_vendor: str, tmp_path: Path
) -> None:
    cassette = tmp_path / "c.jsonl"
    proxy = Recorder("switchvox", tls_vendor, str(cassette), insecure=insecure)
    with ServerThread(proxy) as server:  # type: ignore[arg-type]
        answer = requests.get(server.url + "/json", timeout=10)
    assert answer.status_code == status
    assert cassette.exists() is insecure  # an exchange that never reached the target is not recorded


def test_replay_uses_the_world_it_is_given(real: Vendor, tmp_path: Path) -> None:
    world = {
        "omilia": {
            "numbers": [dict(n, note="changed by the world") for n in real.state()["omilia"]["numbers"]]
        }
    }
    real.load({**real.state(), **world})
    cassette = tmp_path / "c.jsonl"
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
    with ServerThread(Recorder("omilia", real.base("omilia"), str(cassette))) as proxy:  # type: ignore[arg-type]
        token = requests.post(
            proxy.url + "/auth/realms/master/protocol/openid-connect/token", data=form
        ).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        found = requests.post(
            proxy.url + SEARCH, json={"note": "changed"}, headers=headers, timeout=10
        ).json()
    assert found["allNumbers"] > 0
    assert len(exchanges(cassette)) == 2

    assert main(["replay", str(cassette)]) == 1  # the default world has other notes
    world_file = tmp_path / "world.yaml"
    world_file.write_text(yaml.safe_dump(world))
    assert main(["replay", str(cassette), "--world", str(world_file)]) == 0
    report = tmp_path / "r.json"
    assert main(["replay", str(cassette), "--report", str(report)]) == 1
    (failed,) = [r for r in json.loads(report.read_text())["results"] if r["outcome"] == "drift"]
    assert failed["name"] == f"#2 POST {SEARCH}"
