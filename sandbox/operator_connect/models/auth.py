"""Bearer tokens on every Operator Connect route: an Entra token of the service provider's tenant.

The Live Platform number pages: the routes "require API access authorization using Azure AD JWT". The sandbox
answers as ASP.NET Core's JwtBearer handler does: 401 with a `WWW-Authenticate` challenge saying
why (a problem-details body, as AddProblemDetails writes for a bare 401).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sandbox.core import jwt
from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import Unauthorized
from sandbox.operator_connect.world import SERVICE_PROVIDER

CLOCK_SKEW_S = 300
"""TokenValidationParameters.DefaultClockSkew, which JwtBearer applies to `exp` and `nbf`."""


def _dotnet_time(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%m/%d/%Y %H:%M:%S")


def authenticate(tenant: TenantState, clock: Clock, authorization: str | None) -> dict[str, Any]:
    """The claims of a valid service-provider token from `Authorization: Bearer ...` (401 otherwise)."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized()
    try:
        claims = jwt.decode(token)
    except jwt.TokenError:
        raise Unauthorized("The signature is invalid") from None
    provider = tenant.collection("operator-connect", "settings").get("serviceProvider") or SERVICE_PROVIDER
    if claims.get("tnt") != tenant.name or claims.get("tid") != provider.get("tenantId"):
        raise Unauthorized(f"The issuer '{claims.get('iss')}' is invalid")
    if claims.get("aud") not in provider.get("audiences", []):
        raise Unauthorized(f"The audience '{claims.get('aud')}' is invalid")
    try:
        expires, not_before = float(claims.get("exp", 0)), float(claims.get("nbf", 0))
    except (TypeError, ValueError):
        raise Unauthorized("The token is malformed") from None
    # learn.microsoft.com TokenValidationParameters.DefaultClockSkew: five minutes either way.
    if clock.reached(expires + CLOCK_SKEW_S):
        raise Unauthorized(f"The token expired at '{_dotnet_time(expires)}'")
    if not clock.reached(not_before - CLOCK_SKEW_S):
        raise Unauthorized(f"The token is not valid before '{_dotnet_time(not_before)}'")
    return claims
