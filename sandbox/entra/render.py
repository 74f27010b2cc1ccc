"""The identity platform's wire format: token responses and AADSTS error bodies."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone
from typing import Any

from flask import Response, g, jsonify, request

from sandbox.core.clock import Clock
from sandbox.core.errors import VendorError


def no_store(body: dict[str, Any], status: int = 200) -> Response:
    """A JSON response the client must not cache (as every token endpoint answer is)."""
    response = jsonify(body)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store, no-cache"
    response.headers["Pragma"] = "no-cache"
    return response


def _now() -> float:
    call = g.get("sandbox_call")
    return Clock(call.tenant).time() if call is not None else time.time()


def render_error(error: VendorError) -> Response:
    """The identity platform's error body: `error`, `error_description`, `error_codes`, ids, `timestamp`."""
    aadsts = int(getattr(error, "aadsts", 90014))
    stamp = datetime.fromtimestamp(_now(), tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
    trace_id = str(uuid.uuid4())
    correlation_id = request.headers.get("client-request-id") or str(uuid.uuid4())
    description = (
        f"AADSTS{aadsts}: {error.message}\r\nTrace ID: {trace_id}\r\n"
        f"Correlation ID: {correlation_id}\r\nTimestamp: {stamp}"
    )
    body = {
        "error": error.code or "invalid_request",
        "error_description": description,
        "error_codes": [aadsts],
        "timestamp": stamp,
        "trace_id": trace_id,
        "correlation_id": correlation_id,
        "error_uri": f"https://login.microsoftonline.com/error?code={aadsts}",
    }
    response = no_store(body, error.status)
    if error.status == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="login.microsoftonline.com"'
    return response
