"""MOR's wire format: XML documents rooted at `<page>`."""

from __future__ import annotations

from flask import Response

from sandbox.core import xmlio
from sandbox.core.errors import VendorError


def xml_response(document: dict, status: int = 200) -> Response:
    """An XML document with MOR's declaration."""
    return Response(xmlio.render(document), status=status, mimetype="application/xml")


def render_error(error: VendorError) -> Response:
    """`<page><error>MSG</error></page>`."""
    return xml_response({"page": {"error": error.message}}, error.status)
