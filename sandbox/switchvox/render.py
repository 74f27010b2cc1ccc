"""Switchvox's wire format: `<response>` envelopes in XML or JSON."""

from __future__ import annotations

from flask import Response

from sandbox.core import xmlio
from sandbox.core.errors import VendorError


def render_error(error: VendorError) -> Response:
    """`<response><errors><error code=".." message=".."/></errors></response>`."""
    document = {"response": {"errors": {"error": {"@code": str(error.code), "@message": error.message}}}}
    return Response(xmlio.render(document, declaration=False), status=error.status, mimetype="text/xml")
