"""Minimal HS256 JSON Web Tokens, enough to issue and check the tokens the sandbox hands out.

Real vendors sign with keys a client never sees; a client only passes the token along (or
decodes its claims without verifying), so one fixed sandbox key is faithful enough.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

SANDBOX_KEY = b"telephony-sandbox-signing-key"


class TokenError(ValueError):
    """A token that is malformed or whose signature does not verify."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(claims: dict[str, Any], *, header: dict[str, Any] | None = None, key: bytes = SANDBOX_KEY) -> str:
    """Sign `claims` as a compact JWS (HS256)."""
    head = {"alg": "HS256", "typ": "JWT", **(header or {})}
    parts = [_b64(json.dumps(part, separators=(",", ":")).encode()) for part in (head, claims)]
    signing_input = ".".join(parts)
    signature = hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def decode(token: str, *, key: bytes = SANDBOX_KEY) -> dict[str, Any]:
    """The claims of a token signed by the sandbox; TokenError if it is not one."""
    try:
        head_b64, claims_b64, sig_b64 = token.split(".")
        signing_input = f"{head_b64}.{claims_b64}".encode("ascii")
        expected = hmac.new(key, signing_input, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(sig_b64)):
            raise TokenError("bad signature")
        claims = json.loads(_unb64(claims_b64))
    except TokenError:
        raise
    except (ValueError, UnicodeError) as exc:
        raise TokenError("malformed token") from exc
    if not isinstance(claims, dict):
        raise TokenError("malformed claims")
    return claims
