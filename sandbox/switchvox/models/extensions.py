"""Extension records and the read methods: extensions.getInfo, extensions.search, phones.sip.getInfo.

The records are the ones the bulk upload writes (key `account_id`, index `number`), so a client
uploads and then reads what it made.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import coded, invalid
from sandbox.switchvox.params import digits, integer, listed, scalar, sorting
from sandbox.switchvox.world import DEFAULT_SETTINGS, SETTINGS_ID

TYPE_DISPLAY = {
    "sip": "SIP Extension",
    "virtual": "Virtual Extension",
    "analog": "Analog Extension",
    "agent_login": "Agent Login Extension",
    "voicemail": "Voicemail Extension",
}
EXTENSION = re.compile(r"[0-9*]+")
EXTENSION_LENGTH = (1, 10)  # the limits Switchvox quotes in 10012 are not published: the sandbox's choice
SORT_FIELDS = {
    "number": "number",
    "display": "display",
    "account_id": "account_id",
    "extension_type": "type",
    "date_created": "date_created",
}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


def settings(tenant: TenantState) -> dict[str, Any]:
    """The PBX-wide settings record, with defaults for anything a world file left out."""
    record = tenant.collection("switchvox", "settings").get(SETTINGS_ID) or {}
    return {**DEFAULT_SETTINGS, **record}


def template_name(tenant: TenantState, template_id: str) -> str:
    """The name of extension template `template_id` ("" if it no longer exists)."""
    template = tenant.collection("switchvox", "templates").get(template_id)
    return str(template.get("name", "")) if template else ""


def display(record: Mapping[str, Any]) -> str:
    """The name an extension shows: first and last name."""
    return " ".join(p for p in (record.get("first_name"), record.get("last_name")) if p)


def password_score(password: str) -> int:
    """A password's strength, 0-100: 8 points a character, 10 per kind of character beyond the first.

    Switchvox reports phone_password_score and voicemail_password_score without publishing the
    scale; this rule is the sandbox's (empty scores 0, longer and more varied scores higher).
    """
    if not password:
        return 0
    kinds = sum(
        any(test(ch) for ch in password)
        for test in (str.islower, str.isupper, str.isdigit, lambda ch: not ch.isalnum())
    )
    return min(100, 8 * len(password) + 10 * (kinds - 1))


def attributes(tenant: TenantState, record: Mapping[str, Any]) -> dict[str, str]:
    """`<extension .../>` as getInfo, search and users.getMyInfo print it, the documented 13 first.

    The newer attributes a maintained client reads follow (server_uuid, the two password scores,
    lang_locale, title, location, profile_image_id, profile_image_link); title and location are the
    ones the import file sets.
    """
    kind = str(record.get("type", "sip"))
    fields = {
        "number": record.get("number"),
        "status": record.get("status", "1"),
        "can_dial_from_ivr": record.get("can_dial_from_ivr", "1"),
        "account_id": record.get("account_id"),
        "display": display(record),
        "date_created": record.get("date_created"),
        "type": kind,
        "type_display": TYPE_DISPLAY.get(kind, kind),
        "first_name": record.get("first_name"),
        "last_name": record.get("last_name"),
        "email_address": record.get("email_address"),
        "template_id": record.get("template_id"),
        "template_name": template_name(tenant, str(record.get("template_id", ""))),
        "server_uuid": settings(tenant).get("server_uuid"),
        "phone_password_score": password_score(str(record.get("phone_password") or "")),
        "voicemail_password_score": password_score(str(record.get("voicemail_password") or "")),
        "lang_locale": record.get("lang_locale") or "en_US",
        "title": record.get("title"),
        "location": record.get("location"),
        "profile_image_id": record.get("profile_image_id") or "0",
        "profile_image_link": record.get("profile_image_link") or "",
    }
    return {f"@{k}": "" if v is None else str(v) for k, v in fields.items()}


def check_extension(number: str) -> None:
    """10010 unless digits or *; 10012 unless its length is allowed."""
    if not EXTENSION.fullmatch(number):
        raise coded(10010, number)
    low, high = EXTENSION_LENGTH
    if not low <= len(number) <= high:
        raise coded(10012, number, low, high)


def check_account_id(account_id: str) -> None:
    """10014 unless digits only."""
    if not digits(account_id):
        raise coded(10014, account_id)


def get_info(tenant: TenantState, params: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.extensions.getInfo: the extensions named by number or account_id (unknown ones left out)."""
    numbers = listed(params, "extensions", "extension")
    account_ids = listed(params, "account_ids", "account_id")
    if numbers is None and account_ids is None:
        raise coded(10013)
    if not numbers and not account_ids:
        raise coded(10000)
    records = tenant.collection("switchvox", "extensions")
    found: dict[str, Mapping[str, Any]] = {}
    for number in numbers or []:
        check_extension(number)
        for record in records.find("number", number):
            found.setdefault(record["account_id"], record)
    for account_id in account_ids or []:
        check_account_id(account_id)
        record = records.get(account_id)
        if record is not None:
            found.setdefault(account_id, record)
    return {"extensions": {"extension": [attributes(tenant, r) for r in found.values()]}}


