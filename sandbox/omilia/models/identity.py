"""Keycloak-style tokens: the password and refresh grants, logout, and bearer checks on every route.

Access tokens live 300 s and refresh tokens 1800 s, on the sandbox clock (learn.ocp.ai
"api-authentication"). Each password grant starts a user session (the tokens' `sid`); a refresh
token works only while its session is active, and logout ends it, as Keycloak's TokenManager and
LogoutEndpoint do. The sandbox stores the sessions that ended (a `logouts` record per session, kept
until its refresh tokens would have expired anyway), so a login changes nothing stored.
The order of the token endpoint's checks is Keycloak's TokenEndpoint's: the realm, the grant type
(missing, then unknown), the client, then the grant's own parameters.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.core import jwt
from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.omilia.exceptions import (
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    MissingClientId,
    RealmNotFound,
    Unauthorized,
    UnsupportedGrantType,
)
from sandbox.omilia.models.discovery import realm_issuer
from sandbox.omilia.world import CLIENT_ID, REALMS

ACCESS_TTL_S = 300
REFRESH_TTL_S = 1800
GRANTS = ("password", "refresh_token")


@dataclass(frozen=True)
class Caller:
    """Who is calling, as the access token says."""

    username: str
    roles: frozenset[str]
    groups: frozenset[str]

    def has_role(self, *roles: str) -> bool:
        """Whether the caller holds any of `roles`."""
        return bool(self.roles.intersection(roles))


def issue_tokens(
    tenant: TenantState, clock: Clock, realm: str, form: Mapping[str, str], host: str
) -> dict[str, Any]:
    """Answer the token endpoint: the password grant or the refresh grant."""
    check_realm(realm)
    grant = form.get("grant_type")
    if not grant:
        raise InvalidRequest("Missing form parameter: grant_type")
    if grant not in GRANTS:
        raise UnsupportedGrantType()
    check_client(form)
    if grant == "password":
        user = _check_password(tenant, form)
        session = str(uuid.uuid4())
    else:
        token = form.get("refresh_token")
        if not token:
            raise InvalidRequest("No refresh token")
        user, session = _check_refresh(tenant, clock, realm, token)
    return _token_response(tenant, clock, realm, user, session, host)


def logout(tenant: TenantState, clock: Clock, realm: str, form: Mapping[str, str]) -> None:
    """POST .../openid-connect/logout: end the session of the form's refresh token."""
    check_realm(realm)
    check_client(form)
    token = form.get("refresh_token")
    if not token:
        raise InvalidRequest("No refresh token")
    _, session = _check_refresh(tenant, clock, realm, token)
    logouts = tenant.collection("omilia", "logouts")
    now = clock.time()
    for ended in [record for record in logouts if float(record.get("until", 0)) <= now]:
        logouts.delete(ended["sid"])
    logouts.put({"sid": session, "until": int(now) + REFRESH_TTL_S})


def check_realm(realm: str) -> None:
    """RealmNotFound unless the realm exists."""
    if realm not in REALMS:
        raise RealmNotFound()


def check_client(form: Mapping[str, str]) -> None:
    """The public client `ocp` authenticates with its `client_id` form field alone."""
    client_id = form.get("client_id")
    if not client_id:
        raise MissingClientId()
    if client_id != CLIENT_ID:
        raise InvalidClient()


def _check_password(tenant: TenantState, form: Mapping[str, str]) -> dict[str, Any]:
    username = form.get("username", "")
    if not username:
        # Keycloak's direct-grant ValidateUsername: 401 invalid_request.
        raise InvalidRequest("Missing parameter: username", status=401)
    users = tenant.collection("omilia", "users")
    user = users.get(username) or users.get(username.lower())
    if user is None or not hmac.compare_digest(str(user["password"]), form.get("password", "")):
        raise InvalidGrant()
    return user


def _check_refresh(tenant: TenantState, clock: Clock, realm: str, token: str) -> tuple[dict[str, Any], str]:
    try:
        claims = jwt.decode(token)
    except jwt.TokenError:
        raise InvalidGrant("Invalid refresh token", status=400) from None
    if claims.get("typ") != "Refresh" or claims.get("tnt") != tenant.name or claims.get("realm") != realm:
        raise InvalidGrant("Invalid refresh token", status=400)
    if float(claims.get("exp", 0)) <= clock.time():
        raise InvalidGrant("Token is not active", status=400)
    user = tenant.collection("omilia", "users").get(str(claims.get("preferred_username")))
    if user is None:
        raise InvalidGrant("Invalid refresh token", status=400)
    if str(claims.get("sid")) in tenant.collection("omilia", "logouts"):
        raise InvalidGrant("Session not active", status=400)
    return user, str(claims.get("sid"))


def _token_response(
    tenant: TenantState, clock: Clock, realm: str, user: dict[str, Any], session: str, host: str
) -> dict[str, Any]:
    now = int(clock.time())
    common = {
        "iat": now,
        "iss": realm_issuer(host, realm),
        "sub": user["id"],
        "azp": CLIENT_ID,
        "sid": session,
        "session_state": session,
        "realm": realm,
        "tnt": tenant.name,
        "preferred_username": user["username"],
        "scope": "openid",
    }
    access = {
        **common,
        "exp": now + ACCESS_TTL_S,
        "jti": str(uuid.uuid4()),
        "typ": "Bearer",
        "aud": "account",
        "realm_access": {"roles": list(user["roles"])},
        "groups": list(user["groups"]),
    }
    refresh = {
        **common,
        "exp": now + REFRESH_TTL_S,
        "jti": str(uuid.uuid4()),
        "typ": "Refresh",
        "aud": common["iss"],
    }
    return {
        "access_token": jwt.encode(access),
        "expires_in": ACCESS_TTL_S,
        "refresh_expires_in": REFRESH_TTL_S,
        "refresh_token": jwt.encode(refresh),
        "token_type": "bearer",
        "not-before-policy": 0,
        "session_state": session,
        "scope": "openid",
    }


def authenticate(tenant: TenantState, clock: Clock, authorization: str | None) -> Caller:
    """The caller of an integrations route, from `Authorization: Bearer <access token>`."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized()
    try:
        claims = jwt.decode(token.strip())
    except jwt.TokenError:
        raise Unauthorized() from None
    if claims.get("typ") != "Bearer" or claims.get("tnt") != tenant.name:
        raise Unauthorized()
    if clock.reached(float(claims.get("exp", 0))):
        raise Unauthorized()
    user = tenant.collection("omilia", "users").get(str(claims.get("preferred_username")))
    if user is None:
        raise Unauthorized()
    # Roles and groups are read from the user record, so a change to the user takes effect at once.
    return Caller(user["username"], frozenset(user["roles"]), frozenset(user["groups"]))
