"""pytest fixtures: one sandbox server per session, one fresh tenant per test.

Override `sandbox_config` (create_app config) or `sandbox_listen_address` in your conftest.py.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from sandbox.handle import SandboxHandle


@pytest.fixture(scope="session")
def sandbox_listen_address() -> tuple[str, int]:
    """Where the session's sandbox listens (port 0: any free port)."""
    return ("127.0.0.1", 0)


@pytest.fixture(scope="session")
def sandbox_config() -> dict[str, Any]:
    """Config for create_app (DATA, WORLD, FAULTS, SEED, ...)."""
    return {}


@pytest.fixture(scope="session")
def sandbox_server(sandbox_listen_address: tuple[str, int], sandbox_config: dict[str, Any]) -> Iterator[Any]:
    """The session's sandbox, served on a real socket."""
    from sandbox.app import create_app
    from sandbox.testing import ServerThread

    host, port = sandbox_listen_address
    with ServerThread(create_app(sandbox_config), host, port) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: Any, request: pytest.FixtureRequest) -> SandboxHandle:
    """A tenant of its own for this test: `sandbox.url("omilia")` is the base URL to give a client."""
    name = re.sub(r"[^A-Za-z0-9._~-]+", "-", request.node.name)[:80].strip("-.") or "test"
    return SandboxHandle(sandbox_server.url, f"{name}-{uuid.uuid4().hex[:8]}")
