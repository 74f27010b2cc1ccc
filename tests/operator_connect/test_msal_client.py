"""Microsoft's own client library (MSAL) gets a token from the sandbox authority over TLS.

MSAL insists on an https authority, reads `/{tenant}/v2.0/.well-known/openid-configuration` first
and posts the client-credentials grant to its `token_endpoint`. Skipped where msal is not installed.
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

msal = pytest.importorskip("msal")


@pytest.mark.parametrize("vendor", [None, "operator-connect"])
def test_msal_confidential_client_gets_a_token_the_api_accepts(vendor: str | None, tmp_path: Path) -> None:
    cert, key = self_signed("127.0.0.1", str(tmp_path))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    app = create_app({"TESTING": True, "VENDOR": vendor})
    with ServerThread(app, ssl_context=context) as server, requests.Session() as http:
        http.verify, http.trust_env = cert, False
        root = server.url if vendor else f"{server.url}/entra"
        api = server.url if vendor else f"{server.url}/operator-connect"
        client = msal.ConfidentialClientApplication(
            CREDENTIALS["client_id"],
            client_credential=CREDENTIALS["client_secret"],
            authority=f"{root}/{SP_TENANT}",
            validate_authority=False,
            instance_discovery=False,
            http_client=http,
        )
        result = client.acquire_token_for_client(scopes=[CREDENTIALS["scope"]])
        assert result.get("token_type") == "Bearer", result
        numbers = http.get(
            f"{api}/api/v2/oc/numbers",
            params={"msTenantId": CUSTOMER},
            headers={"Authorization": f"Bearer {result['access_token']}"},
            timeout=10,
        )
        assert numbers.status_code == 200
        assert len(numbers.json()) == 2


def test_msal_reports_the_identity_platform_error_for_a_wrong_secret(tmp_path: Path) -> None:
    cert, key = self_signed("127.0.0.1", str(tmp_path))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with (
        ServerThread(create_app({"TESTING": True}), ssl_context=context) as server,
        requests.Session() as http,
    ):
        http.verify, http.trust_env = cert, False
        client = msal.ConfidentialClientApplication(
            CREDENTIALS["client_id"],
            client_credential="wrong",
            authority=f"{server.url}/entra/{SP_TENANT}",
            validate_authority=False,
            instance_discovery=False,
            http_client=http,
        )
        result = client.acquire_token_for_client(scopes=[CREDENTIALS["scope"]])
        assert result["error"] == "invalid_client"
        assert result["error_codes"] == [7000215]


def test_token_msal_acquires_verifies_against_the_jwks_the_discovery_names(tmp_path: Path) -> None:
    jwt = pytest.importorskip("jwt")
    cert, key = self_signed("127.0.0.1", str(tmp_path))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    app = create_app({"TESTING": True, "VENDOR": "operator-connect"})
    with ServerThread(app, ssl_context=context) as server, requests.Session() as http:
        http.verify, http.trust_env = cert, False
        authority = f"{server.url}/{SP_TENANT}"
        client = msal.ConfidentialClientApplication(
            CREDENTIALS["client_id"],
            client_credential=CREDENTIALS["client_secret"],
            authority=authority,
            validate_authority=False,
            instance_discovery=False,
            http_client=http,
        )
        token = client.acquire_token_for_client(scopes=[CREDENTIALS["scope"]])["access_token"]
        discovery = http.get(f"{authority}/v2.0/.well-known/openid-configuration", timeout=10).json()
        keys = jwt.PyJWKClient(discovery["jwks_uri"], ssl_context=ssl.create_default_context(cafile=cert))
        claims = jwt.decode(
            token,
            keys.get_signing_key_from_jwt(token).key,
            algorithms=["RS256"],
            audience=CREDENTIALS["scope"].removesuffix("/.default"),
            issuer=f"https://sts.windows.net/{SP_TENANT}/",
        )
        assert claims["tid"] == SP_TENANT
