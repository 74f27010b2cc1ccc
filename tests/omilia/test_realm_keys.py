"""The realm's JWKS and discovery document: a standard JWT library verifies the sandbox's tokens."""

from __future__ import annotations

import json

import jwt as pyjwt
import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from tests.omilia.conftest import password_grant

REALM = "/omilia/auth/realms/{realm}"
CERTS = REALM + "/protocol/openid-connect/certs"
DISCOVERY = REALM + "/.well-known/openid-configuration"


def jwks(client: FlaskClient, realm: str = "master") -> dict:
    response = client.get(CERTS.format(realm=realm))
    assert response.status_code == 200
    return response.json


def verify(client: FlaskClient, token: str, audience: str) -> dict:
    """Verify `token` as a relying party would: the JWK of its kid from the served JWKS, RS256."""
    kid = pyjwt.get_unverified_header(token)["kid"]
    (jwk,) = [key for key in jwks(client)["keys"] if key["kid"] == kid]
    key = pyjwt.PyJWK.from_json(json.dumps(jwk))
    return pyjwt.decode(token, key, algorithms=["RS256"], audience=audience)


def test_jwks_lists_an_rsa_signing_key(client: FlaskClient) -> None:
    (key,) = jwks(client)["keys"]
    assert (key["kty"], key["alg"], key["use"]) == ("RSA", "RS256", "sig")
    assert key["kid"] and key["n"] and key["e"]


def test_access_token_verifies_against_the_jwks_with_pyjwt(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["access_token"]
    assert pyjwt.get_unverified_header(token)["alg"] == "RS256"
    claims = verify(client, token, audience="account")
    assert claims["preferred_username"] == "owner"


def test_refresh_token_verifies_too(client: FlaskClient) -> None:
    token = password_grant(client, "owner").json["refresh_token"]
    issuer = "http://localhost/omilia/auth/realms/master"
    assert verify(client, token, audience=issuer)["typ"] == "Refresh"


def test_a_tampered_token_does_not_verify(client: FlaskClient) -> None:
    head, body, sig = password_grant(client, "owner").json["access_token"].split(".")
    with pytest.raises(pyjwt.InvalidSignatureError):
        verify(client, f"{head}.{body}.{sig[:-4]}AAAA", audience="account")


def test_issuer_is_the_discovery_issuer_and_lifetime_is_300s(client: FlaskClient) -> None:
    doc = client.get(DISCOVERY.format(realm="master")).json
    claims = verify(client, password_grant(client, "owner").json["access_token"], audience="account")
    assert claims["iss"] == doc["issuer"] == "http://localhost/omilia/auth/realms/master"
    assert claims["exp"] - claims["iat"] == 300


def test_discovery_points_at_the_realms_endpoints(client: FlaskClient) -> None:
    doc = client.get(DISCOVERY.format(realm="ocp")).json
    base = "http://localhost/omilia/auth/realms/ocp/protocol/openid-connect"
    assert doc["token_endpoint"] == f"{base}/token"
    assert doc["end_session_endpoint"] == f"{base}/logout"
    assert doc["jwks_uri"] == f"{base}/certs"
    assert "RS256" in doc["id_token_signing_alg_values_supported"]
    assert doc["scopes_supported"][0] == "openid"
    assert {"password", "refresh_token"} <= set(doc["grant_types_supported"])


def test_discovery_follows_the_tenant_prefix(client: FlaskClient) -> None:
    doc = client.get("/t/mine" + DISCOVERY.format(realm="master")).json
    assert doc["issuer"] == "http://localhost/t/mine/omilia/auth/realms/master"
    token = client.post(
        "/t/mine/omilia/auth/realms/master/protocol/openid-connect/token",
        data={"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"},
    ).json["access_token"]
    assert pyjwt.decode(token, options={"verify_signature": False})["iss"] == doc["issuer"]


def test_jwks_and_discovery_of_an_unknown_realm_are_404(client: FlaskClient) -> None:
    for url in (CERTS, DISCOVERY):
        response = client.get(url.format(realm="nope"))
        assert response.status_code == 404
        assert response.json == {"error": "Realm does not exist"}


def test_jwks_and_discovery_need_no_token_and_open_cors(client: FlaskClient) -> None:
    for url in (CERTS, DISCOVERY):
        response = client.get(url.format(realm="master"), headers={"Origin": "https://app.example"})
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == "https://app.example"


def test_post_on_the_jwks_is_a_keycloak_405(client: FlaskClient) -> None:
    response = client.post(CERTS.format(realm="master"))
    assert response.status_code == 405
    assert response.json["error"] == "HTTP 405 Method Not Allowed"


def test_a_single_vendor_listener_names_its_root_as_the_host() -> None:
    root = create_app({"TESTING": True, "VENDOR": "omilia"}).test_client()
    doc = root.get("/auth/realms/master/.well-known/openid-configuration").json
    assert doc["issuer"] == "http://localhost/auth/realms/master"
    assert doc["jwks_uri"] == "http://localhost/auth/realms/master/protocol/openid-connect/certs"
    assert root.get("/auth/realms/master/protocol/openid-connect/certs").status_code == 200


def test_a_cors_preflight_of_the_jwks_allows_get(client: FlaskClient) -> None:
    response = client.options(CERTS.format(realm="master"), headers={"Origin": "https://app.example"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Methods"] == "GET, OPTIONS"
    assert response.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert client.options(CERTS.format(realm="nope")).status_code == 404


def test_options_elsewhere_stays_a_405(client: FlaskClient) -> None:
    assert client.options(DISCOVERY.format(realm="master")).status_code == 405
