"""GET /entra/{tenantId}/discovery/v2.0/keys: the JWKS that verifies Entra tokens with a standard library."""

from __future__ import annotations

import base64

import jwt as pyjwt
import pytest
from cryptography import x509
from flask.testing import FlaskClient

from sandbox import create_app
from tests.operator_connect.conftest import CREDENTIALS, SCOPE, SP_TENANT, get_token

KEYS = f"/entra/{SP_TENANT}/discovery/v2.0/keys"
AUDIENCE = SCOPE.removesuffix("/.default")
ISSUER = f"https://sts.windows.net/{SP_TENANT}/"


def _verify(token: str, jwks: dict[str, object]) -> dict[str, object]:
    header = pyjwt.get_unverified_header(token)
    key = pyjwt.PyJWKSet.from_dict(jwks)[header["kid"]]
    return pyjwt.decode(token, key.key, algorithms=["RS256"], audience=AUDIENCE, issuer=ISSUER)


def test_keys_are_rfc7517_rsa_signing_keys(client: FlaskClient) -> None:
    response = client.get(KEYS)
    assert response.status_code == 200
    (key,) = response.json["keys"]
    assert {"kty", "use", "kid", "x5t", "n", "e", "x5c"} <= set(key)
    assert (key["kty"], key["use"]) == ("RSA", "sig")
    assert key["x5t"] == key["kid"]


def test_discovery_jwks_uri_serves_the_keys(client: FlaskClient) -> None:
    discovery = client.get(f"/entra/{SP_TENANT}/v2.0/.well-known/openid-configuration").json
    assert discovery["jwks_uri"] == f"http://localhost{KEYS}"
    assert client.get(discovery["jwks_uri"].removeprefix("http://localhost")).json == client.get(KEYS).json


def test_pyjwt_verifies_a_token_against_the_served_keys(client: FlaskClient) -> None:
    token = get_token(client).json["access_token"]
    claims = _verify(token, client.get(KEYS).json)
    assert claims["tid"] == SP_TENANT
    assert claims["appid"] == CREDENTIALS["client_id"]
    assert claims["appidacr"] == "1"
    assert claims["ver"] == "1.0"
    assert claims["oid"] == claims["sub"]
    assert all(isinstance(claims[c], int) for c in ("iat", "nbf", "exp"))
    assert claims["exp"] - claims["iat"] == 3599


def test_token_header_names_its_key_as_the_identity_platform_does(client: FlaskClient) -> None:
    header = pyjwt.get_unverified_header(get_token(client).json["access_token"])
    (key,) = client.get(KEYS).json["keys"]
    assert header["typ"] == "JWT"
    assert header["alg"] == "RS256"
    assert header["kid"] == header["x5t"] == key["kid"]


def test_a_tampered_token_does_not_verify(client: FlaskClient) -> None:
    token = get_token(client).json["access_token"]
    head, payload, signature = token.split(".")
    forged = f"{head}.{payload[:-2]}{'A' if payload[-2] != 'A' else 'B'}{payload[-1]}.{signature}"
    with pytest.raises(pyjwt.InvalidTokenError):
        _verify(forged, client.get(KEYS).json)


def test_x5c_certificate_holds_the_same_public_key(client: FlaskClient) -> None:
    (key,) = client.get(KEYS).json["keys"]
    certificate = x509.load_der_x509_certificate(base64.b64decode(key["x5c"][0]))
    numbers = certificate.public_key().public_numbers()  # type: ignore[union-attr]
    n = int.from_bytes(base64.urlsafe_b64decode(key["n"] + "=" * (-len(key["n"]) % 4)), "big")
    assert numbers.n == n


def test_unknown_tenant_is_aadsts90002(client: FlaskClient) -> None:
    response = client.get("/entra/99999999-9999-4999-8999-999999999999/discovery/v2.0/keys")
    assert response.status_code == 400
    assert response.json["error_codes"] == [90002]


def test_single_vendor_listener_serves_the_keys_at_its_root() -> None:
    client = create_app({"TESTING": True, "VENDOR": "operator-connect"}).test_client()
    discovery = client.get(f"/{SP_TENANT}/v2.0/.well-known/openid-configuration").json
    assert discovery["jwks_uri"] == f"http://localhost/{SP_TENANT}/discovery/v2.0/keys"
    token = client.post(f"/{SP_TENANT}/oauth2/v2.0/token", data=CREDENTIALS).json["access_token"]
    assert _verify(token, client.get(f"/{SP_TENANT}/discovery/v2.0/keys").json)["tid"] == SP_TENANT
