"""Switchvox's routes: `/xml` and `/json`, one endpoint each, dispatching on the request's method.

Endpoint names are the contract's operationIds; the journal and fault rules see the Switchvox
method name instead (see `envelope.operation`).
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Blueprint, Response, request

from sandbox.core import reuse
from sandbox.core.context import current_clock, current_tenant
from sandbox.switchvox import render
from sandbox.switchvox.envelope import parse_request
from sandbox.switchvox.exceptions import coded
from sandbox.switchvox.methods import Context, lookup
from sandbox.switchvox.models.auth import Caller, authenticate

HTTP_METHODS = ["GET", "POST"]  # HEAD comes with GET


def blueprint() -> Blueprint:
    """The Switchvox blueprint (mounted at /switchvox; at the root of a single-vendor listener)."""
    bp = Blueprint("switchvox", __name__)
    bp.add_url_rule("/xml", "extendXml", extend, methods=HTTP_METHODS)
    bp.add_url_rule("/json", "extendJson", extend, methods=HTTP_METHODS)
    return bp


def _authorization() -> tuple[str | None, Mapping[str, str]]:
    auth = request.authorization
    if auth is None:
        return None, {}
    fields = {k: str(v) for k, v in auth.parameters.items()}
    if auth.type == "basic":
        fields = {"username": auth.username or "", "password": auth.password or ""}
    return auth.type, fields


def caller() -> Caller:
    """The authenticated account (HTTP 401 with the Digest challenge otherwise)."""
    scheme, fields = _authorization()
    return authenticate(current_tenant(), current_clock(), scheme, fields, request.method)


def extend() -> Response:
    """POST /xml and /json (GET and HEAD too, as a browser or a probing client sends them)."""
    who = caller()
    if request.method == "HEAD":
        return Response(
            status=200, mimetype=render.JSON_MIMETYPE if render.wants_json() else render.XML_MIMETYPE
        )
    call = parse_request()
    method = lookup(call.method)
    if method is None:
        raise coded(10003, call.method)
    who.require(method.right, call.method, method.scope)
    if method.reusable:
        reuse.allow()  # one that reads the clock (current calls, call logs) is still never reused
    data = method.handler(Context(current_tenant(), current_clock(), call, who))
    return render.result(call.method, method.render(data))
