"""Reading an Omilia request: the authenticated caller, its JSON body, its listing parameters."""

from __future__ import annotations

import json
from typing import Any

from flask import request

from sandbox.core.context import current_clock, current_tenant
from sandbox.omilia.exceptions import BadRequest
from sandbox.omilia.models.identity import Caller, authenticate

API = "/integrations/api"


def caller() -> Caller:
    """The authenticated caller of an integrations route (401 otherwise)."""
    return authenticate(current_tenant(), current_clock(), request.headers.get("Authorization"))


def params() -> dict[str, Any]:
    """Parameters from a JSON body (as the doc says) overlaid by the query string (as clients send)."""
    try:
        body = json_body()
    except BadRequest:  # a body that does not parse is ignored on this GET
        body = {}
    merged: dict[str, Any] = dict(body)
    merged.update(request.args.to_dict())
    return merged


def json_body(*, required: bool = False) -> dict[str, Any]:
    """The JSON object a route expects (any Content-Type); an empty body is `{}` unless `required`."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        if required:
            raise BadRequest("Required request body is missing")
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise BadRequest("Malformed JSON request body") from None
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object")
    return body