def _date(params: Mapping[str, Any], name: str) -> str | None:
    value = scalar(params, name)
    if not value:
        return None
    try:
        datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        raise invalid(name, value) from None
    return value


def _bound(params: Mapping[str, Any], name: str) -> str | None:
    value = scalar(params, name)
    if not value:
        return None
    check_extension(value)
    return value


def _number_key(number: str) -> tuple[int, int, str]:
    return (0, int(number), number) if digits(number) else (1, 0, number)


def search(tenant: TenantState, params: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.extensions.search: filter, sort and page the tenant's extensions."""
    low, high = _bound(params, "min_extension"), _bound(params, "max_extension")
    if low and high and _number_key(high) < _number_key(low):
        raise invalid("max_extension", high)
    since, until = _date(params, "min_create_date"), _date(params, "max_create_date")
    if since and until and until < since:
        raise invalid("max_create_date", until)
    types = listed(params, "extension_types", "extension_type")
    sort_field, descending = sorting(params, SORT_FIELDS, "number")
    per_page = integer(params, "items_per_page", 50, 1, 100_000)
    page = integer(params, "page_number", 1)
    integer(params, "get_converged", 0, 0, 1)

    wanted = {t.lower() for t in types} if types else None
    rows = []
    for record in tenant.collection("switchvox", "extensions"):
        number = str(record.get("number", ""))
        created = str(record.get("date_created", ""))
        if low and _number_key(number) < _number_key(low):
            continue
        if high and _number_key(number) > _number_key(high):
            continue
        if (since and created < since) or (until and created > until):
            continue
        if wanted is not None and str(record.get("type")) not in wanted:
            continue
        rows.append(record)

    field = SORT_FIELDS[sort_field]

    def key(record: Mapping[str, Any]) -> tuple[Any, ...]:
        value = display(record) if field == "display" else str(record.get(field, ""))
        if field in ("number", "account_id"):
            return (_number_key(value), _number_key(str(record.get("number", ""))))
        return (value.lower(), _number_key(str(record.get("number", ""))))

    rows.sort(key=key, reverse=descending)
    total = len(rows)
    pages = math.ceil(total / per_page) if total else 0
    chosen = rows[(page - 1) * per_page : page * per_page]
    return {
        "extensions": {
            "@page_number": str(page),
            "@total_pages": str(pages),
            "@items_per_page": str(per_page),
            "@total_items": str(total),
            "extension": [attributes(tenant, r) for r in chosen],
        }
    }


def sip_info(tenant: TenantState, params: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.extensions.phones.sip.getInfo: one SIP extension's phone settings, by account_id.

    The doc's response example is not public; the sandbox answers `<sip_phone .../>` with the
    extension's attributes plus the SIP-only CSV fields (phone_password, digium_phone_mac_address).
    """
    account_id = scalar(params, "account_id")
    if not account_id:
        raise coded(10011, "account_id")
    check_account_id(account_id)
    record = tenant.collection("switchvox", "extensions").get(account_id)
    if record is None or record.get("type") != "sip":
        raise coded(84711)
    phone = attributes(tenant, record)
    phone["@phone_password"] = str(record.get("phone_password", ""))
    phone["@digium_phone_mac_address"] = str(record.get("digium_phone_mac_address", ""))
    return {"sip_phone": phone}
