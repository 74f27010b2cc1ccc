"""Who may call the MOR API: the API settings, the user named by `u`, and the request hash.

Hash (MOR_API_hash_construction): lowercase hex SHA1 of the values of the method's hashed
parameters, in the order the method's page lists them, with the user's API secret key appended.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.core.store import TenantState
from sandbox.mor.exceptions import (
    AccessDenied,
    ApiRequestsDisabled,
    GetRequestsDisabled,
    IncorrectHash,
    NotAuthorized,
)
from sandbox.mor.world import SETTINGS_ID, settings

HASH_LENGTH = 40


@dataclass(frozen=True)
class Caller:
    """The user a request acts as."""

    username: str
    user_id: str
    usertype: str

    @property
    def is_admin(self) -> bool:
        """Whether the caller is MOR's admin (who cannot own autodialer campaigns)."""
        return self.usertype == "admin"


def compute_hash(values: list[str], secret: str) -> str:
    """SHA1 of the values joined without separators, then the secret."""
    return hashlib.sha1(("".join(values) + secret).encode("utf-8")).hexdigest()


def api_settings(tenant: TenantState) -> Mapping[str, Any]:
    """The tenant's API settings record (defaults when absent)."""
    return tenant.collection("mor", "settings").get(SETTINGS_ID) or settings()


def find_user(tenant: TenantState, u: str) -> Mapping[str, Any] | None:
    """A user by username, or by user ID (the statistics page allows either)."""
    users = tenant.collection("mor", "users")
    found = users.get(u)
    if found is None:
        matches = users.find("id", u)
        found = matches[0] if matches else None
    return found


def authenticate(
    tenant: TenantState, method: str, params: Mapping[str, str], hashed: tuple[str, ...]
) -> Caller:
    """Apply MOR's checks in its order: API on, GET allowed, known user, correct hash."""
    config = api_settings(tenant)
    if not config.get("allow_api", True):
        raise ApiRequestsDisabled()
    if method in ("GET", "HEAD") and not config.get("allow_get_api", False):
        raise GetRequestsDisabled()
    username = params.get("u", "")
    user = find_user(tenant, username) if username else None
    if user is None:
        raise AccessDenied()
    if not config.get("disable_hash_checking", False):
        given = params.get("hash", "")
        # MOR's server source counts a hash only when it is exactly 40 characters long.
        if len(given) != HASH_LENGTH:
            raise IncorrectHash()
        expected = compute_hash(
            [params.get(name, "") for name in hashed], str(user.get("api_secret_key", ""))
        )
        if given != expected:
            raise IncorrectHash()
    return Caller(
        username=user["username"], user_id=str(user.get("id", "")), usertype=str(user.get("usertype"))
    )


def require_campaign_owner(caller: Caller) -> None:
    """Only simple users own and run campaigns (Auto-Dialer_Addon: the admin cannot create them)."""
    if caller.is_admin:
        raise NotAuthorized()
