"""Who a MOR integration is and what it has: user details, balances, the version, logging in.

Admin may read any user; a simple user only himself (another user reads as not found, as MOR looks
users up among those the caller may see). Balances are kept in the system's default currency and
shown in the currency asked for, through the settings' exchange rates.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.core.store import TenantState
from sandbox.mor.exceptions import AccessDenied, FeatureDisabled, UserNotFound
from sandbox.mor.models.access import Caller, api_settings, find_user
from sandbox.mor.world import DEFAULT_CURRENCY


@dataclass(frozen=True)
class Balance:
    """An amount and the currency it is shown in."""

    amount: float
    currency: str


@dataclass(frozen=True)
class Login:
    """The outcome of user_login: the user's ID when it succeeded."""

    ok: bool
    user_id: str | None = None


class Accounts:
    """A tenant's MOR users as the API shows them to one caller."""

    def __init__(self, tenant: TenantState) -> None:
        self.tenant = tenant
        self.users = tenant.collection("mor", "users")
        self.config = api_settings(tenant)

    def visible(self, caller: Caller, user: Mapping[str, Any] | None) -> Mapping[str, Any]:
        """`user` if the caller may read it, else UserNotFound."""
        if user is None or not (caller.is_admin or user["username"] == caller.username):
            raise UserNotFound()
        return user

    def details(self, caller: Caller, user_id: str, username: str) -> Mapping[str, Any]:
        """user_details_get: the user named by `user_id` and/or `username` (both must agree)."""
        by_id = self.users.find("id", user_id) if user_id else []
        by_name = self.users.get(username) if username else None
        if user_id and username:
            user = by_name if by_name is not None and by_id and by_id[0]["username"] == username else None
        else:
            user = by_id[0] if by_id else by_name
        return self.visible(caller, user)

    def balance(self, caller: Caller, username: str, currency: str, user_currency: bool) -> Balance:
        """user_balance_get: needs "Allow devices to check balance over HTTP"."""
        if not self.config.get("allow_balance_check", True):
            raise FeatureDisabled()
        user = self.visible(caller, self.users.get(username) if username else None)
        wanted = user.get("currency") if user_currency or currency.upper() == "USER" else currency
        return self.convert(float(user.get("balance") or 0), str(wanted or ""))

    def simple_balance(self, caller: Caller, unique_hash: str, currency: str) -> Balance:
        """user_simple_balance_get: the balance of the user whose unique hash is `id`."""
        found = self.users.find("uniquehash", unique_hash) if unique_hash else []
        user = self.visible(caller, found[0] if found else None)
        wanted = user.get("currency") if currency.upper() == "USER" else currency
        return self.convert(float(user.get("balance") or 0), str(wanted or ""))

    def convert(self, amount: float, currency: str) -> Balance:
        """`amount` (default currency) in `currency`; an unknown or empty code means the default currency."""
        default = str(self.config.get("currency") or DEFAULT_CURRENCY)
        rates = self.config.get("exchange_rates") or {}
        code = currency.upper()
        if code not in rates:
            return Balance(amount, default)
        return Balance(amount * float(rates[code]), code)

    def version(self, caller: Caller) -> str:
        """system_version_get: the admin only (anyone else is Access Denied)."""
        if not caller.is_admin:
            raise AccessDenied()
        return str(self.config.get("version") or "")

    def login(self, username: str, password: str) -> Login:
        """user_login: the user's password checked (by username, or e-mail when it has no @-less match)."""
        user = find_user(self.tenant, username) if username else None
        if user is None and "@" in username:
            matches = self.users.find("email", username)
            user = matches[0] if matches else None
        if user is None or not hmac.compare_digest(str(user.get("password", "")), password):
            return Login(ok=False)
        return Login(ok=True, user_id=str(user["id"]))
