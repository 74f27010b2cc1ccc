"""Batch operations on numbers through CSV: the export and the all-or-nothing import.

omilia-numbers-csv.txt: the import is the export's file plus an OPERATION column (create, update,
attach, detach, delete; mixed in one file) and PROVIDER where a number is acquired; empty fields are
ignored; Owner only; each number needs permission on its group; per-operation limits apply.

The whole file is checked against the state before the request, each row on its own, before
anything changes: any bad row refuses the file and the answer names every bad row by line. Every
check is a dict lookup, so checking and applying are O(rows) whatever the number of numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.core.store import TenantState
from sandbox.omilia.exceptions import BadRequest, OmiliaError
from sandbox.omilia.models import fields
from sandbox.omilia.models.identity import Caller
from sandbox.omilia.models.numbers import NumberBook
from sandbox.omilia.models.permissions import require
from sandbox.omilia.models.query import DEFAULT_PAGE_SIZE, paginate, positive_int
from sandbox.omilia.models.records import new_number
from sandbox.omilia.render_csv import Row
from sandbox.omilia.world import CSV_LIMITS, CSV_LIMITS_ID, PROVIDERS

OPERATIONS = tuple(CSV_LIMITS)
PAST = {
    "create": "created",
    "update": "updated",
    "attach": "attached",
    "detach": "detached",
    "delete": "deleted",
}
MAX_REPORTED = 1000


class RowError(Exception):
    """Why one row of an import cannot be applied."""


@dataclass(frozen=True)
class Change:
    """One checked row: the number's new record (None to delete it)."""

    operation: str
    number: str
    record: dict[str, Any] | None


def export(tenant: TenantState, caller: Caller, criteria: Mapping[str, Any]) -> list[dict[str, Any]]:
    """POST /api/numbers/csv: the numbers the advanced search selects, as views.

    Paged by `page`/`pageSize` as the search is (0 or absent means the default: page 1, 50 rows);
    when neither is given the export is the whole selection (the doc lists both as optional).
    """
    require(caller, "numbers.export")
    views = NumberBook(tenant).matching(caller, criteria, action="numbers.export")
    if all(criteria.get(name) in (None, "", 0, "0") for name in ("page", "pageSize")):
        return views
    page = positive_int(criteria, "page", 1, zero_is_default=True)
    page_size = positive_int(criteria, "pageSize", DEFAULT_PAGE_SIZE, zero_is_default=True)
    return paginate(views, page, page_size).items


def limits(tenant: TenantState) -> dict[str, int]:
    """Rows allowed per operation in one file: the defaults overlaid by the `csvLimits` settings record."""
    record = tenant.collection("omilia", "settings").get(CSV_LIMITS_ID) or {}
    merged = dict(CSV_LIMITS)
    for operation in OPERATIONS:
        value = record.get(operation)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            merged[operation] = value
    return merged


