"""The client-credentials grant of `/{tenant}/oauth2/v2.0/token`, as the identity platform answers it.

Checks run in the identity platform's order: tenant, grant_type, client_id, scope, the application,
its secret, then the resource the scope names. Tokens are v1.0 access tokens (the Live Platform API is
a v1 resource: `aud` is its App ID URI, `iss` is `https://sts.windows.net/{tid}/`) that live 3599 s
on the sandbox clock, as the AudioCodes SBC manual shows ("Obtain Azure Access Token for REST").
"""

from __future__ import annotations

import base64
import hmac
import re
import uuid
from collections.abc import Mapping
from typing import Any

from sandbox.core import jwt
from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.entra.exceptions import (
    ApplicationNotFound,
    InvalidClientSecret,
    InvalidScope,
    InvalidTenantIdentifier,
    MissingClientSecret,
    MissingParameter,
    NoTenantInformation,
    ResourceNotFound,
    TenantNotFound,
    UnsupportedGrantType,
)
from sandbox.entra.keys import token_header

TOKEN_TTL_S = 3599
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$")
MULTI_TENANT = ("common", "organizations", "consumers")


def resolve_tenant(tenant: TenantState, identifier: str) -> dict[str, Any]:
    """The directory a token request names by GUID or domain."""
    if identifier.lower() in MULTI_TENANT:
        raise NoTenantInformation()
    tenants = tenant.collection("entra", "tenants")
    if GUID.match(identifier):
        record = tenants.get(identifier.lower())
    elif DOMAIN.match(identifier):
        record = next((t for t in tenants if str(t.get("domain", "")).lower() == identifier.lower()), None)
    else:
        raise InvalidTenantIdentifier(identifier)
    if record is None:
        raise TenantNotFound(identifier)
    return record


def basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    """client_secret_basic: `Authorization: Basic base64(client_id:client_secret)`."""
    scheme, _, value = (authorization or "").partition(" ")
    if scheme.lower() != "basic" or not value.strip():
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (ValueError, UnicodeError):
        return None
    client_id, sep, secret = decoded.partition(":")
    return (client_id, secret) if sep else None


def issue_token(
    tenant: TenantState,
    clock: Clock,
    identifier: str,
    form: Mapping[str, str],
    authorization: str | None = None,
) -> dict[str, Any]:
    """Answer a client-credentials token request."""
    directory = resolve_tenant(tenant, identifier)
    grant = form.get("grant_type", "")
    if not grant:
        raise MissingParameter("grant_type")
    if grant != "client_credentials":
        raise UnsupportedGrantType(grant)
    basic = basic_credentials(authorization)
    client_id = form.get("client_id") or (basic[0] if basic else "")
    secret = form.get("client_secret") or (basic[1] if basic else "")
    if not client_id:
        raise MissingParameter("client_id")
    scope = form.get("scope", "").strip()
    if not scope:
        raise MissingParameter("scope")
    apps = tenant.collection("entra", "applications")
    app = apps.get(client_id)
    if app is None or app.get("tenantId") != directory["tenantId"]:
        raise ApplicationNotFound(client_id, directory["tenantId"])
    if not secret:
        raise MissingClientSecret()
    if not any(hmac.compare_digest(str(s), secret) for s in app.get("secrets", [])):
        raise InvalidClientSecret(client_id)
    if len(scope.split()) != 1 or not scope.endswith("/.default"):
        raise InvalidScope(scope)
    resource = scope.removesuffix("/.default")
    api = next(
        (a for a in apps if resource == a["appId"] or resource in a.get("identifierUris", [])),
        None,
    )
    if api is None or not resource:
        raise ResourceNotFound(resource, directory["tenantId"])
    audience = api["identifierUris"][0] if api.get("identifierUris") else api["appId"]
    return _token(tenant, clock, directory["tenantId"], app, audience)


def _token(
    tenant: TenantState, clock: Clock, tid: str, app: Mapping[str, Any], audience: str
) -> dict[str, Any]:
    now = int(clock.time())
    issuer = f"https://sts.windows.net/{tid}/"
    claims = {
        "aud": audience,
        "iss": issuer,
        "iat": now,
        "nbf": now,
        "exp": now + TOKEN_TTL_S,
        "aio": base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("="),
        "appid": app["appId"],
        "appidacr": "1",
        "idp": issuer,
        "oid": app["objectId"],
        "rh": "0.sandbox.",
        "sub": app["objectId"],
        "tid": tid,
        "uti": base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("="),
        "ver": "1.0",
        "tnt": tenant.name,
    }
    return {
        "token_type": "Bearer",
        "expires_in": TOKEN_TTL_S,
        "ext_expires_in": TOKEN_TTL_S,
        "access_token": jwt.encode(claims, header=token_header()),
    }
