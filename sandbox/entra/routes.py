"""Entra's routes: the v2.0 token endpoint, OpenID Connect discovery and the signing keys."""

from __future__ import annotations

from flask import Blueprint, Response, request

from sandbox.core.context import current_clock, current_tenant
from sandbox.core.tenancy import MOUNT_ENVIRON
from sandbox.entra import render
from sandbox.entra.discovery import openid_configuration
from sandbox.entra.keys import signing_keys
from sandbox.entra.tokens import issue_token, resolve_tenant


def blueprint() -> Blueprint:
    """The Entra blueprint (mounted at /entra)."""
    bp = Blueprint("entra", __name__)
    bp.add_url_rule("/<tenant_id>/oauth2/v2.0/token", "issueEntraToken", token, methods=["POST"])
    bp.add_url_rule(
        "/<tenant_id>/v2.0/.well-known/openid-configuration",
        "getOpenIdConfiguration",
        discovery,
        methods=["GET"],
    )
    bp.add_url_rule("/<tenant_id>/discovery/v2.0/keys", "getEntraSigningKeys", keys, methods=["GET"])
    return bp


def token(tenant_id: str) -> Response:
    """POST /{tenantId}/oauth2/v2.0/token (client credentials, form-encoded)."""
    form = request.form.to_dict() if request.mimetype == "application/x-www-form-urlencoded" else {}
    body = issue_token(
        current_tenant(), current_clock(), tenant_id, form, request.headers.get("Authorization")
    )
    return render.no_store(body)


def discovery(tenant_id: str) -> Response:
    """GET /{tenantId}/v2.0/.well-known/openid-configuration (what MSAL reads before the token)."""
    # On a single-vendor listener the authority is at the root (the middleware added `/entra`).
    prefix = "" if request.environ.get(MOUNT_ENVIRON) else "/entra"
    authority = f"{request.host_url.rstrip('/')}{request.script_root}{prefix}/{tenant_id}"
    return render.no_store(openid_configuration(current_tenant(), tenant_id, authority))


def keys(tenant_id: str) -> Response:
    """GET /{tenantId}/discovery/v2.0/keys: the JWKS that verifies the tokens (the discovery `jwks_uri`)."""
    resolve_tenant(current_tenant(), tenant_id)
    return render.no_store(signing_keys())
