"""switchvox.extensions.phones.bulk.upload: create, replace, update or skip extensions from a CSV.

The method's page (Switchvox Extend API, switchvox.extensions.phones.bulk.upload) gives the
parameters, the report and the 11 error codes; Sangoma KB "Manage Import Extensions" the CSV rules.
Per-row problems do not fail the call: the row goes to `create_failed` with one `<error text>` per
problem, in the order the fields are checked below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import coded, invalid
from sandbox.switchvox.models.csvfile import Row, read_array, read_csv
from sandbox.switchvox.models.extensions import DATE_FORMAT, EXTENSION_LENGTH, TYPE_DISPLAY, settings
from sandbox.switchvox.params import digits, required, scalar
from sandbox.switchvox.world import SETTINGS_ID

TYPES = ("sip", "virtual")
DUPES = {"1": "skip", "2": "replace", "3": "update"}
EMAIL = re.compile(r"^[^@\s,]+@[^@\s,]+\.[^@\s,]+$")
MAC = re.compile(r"^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$")
SECTIONS = ("create_failed", "created", "replaced", "updated", "skipped")

# Row error texts: the first three are the doc's; the rest follow their wording (sandbox's choice).
ERR_EXT = f"Extension is required and must be {EXTENSION_LENGTH[0]} - {EXTENSION_LENGTH[1]} digits in length."
ERR_FNAME = "First name is required and must be 1 - 32 characters in length."
ERR_LNAME = "Last name is required and must be 1 - 32 characters in length."
ERR_EMAIL = "Email address is required and must be a valid email address."
ERR_PASSWORD = "Password is required to create a {0} extension."
ERR_VM_PASSWORD = "Voicemail password is required and may only contain digits."
ERR_PHONE_REQUIRED = "Phone password is required to create a sip extension."
ERR_PHONE_SAME = "Phone password cannot be the same as the extension."
ERR_MAC = "Digium phone MAC address must be 12 hexadecimal characters."
ERR_TWICE = "Extension {0} appears more than once in the file."


@dataclass(frozen=True)
class Upload:
    """The validated parameters of one bulk upload."""

    extension_type: str
    dupe_process: str
    template: Mapping[str, Any]
    report_only: bool
    rows: list[Row]


@dataclass
class Plan:
    """What the upload does, row by row, before anything is written."""

    sections: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    writes: list[tuple[str, Row, Mapping[str, Any] | None]] = field(default_factory=list)


def read_upload(tenant: TenantState, params: Mapping[str, Any], files: Mapping[str, bytes]) -> Upload:
    """Check the call's parameters and read its rows, raising the documented errors in order."""
    kind = required(params, "extension_type").lower()
    if kind not in TYPES:
        raise coded(61987)
    dupe = required(params, "dupe_process")
    if dupe not in DUPES:
        raise coded(95106, dupe)
    template_id = required(params, "template_account_id")
    template = tenant.collection("switchvox", "templates").get(template_id) if digits(template_id) else None
    if template is None:
        raise coded(86173, template_id)
    if not isinstance(template.get("settings"), dict):
        raise coded(38297, template_id)
    report_only = scalar(params, "report_only") or "0"
    if report_only not in ("0", "1"):
        raise invalid("report_only", report_only)
    data = files.get("csv_file", files.get("file"))
    if data is None and "extension_array" in params:
        rows = read_array(params["extension_array"])
    else:
        if not data:
            raise coded(70674)
        if not settings(tenant).get("temp_storage_available", True):
            raise coded(32334)
        rows = read_csv(data)
    return Upload(kind, dupe, template, report_only == "1", rows)


def _text_ok(value: str | None, limit: int = 32) -> bool:
    return value is not None and 1 <= len(value) <= limit


def row_errors(row: Row, kind: str, new: bool) -> list[str]:
    """The problems of one row: a new extension needs every required field, an update only valid ones."""
    errors: list[str] = []
    ext = row.get("ext") or ""

    def check(name: str, ok: bool, text: str) -> None:
        if (new or row.get(name) is not None) and not ok:
            errors.append(text)

    check("fname", _text_ok(row.get("fname")), ERR_FNAME)
    check("lname", _text_ok(row.get("lname")), ERR_LNAME)
    check("email", bool(row.get("email")) and bool(EMAIL.match(row.get("email") or "")), ERR_EMAIL)
    check("password", _text_ok(row.get("password"), 64), ERR_PASSWORD.format(kind))
    check("voicemail_password", digits(row.get("voicemail_password") or ""), ERR_VM_PASSWORD)
    if kind == "sip":
        phone = row.get("phone_password")
        check("phone_password", bool(phone), ERR_PHONE_REQUIRED)
        if phone and phone == ext:
            errors.append(ERR_PHONE_SAME)
        mac = row.get("digium_phone_mac_address")
        if mac and not MAC.match(mac):
            errors.append(ERR_MAC)
    return errors


def _entry(row: Row, errors: list[str] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "@extension": row.get("ext") or "",
        "@first_name": row.get("fname") or "",
        "@last_name": row.get("lname") or "",
        "@email": row.get("email") or "",
    }
    if errors:
        entry["error"] = [{"@text": text} for text in errors]
    return entry


