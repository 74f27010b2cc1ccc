"""Keycloak's routes for a realm: token, logout, the realm's keys (JWKS) and its discovery document.

Endpoint names are the contract's operationIds.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from sandbox.core import jwt
from sandbox.core.context import current_clock, current_tenant
from sandbox.core.tenancy import MOUNT_ENVIRON
from sandbox.omilia import render
from sandbox.omilia.models import identity
from sandbox.omilia.models.discovery import openid_configuration, realm_issuer

REALM = "/auth/realms/<realm>"
OIDC = f"{REALM}/protocol/openid-connect"


def register(bp: Blueprint) -> None:
    """Add the Keycloak routes to the Omilia blueprint."""
    bp.add_url_rule(f"{OIDC}/token", "issueToken", issue_token, methods=["POST"])
    bp.add_url_rule(f"{OIDC}/logout", "logout", logout, methods=["POST"])
    bp.add_url_rule(f"{OIDC}/certs", "getRealmKeys", certs, methods=["GET"])
    bp.add_url_rule(f"{OIDC}/certs", "preflightRealmKeys", preflight, methods=["OPTIONS"])
    bp.add_url_rule(f"{REALM}/.well-known/openid-configuration", "getOpenidConfiguration", discovery)


def host() -> str:
    """What the client was told as the Omilia host (`http://HOST:PORT[/t/T]/omilia`)."""
    mounted = request.environ.get(MOUNT_ENVIRON) is not None
    return request.host_url.rstrip("/") + request.script_root + ("" if mounted else "/omilia")


def no_store(response: Response) -> Response:
    """Keycloak's token answers are never cached."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


def open_cors(response: Response) -> Response:
    """Keycloak allows every origin on the realm's keys and discovery (it echoes the Origin)."""
    origin = request.headers.get("Origin")
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def preflight(realm: str) -> Response:
    """OPTIONS .../openid-connect/certs: Keycloak's CORS preflight allows GET from any origin."""
    identity.check_realm(realm)
    response = open_cors(Response(status=200))
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Max-Age"] = "3600"
    return response


def issue_token(realm: str) -> Response:
    """POST .../openid-connect/token (password and refresh grants)."""
    body = identity.issue_tokens(current_tenant(), current_clock(), realm, request.form.to_dict(), host())
    return no_store(render.json_response(body))


def logout(realm: str) -> Response:
    """POST .../openid-connect/logout: end the refresh token's session; 204 without a body."""
    identity.logout(current_tenant(), current_clock(), realm, request.form.to_dict())
    return no_store(Response(status=204))


def certs(realm: str) -> Response:
    """GET .../openid-connect/certs: the JWKS that verifies the realm's tokens."""
    identity.check_realm(realm)
    return open_cors(render.json_response(jwt.jwks()))


def discovery(realm: str) -> Response:
    """GET .../.well-known/openid-configuration."""
    identity.check_realm(realm)
    return open_cors(render.json_response(openid_configuration(realm_issuer(host(), realm))))
