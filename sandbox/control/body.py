"""The control plane's bodies: JSON read safely (a 400, never a 500), and the empty 204."""

from __future__ import annotations

from typing import Any

from flask import Response, request


def json_body() -> Any:
    """The request's JSON body, or None when it is missing, not JSON, or nested past the parser's depth."""
    try:
        return request.get_json(silent=True)
    except RecursionError:
        return None


def no_content() -> Response:
    """204 with no body and no Content-Type (never a stray `text/html`)."""
    response = Response(status=204)
    del response.headers["Content-Type"]
    return response
