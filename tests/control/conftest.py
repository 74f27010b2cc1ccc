"""Control-plane fixtures: the sandbox (with a fault file) under werkzeug and under gunicorn."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sandbox.testing import ServerThread
from tests.control.support import FAULT_FILE, Live, free_port


@pytest.fixture(scope="session")
def fault_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A YAML fault file with one rule (id `from-file`, 418 on FILE_RULE_PATH)."""
    path = tmp_path_factory.mktemp("faults") / "faults.yaml"
    path.write_text(FAULT_FILE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def gunicorn_url(fault_file: Path) -> Iterator[str]:
    """`telephony-sandbox serve --server gunicorn --faults FILE` on a free port, stopped at the end."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANDBOX_")}
    env["SANDBOX_HANG_CAP_S"] = "5"
    command = [sys.executable, "-m", "sandbox", "serve", "--server", "gunicorn", "--threads", "8"]
    proc = subprocess.Popen(
        [*command, "--port", str(port), "--faults", str(fault_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(url + "/__sandbox/health", timeout=1)
                break
            except requests.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else ""
                    raise AssertionError(f"gunicorn did not start: {output}") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture(scope="session")
def werkzeug_url(fault_file: Path) -> Iterator[str]:
    """The sandbox (with the same fault file) under werkzeug's threaded server."""
    from sandbox import create_app

    app = create_app({"TESTING": True, "FAULTS": str(fault_file), "HANG_CAP_S": 5})
    with ServerThread(app) as server:
        yield server.url


@pytest.fixture(params=["werkzeug", "gunicorn"])
def live(request: pytest.FixtureRequest) -> Live:
    """A fresh tenant of the sandbox under each server in turn."""
    return Live(request.getfixturevalue(f"{request.param}_url"))
