"""Omilia's routes: thin views that parse, call one model, and render.

Endpoint names are the contract's operationIds (fault rules and the journal use them).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from flask import Blueprint, Response, request

from sandbox.core.context import current_clock, current_tenant
from sandbox.omilia import render
from sandbox.omilia.models.identity import Caller, authenticate, issue_tokens
from sandbox.omilia.models.numbers import NumberBook

API = "/integrations/api"


def blueprint() -> Blueprint:
    """The Omilia blueprint (mounted at /omilia)."""
    bp = Blueprint("omilia", __name__)
    bp.add_url_rule(
        "/auth/realms/<realm>/protocol/openid-connect/token", "issueToken", issue_token, methods=["POST"]
    )
    bp.add_url_rule(f"{API}/numbers", "listNumbers", list_numbers, methods=["GET"])
    # Routes of other resources (numbers sets, CSV batch) live in their own modules, each
    # exposing `register(bp)`; they plug in here when present.
    for module in _extra_route_modules():
        module.register(bp)
    return bp


EXTRA_ROUTE_MODULES = ("sandbox.omilia.routes_sets", "sandbox.omilia.routes_batch")


def _extra_route_modules() -> Iterator[ModuleType]:
    """The optional route modules that exist (each has `register(bp)`)."""
    for name in EXTRA_ROUTE_MODULES:
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


def caller() -> Caller:
    """The authenticated caller of an integrations route (401 otherwise)."""
    return authenticate(current_tenant(), current_clock(), request.headers.get("Authorization"))


def params() -> dict[str, Any]:
    """Parameters from a JSON body (as the doc says) overlaid by the query string (as clients send)."""
    body = request.get_json(silent=True) if request.content_length else None
    merged: dict[str, Any] = dict(body) if isinstance(body, dict) else {}
    merged.update(request.args.to_dict())
    return merged


def issue_token(realm: str) -> Response:
    """POST /auth/realms/{realm}/protocol/openid-connect/token (password and refresh grants)."""
    issuer = request.host_url.rstrip("/") + request.script_root + "/omilia"
    body = issue_tokens(current_tenant(), current_clock(), realm, request.form.to_dict(), issuer)
    response = render.json_response(body)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


def list_numbers() -> Response:
    """GET /api/numbers."""
    return render.number_page(NumberBook(current_tenant()).list(caller(), params()))
