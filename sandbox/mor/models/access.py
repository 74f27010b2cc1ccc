"""Who may call the MOR API: the API settings, the user named by `u`, and the request hash.

Hash (MOR_API_hash_construction): lowercase hex SHA1 of the values of the method's hashed
parameters, in the order the method's page lists them, with the API Secret Key appended. The key
is ONE system setting (API_Configuration: SETTINGS -> Setup -> Settings -> API tab), so the same
key signs every user's calls, as the public PHP client laravel-kolmisoft does with its one
`auth_key`; only a reseller has a key of his own (in his settings), when his record names one.
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


def secret_key(config: Mapping[str, Any], user: Mapping[str, Any]) -> str:
    """The API Secret Key that signs `user`'s calls: the system's, or a reseller's own."""
    if user.get("usertype") == "reseller" and user.get("api_secret_key"):
        return str(user["api_secret_key"])
    return str(config.get("api_secret_key", settings()["api_secret_key"]))


def check_transport(tenant: TenantState, method: str) -> Mapping[str, Any]:
    """The first two checks: the API is on, and a GET only when GET API is allowed; the settings."""
    config = api_settings(tenant)
    if not config.get("allow_api", True):
        raise ApiRequestsDisabled()
    if method in ("GET", "HEAD") and not config.get("allow_get_api", False):
        raise GetRequestsDisabled()
    return config


def authenticate(
    tenant: TenantState, method: str, params: Mapping[str, str], hashed: tuple[tuple[str, ...], ...]
) -> Caller:
    """Apply MOR's checks in its order: API on, GET allowed, known user, correct hash.

    `hashed` lists the orders of hashed parameters a function accepts (one, unless its pages disagree).
    """
    config = check_transport(tenant, method)
    username = params.get("u", "")
    user = find_user(tenant, username) if username else None
    if user is None:
        raise AccessDenied()
    if not config.get("disable_hash_checking", False):
        given = params.get("hash", "")
        # MOR's server source counts a hash only when it is exactly 40 characters long.
        if len(given) != HASH_LENGTH:
            raise IncorrectHash()
        key = secret_key(config, user)
        if not any(given == compute_hash([params.get(name, "") for name in order], key) for order in hashed):
            raise IncorrectHash()
    return Caller(
        username=user["username"], user_id=str(user.get("id", "")), usertype=str(user.get("usertype"))
    )


def require_campaign_owner(caller: Caller) -> None:
    """Only simple users own and run campaigns (Auto-Dialer_Addon: the admin cannot create them)."""
    if caller.is_admin:
        raise NotAuthorized()
