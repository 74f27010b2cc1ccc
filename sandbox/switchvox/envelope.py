"""Reading an Extend request: the `<request method>` / `{"request": ...}` envelope, and uploads.

As the public clients send them (digium/PySwitchvox, the Perl module, the Ruby gem): bodies are
parsed by endpoint (/xml or /json), whatever the Content-Type says; XML parameters come as child
elements and as attributes of `<parameters>`; JSON envelopes may carry extra keys (ignored); uploads
are multipart with a `request` part and a `csv_file` (or `file`) part.
The body is parsed once per request and cached in the Call's notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from flask import Request, g, request

from sandbox.core import xmlio
from sandbox.switchvox.exceptions import SwitchvoxError, coded

NOTE_KEY = "switchvox.request"
FILE_PARTS = ("csv_file", "file")


@dataclass(frozen=True)
class ExtendRequest:
    """One parsed Extend call."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)


def _notes() -> dict[str, Any]:
    call = g.get("sandbox_call")
    if call is not None:
        return call.notes  # type: ignore[no-any-return]
    if not hasattr(g, "switchvox_notes"):
        g.switchvox_notes = {}
    return g.switchvox_notes  # type: ignore[no-any-return]


def parse_request() -> ExtendRequest:
    """The request being served, parsed once (raises the Extend error for a body that is not one)."""
    notes = _notes()
    if NOTE_KEY not in notes:
        try:
            notes[NOTE_KEY] = _parse(request)
        except SwitchvoxError as exc:
            notes[NOTE_KEY] = exc
    cached = notes[NOTE_KEY]
    if isinstance(cached, SwitchvoxError):
        raise cached
    return cached  # type: ignore[no-any-return]


def requested_method() -> str:
    """The method the body names, or "" (never raises)."""
    try:
        return parse_request().method
    except Exception:
        return ""


def operation(req: Request) -> str | None:
    """The operation for the journal and fault rules: the Switchvox method name (never raises)."""
    return requested_method() or None


def _is_json(req: Request) -> bool:
    return req.path.rstrip("/").endswith("/json")


def _parse(req: Request) -> ExtendRequest:
    files: dict[str, bytes] = {}
    if req.mimetype.startswith("multipart/"):
        text = _multipart_request(req, files)
    else:
        text = _decode(req.get_data(cache=True))
    if not text.strip():
        raise coded(10001)
    method, params = _parse_json(text) if _is_json(req) else _parse_xml(text)
    return ExtendRequest(method, params, files)


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _multipart_request(req: Request, files: dict[str, bytes]) -> str:
    for name in FILE_PARTS:
        if name in req.files:
            files[name] = req.files[name].read()
        elif name in req.form:
            files[name] = req.form[name].encode("utf-8")
    if "request" in req.form:
        return str(req.form["request"])
    if "request" in req.files:
        return _decode(req.files["request"].read())
    return ""


def _parse_xml(text: str) -> tuple[str, dict[str, Any]]:
    try:
        document = xmlio.parse(text)
    except xmlio.XmlParseError as exc:
        raise coded(10002, f"XML: {exc}") from None
    root = document.get("request")
    if not isinstance(root, dict) or not str(root.get("@method") or "").strip():
        raise coded(10004)
    params = root.get("parameters")
    try:
        return str(root["@method"]).strip(), _xml_params(params) if isinstance(params, dict) else {}
    except RecursionError:
        raise coded(10002, "XML: parameters nested too deeply") from None


def _xml_params(node: dict[str, Any]) -> dict[str, Any]:
    """`<parameters a="1"><b>2</b></parameters>` -> {"a": "1", "b": "2"}; nested lists kept as trees."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "#text":
            continue
        out[key.lstrip("@")] = _xml_value(value)
    return out


def _xml_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return [_xml_value(v) for v in value]
    if isinstance(value, dict):
        if "#text" in value and all(key.startswith("@") for key in value if key != "#text"):
            return value["#text"]  # `<extension type="x">100</extension>`: the text is the value
        return _xml_params(value)
    return value


def _parse_json(text: str) -> tuple[str, dict[str, Any]]:
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise coded(10002, f"JSON: {exc}") from None
    except RecursionError:
        raise coded(10002, "JSON: nested too deeply") from None
    if document == {}:
        raise coded(10001)
    root = document.get("request") if isinstance(document, dict) else None
    method = root.get("method") if isinstance(root, dict) else None
    if not isinstance(method, str) or not method.strip():
        raise coded(10004)
    params = root.get("parameters")  # type: ignore[union-attr]
    return method.strip(), params if isinstance(params, dict) else {}
