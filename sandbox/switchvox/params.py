"""Reading Extend parameters the way both envelopes deliver them (strings, numbers, nested lists)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from sandbox.switchvox.exceptions import invalid, missing

ASCII_DIGITS = re.compile(r"[0-9]+")
MAX_INTEGER_DIGITS = 18


def digits(text: str) -> bool:
    """Whether `text` is ASCII digits only (str.isdigit also takes "²" and "٣", which int() may refuse)."""
    return ASCII_DIGITS.fullmatch(text) is not None


def _text(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, dict) and set(value) <= {"#text"}:
        return str(value.get("#text") or "")
    return None


def scalar(params: Mapping[str, Any], name: str) -> str | None:
    """A scalar parameter as text (None when absent; 10015 when it is a list or a tree)."""
    if name not in params:
        return None
    text = _text(params[name])
    if text is None:
        raise invalid(name, "not a single value")
    return text.strip()


def required(params: Mapping[str, Any], name: str) -> str:
    """A scalar parameter that must be present and not empty (10011 otherwise)."""
    value = scalar(params, name)
    if value is None or value == "":
        raise missing(name)
    return value


def listed(params: Mapping[str, Any], name: str, item: str) -> list[str] | None:
    """A list parameter: `<names><item>a</item>...</names>`, `{"names": [..]}` or a single value.

    The wrapper may also repeat (`<names item="a"/><names item="b"/>`, as Perl's XML::Simple writes
    `names => [{item => "a"}, {item => "b"}]`): the items of every wrapper are taken in order.
    """
    if name not in params:
        return None
    wrappers = params[name] if isinstance(params[name], list) else [params[name]]
    values: list[Any] = []
    for value in wrappers:
        if isinstance(value, dict) and item in value:
            value = value[item]
        elif isinstance(value, dict) and not value:
            value = []
        values.extend(value if isinstance(value, list) else [value])
    out: list[str] = []
    for entry in values:
        text = _text(entry)
        if text is None:
            raise invalid(name, "not a list of values")
        if text.strip():
            out.append(text.strip())
    return out


def sorting(params: Mapping[str, Any], fields: Collection[str], default: str) -> tuple[str, bool]:
    """`sort_field` (one of `fields`, case-insensitive) and whether `sort_order` is DESC (10015 otherwise)."""
    field = (scalar(params, "sort_field") or default).lower()
    if field not in fields:
        raise invalid("sort_field", field)
    order = (scalar(params, "sort_order") or "ASC").upper()
    if order not in ("ASC", "DESC"):
        raise invalid("sort_order", order)
    return field, order == "DESC"


def integer(params: Mapping[str, Any], name: str, default: int, low: int = 1, high: int = 1_000_000) -> int:
    """An integer parameter within [low, high] (10015 otherwise)."""
    value = scalar(params, name)
    if value is None or value == "":
        return default
    magnitude = value.removeprefix("-")
    # The length check keeps int() off digit strings longer than Python converts (4300 digits).
    if not digits(magnitude) or len(magnitude) > MAX_INTEGER_DIGITS or not low <= int(value) <= high:
        raise invalid(name, value)
    return int(value)
