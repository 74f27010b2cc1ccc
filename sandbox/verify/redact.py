"""Taking secrets out of an exchange before it is written: credentials, MOR hashes, tokens, cookies.

By name (`SECRET_KEYS`, globs matched case-insensitively) in headers, query strings, JSON, form and
multipart fields, CSV columns of uploaded files and XML elements and attributes; by shape (a JWT
anywhere); and every secret value found that way (and a Basic password) wherever else it appears.
`Authorization` keeps its scheme (`Bearer [REDACTED]`) so a replay knows how to sign again.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import re
from fnmatch import fnmatchcase
from typing import Any

from sandbox.core import xmlio

REDACTED = "[REDACTED]"
SECRET_KEYS: tuple[str, ...] = (
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "*password*",
    "*secret*",
    "hash",
    "*token*",
    "otp",
    "session_state",
    "p",  # MOR user_login's password
)
NOT_SECRET: tuple[str, ...] = ("token_type", "*endpoint*", "*_policy")
JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
# Values shorter than this are redacted where their key names them, not searched for elsewhere.
MIN_SCRUB = 8


def secret_key(name: str) -> bool:
    """Whether a field, header or element of this name holds a secret."""
    lowered = name.lstrip("@").lower()
    if any(fnmatchcase(lowered, pattern) for pattern in NOT_SECRET):
        return False
    return any(fnmatchcase(lowered, pattern) for pattern in SECRET_KEYS)


class Redactor:
    """Redacts one exchange, collecting the secret values it removes."""

    def __init__(self) -> None:
        self.found: set[str] = set()

    def _take(self, value: Any) -> str:
        if isinstance(value, str) and value:
            self.found.add(value)
        return REDACTED

    def headers(self, headers: dict[str, str]) -> dict[str, str]:
        """Headers with secret ones redacted (Authorization keeps its scheme)."""
        out = {}
        for name, value in headers.items():
            if name.lower() == "authorization":
                scheme, _, credentials = value.partition(" ")
                self._basic(scheme, credentials)
                self._take(credentials)
                out[name] = f"{scheme} {REDACTED}" if credentials else REDACTED
            elif secret_key(name):
                out[name] = self._take(value)
            else:
                out[name] = value
        return out

    def _basic(self, scheme: str, credentials: str) -> None:
        if scheme.lower() != "basic":
            return
        try:
            decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return
        self.found.add(decoded.partition(":")[2])

    def tree(self, node: Any, key: str = "") -> Any:
        """A JSON (or xmltodict) tree with secret fields redacted."""
        if key and secret_key(key) and not isinstance(node, (dict, list)) and node not in (None, ""):
            return self._take(node if isinstance(node, str) else json.dumps(node))
        if isinstance(node, dict):
            return {k: self.tree(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [self.tree(item, key) for item in node]
        if isinstance(node, str) and JWT.search(node):
            return JWT.sub(lambda m: self._take(m.group(0)), node)
        return node

    def text(self, text: str) -> str:
        """XML with secret elements and attributes redacted; CSV with secret columns redacted."""
        stripped = text.lstrip()
        if stripped.startswith("<"):
            try:
                document = xmlio.parse(text)
            except xmlio.XmlParseError:
                return text
            redacted = self.tree(document)
            if redacted == document:
                return text
            declaration = stripped.startswith("<?xml")
            return xmlio.render(redacted, declaration=declaration)
        return self._csv(text)

    def _csv(self, text: str) -> str:
        first = text.splitlines()[0] if text else ""
        if "," not in first or not any(secret_key(cell.strip()) for cell in first.split(",")):
            return text
        rows = list(csv.reader(io.StringIO(text)))
        secret_columns = {n for n, cell in enumerate(rows[0]) if secret_key(cell.strip())}
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(rows[0])
        for row in rows[1:]:
            writer.writerow(
                [self._take(cell) if n in secret_columns and cell else cell for n, cell in enumerate(row)]
            )
        return out.getvalue()

    def body(self, body: Any) -> Any:
        """A readable body (see exchange) with its secrets redacted."""
        if not isinstance(body, dict):
            return body
        if "json" in body:
            return {"json": self.tree(body["json"])}
        if "form" in body:
            return {"form": self.tree(body["form"])}
        if "multipart" in body:
            parts = body["multipart"]
            fields = {
                k: self.text(v) if isinstance(v, str) else v for k, v in (parts.get("fields") or {}).items()
            }
            files = {
                name: {**spec, "text": self.text(spec.get("text", ""))}
                for name, spec in (parts.get("files") or {}).items()
            }
            return {"multipart": {"fields": self.tree(fields), "files": files}}
        if "text" in body:
            return {"text": self.text(body["text"])}
        return body

    def scrub(self, line: str) -> str:
        """A written line with every long-enough secret found so far replaced wherever it appears."""
        for value in sorted(self.found, key=len, reverse=True):
            if len(value) >= MIN_SCRUB and value != REDACTED:
                line = line.replace(json.dumps(value)[1:-1], REDACTED)
        return line


def redact_exchange(exchange: dict[str, Any]) -> str:
    """One cassette line (JSON) of a recorded exchange, its secrets redacted."""
    redactor = Redactor()
    request, response = dict(exchange["request"]), dict(exchange["response"])
    request["headers"] = redactor.headers(request.get("headers") or {})
    request["query"] = redactor.tree(request.get("query") or {})
    request["body"] = redactor.body(request.get("body"))
    response["headers"] = redactor.headers(response.get("headers") or {})
    response["body"] = redactor.body(response.get("body"))
    line = json.dumps({**exchange, "request": request, "response": response}, ensure_ascii=False)
    return redactor.scrub(line)
