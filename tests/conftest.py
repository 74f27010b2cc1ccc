"""Shared fixtures: an app per test, its test client, and a live server on a real socket."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core import tenancy
from sandbox.testing import ServerThread

# Every answer the answer cache gives again is also computed afresh and compared (AnswerMismatch
# otherwise), in this process and in every sandbox process a test starts.
os.environ.setdefault("SANDBOX_ANSWER_CACHE_CHECK", "1")

FUZZ_REQUESTS_REQUIRED = 10_000
"""Requests the contract tests (modules named *contract*) must send in a full run, all contracts together."""
FUZZ_MODULES = (
    "tests.control.test_sandbox_contract",
    "tests.fuzz.test_contract_fuzz",
    "tests.mor.test_mor_contract",
    "tests.omilia.test_contract",
    "tests.omilia.test_csv_contract",
    "tests.omilia.test_sets_contract",
    "tests.operator_connect.test_contract",
    "tests.switchvox.test_contract",
)
REQUESTS: Counter[str] = Counter()
_running = [""]
_serve: Callable[..., Any] = tenancy.TenantMiddleware.__call__


def _counted(self: tenancy.TenantMiddleware, environ: dict[str, Any], start_response: Any) -> Any:
    REQUESTS[_running[0]] += 1
    return _serve(self, environ, start_response)


tenancy.TenantMiddleware.__call__ = _counted  # type: ignore[method-assign]


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Requests are counted against the module of the test that sends them."""
    _running[0] = item.module.__name__ if item.module else ""  # type: ignore[attr-defined]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Report how many requests the contract tests sent."""
    fuzzed = sum(REQUESTS[name] for name in FUZZ_MODULES)
    if fuzzed:
        terminalreporter.write_line(f"contract fuzzing: {fuzzed} requests over {len(FUZZ_MODULES)} modules")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A full run that fuzzed fewer than FUZZ_REQUESTS_REQUIRED requests fails."""
    ran = {item.module.__name__ for item in session.items if item.module}  # type: ignore[attr-defined]
    fuzzed = sum(REQUESTS[name] for name in FUZZ_MODULES)
    if set(FUZZ_MODULES) <= ran and not session.testsfailed and fuzzed < FUZZ_REQUESTS_REQUIRED:
        print(f"\ncontract fuzzing sent {fuzzed} requests, fewer than {FUZZ_REQUESTS_REQUIRED}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def app() -> Flask:
    """A fresh in-memory sandbox."""
    return create_app({"TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of `app`."""
    return app.test_client()


@pytest.fixture
def live_server(app: Flask) -> Iterator[ServerThread]:
    """`app` served on 127.0.0.1 at a free port, for real HTTP clients."""
    with ServerThread(app) as server:
        yield server
