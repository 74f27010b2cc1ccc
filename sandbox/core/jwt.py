"""RS256 JSON Web Tokens: the tokens the sandbox hands out, and the JWKS that verifies them.

Keycloak (Omilia) and Entra (Operator Connect) both sign RS256 with a key named by `kid` and
publish the public half as a JWKS, so a client that validates tokens with a standard JWT library
can do so against the sandbox. The key pair is made once per process (never stored in the
source), unless a PEM private key is installed with `use_private_key` (e.g. from a world file).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # cryptography is loaded at the first key, not at start
    from cryptography.hazmat.primitives.asymmetric import rsa


class TokenError(ValueError):
    """A token that is malformed or whose signature does not verify."""


TIME_CLAIMS = ("exp", "nbf", "iat")
"""NumericDate claims (RFC 7519 §2): when present, a finite number of seconds in years 1970 to 9999."""
MAX_NUMERIC_DATE = 253_402_300_799  # 9999-12-31T23:59:59Z


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int_b64(value: int) -> str:
    return _b64(value.to_bytes((value.bit_length() + 7) // 8, "big"))


@dataclass(frozen=True)
class SigningKey:
    """An RSA key pair and its key id (the RFC 7638 thumbprint of its public JWK)."""

    private: rsa.RSAPrivateKey
    kid: str

    @classmethod
    def of(cls, private: rsa.RSAPrivateKey) -> SigningKey:
        """Wrap a private key, naming it by its thumbprint."""
        numbers = private.public_key().public_numbers()
        canonical = json.dumps(
            {"e": _int_b64(numbers.e), "kty": "RSA", "n": _int_b64(numbers.n)}, separators=(",", ":")
        )
        return cls(private, _b64(hashlib.sha256(canonical.encode()).digest()))

    def public_jwk(self) -> dict[str, Any]:
        """The public key as a JWK, as Keycloak's and Entra's JWKS endpoints list it."""
        numbers = self.private.public_key().public_numbers()
        return {
            "kid": self.kid,
            "kty": "RSA",
            "alg": "RS256",
            "use": "sig",
            "n": _int_b64(numbers.n),
            "e": _int_b64(numbers.e),
        }

    def private_pem(self) -> str:
        """The private key as unencrypted PKCS#8 PEM (for a world file)."""
        from cryptography.hazmat.primitives import serialization

        return self.private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode("ascii")


_lock = threading.Lock()
_key: SigningKey | None = None
_epoch = 0
"""Counts the changes of the signing key (an answer given to a token is right only under its key)."""


def epoch() -> int:
    """Which signing key is in use: a number that changes whenever `use_private_key` changes it."""
    return _epoch


def signing_key() -> SigningKey:
    """This process's signing key, made on first use."""
    global _key
    with _lock:
        if _key is None:
            from cryptography.hazmat.primitives.asymmetric import rsa

            _key = SigningKey.of(rsa.generate_private_key(public_exponent=65537, key_size=2048))
        return _key


def use_private_key(pem: str | bytes) -> SigningKey:
    """Sign with this PEM private key from now on; TokenError if it is not an RSA private key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    global _key, _epoch
    try:
        private = serialization.load_pem_private_key(pem.encode() if isinstance(pem, str) else pem, None)
    except (ValueError, TypeError) as exc:
        raise TokenError("not a PEM private key") from exc
    if not isinstance(private, rsa.RSAPrivateKey):
        raise TokenError("not an RSA private key")
    with _lock:
        _key = SigningKey.of(private)
        _epoch += 1
        _verified.cache_clear()
        _decoded.cache_clear()
        return _key


def jwks() -> dict[str, Any]:
    """The JWKS document that verifies every token this process signs."""
    return {"keys": [signing_key().public_jwk()]}


def encode(claims: dict[str, Any], *, header: dict[str, Any] | None = None) -> str:
    """Sign `claims` as a compact JWS (RS256, with this process's `kid`)."""
    key = signing_key()
    head = {"alg": "RS256", "typ": "JWT", **(header or {}), "kid": key.kid}
    parts = [_b64(json.dumps(part, separators=(",", ":")).encode()) for part in (head, claims)]
    signing_input = ".".join(parts)
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    signature = key.private.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{_b64(signature)}"


@functools.lru_cache(maxsize=4096)
def _verified(signing_input: bytes, signature: bytes, kid: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    key = signing_key()
    if kid != key.kid:
        return False
    try:
        key.private.public_key().verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


def decode(token: str) -> dict[str, Any]:
    """The claims of a token signed by this process; TokenError if it is not one.

    A client sends the same token with every request: its claims are kept once checked (a copy is
    returned), so a request pays a lookup, not two base64 and JSON decodings and a signature check.
    """
    return dict(_decoded(token))


@functools.lru_cache(maxsize=4096)
def _decoded(token: str) -> dict[str, Any]:
    try:
        head_b64, claims_b64, sig_b64 = token.split(".")
        head = json.loads(_unb64(head_b64))
        if not isinstance(head, dict) or head.get("alg") != "RS256":
            raise TokenError("not an RS256 token")
        signing_input = f"{head_b64}.{claims_b64}".encode("ascii")
        if not _verified(signing_input, _unb64(sig_b64), str(head.get("kid"))):
            raise TokenError("bad signature")
        claims = json.loads(_unb64(claims_b64))
    except TokenError:
        raise
    except (ValueError, UnicodeError) as exc:
        raise TokenError("malformed token") from exc
    if not isinstance(claims, dict):
        raise TokenError("malformed claims")
    check_time_claims(claims)
    return claims


def check_time_claims(claims: dict[str, Any]) -> None:
    """TokenError unless every time claim present is a NumericDate a clock can compare."""
    for name in TIME_CLAIMS:
        if name not in claims:
            continue
        value = claims[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TokenError(f"claim {name} is not a number")
        if not math.isfinite(value) or not 0 <= value <= MAX_NUMERIC_DATE:
            raise TokenError(f"claim {name} is out of range")
