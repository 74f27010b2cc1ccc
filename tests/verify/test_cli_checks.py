"""The verify, record and replay commands: arguments, exit codes, the record process."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from sandbox.cli import main
from sandbox.testing import free_port
from tests.verify.conftest import Vendor


def test_auth_takes_key_value(real: Vendor, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--vendor", "omilia", "--target", real.base("omilia"), "--auth", "password"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err


def test_an_unreachable_target_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "verify",
            "--vendor",
            "mor",
            "--target",
            f"http://127.0.0.1:{free_port()}/mor",
            "--operations",
            "*_get",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1 and "target unreachable" in out


@pytest.mark.parametrize("content", ["", "not json\n", '{"request": {}}\n'])
def test_a_bad_cassette_is_refused(content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cassette = tmp_path / "c.jsonl"
    cassette.write_text(content)
    assert main(["replay", str(cassette)]) == 2
    assert "telephony-sandbox replay:" in capsys.readouterr().err


def test_a_missing_cassette_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", str(tmp_path / "none.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_replay_against_a_running_sandbox(real: Vendor, tmp_path: Path) -> None:
    cassette = tmp_path / "c.jsonl"
    exchange = {
        "vendor": "switchvox",
        "seq": 1,
        "request": {
            "method": "GET",
            "path": "/json",
            "query": {},
            "headers": {"Authorization": "Digest [REDACTED]"},
        },
        "response": {
            "status": 200,
            "headers": {"Content-Type": "application/json"},
            "body": {
                "json": {
                    "response": {"errors": {"error": {"code": "10001", "message": "The request was empty."}}}
                }
            },
        },
    }
    cassette.write_text(json.dumps(exchange) + "\n")
    assert main(["replay", str(cassette), "--url", real.base("switchvox")]) == 0
    exchange["response"]["body"]["json"]["response"]["errors"]["error"]["code"] = "10002"
    cassette.write_text(json.dumps(exchange) + "\n")
    assert main(["replay", str(cassette), "--url", real.base("switchvox")]) == 1


def test_the_record_command_proxies_until_terminated(real: Vendor, tmp_path: Path) -> None:
    port, cassette = free_port(), tmp_path / "c.jsonl"
    args = [
        sys.executable,
        "-m",
        "sandbox",
        "record",
        "--vendor",
        "switchvox",
        "--target",
        real.base("switchvox"),
        "--port",
        str(port),
        "--out",
        str(cassette),
    ]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        answer = None
        for _ in range(600):  # up to a minute for the process to listen
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/json", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert answer is not None and answer.status_code == 401
        assert 'realm="switchvox_api_auth"' in answer.headers["WWW-Authenticate"]
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        process.stdout.close()
    (line,) = cassette.read_text().splitlines()
    assert json.loads(line)["response"]["status"] == 401
