"""The identity platform's wire format: JSON."""

from __future__ import annotations

from flask import Response, jsonify

from sandbox.core.errors import VendorError


def render_error(error: VendorError) -> Response:
    """`{"error": code, "error_description": message}`."""
    response = jsonify({"error": error.code, "error_description": error.message})
    response.status_code = error.status
    return response
