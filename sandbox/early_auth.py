"""Credentials checked from the headers alone, before a large body is read, where the vendor allows it.

Omilia and Operator Connect take a bearer token and Switchvox Digest or Basic credentials in the
`Authorization` header, so a request with a large (or chunked) body that would be refused anyway is
answered with the vendor's own 401 before a byte of its body is read. MOR signs its parameters in
the body and Entra takes its client secret in the form, so theirs can only be checked afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import request

from sandbox.core.context import current_clock, current_tenant
from sandbox.omilia import inbound
from sandbox.operator_connect.models.auth import authenticate as operator_connect_authenticate
from sandbox.switchvox import routes as switchvox_routes


def _omilia(path: str) -> None:
    if path.startswith(inbound.API.rsplit("/", 1)[0] + "/"):  # the integrations API; not the token endpoint
        inbound.caller()


def _operator_connect(path: str) -> None:
    if "/api/" in path:
        operator_connect_authenticate(current_tenant(), current_clock(), request.headers.get("Authorization"))


def _switchvox(path: str) -> None:
    switchvox_routes.caller()


EARLY_AUTH: dict[str, Callable[[str], None]] = {
    "omilia": _omilia,
    "operator-connect": _operator_connect,
    "switchvox": _switchvox,
}
"""Vendor name -> a check of the request's headers that raises the vendor's 401."""
