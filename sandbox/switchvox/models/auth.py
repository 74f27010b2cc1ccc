"""Who is calling: Digest (realm `switchvox_api_auth`, qop=auth or RFC 2069) or Basic credentials.

What the public clients do: the Perl client registers credentials for the realm `switchvox_api_auth` only; the
Ruby gem reuses one challenge forever, so a nonce never goes stale; newer clients send Basic
preemptively. Admin accounts carry an access level; an extension may log in with its own password
(Extend API overview: it "can only use the 'users' functionality of the API, and the tasks you do
will apply to that extension").
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import REALM, SwitchvoxError, coded, unauthorized

NONCE_KEY = b"switchvox-sandbox-digest-nonce"
OPAQUE = "5ccc069c403ebaf9f0171e9517f40e41"
ACCESS: dict[str, frozenset[str]] = {
    "full": frozenset({"read", "write"}),
    "read_only": frozenset({"read"}),
    "user": frozenset(),
}


USERS_SCOPE = "users"


@dataclass(frozen=True)
class Caller:
    """An authenticated account (an admin, or an extension by its number) and what it may do."""

    username: str
    access: str
    account_id: str | None = None
    """The extension's own account id when an extension logged in (None for admin accounts)."""

    @property
    def is_extension(self) -> bool:
        """Whether an extension (not an admin account) logged in."""
        return self.account_id is not None

    def require(self, right: str, method: str, scope: str = "admin") -> None:
        """Raise 10403 (HTTP 200) unless this account may call `method` (its `scope` and `right`).

        An extension may call the `users` methods only, each on its own account; an admin account
        may call every method its access level grants `right` for.
        """
        if self.is_extension:
            if scope != USERS_SCOPE:
                raise coded(10403, method)
            return
        if right not in ACCESS.get(self.access, frozenset()):
            raise coded(10403, method)


def make_nonce(now: float) -> str:
    """A fresh nonce: its issue time (epoch seconds `now`) and an HMAC of it (verifiable, never stale)."""
    stamp = f"{int(now * 1000):x}"
    return stamp + hmac.new(NONCE_KEY, stamp.encode(), hashlib.sha256).hexdigest()[:32]


def nonce_valid(nonce: str) -> bool:
    """Whether `nonce` is one this sandbox issued (at any time)."""
    stamp, mac = nonce[:-32], nonce[-32:]
    if not stamp:
        return False
    expected = hmac.new(NONCE_KEY, stamp.encode(), hashlib.sha256).hexdigest()[:32]
    return hmac.compare_digest(mac, expected)


def challenge(now: float) -> str:
    """The WWW-Authenticate Digest challenge, its nonce issued at `now`."""
    return f'Digest realm="{REALM}", qop="auth", nonce="{make_nonce(now)}", opaque="{OPAQUE}", algorithm=MD5'


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def digest_response(fields: Mapping[str, str], password: str, http_method: str) -> str:
    """The response hash a client holding `password` computes for these Digest fields."""
    ha1 = _md5(f"{fields.get('username', '')}:{REALM}:{password}")
    ha2 = _md5(f"{http_method}:{fields.get('uri', '')}")
    qop = fields.get("qop")
    if qop:
        return _md5(
            f"{ha1}:{fields.get('nonce', '')}:{fields.get('nc', '')}:{fields.get('cnonce', '')}:{qop}:{ha2}"
        )
    return _md5(f"{ha1}:{fields.get('nonce', '')}:{ha2}")  # RFC 2069


def _account(tenant: TenantState, username: str) -> tuple[str, Caller] | None:
    """(password, caller) of an admin account, or of an extension logging in by its number."""
    admin = tenant.collection("switchvox", "admins").get(username)
    if admin is not None:
        return str(admin.get("password", "")), Caller(username, str(admin.get("access", "read_only")))
    for ext in tenant.collection("switchvox", "extensions").find("number", username):
        return str(ext.get("password", "")), Caller(username, "user", str(ext["account_id"]))
    return None


def _same(given: str, expected: str) -> bool:
    """A constant-time comparison that takes any text (compare_digest refuses non-ASCII str)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def authenticate(
    tenant: TenantState, clock: Clock, scheme: str | None, fields: Mapping[str, str], http_method: str
) -> Caller:
    """The caller, from a parsed Authorization header (401 with a fresh challenge otherwise)."""
    username = fields.get("username") or ""
    account = _account(tenant, username) if username else None
    if account is None:
        raise _failure(clock)
    password, caller = account
    if not password:
        raise _failure(clock)  # an extension without a web password cannot log in
    if (scheme or "").lower() == "basic":
        if not _same(fields.get("password", ""), password):
            raise _failure(clock)
        return caller
    if (scheme or "").lower() != "digest":
        raise _failure(clock)
    _check_digest(fields, password, http_method, clock)
    return caller


def _failure(clock: Clock) -> SwitchvoxError:
    """The 401 with a fresh challenge (its nonce made from the clock only when it is sent)."""
    return unauthorized(challenge(clock.time()))


def _check_digest(fields: Mapping[str, str], password: str, http_method: str, clock: Clock) -> None:
    if fields.get("realm") != REALM or not nonce_valid(fields.get("nonce", "")):
        raise _failure(clock)
    if fields.get("algorithm", "MD5").upper() != "MD5":
        raise _failure(clock)
    if fields.get("qop") not in (None, "", "auth"):
        raise _failure(clock)
    expected = digest_response(fields, password, http_method)
    if not _same(expected, (fields.get("response") or "").lower()):
        raise _failure(clock)
