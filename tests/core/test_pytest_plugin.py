"""The pytest plugin as a user's suite meets it: fixtures overridden in a conftest, in a pytest of its own."""

from __future__ import annotations

import socket

import pytest

from sandbox import create_app
from sandbox.testing import RootListeners

pytest_plugins = ["pytester"]

TLS_SUITE = """
import requests


def test_control_helpers_work_over_tls(sandbox):
    assert sandbox.server_url.startswith("https://127.0.0.1:")
    assert sandbox.freeze()["frozen"] is True
    sandbox.add_fault({"match": {"vendor": "omilia"}, "action": {"type": "error", "status": 503}})
    answer = requests.get(sandbox.url("omilia") + "/integrations/api/numbers", verify=sandbox.ca_bundle)
    assert answer.status_code == 503
    assert [e["status"] for e in sandbox.requests()] == [503]
    sandbox.clear_faults()
    sandbox.reset()
    assert sandbox.control("GET", "/faults") == {"rules": []}
"""


def test_a_tls_main_listener_keeps_every_control_helper_working(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        "import pytest\n\n\n@pytest.fixture(scope='session')\ndef sandbox_tls():\n    return True\n"
    )
    pytester.makepyfile(TLS_SUITE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_root_listeners_are_closed_with_the_session() -> None:
    listeners = RootListeners(create_app({"TESTING": True}))
    host, port = listeners.address("switchvox", "t1").split(":")
    socket.create_connection((host, int(port)), timeout=5).close()
    listeners.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host, int(port)), timeout=5)
