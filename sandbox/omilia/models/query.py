"""Searching, ordering and paging number views (GET /api/numbers, POST /api/numbers/search)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.omilia.exceptions import BadRequest

ORDER_BY = ("miniapp", "miniapp-type", "number", "locale", "note", "group", "miniapp-group", "none")
DEFAULT_PAGE_SIZE = 50
MAX_PAGING = 1_000_000

SORT_FIELDS: dict[str, str] = {
    "miniapp": "miniAppName",
    "miniapp-type": "miniAppType",
    "number": "number",
    "locale": "locale",
    "note": "note",
    "group": "groupId",
    "miniapp-group": "miniAppGroup",
}


@dataclass(frozen=True)
class Page:
    """One page of a listing."""

    items: list[dict[str, Any]]
    page: int
    page_size: int
    pages: int
    total: int


def search_matcher(term: str) -> Callable[[Any], bool]:
    """SQL LIKE semantics when the term has `%` (the doc's default is `%`), else a substring match.

    Case-insensitive either way.
    """
    if "%" in term and not term.strip("%"):
        return lambda value: value is not None  # only wildcards: every value matches
    if "%" in term:
        parts = term.lower().split("%")
        return lambda value: value is not None and like(parts, str(value).lower())
    needle = term.lower()
    return lambda value: value is not None and needle in str(value).lower()


def like(parts: list[str], text: str) -> bool:
    """Whether `text` matches the LIKE pattern whose `%`-separated literal `parts` are given.

    Leftmost matching of each middle part is exact for `%`-only patterns and linear in the text
    (a backtracking regex would take exponential time on patterns such as `%a%a%a%a%b`).
    """
    first, *middle, last = parts
    if not text.startswith(first):
        return False
    position = len(first)
    for part in middle:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return len(text) - len(last) >= position and text.endswith(last)


def ordering(params: Mapping[str, Any]) -> tuple[str, str]:
    """The validated (orderBy, direction) of a request; defaults `none`, `ASC`."""
    order_by = params.get("orderBy") or "none"
    if not isinstance(order_by, str) or order_by not in ORDER_BY:
        raise BadRequest(f"Invalid orderBy '{clip(order_by)}'. Valid values: {', '.join(ORDER_BY)}")
    direction = params.get("direction") or "ASC"
    if not isinstance(direction, str) or direction.upper() not in ("ASC", "DESC"):
        raise BadRequest(f"Invalid direction '{clip(direction)}'. Valid values: ASC, DESC")
    return order_by, direction.upper()


def order(views: list[dict[str, Any]], order_by: str, direction: str) -> list[dict[str, Any]]:
    """Sort by an orderBy value; `none` keeps insertion order. Empty values sort last ascending."""
    if order_by == "none":
        return views if direction == "ASC" else list(reversed(views))
    field = SORT_FIELDS[order_by]
    return sorted(
        views,
        key=lambda v: (v.get(field) is None, str(v.get(field) or "").lower(), v["number"]),
        reverse=direction == "DESC",
    )


def paginate(items: list[dict[str, Any]], page: int, page_size: int) -> Page:
    """Slice out page `page` (from 1)."""
    start = (page - 1) * page_size
    pages = math.ceil(len(items) / page_size) if items else 0
    return Page(items[start : start + page_size], page, page_size, pages, len(items))


def positive_int(params: Mapping[str, Any], name: str, default: int, zero_is_default: bool = False) -> int:
    """An integer parameter from 1 (query strings give it as text); absent means `default`."""
    value = params.get(name)
    if value is None or value == "" or (zero_is_default and value in (0, "0")):
        return default
    message = f"Invalid {name} '{clip(value)}': must be an integer starting from 1"
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise BadRequest(message)
    text = str(value).strip()
    if not text.isascii() or not text.lstrip("-").isdigit() or len(text) > 12:
        raise BadRequest(message)
    number = int(text)
    if number < 1 or number > MAX_PAGING:
        raise BadRequest(message)
    return number


def clip(value: Any) -> str:
    """`value` as text, cut to 60 characters for an error message."""
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
