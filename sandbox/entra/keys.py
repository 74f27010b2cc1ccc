"""The signing keys document, `/{tenant}/discovery/v2.0/keys` (the discovery document's `jwks_uri`).

learn.microsoft.com "Signing key rollover": validators fetch the public keys from the JWKS the
discovery document names. Each key is an RFC 7517 RSA key with `kid`, `x5t` (the same value, as in
the token header of v1.0 tokens) and `x5c`, a certificate of the key. The key is the process's own
(sandbox.core.jwt): made at first use, never stored in the source.
"""

from __future__ import annotations

import base64
import datetime
import functools
from typing import Any

from sandbox.core import jwt


@functools.lru_cache(maxsize=4)
def _certificate(kid: str) -> str:
    """A self-signed certificate of the signing key named `kid` (base64 DER, as `x5c` holds it)."""
    from cryptography import x509  # deferred: x509 is loaded when the JWKS is first asked for
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    key = jwt.signing_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "accounts.accesscontrol.windows.net")])
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.private.public_key())
        .serial_number(int.from_bytes(kid.encode()[:16], "big") or 1)
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=3650))
        .sign(key.private, hashes.SHA256())
    )
    return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode("ascii")


def token_header() -> dict[str, str]:
    """The extra header of a v1.0 access token: `x5t`, the same value as `kid`."""
    return {"x5t": jwt.signing_key().kid}


def signing_keys() -> dict[str, Any]:
    """The JWKS: every public key that verifies the tokens this sandbox issues."""
    keys = []
    for jwk in jwt.jwks()["keys"]:
        keys.append(
            {
                "kty": jwk["kty"],
                "use": "sig",
                "kid": jwk["kid"],
                "x5t": jwk["kid"],
                "n": jwk["n"],
                "e": jwk["e"],
                "x5c": [_certificate(jwk["kid"])],
                "alg": jwk.get("alg", "RS256"),
            }
        )
    return {"keys": keys}
