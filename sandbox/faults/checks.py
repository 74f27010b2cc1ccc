"""Typed readers for checking user documents, each refusing with a RuleError that names the field."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

MAX_MS = 24 * 3600 * 1000
MAX_S = 10 * 365 * 86400

CodeCheck = Callable[[str, Any], str | None]
"""(vendor, code) -> None when the vendor knows the code, else why not."""


class RuleError(ValueError):
    """A rule that cannot be accepted; `field` names where (`action.status`, `rules[2].match.path`)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def number(value: Any, field: str, low: float, high: float) -> float:
    """A finite number (not a boolean) within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RuleError(field, "must be a number")
    if not low <= value <= high:
        raise RuleError(field, f"must be between {low:g} and {high:g}")
    return value


def integer(value: Any, field: str, low: int, high: int) -> int:
    """An integer (not a boolean) within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleError(field, "must be an integer")
    if not low <= value <= high:
        raise RuleError(field, f"must be between {low} and {high}")
    return value


def string(value: Any, field: str) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value:
        raise RuleError(field, "must be a non-empty string")
    return value


def obj(value: Any, field: str) -> dict[str, Any]:
    """A JSON object."""
    if not isinstance(value, dict):
        raise RuleError(field, "must be an object")
    return value


def known(body: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
    """Refuse the first field of `body` not in `allowed` (named `where` + field)."""
    allowed = set(allowed)
    for name in body:
        if name not in allowed:
            raise RuleError(f"{where}{name}", "unknown field")
