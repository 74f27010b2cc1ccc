"""Omilia phone number sets: /api/numbers-set and the numbers they hold.

A set belongs to one group and so do its numbers: a number's `phoneNumberSetId` names its set, and
a set's `phoneNumberCount` is counted from that index, so it is always true to the members.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.omilia import world
from sandbox.omilia.exceptions import BadRequest, Conflict, NotFound
from sandbox.omilia.models import fields
from sandbox.omilia.models.identity import Caller
from sandbox.omilia.models.numbers import NumberBook
from sandbox.omilia.models.permissions import require, require_groups

MAX_NAME = 255


class SetBook:
    """A tenant's number sets, as one caller may see and change them."""

    def __init__(self, tenant: TenantState) -> None:
        self.tenant = tenant
        self.sets = tenant.collection("omilia", "sets")
        self.numbers = tenant.collection("omilia", "numbers")

    # -- views ---------------------------------------------------------------------------------
    def view(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """A set as the API prints it, with its live member count."""
        return {
            "id": record["id"],
            "name": record["name"],
            "groupId": record["groupId"],
            "phoneNumberCount": self.numbers.count("phoneNumberSetId", record["id"]),
        }

    def members(self, set_id: str) -> list[dict[str, Any]]:
        """The number records of a set, in insertion order."""
        return self.numbers.find("phoneNumberSetId", set_id)

    def _get(self, caller: Caller, set_id: str, action: str) -> dict[str, Any]:
        """The set `set_id` after the role check for `action` and the group check."""
        require(caller, action)
        record = self.sets.get(set_id)
        if record is None:
            raise NotFound(f"Phone numbers set {set_id} not found")
        require_groups(caller, [record["groupId"]])
        return record

    # -- reading -------------------------------------------------------------------------------
    def get(self, caller: Caller, set_id: str) -> dict[str, Any]:
        """GET /api/numbers-set/{setId}."""
        return self.view(self._get(caller, set_id, "sets.read"))

    def for_group(self, caller: Caller, group_id: str) -> list[dict[str, Any]]:
        """GET /api/numbers-set/group/{groupId}: the sets of one of the caller's groups."""
        require(caller, "sets.read")
        require_groups(caller, [group_id])
        return [self.view(r) for r in self.sets.find("groupId", group_id)]

    def mine(self, caller: Caller) -> list[dict[str, Any]]:
        """GET /api/numbers-set: the sets of every group of the caller."""
        require(caller, "sets.read")
        return [self.view(r) for r in self.sets if r["groupId"] in caller.groups]

    def numbers_of(self, caller: Caller, set_id: str) -> list[dict[str, Any]]:
        """GET /api/numbers-set/{setId}/numbers: the set's numbers, joined for rendering."""
        self._get(caller, set_id, "sets.read")
        book = NumberBook(self.tenant)
        return [book.view(r) for r in self.members(set_id)]

    # -- writing -------------------------------------------------------------------------------
    def create(self, caller: Caller, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /api/numbers-set."""
        require(caller, "sets.write")
        name = _name(body.get("name"), required=True)
        group = self._group(caller, body.get("groupId"), required=True)
        assert name is not None and group is not None
        self._unique(name, group, None)
        record = self.sets.put({"id": str(uuid.uuid4()), "name": name, "groupId": group})
        return self.view(record)

    def update(self, caller: Caller, set_id: str, body: Mapping[str, Any]) -> None:
        """PATCH /api/numbers-set/{setId}: rename, and/or move the set and its numbers to another group."""
        record = self._get(caller, set_id, "sets.write")
        name = _name(body.get("name"), required=False) or record["name"]
        group = self._group(caller, body.get("groupId"), required=False) or record["groupId"]
        self._unique(name, group, set_id)
        if group != record["groupId"]:
            # The set's numbers follow it, so a set never holds a number of another group
            # (sandbox assumption: the doc only says the group of the set can be updated).
            require(caller, "numbers.group")
            for number in self.members(set_id):
                self.numbers.update(number["number"], groupId=group)
        self.sets.update(set_id, name=name, groupId=group)

    def add(self, caller: Caller, set_id: str, numbers: Any) -> int:
        """POST /api/numbers-set/{setId}/numbers: numbers of the set's group join the set."""
        record = self._get(caller, set_id, "sets.write")
        wanted = _numbers(numbers, required=True)
        records = NumberBook(self.tenant).owned(caller, wanted)
        for number in records:
            if number["groupId"] != record["groupId"]:
                raise BadRequest(
                    f"Number {number['number']} belongs to group {number['groupId']}, "
                    f"not to the set's group {record['groupId']}"
                )
            other = number.get("phoneNumberSetId")
            if other not in (None, set_id):
                raise Conflict(f"Number {number['number']} already belongs to phone numbers set {other}")
        added = 0
        for number in records:
            if number.get("phoneNumberSetId") != set_id:
                self.numbers.update(number["number"], phoneNumberSetId=set_id)
                added += 1
        return added

    def remove(self, caller: Caller, set_id: str, numbers: Any) -> int:
        """DELETE /api/numbers-set/{setId}/numbers: numbers leave the set (they stay in the group)."""
        self._get(caller, set_id, "sets.write")
        wanted = _numbers(numbers, required=True)
        records = NumberBook(self.tenant).owned(caller, wanted)
        for number in records:
            if number.get("phoneNumberSetId") != set_id:
                raise BadRequest(f"Number {number['number']} is not in phone numbers set {set_id}")
        for number in records:
            self.numbers.update(number["number"], phoneNumberSetId=None)
        return len(records)

    def attach(self, caller: Caller, set_id: str, body: Mapping[str, Any]) -> int:
        """PUT /api/numbers-set/{setId}/attach: the set's numbers (or the listed ones) go to a miniApp."""
        self._get(caller, set_id, "sets.write")
        listed = _numbers(body.get("numbers"), required=False)
        numbers = self._in_set(set_id, listed)
        for field in ("miniAppId", "locale"):
            if body.get(field) in (None, ""):
                raise BadRequest(f"Missing required parameter '{field}'")
        NumberBook(self.tenant).attach(
            caller, numbers, body.get("miniAppId"), body.get("locale"), body.get("applicationTag")
        )
        return len(numbers)

    def detach(self, caller: Caller, set_id: str) -> int:
        """PUT /api/numbers-set/{setId}/detach: every number of the set leaves its miniApp."""
        self._get(caller, set_id, "sets.write")
        numbers = [n["number"] for n in self.members(set_id)]
        if numbers:
            NumberBook(self.tenant).detach(caller, numbers)
        return len(numbers)

    def delete_purchased(self, caller: Caller, set_id: str) -> int:
        """DELETE /api/numbers-set/{setId}/delete: the set's purchased numbers go back to the provider."""
        self._get(caller, set_id, "numbers.delete")
        book = NumberBook(self.tenant)
        inventory = self.tenant.collection("omilia", "inventory")
        purchased = [n for n in self.members(set_id) if n.get("provider")]
        for record in purchased:
            book.delete(caller, record["number"])
            inventory.put(offer_of(record))
        return len(purchased)

    def delete(self, caller: Caller, set_id: str) -> None:
        """DELETE /api/numbers-set/{setId}: the set goes; its numbers stay, outside any set."""
        self._get(caller, set_id, "sets.delete")
        for number in self.members(set_id):
            self.numbers.update(number["number"], phoneNumberSetId=None)
        self.sets.delete(set_id)

    # -- checks --------------------------------------------------------------------------------
    def _group(self, caller: Caller, value: Any, *, required: bool) -> str | None:
        if value is None or value == "":
            if required:
                raise BadRequest("Missing required parameter 'groupId'")
            return None
        require_groups(caller, [fields.text(value, "groupId")])
        return value

    def _unique(self, name: str, group: str, set_id: str | None) -> None:
        for other in self.sets.find("groupId", group):
            if other["name"] == name and other["id"] != set_id:
                raise Conflict(f"A phone numbers set named {name} already exists in group {group}")

    def _in_set(self, set_id: str, listed: list[str]) -> list[str]:
        """The listed numbers (each a member of the set), or every member when none is listed."""
        if not listed:
            return [n["number"] for n in self.members(set_id)]
        for number in listed:
            record = self.numbers.get(number)
            if record is None or record.get("phoneNumberSetId") != set_id:
                raise BadRequest(f"Number {number} is not in phone numbers set {set_id}")
        return listed


def _name(value: Any, *, required: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadRequest("Missing required parameter 'name'")
        return None
    name = fields.text(value, "name")
    if len(name) > MAX_NAME:
        raise BadRequest(f"Invalid parameter 'name': at most {MAX_NAME} characters")
    return name


def _numbers(value: Any, *, required: bool) -> list[str]:
    """A de-duplicated list of E.164 numbers from a body's `numbers`."""
    if value is None:
        if required:
            raise BadRequest("Missing required parameter 'numbers'")
        return []
    return fields.check_numbers(value, "numbers", required)


def offer_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """A released number as its provider offers it again.

    The purchase keeps only the number's country, so the area and price come from the default
    world's offer of that number when there was one; otherwise they are blank (price 1).
    """
    original = _default_offers().get(record["number"], {})
    return {
        "number": record["number"],
        "country": record.get("country") or original.get("country") or "",
        "locality": record.get("locality") or original.get("locality") or "",
        "region": record.get("region") or original.get("region") or "",
        "price": record.get("price") or original.get("price") or 1,
        "provider": record["provider"],
    }


@functools.cache
def _default_offers() -> dict[str, dict[str, Any]]:
    return {offer["number"]: offer for offer in world.seed()["inventory"]}
