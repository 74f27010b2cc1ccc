"""Omilia numbers: the records behind /api/numbers and their listing."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.core.store import TenantState
from sandbox.omilia.exceptions import BadRequest
from sandbox.omilia.models.identity import Caller
from sandbox.omilia.models.permissions import require

E164 = re.compile(r"^\+[1-9]\d{1,14}$")
ORDER_BY = ("miniapp", "miniapp-type", "number", "locale", "note", "group", "miniapp-group", "none")
DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    """One page of a listing."""

    items: list[dict[str, Any]]
    page: int
    page_size: int
    pages: int
    total: int


class NumberBook:
    """A tenant's numbers, as one caller may see and change them."""

    def __init__(self, tenant: TenantState) -> None:
        self.tenant = tenant
        self.numbers = tenant.collection("omilia", "numbers")
        self.miniapps = tenant.collection("omilia", "miniapps")
        self.sets = tenant.collection("omilia", "sets")

    def view(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """A number joined with its miniApp and set, ready to render."""
        app = self.miniapps.get(record["miniAppId"]) if record.get("miniAppId") else None
        number_set = self.sets.get(record["phoneNumberSetId"]) if record.get("phoneNumberSetId") else None
        return {
            **record,
            "miniAppName": app["name"] if app else None,
            "miniAppType": app["type"] if app else None,
            "miniAppDiamantAppName": app["diamantAppName"] if app else None,
            "miniAppGroup": app["group"] if app else None,
            "phoneNumberSetName": number_set["name"] if number_set else None,
        }

    def list(self, caller: Caller, params: Mapping[str, Any]) -> Page:
        """GET /api/numbers: the caller's groups' numbers, searched, ordered and paged."""
        require(caller, "numbers.read")
        page = _positive_int(params, "page", 1)
        page_size = _positive_int(params, "pageSize", DEFAULT_PAGE_SIZE)
        term = params.get("searchTerm")
        term = "%" if term is None or term == "" else str(term)
        order_by = str(params.get("orderBy") or "none")
        if order_by not in ORDER_BY:
            raise BadRequest(f"Invalid orderBy '{order_by}'. Valid values: {', '.join(ORDER_BY)}")
        direction = str(params.get("direction") or "ASC").upper()
        if direction not in ("ASC", "DESC"):
            raise BadRequest(f"Invalid direction '{params.get('direction')}'. Valid values: ASC, DESC")

        matches = search_matcher(term)
        views = [
            self.view(rec)
            for rec in self.numbers
            if rec.get("groupId") in caller.groups and (matches(rec.get("number")) or matches(rec.get("note")))
        ]
        views = order(views, order_by, direction)
        return paginate(views, page, page_size)


def search_matcher(term: str) -> Callable[[Any], bool]:
    """SQL LIKE semantics when the term has `%` (the doc's default is `%`), else a substring match.

    Case-insensitive either way.
    """
    if "%" in term:
        pattern = re.compile("^" + ".*".join(re.escape(p) for p in term.split("%")) + "$", re.IGNORECASE | re.DOTALL)
        return lambda value: value is not None and pattern.match(str(value)) is not None
    needle = term.lower()
    return lambda value: value is not None and needle in str(value).lower()


SORT_FIELDS: dict[str, str] = {
    "miniapp": "miniAppName",
    "miniapp-type": "miniAppType",
    "number": "number",
    "locale": "locale",
    "note": "note",
    "group": "groupId",
    "miniapp-group": "miniAppGroup",
}


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


def _positive_int(params: Mapping[str, Any], name: str, default: int) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise BadRequest(f"Invalid {name}: must be an integer starting from 1")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise BadRequest(f"Invalid {name} '{value}': must be an integer starting from 1") from None
    if number < 1 or number > 1_000_000:
        raise BadRequest(f"Invalid {name} '{value}': must be an integer starting from 1")
    return number
