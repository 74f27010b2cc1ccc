"""Switchvox's wire format: `<response method="...">` envelopes in XML, and their JSON rendering.

Models return results as xmltodict trees (`@name` attributes, lists for repeated elements). The XML
endpoint writes them as they are; the JSON endpoint renders the same tree the way Switchvox's /json
handler does (as the public clients read it: digium/PySwitchvox, the Ruby gem's fixtures):
attributes become string values, one child element becomes an object and several an array, an empty
element an empty object.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Response, request

from sandbox.core import xmlio
from sandbox.core.errors import VendorError

XML_MIMETYPE = "text/xml"
JSON_MIMETYPE = "application/json"


def wants_json() -> bool:
    """Whether the request came to the /json endpoint (the format follows the endpoint)."""
    return request.path.rstrip("/").endswith("/json")


def to_json_value(node: Any) -> Any:
    """One xmltodict node as Switchvox writes it in JSON."""
    if node is None:
        return {}
    if isinstance(node, list):
        items = [to_json_value(item) for item in node]
        return items[0] if len(items) == 1 else items
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            name = key[1:] if key.startswith("@") else key
            if key.startswith("@"):
                out[name] = "" if value is None else str(value)
            elif isinstance(value, list) and not value:
                continue
            else:
                out[name] = to_json_value(value)
        return out
    return str(node)


def envelope(method: str, body: dict[str, Any]) -> dict[str, Any]:
    """`<response method="..">` around `body` (`{"result": ...}` or `{"errors": ...}`)."""
    head = {"@method": method} if method else {}
    return {"response": {**head, **body}}


def render(
    method: str, body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """The response envelope in the format of the endpoint that was called."""
    document = envelope(method, body)
    if wants_json():
        payload = json.dumps(to_json_value(document), ensure_ascii=False)
        response = Response(payload, status=status, mimetype=JSON_MIMETYPE)
    else:
        # No XML declaration: Switchvox answers with the bare <response> element.
        response = Response(xmlio.render(document, declaration=False), status=status, mimetype=XML_MIMETYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def result(method: str, tree: dict[str, Any]) -> Response:
    """A successful call: `<response method=".."><result>...</result></response>`."""
    return render(method, {"result": tree})


def errors_tree(errors: list[tuple[Any, str]]) -> dict[str, Any]:
    """`<errors><error code=".." message=".."/>...</errors>` (attributes: the Perl client needs them)."""
    items = [{"@code": str(code), "@message": message} for code, message in errors]
    return {"errors": {"error": items[0] if len(items) == 1 else items}}


def render_error(error: VendorError) -> Response:
    """Any Switchvox error, in the endpoint's format, with the method the request named.

    The 401 answer names no method: the body of an unauthenticated request is not read.
    """
    from sandbox.switchvox.envelope import requested_method  # the parse is cached per request

    method = "" if error.status == 401 else requested_method()
    return render(method, errors_tree([(error.code, error.message)]), status=error.status)
