"""Secrets kept out of the journal: passwords, client secrets, tokens and MOR hashes, in any format.

A secret is a field whose name says so (`password`, `voicemail_password`, `client_secret`,
`refresh_token`, `hash`, ... and per vendor a few more, such as MOR's `p`, the password of
`user_login`). Its value is replaced by `[redacted]` wherever a client may put it: the query string,
a form body, a JSON body, XML elements and attributes, multipart fields, and the columns of a CSV
file (Switchvox's Import Extensions CSV has three password columns). The rest of the body is kept
byte for byte.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable

REDACTED = "[redacted]"
SECRET_NAMES = (
    "password",
    "passwd",
    "secret",
    "client_secret",
    "client_assertion",
    "refresh_token",
    "access_token",
    "id_token",
    "api_key",
    "apikey",
    "hash",
)
SECRET_SUFFIXES = ("_password", "_secret", "_token")
VENDOR_SECRET_NAMES: dict[str, tuple[str, ...]] = {
    # MOR user_login: `u` and `p` (wiki.kolmisoft.com/index.php/MOR_API_user_login).
    "mor": ("p",),
}
SECRET_HEADERS = ("authorization", "proxy-authorization", "cookie", "x-ocp-personal-access-token")
_SUFFIX_NAME = r"[A-Za-z0-9_.-]*(?:" + "|".join(re.escape(s) for s in SECRET_SUFFIXES) + ")"


def is_secret(name: str, vendor: str | None = None) -> bool:
    """Whether a field called `name` holds a secret (any case, `-` or space read as `_`)."""
    key = re.sub(r"[\s-]+", "_", name.strip().lower())
    return (
        key in SECRET_NAMES
        or key.endswith(SECRET_SUFFIXES)
        or key in VENDOR_SECRET_NAMES.get(vendor or "", ())
    )


@functools.cache
def _patterns(vendor: str | None) -> tuple[tuple[re.Pattern[bytes], bytes], ...]:
    names = (*SECRET_NAMES, *VENDOR_SECRET_NAMES.get(vendor or "", ()))
    name = ("(?:" + _SUFFIX_NAME + "|" + "|".join(re.escape(n) for n in names) + ")").encode()
    flags = re.IGNORECASE | re.DOTALL
    value = REDACTED.encode()
    return (
        # form and query strings: name=value&...
        (re.compile(rb"((?:^|[&?])" + name + rb"=)[^&\r\n]*", flags | re.MULTILINE), rb"\1" + value),
        # JSON: "name": "value" or "name": 123
        (
            re.compile(rb'("' + name + rb'"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|[-+.\w]+)', flags),
            rb'\1"' + value + rb'"',
        ),
        # XML elements: <name ...>value</name>, CDATA included
        (
            re.compile(rb"(<(" + name + rb")(?:\s[^>]*)?>)(?:<!\[CDATA\[.*?\]\]>|[^<])*(</\2\s*>)", flags),
            rb"\1" + value + rb"\3",
        ),
        # XML attributes: name="value"
        (re.compile(rb"(\s" + name + rb"\s*=\s*)(?:\"[^\"]*\"|'[^']*')", flags), rb'\1"' + value + rb'"'),
    )


def redact_text(raw: bytes, vendor: str | None = None) -> bytes:
    """`raw` with the value of every secret field replaced, in form, JSON and XML syntax."""
    for pattern, replacement in _patterns(vendor):
        raw = pattern.sub(replacement, raw)
    return raw


_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
_PART_NAME = re.compile(rb'\bname="([^"]*)"', re.IGNORECASE)


def redact_body(raw: bytes, content_type: str = "", vendor: str | None = None) -> bytes:
    """A request body with its secrets redacted, whatever its format (multipart part by part)."""
    boundary = _BOUNDARY.search(content_type) if "multipart/" in content_type.lower() else None
    if boundary is None:
        return redact_csv(redact_text(raw, vendor), vendor)
    delimiter = b"--" + boundary.group(1).encode("latin-1")
    parts = raw.split(delimiter)
    return delimiter.join([parts[0], *(_redact_part(part, vendor) for part in parts[1:])])


def _redact_part(part: bytes, vendor: str | None) -> bytes:
    head, sep, content = part.partition(b"\r\n\r\n")
    if not sep:
        return part
    name = _PART_NAME.search(head)
    if name and is_secret(name.group(1).decode("latin-1"), vendor):
        ending = b"\r\n" if content.endswith(b"\r\n") else b""
        return head + sep + REDACTED.encode() + ending
    return head + sep + redact_csv(redact_text(content, vendor), vendor)


def redact_csv(raw: bytes, vendor: str | None = None) -> bytes:
    """A CSV file with the cells of its secret columns redacted (by its header row); else `raw`."""
    first_line = raw.split(b"\n", 1)[0]
    if b"," not in first_line or not any(is_secret(c.strip(" \"'\r"), vendor) for c in _cells(first_line)):
        return raw
    text = raw.decode("utf-8", errors="surrogateescape")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    secret = [i for i, label in enumerate(rows[0]) if is_secret(label, vendor)]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n" if "\r\n" in text else "\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([REDACTED if i in secret and cell.strip() else cell for i, cell in enumerate(row)])
    redacted = out.getvalue()
    if not text.endswith(("\n", "\r")):
        redacted = redacted.rstrip("\r\n")
    return redacted.encode("utf-8", errors="surrogateescape")


def _cells(line: bytes) -> Iterable[str]:
    return line.decode("utf-8", errors="replace").split(",")
