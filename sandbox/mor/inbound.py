"""The checks every MOR function makes first, with that function's hashed parameters."""

from __future__ import annotations

from flask import request

from sandbox.core.context import current_tenant
from sandbox.mor import transport
from sandbox.mor.functions import FUNCTIONS
from sandbox.mor.models.access import Caller, authenticate


def call(function: str) -> tuple[Caller, dict[str, str]]:
    """The caller and the merged parameters of a request to `function` (MOR's common checks passed)."""
    params = transport.params(request)
    return authenticate(current_tenant(), request.method, params, FUNCTIONS[function].hashed), params
