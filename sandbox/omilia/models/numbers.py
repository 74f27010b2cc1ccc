"""Omilia numbers: the records behind /api/numbers and every operation on them.

Each public method takes the `Caller` first, checks the role matrix and the caller's groups itself,
raises Omilia errors and returns data. Field checks live in `fields`, search/paging in `query`.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.omilia.exceptions import BadRequest, Conflict, Forbidden, NotFound
from sandbox.omilia.models import fields
from sandbox.omilia.models.fields import check_e164, check_locale
from sandbox.omilia.models.identity import Caller
from sandbox.omilia.models.permissions import require, require_groups
from sandbox.omilia.models.query import (
    DEFAULT_PAGE_SIZE,
    Page,
    order,
    ordering,
    paginate,
    positive_int,
    search_matcher,
)
from sandbox.omilia.models.records import new_number
from sandbox.omilia.world import PROVIDERS, country_of

__all__ = ["NumberBook", "Page", "check_e164", "check_locale"]

SEARCH_TEXT = ("miniAppName", "miniAppType", "number", "note")


class NumberBook:
    """A tenant's numbers, as one caller may see and change them."""

    def __init__(self, tenant: TenantState) -> None:
        self.tenant = tenant
        self.numbers = tenant.collection("omilia", "numbers")
        self.miniapps = tenant.collection("omilia", "miniapps")
        self.sets = tenant.collection("omilia", "sets")
        self.inventory = tenant.collection("omilia", "inventory")

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

    # -- reading ---------------------------------------------------------------------------------
    def list(self, caller: Caller, params: Mapping[str, Any]) -> Page:
        """GET /api/numbers: the caller's groups' numbers, searched, ordered and paged."""
        require(caller, "numbers.read")
        page = positive_int(params, "page", 1)
        page_size = positive_int(params, "pageSize", DEFAULT_PAGE_SIZE)
        term = fields.optional_string(params, "searchTerm") or "%"
        order_by, direction = ordering(params)
        if order_by == "none" and not term.strip("%"):
            return self._listed_page(caller, page, page_size, reverse=direction == "DESC")
        matches = search_matcher(term)
        records = [
            rec
            for rec in self.numbers
            if rec.get("groupId") in caller.groups
            and (matches(rec.get("number")) or matches(rec.get("note")))
        ]
        if order_by == "none":  # insertion order: only the page's numbers need their miniApp and set
            chosen = paginate(order(records, order_by, direction), page, page_size)
            return dataclasses.replace(chosen, items=[self.view(rec) for rec in chosen.items])
        return paginate(order([self.view(rec) for rec in records], order_by, direction), page, page_size)

    def _listed_page(self, caller: Caller, page: int, page_size: int, reverse: bool) -> Page:
        """The unfiltered listing in insertion order: counted by the group index, one page scanned."""
        total = sum(self.numbers.count("groupId", group) for group in caller.groups)
        start = (page - 1) * page_size
        mine = (rec for rec in self.numbers.scan(reverse) if rec.get("groupId") in caller.groups)
        items = [self.view(rec) for rec in itertools.islice(mine, start, start + page_size)]
        return Page(items, page, page_size, math.ceil(total / page_size) if total else 0, total)

    def search(self, caller: Caller, criteria: Mapping[str, Any]) -> Page:
        """POST /api/numbers/search: the advanced search, paged (0 means the default, as the doc sends 0)."""
        require(caller, "numbers.read")
        page = positive_int(criteria, "page", 1, zero_is_default=True)
        page_size = positive_int(criteria, "pageSize", DEFAULT_PAGE_SIZE, zero_is_default=True)
        return paginate(self.matching(caller, criteria), page, page_size)

    def matching(
        self, caller: Caller, criteria: Mapping[str, Any], action: str = "numbers.read"
    ) -> list[dict[str, Any]]:
        """Views of every number the advanced-search criteria select, ordered, unpaged."""
        require(caller, action)
        order_by, direction = ordering(criteria)
        tests = []
        for name in SEARCH_TEXT:
            term = fields.optional_string(criteria, name)
            if term is not None:
                tests.append((name, search_matcher(term)))
        locale = fields.optional_string(criteria, "locale")
        if locale is not None:
            check_locale(locale)
            tests.append(("locale", lambda value, wanted=locale: value == wanted))
        set_id = fields.optional_string(criteria, "setId")
        if set_id is not None:
            tests.append(("phoneNumberSetId", lambda value, wanted=set_id: value == wanted))
        groups = fields.string_list(criteria, "groups")
        if groups is not None:
            require_groups(caller, groups)
        allowed = set(groups) if groups is not None else caller.groups
        records = (r for g in sorted(allowed) for r in self.numbers.find("groupId", g))
        views = [v for v in map(self.view, records) if all(test(v.get(name)) for name, test in tests)]
        # Keep the store's insertion order for orderBy `none`, as the listing does.
        position = {key: i for i, key in enumerate(self.numbers.keys())} if order_by == "none" else {}
        if position:
            views.sort(key=lambda v: position[v["number"]])
        return order(views, order_by, direction)

    def available(
        self, caller: Caller, provider: Any, prefix: Any, code: Any, group: Any
    ) -> list[dict[str, Any]]:
        """POST /api/numbers: the provider's numbers for sale in country `code`, by prefix."""
        require(caller, "numbers.available")
        provider = self._provider(provider)
        country = fields.check_country(_required(code, "code"))
        group = fields.text(_required(group, "group"), "group")
        start = fields.check_prefix(prefix) if prefix not in (None, "") else "+"
        require_groups(caller, [group])
        offers = [
            offer
            for offer in self.inventory.find("country", country)
            if offer["provider"] == provider
            and offer["number"].startswith(start)
            and offer["number"] not in self.numbers
        ]
        return sorted(offers, key=lambda offer: offer["number"])

    # -- buying and adding -----------------------------------------------------------------------
    def buy(
        self, caller: Caller, provider: Any, numbers: Any, group: Any, note: Any = None
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """PUT /api/numbers: buy what the provider sells; the rest lands in the failed list."""
        require(caller, "numbers.buy")
        provider = self._provider(provider)
        wanted = fields.check_numbers(_required(numbers, "numbers"))
        group = fields.text(_required(group, "group"), "group")
        note = None if note in (None, "") else fields.text(note, "note")
        require_groups(caller, [group])
        purchased: list[dict[str, Any]] = []
        failed: list[str] = []
        for number in wanted:
            offer = self.inventory.get(number)
            if offer is None or offer["provider"] != provider or number in self.numbers:
                failed.append(number)
                continue
            self.inventory.delete(number)
            record = new_number(number, offer["country"], group, provider=provider, note=note)
            # The offer's area and price are kept, so a released number goes back on sale as it was.
            area = {field: offer.get(field) for field in ("locality", "region", "price")}
            self.numbers.put({**record, **area})
            purchased.append({"number": number, "id": record["id"]})
        return purchased, failed

    def direct(
        self,
        caller: Caller,
        numbers: Any,
        group: Any,
        country: Any = None,
        mini_app_id: Any = None,
        locale: Any = None,
        log_ani: Any = True,
        log_dnis: Any = True,
        note: Any = None,
        application_tag: Any = None,
    ) -> list[str]:
        """POST /api/numbers/direct: add numbers to the database without the provider."""
        require(caller, "numbers.direct")
        wanted = fields.check_numbers(_required(numbers, "numbers"))
        group = fields.text(_required(group, "group"), "group")
        body = {"logAni": log_ani, "logDnis": log_dnis}
        flags = {name: fields.optional_bool(body, name, True) for name in body}
        country = fields.check_country(country) if country not in (None, "") else None
        attach = self._attachment(caller, mini_app_id, locale, application_tag, required=False)
        note = None if note in (None, "") else fields.text(note, "note")
        require_groups(caller, [group])
        for number in wanted:
            self._not_taken(caller, number)
        for number in wanted:
            self.inventory.delete(number)
            record = new_number(number, country or country_of(number), group, provider=None, note=note)
            self.numbers.put({**record, **attach, **flags})
        return wanted

    # -- changing --------------------------------------------------------------------------------
    def set_group(self, caller: Caller, numbers: Any, group: Any) -> list[str]:
        """PUT /api/numbers/group: move numbers to another of the caller's groups."""
        require(caller, "numbers.group")
        wanted = fields.check_numbers(_required(numbers, "numbers"))
        group = fields.text(_required(group, "group"), "group")
        records = self.owned(caller, wanted)
        require_groups(caller, [group])
        for record in records:
            number_set = self.sets.get(record["phoneNumberSetId"]) if record.get("phoneNumberSetId") else None
            keep_set = number_set is not None and number_set.get("groupId") == group
            self.numbers.update(
                record["number"],
                groupId=group,
                phoneNumberSetId=record["phoneNumberSetId"] if keep_set else None,
            )
        return [r["number"] for r in records]

    def attach(
        self, caller: Caller, numbers: Any, mini_app_id: Any, locale: Any, application_tag: Any = None
    ) -> list[str]:
        """PUT /api/numbers/attach: route numbers to a miniApp in a locale."""
        require(caller, "numbers.attach")
        wanted = fields.check_numbers(numbers if numbers is not None else [], required=False)
        attach = self._attachment(caller, mini_app_id, locale, application_tag, required=True)
        records = self.owned(caller, wanted)
        for record in records:
            self.numbers.update(record["number"], **attach)
        return [r["number"] for r in records]

    def detach(self, caller: Caller, numbers: Any) -> list[str]:
        """PUT /api/numbers/detach: unroute numbers from their miniApp."""
        require(caller, "numbers.detach")
        records = self.owned(caller, fields.check_numbers(_required(numbers, "numbers")))
        for record in records:
            self.numbers.update(record["number"], miniAppId=None, locale=None, applicationTag=None)
        return [r["number"] for r in records]

    def set_note(self, caller: Caller, number: Any, note: Any) -> str:
        """PUT /api/number/note: replace a number's note ("" clears it)."""
        require(caller, "numbers.note")
        number = check_e164(_required(number, "number"))
        if note is None:
            raise BadRequest("Missing required parameter 'note'")
        note = fields.text(note, "note")
        (record,) = self.owned(caller, [number])
        self.numbers.update(number, note=note or None)
        return record["number"]

    def delete(self, caller: Caller, number: Any) -> str:
        """DELETE /api/numbers/delete/{number}: remove a number from the database."""
        require(caller, "numbers.delete")
        (record,) = self.owned(caller, [check_e164(number)])
        self.numbers.delete(record["number"])
        return record["number"]

    # -- helpers ---------------------------------------------------------------------------------
    def _not_taken(self, caller: Caller, number: str) -> None:
        """409 for a number of the caller's groups; one the caller cannot see is a number it may not use.

        Answering "already exists" for a number of another group would reveal what the caller cannot
        list: it gets the 403 of a number outside its groups, without the group's name.
        """
        record = self.numbers.get(number)
        if record is None:
            return
        if record.get("groupId") not in caller.groups:
            raise Forbidden(f"Access denied: no permission on number {number}")
        raise Conflict(f"Number {number} already exists")

    def owned(self, caller: Caller, numbers: Iterable[str]) -> list[dict[str, Any]]:
        """The records of `numbers`: 404 for an unknown one, 403 for one outside the caller's groups."""
        records = []
        for number in numbers:
            record = self.numbers.get(number)
            if record is None:
                raise NotFound(f"Number {number} not found")
            require_groups(caller, [record.get("groupId")])
            records.append(record)
        return records

    def _attachment(
        self, caller: Caller, mini_app_id: Any, locale: Any, tag: Any, required: bool
    ) -> dict[str, Any]:
        """The miniApp fields of an attach (miniApp must exist and be in the caller's groups)."""
        if mini_app_id in (None, "") and not required:
            if locale not in (None, ""):
                check_locale(locale)
            return {"locale": locale or None, "applicationTag": _tag(caller, tag)}
        app_id = fields.text(_required(mini_app_id, "miniAppId"), "miniAppId")
        locale = check_locale(_required(locale, "locale"))
        tag = _tag(caller, tag)
        app = self.miniapps.get(app_id)
        if app is None:
            raise NotFound(f"MiniApp {app_id} not found")
        require_groups(caller, [app.get("group")])
        return {"miniAppId": app_id, "locale": locale, "applicationTag": tag}

    def _provider(self, provider: Any) -> str:
        """A known provider name (case-insensitive), as the sandbox spells it."""
        name = fields.text(_required(provider, "provider"), "provider")
        for known in PROVIDERS:
            if known.lower() == name.lower():
                return known
        raise BadRequest(f"Invalid provider '{name[:60]}'. Valid values: {', '.join(PROVIDERS)}")


def _required(value: Any, name: str) -> Any:
    if value is None or value == "" or value == []:
        raise BadRequest(f"Missing required parameter '{name}'")
    return value


def _tag(caller: Caller, tag: Any) -> str | None:
    if tag in (None, ""):
        return None
    require(caller, "numbers.tag")
    return fields.text(tag, "applicationTag")
