"""record in front of a stand-in vendor, then replay the cassette against a fresh sandbox."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from sandbox.cli import main
from sandbox.testing import ServerThread
from tests.verify.conftest import Vendor
from tests.verify.recording import (
    MOR_SECRET,
    OMILIA_PASSWORD,
    SWITCHVOX_PASSWORD,
    exchanges,
    recording_proxy,
    set_credentials,
)

TOKEN = "/auth/realms/master/protocol/openid-connect/token"


@pytest.fixture
def vendor(real: Vendor) -> Vendor:
    """The stand-in, its credentials changed to values the tests can search for."""
    real.load(set_credentials(real.state()))
    return real


@pytest.fixture
def cassette(tmp_path: Path) -> Path:
    return tmp_path / "cassette.jsonl"


@pytest.fixture
def proxies() -> Iterator[list[ServerThread]]:
    started: list[ServerThread] = []
    yield started
    for server in started:
        server.stop()


def record(vendor_name: str, vendor: Vendor, cassette: Path, proxies: list[ServerThread]) -> str:
    """Start a recording proxy for one vendor; its URL (what the client is told)."""
    proxy = recording_proxy(vendor_name, vendor.base(vendor_name), cassette)
    proxies.append(proxy)
    return proxy.url


def omilia_session(base: str) -> tuple[requests.Session, str, dict[str, str]]:
    http = requests.Session()
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": OMILIA_PASSWORD}
    tokens = http.post(base + TOKEN, data=form, timeout=10).json()
    return http, tokens["access_token"], tokens


def test_omilia_client_gets_the_real_answers_and_no_secret_is_written(
    vendor: Vendor, cassette: Path, proxies: list[ServerThread]
) -> None:
    url = record("omilia", vendor, cassette, proxies)
    http, token, tokens = omilia_session(url)
    bearer = {"Authorization": f"Bearer {token}"}
    through = http.get(url + "/integrations/api/numbers", headers=bearer, timeout=10)
    direct = http.get(vendor.base("omilia") + "/integrations/api/numbers", headers=bearer, timeout=10)
    assert through.status_code == 200 and through.json() == direct.json()
    note = {"number": "+12012049893", "note": "recorded"}
    assert http.put(url + "/integrations/api/number/note", json=note, headers=bearer, timeout=10).ok

    lines = exchanges(cassette)
    assert [(e["request"]["method"], e["request"]["path"]) for e in lines] == [
        ("POST", TOKEN),
        ("GET", "/integrations/api/numbers"),
        ("PUT", "/integrations/api/number/note"),
    ]
    assert [e["seq"] for e in lines] == [1, 2, 3] and {e["vendor"] for e in lines} == {"omilia"}
    assert lines[1]["response"]["body"]["json"] == through.json()
    assert lines[2]["request"]["body"] == {"json": note}
    assert lines[1]["request"]["headers"]["Authorization"] == "Bearer [REDACTED]"
    written = cassette.read_text()
    for secret in (OMILIA_PASSWORD, token, tokens["refresh_token"]):
        assert secret not in written


def test_omilia_cassette_replays_against_a_fresh_sandbox(
    vendor: Vendor, cassette: Path, proxies: list[ServerThread], capsys: pytest.CaptureFixture[str]
) -> None:
    url = record("omilia", vendor, cassette, proxies)
    http, token, _ = omilia_session(url)
    bearer = {"Authorization": f"Bearer {token}"}
    http.get(url + "/integrations/api/numbers", headers=bearer, timeout=10)
    http.put(
        url + "/integrations/api/number/note", json={"number": "+12012049893", "note": "x"}, headers=bearer
    )
    http.post(url + "/integrations/api/numbers/search", json={"note": "x"}, headers=bearer, timeout=10)

    assert main(["replay", str(cassette)]) == 0
    out = capsys.readouterr().out
    assert "#4 POST /integrations/api/numbers/search" in out and "4 ok" in out


def test_an_edited_cassette_fails_and_names_the_exchange(
    vendor: Vendor, cassette: Path, proxies: list[ServerThread], tmp_path: Path
) -> None:
    url = record("omilia", vendor, cassette, proxies)
    http, token, _ = omilia_session(url)
    http.get(url + "/integrations/api/numbers", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    lines = exchanges(cassette)
    lines[1]["response"]["body"]["json"]["numbers"][0]["note"] = "edited by hand"
    cassette.write_text("".join(json.dumps(line) + "\n" for line in lines))
    report = tmp_path / "replay.json"

    assert main(["replay", str(cassette), "--report", str(report)]) == 1
    results = json.loads(report.read_text())["results"]
    assert [r["outcome"] for r in results] == ["ok", "drift"]
    assert results[1]["name"] == "#2 GET /integrations/api/numbers"
    assert results[1]["differences"] == [
        {
            "path": "$.numbers[0].note",
            "kind": "value",
            "expected": "edited by hand",
            "actual": "DiaManT - vpolitis",
        }
    ]


def test_mor_hashes_are_redacted_and_re_signed_on_replay(
    vendor: Vendor, cassette: Path, proxies: list[ServerThread]
) -> None:
    url = record("mor", vendor, cassette, proxies)
    upload_hash = hashlib.sha1(("1" + MOR_SECRET).encode()).hexdigest()
    files = {"file": ("numbers.csv", b"37060000001\n37060000002\n", "text/csv")}
    upload = requests.post(
        url + "/billing/api/autodialer_upload_numbers",
        data={"u": "campgain_user", "id": "1", "hash": upload_hash},
        files=files,
        timeout=10,
    )
    assert "2 out of 2 numbers were imported" in upload.text
    stats_hash = hashlib.sha1(("campgain_user" + "1" + MOR_SECRET).encode()).hexdigest()
    stats = requests.post(
        url + "/billing/api/autodialer_get_campaign_statistics",
        data={"u": "campgain_user", "id": "1", "hash": stats_hash},
        timeout=10,
    )
    assert "Campaign does not have any Calls in selected time period" in stats.text  # the hash was accepted

    written = cassette.read_text()
    for secret in (upload_hash, stats_hash, MOR_SECRET):
        assert secret not in written
    first = exchanges(cassette)[0]["request"]["body"]["multipart"]
    assert first["files"]["file"]["text"] == "37060000001\n37060000002\n"  # multipart kept readable
    assert first["fields"]["hash"] == "[REDACTED]"
    assert (
        "<success>2 out of 2 numbers were imported</success>"
        in exchanges(cassette)[0]["response"]["body"]["text"]
    )

    assert main(["replay", str(cassette)]) == 0


@pytest.mark.parametrize("scheme", ["digest", "basic"])
def test_switchvox_credentials_are_redacted_and_answered_again(
    scheme: str, vendor: Vendor, cassette: Path, proxies: list[ServerThread]
) -> None:
    url = record("switchvox", vendor, cassette, proxies)
    auth = (HTTPDigestAuth if scheme == "digest" else HTTPBasicAuth)("admin", SWITCHVOX_PASSWORD)
    body = (
        '<request method="switchvox.extensions.getInfo"><parameters>'
        "<extensions><extension>100</extension></extensions></parameters></request>"
    )
    answer = requests.post(url + "/xml", data=body, auth=auth, timeout=10)
    assert answer.status_code == 200 and 'number="100"' in answer.text

    lines = exchanges(cassette)
    assert [e["response"]["status"] for e in lines] == ([401, 200] if scheme == "digest" else [200])
    assert lines[-1]["request"]["headers"]["Authorization"] == f"{scheme.title()} [REDACTED]"
    assert lines[-1]["request"]["body"] == {"text": body}  # XML kept readable
    assert SWITCHVOX_PASSWORD not in cassette.read_text()

    assert main(["replay", str(cassette)]) == 0


def test_operator_connect_bearer_is_fetched_again_from_the_sandbox_authority(
    vendor: Vendor, cassette: Path, proxies: list[ServerThread]
) -> None:
    url = record("operator-connect", vendor, cassette, proxies)
    form = {
        "grant_type": "client_credentials",
        "client_id": "sandbox-client",
        "client_secret": "sandbox-secret",
        "scope": "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default",
    }
    tenant = "00000000-0000-4000-8000-000000000001"
    token = requests.post(f"{vendor.url}/entra/{tenant}/oauth2/v2.0/token", data=form, timeout=10).json()
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    listed = requests.get(url + "/api/v2/oc/callingprofile", headers=bearer, timeout=10)
    assert listed.status_code == 200

    assert token["access_token"] not in cassette.read_text()
    assert main(["replay", str(cassette)]) == 0


def test_an_omilia_refresh_grant_is_replayed_with_a_refresh_token_of_the_sandbox(
    vendor: Vendor, cassette: Path, proxies: list[ServerThread]
) -> None:
    url = record("omilia", vendor, cassette, proxies)
    http, _, tokens = omilia_session(url)
    form = {"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    assert http.post(url + TOKEN, data=form, timeout=10).status_code == 200
    assert tokens["refresh_token"] not in cassette.read_text()

    assert main(["replay", str(cassette)]) == 0
