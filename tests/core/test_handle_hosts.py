"""`sandbox.host(vendor)`: root listeners of the test's own tenant, TLS the client can verify."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPDigestAuth

from sandbox.handle import ControlError, SandboxHandle
from sandbox.tls import client_context

GET_INFO = {"request": {"method": "switchvox.extensions.getInfo", "parameters": {"extensions": ["100"]}}}


def test_host_is_a_tls_root_listener_of_this_tests_tenant(sandbox: SandboxHandle) -> None:
    host = sandbox.host("switchvox")
    assert host.startswith("127.0.0.1:")
    response = requests.post(
        f"https://{host}/json",
        json=GET_INFO,
        auth=HTTPDigestAuth("admin", "admin"),
        verify=sandbox.ca_bundle,
        timeout=10,
    )
    assert response.status_code == 200
    challenge, entry = sandbox.requests()  # Digest: a 401 challenge first
    assert challenge["status"] == 401
    assert (entry["operation"], entry["path"], entry["status"]) == (
        "switchvox.extensions.getInfo",
        "/json",
        200,
    )


def test_the_ca_bundle_verifies_the_listener_strictly(sandbox: SandboxHandle) -> None:
    host, port = sandbox.host("mor").split(":")
    context = client_context(str(sandbox.ca_bundle))
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    served = ssl.get_server_certificate((host, int(port)))
    with context.wrap_socket(socket.create_connection((host, int(port))), server_hostname=host) as tls:
        assert tls.version() is not None
    assert "BEGIN CERTIFICATE" in served
    assert Path(str(sandbox.ca_bundle)).read_text().startswith("-----BEGIN CERTIFICATE-----")


def test_a_listener_is_shared_per_tenant_and_vendor(sandbox: SandboxHandle) -> None:
    first = sandbox.host("operator-connect")
    assert sandbox.host("operator-connect") == first
    assert sandbox.host("operator-connect", tls=False) != first
    assert sandbox.host("omilia") != first


def test_plain_http_host_serves_the_vendor_at_its_root(sandbox: SandboxHandle) -> None:
    host = sandbox.host("omilia", tls=False)
    response = requests.post(
        f"http://{host}/auth/realms/master/protocol/openid-connect/token",
        data={"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"},
        timeout=10,
    )
    assert response.status_code == 200
    assert sandbox.requests(vendor="omilia")[0]["status"] == 200


def test_two_tests_tenants_get_two_listeners(sandbox: SandboxHandle) -> None:
    other = SandboxHandle(sandbox.server_url, sandbox.tenant + "-b", listeners=sandbox._listeners)
    mine, theirs = sandbox.host("switchvox", tls=False), other.host("switchvox", tls=False)
    assert mine != theirs
    requests.post(f"http://{theirs}/json", json=GET_INFO, auth=HTTPDigestAuth("admin", "admin"), timeout=10)
    assert sandbox.requests() == []
    assert [e["status"] for e in other.requests()] == [401, 200]


def test_host_names_the_valid_vendors(sandbox: SandboxHandle) -> None:
    with pytest.raises(
        ValueError, match=r"unknown vendor 'entra': one of omilia, mor, switchvox, operator-connect$"
    ):
        sandbox.host("entra")


def test_host_without_an_in_process_sandbox_says_what_to_do(sandbox: SandboxHandle) -> None:
    remote = SandboxHandle(sandbox.server_url, sandbox.tenant)
    with pytest.raises(RuntimeError, match="--vendor NAME --tenant T"):
        remote.host("switchvox")
    assert remote.ca_bundle is None


def test_url_names_the_valid_vendors(sandbox: SandboxHandle) -> None:
    assert sandbox.url("entra").endswith(f"/t/{sandbox.tenant}/entra")
    with pytest.raises(
        ValueError, match="unknown vendor 'omila': one of omilia, mor, switchvox, operator-connect, entra"
    ):
        sandbox.url("omila")


def test_requests_names_the_valid_filters(sandbox: SandboxHandle) -> None:
    with pytest.raises(
        ValueError, match="unknown journal filter 'vendr': use vendor, method, path, operation"
    ):
        sandbox.requests(vendr="omilia")


def test_the_handle_knows_every_filter_the_journal_takes(sandbox: SandboxHandle) -> None:
    from sandbox.control.journal import FILTERS
    from sandbox.handle import JOURNAL_FILTERS

    assert set(JOURNAL_FILTERS) == {*FILTERS, "limit", "before"}
    for name in JOURNAL_FILTERS:
        value = {"limit": 5, "before": 5, "vendor": "mor", "status": 200}.get(name, "x")
        assert sandbox.requests(**{name: value}) == []


def test_control_error_carries_the_status_and_body(sandbox: SandboxHandle) -> None:
    with pytest.raises(ControlError) as raised:
        sandbox.add_fault({"action": {"type": "nope"}})
    assert raised.value.status == 400
    assert "action" in str(raised.value.body)
