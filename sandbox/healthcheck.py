"""`python -m sandbox.healthcheck`: the Docker HEALTHCHECK, following SANDBOX_PORT and SANDBOX_TLS.

Exit 0 when `GET /__sandbox/health` of the local listener answers 200, else 1. It reads the same
variables as `serve` (SANDBOX_HOST, SANDBOX_PORT, SANDBOX_TLS, SANDBOX_CERT), so a container started
with another port or with TLS is still seen healthy.
"""

from __future__ import annotations

import os
import ssl
import sys
import urllib.request
from collections.abc import Callable, Mapping
from typing import TypeVar

from sandbox.cli_values import boolean, port

T = TypeVar("T")
WILDCARDS = ("", "0.0.0.0", "::", "[::]")


def health_url(environ: Mapping[str, str]) -> str:
    """The health URL of the listener the SANDBOX_* variables describe."""
    host = environ.get("SANDBOX_HOST", "")
    host = "127.0.0.1" if host in WILDCARDS else host
    host = f"[{host}]" if ":" in host else host
    listen = _parsed(environ, "SANDBOX_PORT", port, "8080")
    tls = _parsed(environ, "SANDBOX_TLS", boolean, "0") or bool(environ.get("SANDBOX_CERT"))
    return f"{'https' if tls else 'http'}://{host}:{listen}/__sandbox/health"


def _parsed(environ: Mapping[str, str], name: str, parse: Callable[[str], T], default: str) -> T:
    raw = environ.get(name) or default
    try:
        return parse(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw}: {exc}") from None


def main(environ: Mapping[str, str] = os.environ) -> int:
    """Probe the listener once; 0 when healthy."""
    try:
        url = health_url(environ)
        context = ssl._create_unverified_context()  # its own self-signed certificate, on loopback
        with urllib.request.urlopen(url, timeout=3, context=context) as response:
            healthy = response.status == 200
    except (OSError, ValueError) as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1
    return 0 if healthy else 1


if __name__ == "__main__":
    raise SystemExit(main())
