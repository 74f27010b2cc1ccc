"""The CLI as a user runs it: a real process on a real port."""

from __future__ import annotations

import json
import os
import re
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from sandbox.testing import ServeProcess
from sandbox.tls import self_signed

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


def test_cert_without_key_is_refused(tmp_path: Path) -> None:
    cert, _ = self_signed("localhost", str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-m", "sandbox", "serve", "--cert", cert], capture_output=True, text=True
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


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m sandbox ARGS` to its end, with no SANDBOX_* variable but those in `env`."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SANDBOX_")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "sandbox", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd,
        timeout=60,
    )


BAD_FILES = {
    "broken.yaml": "rules: [\n  - {",
    "broken.json": '{"omilia": ',
    "bad-rule.yaml": "rules:\n  - action: {type: explode}\n",
    "list.yaml": "- just\n- a list\n",
}


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["serve", "--port", "99999"], {}, "--port 99999: not a port: use 1 to 65535"),
        (["serve", "--port", "-1"], {}, "--port -1: not a port: use 1 to 65535"),
        (["serve"], {"SANDBOX_PORT": "abc"}, "SANDBOX_PORT=abc: not an integer"),
        (["serve"], {"SANDBOX_TLS": "maybe"}, "SANDBOX_TLS=maybe: not a boolean"),
        (["serve", "--threads", "0"], {}, "--threads 0: must be at least 1"),
        (["serve"], {"SANDBOX_SEED": "1.5"}, "SANDBOX_SEED=1.5: not an integer"),
        (["serve"], {"SANDBOX_ANSWER_CACHE": "abc"}, "cannot start: SANDBOX_ANSWER_CACHE: must be a whole"),
        (["serve"], {"SANDBOX_ANSWER_CACHE_BYTES": "-5"}, "cannot start: SANDBOX_ANSWER_CACHE_BYTES: must"),
        (
            ["serve", "--vendor", "omila"],
            {},
            "--vendor omila: use one of omilia, mor, switchvox, operator-connect",
        ),
        (["serve"], {"SANDBOX_SERVER": "uwsgi"}, "SANDBOX_SERVER=uwsgi: use one of werkzeug, gunicorn"),
        (["serve", "--tenant", "a/b"], {}, "--tenant a/b: not a tenant name"),
        (["serve", "--faults", "missing.yaml"], {}, "--faults missing.yaml: no such file"),
        (["serve", "--faults", "broken.yaml"], {}, "--faults broken.yaml: not valid YAML: expected"),
        (["serve", "--world", "broken.yaml"], {}, "--world broken.yaml: not valid YAML: expected"),
        (
            ["serve"],
            {"SANDBOX_WORLD": "broken.json"},
            "SANDBOX_WORLD=broken.json: not valid JSON: Expecting value",
        ),
        (["serve", "--world", "list.yaml"], {}, "--world list.yaml: a world must be an object of namespaces"),
        (["serve", "--faults", "bad-rule.yaml"], {}, "--faults bad-rule.yaml: rules[0].action.type"),
        (["serve", "--cert", "nope.pem", "--key", "nope.pem"], {}, "--cert nope.pem: no such file"),
        (
            ["serve", "--cert", "list.yaml", "--key", "list.yaml"],
            {},
            "--cert list.yaml and --key list.yaml: not a PEM",
        ),
        (["serve"], {"SANDBOX_KEY": "list.yaml"}, "--cert and --key go together"),
        (
            ["serve", "--data", "no/such/folder/state.json"],
            {},
            "--data no/such/folder/state.json: folder no/such/folder",
        ),
        (["serve", "--bogus"], {}, "unrecognized arguments: --bogus"),
        (["serve", "--port"], {}, "argument --port: expected one argument"),
        (["nothing"], {}, "argument COMMAND: invalid choice: 'nothing'"),
        (["contracts", "--out", "list.yaml"], {}, "--out list.yaml: not a folder"),
        (
            ["world", "--out", "no/such/folder/w.yaml"],
            {},
            "--out no/such/folder/w.yaml: No such file or directory",
        ),
    ],
)
def test_a_bad_flag_variable_or_file_gets_one_line_and_status_2(
    tmp_path: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    for name, text in BAD_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = run_cli(*args, env=env, cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith(f"telephony-sandbox: {expected}"), out.stderr


def test_an_address_in_use_is_one_line() -> None:
    with ServeProcess() as server:
        out = run_cli("serve", "--port", str(server.port))
    assert out.returncode == 2
    named = f"--host 127.0.0.1 and --port {server.port}"
    assert out.stderr == f"telephony-sandbox: {named}: cannot listen: Address already in use\n"


def test_help_works_whatever_the_environment_holds() -> None:
    out = run_cli("serve", "--help", env={"SANDBOX_PORT": "abc", "SANDBOX_TLS": "maybe"})
    assert out.returncode == 0
    assert "SANDBOX_TENANT" in out.stdout


def test_version_prints_what_health_reports() -> None:
    from sandbox import create_app

    out = run_cli("version")
    health = create_app({"TESTING": True}).test_client().get("/__sandbox/health").json
    assert out.returncode == 0
    assert out.stdout == f"{health['version']}\n"


def test_contracts_lists_every_contract() -> None:
    from sandbox.core.contracts import CONTRACT_NAMES

    out = run_cli("contracts")
    assert out.returncode == 0
    assert [line.split("\t")[0] for line in out.stdout.splitlines()] == list(CONTRACT_NAMES)


def test_contracts_out_writes_the_openapi_files(tmp_path: Path) -> None:
    from sandbox.core.contracts import CONTRACT_NAMES, contract_path

    out = run_cli("contracts", "--out", str(tmp_path / "made"))
    assert out.returncode == 0
    for name in CONTRACT_NAMES:
        written = tmp_path / "made" / f"{name}.yaml"
        assert written.read_bytes() == contract_path(name).read_bytes()  # type: ignore[union-attr]


def test_world_prints_the_default_world_that_serve_reads_back(tmp_path: Path) -> None:
    from sandbox import create_app

    out = run_cli("world", "--out", str(tmp_path / "world.yaml"))
    printed = run_cli("world").stdout
    assert out.returncode == 0
    assert (tmp_path / "world.yaml").read_text(encoding="utf-8") == printed
    default = create_app({"TESTING": True}).test_client().get("/__sandbox/state").json
    edited = printed.replace("+12012049893", "+12012040000")
    (tmp_path / "world.yaml").write_text(edited, encoding="utf-8")
    with serving("--world", str(tmp_path / "world.yaml")) as url:
        served = requests.get(f"{url}/__sandbox/state", timeout=5).json()
    assert "+12012040000" in json.dumps(served["omilia"])
    assert {k: v for k, v in served.items() if k != "omilia"} == {
        k: v for k, v in default.items() if k != "omilia"
    }


def test_a_pinned_root_listener_serves_its_tenant_only() -> None:
    with serving("--vendor", "switchvox", "--tenant", "ci-run-7", "--tls", scheme="https") as url:
        reset = requests.post(
            f"{url}/__sandbox/reset", headers={"X-Sandbox-Tenant": "other"}, verify=False, timeout=5
        )
        answer = requests.post(f"{url}/json", json={}, auth=("admin", "admin"), verify=False, timeout=5)
    assert reset.json()["tenant"] == "ci-run-7"
    assert answer.status_code == 200


def test_tls_prints_the_ca_to_trust_and_removes_it_at_exit() -> None:
    from cryptography import x509

    with ServeProcess("--tls", tls=True) as server:
        served = x509.load_pem_x509_certificate(
            ssl.get_server_certificate(("127.0.0.1", server.port)).encode()
        )
    (trust,) = [line for line in server.output.splitlines() if "trust its CA with" in line]
    ca = Path(trust.rsplit(" ", 1)[1])
    assert served.issuer.rfc4514_string() == "CN=telephony-sandbox CA"
    assert ca.name == "ca.pem"
    assert not ca.parent.exists()


@pytest.mark.parametrize("server_name", ["gunicorn", "werkzeug"])
def test_each_request_is_logged_without_its_query(server_name: str) -> None:
    with ServeProcess("--server", server_name) as server:
        requests.get(
            f"{server.url}/mor/billing/api/user_details_get?u=campgain_user&hash=0123abcd", timeout=5
        )
    (line,) = [line for line in server.output.splitlines() if "/mor/billing/api/user_details_get" in line]
    color = r"(?:\x1b\[[0-9;]*m)?"  # werkzeug colours its lines
    assert re.search(rf'"{color}GET /mor/billing/api/user_details_get HTTP/1.1{color}" [0-9]{{3}} ', line)
    assert "0123abcd" not in server.output