class Importer:
    """Checks then applies one import file for one caller."""

    def __init__(self, tenant: TenantState, caller: Caller) -> None:
        self.tenant = tenant
        self.caller = caller
        self.numbers = tenant.collection("omilia", "numbers")
        self.inventory = tenant.collection("omilia", "inventory")
        self.miniapps = tenant.collection("omilia", "miniapps")
        self.sets = tenant.collection("omilia", "sets")
        self.checks: dict[str, Callable[[Mapping[str, str], str], dict[str, Any] | None]] = {
            "create": self._create,
            "update": self._update,
            "attach": self._attach,
            "detach": self._detach,
            "delete": self._delete,
        }

    def run(self, rows: list[Row]) -> Counter[str]:
        """Check every row, refuse the file if any is bad, else apply all; the count per operation."""
        changes = self.check(rows)
        for change in changes:
            if change.operation == "create":
                self.inventory.delete(change.number)
            if change.record is None:
                self.numbers.delete(change.number)
            else:
                self.numbers.put(change.record)
        return Counter(change.operation for change in changes)

    def check(self, rows: list[Row]) -> list[Change]:
        """The change of each row, or BadRequest naming every bad row by line and reason."""
        problems: list[tuple[int, str]] = []
        changes: list[Change] = []
        first_line: dict[str, int] = {}
        per_operation: Counter[str] = Counter()
        allowed = limits(self.tenant)
        for row in rows:
            try:
                operation, number = self._identify(row)
                if number in first_line:
                    raise RowError(f"number {number} is also on line {first_line[number]}")
                first_line[number] = row.line
                per_operation[operation] += 1
                if per_operation[operation] > allowed[operation]:
                    raise RowError(f"over the limit of {allowed[operation]} {operation} rows per file")
                record = self.checks[operation](row.values, number)
                changes.append(Change(operation, number, record))
            except (RowError, OmiliaError) as exc:
                problems.append((row.line, str(exc.message if isinstance(exc, OmiliaError) else exc)))
        if problems:
            raise BadRequest(_refusal(problems))
        return changes

    # -- per row -------------------------------------------------------------------------------
    def _identify(self, row: Row) -> tuple[str, str]:
        if row.problem:
            raise RowError(row.problem)
        operation = row.values.get("OPERATION")
        if operation is None:
            raise RowError("OPERATION is empty")
        if operation.lower() not in OPERATIONS:
            raise RowError(f"unknown operation '{operation[:40]}' (use {', '.join(OPERATIONS)})")
        number = row.values.get("NUMBER")
        if number is None:
            raise RowError("NUMBER is empty")
        return operation.lower(), fields.check_e164(number)

    def _existing(self, number: str) -> dict[str, Any]:
        record = self.numbers.get(number)
        if record is None:
            raise RowError(f"number {number} does not exist")
        self._group(record["groupId"])
        return record

    def _group(self, group: str | None) -> None:
        if group is None or group not in self.caller.groups:
            raise RowError(f"no permission on group {group}")

    def _create(self, values: Mapping[str, str], number: str) -> dict[str, Any]:
        provider = values.get("PROVIDER")
        if provider is None:
            raise RowError("PROVIDER is required to create a number")
        known = {p.lower(): p for p in PROVIDERS}
        if provider.lower() not in known:
            raise RowError(f"unknown provider '{provider[:40]}' (use {', '.join(PROVIDERS)})")
        existing = self.numbers.get(number)
        if existing is not None:
            # A number of a group the caller is not in is not revealed to exist (as numbers/direct).
            if existing.get("groupId") not in self.caller.groups:
                raise RowError(f"no permission on number {number}")
            raise RowError(f"number {number} already exists")
        offer = self.inventory.get(number)
        if offer is None or offer.get("provider") != known[provider.lower()]:
            raise RowError(f"number {number} is not available from {known[provider.lower()]}")
        group = values.get("GROUP_ID")
        if group is None:
            raise RowError("GROUP_ID is required to create a number")
        self._group(group)
        record = new_number(number, offer.get("country"), group, provider=known[provider.lower()], note=None)
        return self._fields(record, values)

    def _update(self, values: Mapping[str, str], number: str) -> dict[str, Any]:
        record = self._existing(number)
        group = values.get("GROUP_ID")
        if group is not None and group != record["groupId"]:
            self._group(group)
            record = {**record, "groupId": group}
        return self._fields(record, values)

    def _attach(self, values: Mapping[str, str], number: str) -> dict[str, Any]:
        record = self._existing(number)
        for column in ("MINIAPP_ID", "LOCALE"):
            if column not in values:
                raise RowError(f"{column} is required to attach a number")
        return self._fields(
            record, {k: values[k] for k in ("MINIAPP_ID", "LOCALE", "APPLICATION_TAG") if k in values}
        )

    def _detach(self, values: Mapping[str, str], number: str) -> dict[str, Any]:
        record = self._existing(number)
        return {**record, "miniAppId": None, "locale": None, "applicationTag": None}

    def _delete(self, values: Mapping[str, str], number: str) -> None:
        self._existing(number)
        return None

    def _fields(self, record: dict[str, Any], values: Mapping[str, str]) -> dict[str, Any]:
        """`record` with the row's editable columns applied (derived miniApp columns are ignored)."""
        changes: dict[str, Any] = {}
        if "COUNTRY" in values:
            changes["country"] = fields.check_country(values["COUNTRY"])
        if "NOTE" in values:
            changes["note"] = fields.text(values["NOTE"], "NOTE")
        if "APPLICATION_TAG" in values:
            changes["applicationTag"] = fields.text(values["APPLICATION_TAG"], "APPLICATION_TAG")
        if "LOCALE" in values:
            changes["locale"] = fields.check_locale(values["LOCALE"])
        # A row that names the miniApp the number already has changes nothing there, so it is not
        # checked again (a round trip must go through even if that miniApp is outside the caller's groups).
        if "MINIAPP_ID" in values and values["MINIAPP_ID"] != record.get("miniAppId"):
            app = self.miniapps.get(values["MINIAPP_ID"])
            if app is None:
                raise RowError(f"miniApp {values['MINIAPP_ID'][:120]} does not exist")
            self._group(app.get("group"))
            if "locale" not in changes and not record.get("locale"):
                raise RowError("LOCALE is required with MINIAPP_ID")
            changes["miniAppId"] = app["miniAppId"]
        set_id = values.get("PHONE_NUMBER_SET_ID", record.get("phoneNumberSetId"))
        if set_id is not None:
            number_set = self.sets.get(set_id)
            if number_set is None:
                raise RowError(f"phone numbers set {set_id[:60]} does not exist")
            if number_set["groupId"] != record["groupId"]:
                if "PHONE_NUMBER_SET_ID" in values:
                    raise RowError(
                        f"phone numbers set {set_id} is in group {number_set['groupId']}, "
                        f"not in the number's group {record['groupId']}"
                    )
                set_id = None  # the number moved to another group: it leaves its set
        changes["phoneNumberSetId"] = set_id
        return {**record, **changes}


def _refusal(problems: list[tuple[int, str]]) -> str:
    """The message of a refused file: every bad row by line (the first MAX_REPORTED of them)."""
    shown = "; ".join(f"line {line}: {reason}" for line, reason in problems[:MAX_REPORTED])
    more = f"; and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
    bad = "1 bad row" if len(problems) == 1 else f"{len(problems)} bad rows"
    return f"CSV file rejected, nothing was changed ({bad}): {shown}{more}"


def summary(counts: Counter[str]) -> str:
    """The success message of an applied file."""
    done = ", ".join(f"{counts[op]} {PAST[op]}" for op in OPERATIONS if counts[op])
    return f"CSV file processed: {done}"
