"""azure-identity's ClientSecretCredential gets a token from `serve --vendor operator-connect --tls`.

It is the credential most Azure SDK users hold; pointed at the sandbox's authority it reads the
discovery document, posts the client-credentials grant, and the token it hands back opens the API.
Skipped where azure-identity is not installed.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import requests

from sandbox import create_app
from sandbox.testing import ServerThread
from sandbox.tls import self_signed
from tests.operator_connect.conftest import CREDENTIALS, CUSTOMER, SP_TENANT

identity = pytest.importorskip("azure.identity")
transport = pytest.importorskip("azure.core.pipeline.transport")
exceptions = pytest.importorskip("azure.core.exceptions")


def _server(tmp_path: Path) -> tuple[ServerThread, str]:
    cert, key = self_signed("127.0.0.1", str(tmp_path))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return ServerThread(
        create_app({"TESTING": True, "VENDOR": "operator-connect"}), ssl_context=context
    ), cert


def _credential(url: str, cert: str, secret: str) -> object:
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment for a loopback server
    return identity.ClientSecretCredential(
        SP_TENANT,
        CREDENTIALS["client_id"],
        secret,
        authority=url,
        disable_instance_discovery=True,
        # azure-core's transport option: trust the sandbox's self-signed certificate.
        transport=transport.RequestsTransport(session=session, session_owner=True, connection_verify=cert),
    )


def test_client_secret_credential_gets_a_token_the_api_accepts(tmp_path: Path) -> None:
    server, cert = _server(tmp_path)
    with server:
        credential = _credential(server.url, cert, CREDENTIALS["client_secret"])
        token = credential.get_token(CREDENTIALS["scope"])  # type: ignore[attr-defined]
        assert token.token.count(".") == 2
        response = requests.get(
            f"{server.url}/api/v2/oc/numbers",
            params={"msTenantId": CUSTOMER},
            headers={"Authorization": f"Bearer {token.token}"},
            verify=cert,
            timeout=10,
        )
        assert response.status_code == 200
        assert {n["telephoneNumber"] for n in response.json()} == {"+61398675570", "+61398675571"}


def test_wrong_secret_raises_with_the_aadsts_code(tmp_path: Path) -> None:
    server, cert = _server(tmp_path)
    with server:
        credential = _credential(server.url, cert, "wrong")
        with pytest.raises(exceptions.ClientAuthenticationError) as failure:
            credential.get_token(CREDENTIALS["scope"])  # type: ignore[attr-defined]
        assert "AADSTS7000215" in str(failure.value)
