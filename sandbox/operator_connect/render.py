"""Operator Connect's wire format: JSON, errors as problem details."""

from __future__ import annotations

from flask import Response, jsonify

from sandbox.core.errors import VendorError


def render_error(error: VendorError) -> Response:
    """An RFC 7807 problem-details body."""
    response = jsonify({"title": error.message, "status": error.status})
    response.status_code = error.status
    response.mimetype = "application/problem+json"
    return response
