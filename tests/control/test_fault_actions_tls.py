"""Connection faults over TLS (clients that insist on https): still a connection error, never a TLS alert."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import requests

from sandbox import create_app
from sandbox.testing import ServerThread
from sandbox.tls import self_signed
from tests.control.support import Live

pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")


@pytest.fixture(scope="module")
def tls_live() -> Iterator[str]:
    cert, key = self_signed()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with ServerThread(create_app({"TESTING": True, "HANG_CAP_S": 5}), ssl_context=context) as server:
        yield server.url


@pytest.mark.parametrize("action", [{"type": "reset"}, {"type": "empty"}, {"type": "hang", "ms": 100}])
def test_a_cut_over_tls_is_a_plain_connection_error(tls_live: str, action: dict[str, object]) -> None:
    live = Live(tls_live)
    rule = {"match": {"vendor": "switchvox"}, "action": action}
    assert (
        requests.post(live.url + "/__sandbox/faults", json=rule, verify=False, timeout=10).status_code == 201
    )
    with pytest.raises(requests.ConnectionError) as caught:
        requests.post(
            live.url + "/switchvox/json", json={}, auth=("admin", "admin"), verify=False, timeout=10
        )
    assert not isinstance(caught.value, requests.exceptions.SSLError)
    assert requests.get(live.url + "/__sandbox/health", verify=False, timeout=10).status_code == 200
