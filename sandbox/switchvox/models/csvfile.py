"""The Import Extensions CSV: a header row of labels, then one extension a line.

The rules are Sangoma KB "Manage Import Extensions". Column order is free and unknown columns are
ignored; `login_email` (v8+) is the same as `email`.
A value is `None` when its field is empty ("no change"), "" when it is a single space ("blank it"),
else the stripped text.
"""

from __future__ import annotations

import csv
from typing import Any

from sandbox.core import csvio
from sandbox.switchvox.exceptions import coded

LABELS = (
    "ext",
    "fname",
    "lname",
    "email",
    "title",
    "location",
    "password",
    "voicemail_password",
    "phone_password",
    "digium_phone_mac_address",
    "username",
)
ALIASES = {"login_email": "email"}

Row = dict[str, Any]


def cell(raw: Any) -> str | None:
    """A CSV value: None when empty, "" when whitespace only (blank it), else stripped text."""
    if raw is None:
        return None
    text = str(raw)
    if text == "":
        return None
    return text.strip()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel on Windows saves CSV as cp1252


def _label(name: str) -> str:
    label = name.strip().lower()
    return ALIASES.get(label, label)


def read_csv(data: bytes) -> list[Row]:
    """The extension rows of an uploaded CSV (94772 when malformed, 51132 when it holds none)."""
    text = _decode(data)
    try:
        # Past the sandbox's CSV limits (rows, line length) the file reads as malformed (an assumption).
        lines = [r for _, r in csvio.records(text) if any(c.strip() for c in r)]
    except (csv.Error, csvio.CsvLimitError):
        raise coded(94772) from None
    if not lines:
        raise coded(51132)
    header = [_label(h) for h in lines[0]]
    if "ext" not in header:
        raise coded(94772)
    rows: list[Row] = []
    for values in lines[1:]:
        if len(values) > len(header) and any(v.strip() for v in values[len(header) :]):
            raise coded(94772)
        row: Row = {}
        for label, raw in zip(header, values, strict=False):
            if label in LABELS and (label not in row or row[label] is None):
                row[label] = cell(raw)
        rows.append(row)
    if not rows:
        raise coded(51132)
    return rows


def read_array(value: Any) -> list[Row]:
    """Rows given as the `extension_array` parameter (96463 unless it is an array of objects)."""
    if isinstance(value, dict) and set(value) == {"extension"}:
        value = value["extension"]
        value = value if isinstance(value, list) else [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise coded(96463)
    rows = [{_label(k): cell(v) for k, v in item.items() if _label(k) in LABELS} for item in value]
    if not rows:
        raise coded(51132)
    return rows
