"""How MOR reads a request: parameters from the query string, the form and a JSON body, merged.

Rails merges the query string with the body's parameters (the body wins); MOR's clients send
`u`, `id`, `hash` in the query (the doc's curl line), in multipart fields (the doc's Node.js form)
or in a JSON body (a PHP client): all three are read
(wiki.kolmisoft.com/index.php/MOR_API_autodialer_upload_numbers).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Request

from sandbox.mor.models.campaigns import Upload

FUNCTION_PATH = re.compile(r"/billing/api/([^/]+)/?$")


def _text(value: Any) -> str | None:
    """A JSON scalar as Rails would hand it to MOR (`1` -> "1", `true` -> "true", null -> "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None  # objects and arrays are no MOR parameter


def params(request: Request) -> dict[str, str]:
    """The request's parameters: query string, then form fields, then a JSON object body."""
    # Rack keeps the last value of a repeated parameter (`u=a&u=b` is "b").
    merged: dict[str, str] = {name: values[-1] for name, values in request.args.lists()}
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        merged.update((name, values[-1]) for name, values in request.form.lists())
    if request.is_json:
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # nested deeper than the JSON parser goes: no parameters in it
            body = None
        if isinstance(body, dict):
            for name, value in body.items():
                text = _text(value)
                if text is not None:
                    merged[str(name)] = text
    return merged


def upload(request: Request) -> Upload | None:
    """The multipart part named `file`, if it names a file (its MIME type is never looked at)."""
    if request.mimetype != "multipart/form-data":
        return None
    part = request.files.get("file")
    if part is None or not part.filename:
        # A form sent with no file chosen has a `file` part with filename="": Rails (Rack) drops it.
        return None
    return Upload(filename=part.filename, content=part.read())


def function_name(request: Request) -> str | None:
    """The MOR function a path names (`autodialer_upload_numbers`), for the journal and fault rules."""
    match = FUNCTION_PATH.search(request.path)
    return match.group(1) if match else None
