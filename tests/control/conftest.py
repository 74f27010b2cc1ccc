"""Control-plane fixtures: the sandbox (with a fault file) under werkzeug and under gunicorn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.testing import ServeProcess, ServerThread
from tests.control.support import FAULT_FILE, Live


@pytest.fixture(scope="session")
def fault_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A YAML fault file with one rule (id `from-file`, 418 on FILE_RULE_PATH)."""
    path = tmp_path_factory.mktemp("faults") / "faults.yaml"
    path.write_text(FAULT_FILE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def gunicorn_url(fault_file: Path) -> Iterator[str]:
    """`telephony-sandbox serve --server gunicorn --faults FILE` on a free port, stopped at the end."""
    args = ("--server", "gunicorn", "--threads", "8", "--faults", str(fault_file))
    with ServeProcess(*args, env={"SANDBOX_HANG_CAP_S": "5"}) as server:
        yield server.url


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