def plan(tenant: TenantState, upload: Upload) -> Plan:
    """Decide every row's fate (created, replaced, updated, skipped or create_failed)."""
    records = tenant.collection("switchvox", "extensions")
    result = Plan()
    seen: set[str] = set()
    low, high = EXTENSION_LENGTH
    action = DUPES[upload.dupe_process]
    for row in upload.rows:
        ext = row.get("ext") or ""
        if not digits(ext) or not low <= len(ext) <= high:
            result.sections["create_failed"].append(
                _entry(row, [ERR_EXT, *row_errors(row, upload.extension_type, True)])
            )
            continue
        if ext in seen:
            result.sections["create_failed"].append(_entry(row, [ERR_TWICE.format(ext)]))
            continue
        seen.add(ext)
        existing = next(iter(records.find("number", ext)), None)
        if existing is not None and action == "skip":
            result.sections["skipped"].append(_entry(row))
            continue
        is_new = existing is None or action == "replace"
        errors = row_errors(row, upload.extension_type if is_new else str(existing["type"]), is_new)
        if errors:
            result.sections["create_failed"].append(_entry(row, errors))
            continue
        section = "created" if existing is None else ("replaced" if action == "replace" else "updated")
        result.sections[section].append(_entry(row))
        result.writes.append((section, row, existing))
    return result


def check_limits(tenant: TenantState, upload: Upload, result: Plan) -> None:
    """86161 / 86162: the unregistered-system cap and the PBX's phone-extension licence count."""
    records = tenant.collection("switchvox", "extensions")
    added = sum(1 for section, _, _ in result.writes if section == "created")
    phones_added = sum(
        1
        for section, _, old in result.writes
        if section in ("created", "replaced")
        and upload.extension_type == "sip"
        and (old is None or old.get("type") != "sip")
    )
    config = settings(tenant)
    if added and not config.get("registered", True):
        limit = int(config.get("unregistered_extension_limit", 10))
        if len(records) + added > limit:
            raise coded(86161, limit)
    if phones_added and records.count("type", "sip") + phones_added > int(
        config.get("phone_extension_limit", 500)
    ):
        raise coded(86162)


def _record(row: Row, kind: str, account_id: str, upload: Upload, clock: Clock) -> dict[str, Any]:
    template_settings = upload.template.get("settings") or {}
    record = {
        "account_id": account_id,
        "number": row["ext"],
        "type": kind,
        "first_name": row.get("fname") or "",
        "last_name": row.get("lname") or "",
        "email_address": row.get("email") or "",
        "title": row.get("title") or "",
        "location": row.get("location") or "",
        "password": row.get("password") or "",
        "voicemail_password": row.get("voicemail_password") or "",
        "phone_password": (row.get("phone_password") or "") if kind == "sip" else "",
        "digium_phone_mac_address": (row.get("digium_phone_mac_address") or "") if kind == "sip" else "",
        "status": str(template_settings.get("status", "1")),
        "can_dial_from_ivr": str(template_settings.get("can_dial_from_ivr", "1")),
        "template_id": str(upload.template["id"]),
        "date_created": clock.now().strftime(DATE_FORMAT),
    }
    return record


UPDATABLE = {
    "fname": "first_name",
    "lname": "last_name",
    "email": "email_address",
    "title": "title",
    "location": "location",
    "password": "password",
    "voicemail_password": "voicemail_password",
    "phone_password": "phone_password",
    "digium_phone_mac_address": "digium_phone_mac_address",
}


def apply(tenant: TenantState, clock: Clock, upload: Upload, result: Plan) -> None:
    """Write the planned creations, replacements and updates."""
    records = tenant.collection("switchvox", "extensions")
    settings_records = tenant.collection("switchvox", "settings")
    next_id = int(settings(tenant).get("next_account_id", 1101))
    for section, row, old in result.writes:
        if section == "updated" and old is not None:
            changes = {name: row[label] for label, name in UPDATABLE.items() if row.get(label) is not None}
            records.update(old["account_id"], **changes)
            continue
        if old is not None:
            records.delete(old["account_id"])
        while str(next_id) in records:
            next_id += 1
        records.put(_record(row, upload.extension_type, str(next_id), upload, clock))
        next_id += 1
    settings_records.put({**settings(tenant), "id": SETTINGS_ID, "next_account_id": next_id})


def report(upload: Upload, result: Plan) -> dict[str, Any]:
    """The `<bulk_creation_report>` of the doc's example, sections in its order."""
    body: dict[str, Any] = {
        "@dupe_process": upload.dupe_process,
        "@extension_type": TYPE_DISPLAY[upload.extension_type],
    }
    for section in SECTIONS:
        body[section] = {"extension": result.sections[section]}
    return {"bulk_creation_report": body}


def bulk_upload(
    tenant: TenantState, clock: Clock, params: Mapping[str, Any], files: Mapping[str, bytes]
) -> dict[str, Any]:
    """Run (or with report_only=1, only report) a bulk upload."""
    upload = read_upload(tenant, params, files)
    result = plan(tenant, upload)
    check_limits(tenant, upload, result)
    if not upload.report_only:
        apply(tenant, clock, upload, result)
    return report(upload, result)
