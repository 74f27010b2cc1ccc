"""Requests and answers as plain data: built from examples, sent over HTTP, written to cassettes.

A body is one of `{"json": value}`, `{"form": {name: value}}`, `{"multipart": {"fields": {...},
"files": {name: {"filename", "content_type", "text"}}}}`, `{"text": str}` or `{"base64": str}`, so
a cassette keeps JSON, form, multipart and XML bodies readable.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import requests

TEXT_TYPES = (
    "text/",
    "application/xml",
    "application/json",
    "+json",
    "+xml",
    "application/x-www-form-urlencoded",
)


@dataclass
class Request:
    """One request, its path relative to a vendor base URL (`server` picks which base)."""

    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    server: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The request as a JSON object."""
        data: dict[str, Any] = {"method": self.method, "path": self.path, "query": self.query}
        data["headers"] = self.headers
        data["body"] = self.body
        if self.server:
            data["server"] = self.server
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Request:
        """A request from its JSON object."""
        return cls(
            method=str(data["method"]),
            path=str(data["path"]),
            query=dict(data.get("query") or {}),
            headers=dict(data.get("headers") or {}),
            body=data.get("body"),
            server=str(data.get("server") or ""),
        )


@dataclass
class Answer:
    """A response: status, headers and raw body."""

    status: int
    headers: dict[str, str]
    content: bytes

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when absent)."""
        return media_type(self.headers.get("Content-Type", ""))

    def to_dict(self) -> dict[str, Any]:
        """The answer as a JSON object, its body decoded as `decode_body` does."""
        return {
            "status": self.status,
            "headers": self.headers,
            "body": decode_body(self.headers, self.content),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        """An answer from its JSON object."""
        headers = {str(k): str(v) for k, v in (data.get("headers") or {}).items()}
        content, _ = encode_body(data.get("body"), headers)
        return cls(status=int(data["status"]), headers=headers, content=content)


def media_type(value: str) -> str:
    """`text/xml; charset=utf-8` -> `text/xml`."""
    return value.split(";", 1)[0].strip().lower()


def header(headers: dict[str, str], name: str) -> str | None:
    """A header's value, its name matched case-insensitively."""
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def is_text(content_type: str) -> bool:
    """Whether a media type carries text."""
    kind = media_type(content_type)
    return any(marker in kind for marker in TEXT_TYPES)


def decode_body(headers: dict[str, str], content: bytes, form: dict[str, Any] | None = None) -> Any:
    """Raw bytes as a readable body (JSON parsed, forms split, text kept, other bytes base64)."""
    if form is not None:
        return form
    if not content:
        return None
    kind = media_type(header(headers, "Content-Type") or "")
    if kind.endswith("json"):
        try:
            return {"json": json.loads(content)}
        except ValueError:
            pass
    if kind == "application/x-www-form-urlencoded":
        try:
            return {"form": dict(parse_qsl(content.decode("utf-8"), keep_blank_values=True))}
        except UnicodeDecodeError:
            pass
    try:
        return {"text": content.decode("utf-8")}
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(content).decode("ascii")}


def encode_body(body: dict[str, Any] | None, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """A readable body back to bytes, with the Content-Type it needs when none is set."""
    extra: dict[str, str] = {}
    if not body:
        return b"", extra
    if "json" in body:
        if header(headers, "Content-Type") is None:
            extra["Content-Type"] = "application/json"
        return json.dumps(body["json"]).encode("utf-8"), extra
    if "form" in body:
        prepared = requests.Request("POST", "http://x/", data=body["form"]).prepare()
        if header(headers, "Content-Type") is None:
            extra["Content-Type"] = "application/x-www-form-urlencoded"
        return _bytes(prepared.body), extra
    if "multipart" in body:
        parts = body["multipart"]
        files = {
            name: (
                spec.get("filename") or name,
                spec.get("text", "").encode("utf-8"),
                spec.get("content_type"),
            )
            for name, spec in (parts.get("files") or {}).items()
        }
        prepared = requests.Request(
            "POST", "http://x/", data=parts.get("fields") or {}, files=files
        ).prepare()
        extra["Content-Type"] = prepared.headers["Content-Type"]  # a new boundary
        return _bytes(prepared.body), extra
    if "base64" in body:
        return base64.b64decode(body["base64"]), extra
    return str(body.get("text", "")).encode("utf-8"), extra


def _bytes(value: Any) -> bytes:
    if value is None:
        return b""
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


def join_url(base: str, path: str) -> str:
    """A base URL and a path joined with one slash."""
    return base.rstrip("/") + "/" + path.lstrip("/")


def send(
    session: requests.Session, base: str, request: Request, auth: Any = None, verify: bool = True
) -> Answer:
    """Send `request` to `base` + its path and return the answer (never raises on an HTTP status)."""
    headers = {k: v for k, v in request.headers.items() if k.lower() not in ("content-length", "host")}
    content, extra = encode_body(request.body, headers)
    if "multipart" in (request.body or {}):
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    headers.update(extra)
    response = session.request(
        request.method,
        join_url(base, request.path),
        params=request.query or None,
        data=content or None,
        headers=headers,
        auth=auth,
        verify=verify,
        allow_redirects=False,
        timeout=60,
    )
    return Answer(response.status_code, dict(response.headers), response.content)
