"""pytest fixtures: one sandbox server per session, one fresh tenant per test.

Override `sandbox_config` (create_app config), `sandbox_listen_address` or `sandbox_tls` in your
conftest.py.
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
def sandbox_tls() -> bool:
    """Serve the session's main listener over https (self-signed; the handle trusts its CA)."""
    return False


@pytest.fixture(scope="session")
def sandbox_server(
    sandbox_listen_address: tuple[str, int], sandbox_config: dict[str, Any], sandbox_tls: bool
) -> Iterator[Any]:
    """The session's sandbox, served on a real socket."""
    from sandbox.app import create_app
    from sandbox.testing import ServerThread
    from sandbox.tls import process_certificate, server_context

    host, port = sandbox_listen_address
    context = None
    if sandbox_tls:
        made = process_certificate()
        context = server_context(made.cert, made.key)
    with ServerThread(create_app(sandbox_config), host, port, ssl_context=context) as server:
        yield server


@pytest.fixture(scope="session")
def sandbox_root_listeners(sandbox_server: Any) -> Iterator[Any]:
    """Root listeners pinned to a tenant (`sandbox.host(vendor)`), made on first use, closed at the end."""
    from sandbox.testing import RootListeners

    listeners = RootListeners(sandbox_server.app)
    try:
        yield listeners
    finally:
        listeners.close()


@pytest.fixture
def sandbox(
    sandbox_server: Any, sandbox_root_listeners: Any, request: pytest.FixtureRequest
) -> SandboxHandle:
    """A tenant of its own for this test: `sandbox.url("omilia")` is the base URL to give a client."""
    name = re.sub(r"[^A-Za-z0-9._~-]+", "-", request.node.name)[:80].strip("-.") or "test"
    tenant = f"{name}-{uuid.uuid4().hex[:8]}"
    return SandboxHandle(sandbox_server.url, tenant, listeners=sandbox_root_listeners)
