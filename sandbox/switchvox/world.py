"""Switchvox's default world (DESIGN.md): two admin accounts, template 1 `Default`, SIP 100 and 101.

The `settings` record holds the PBX-wide limits that the bulk upload enforces (86161, 86162), the
switches that make its rarer documented errors reachable (38297, 32334), what
extensions.settings.getInfo reports, and `calls`: how an originated call goes (see
`sandbox.switchvox.models.calls`); change them with PUT /__sandbox/state. Extensions log in with
their number and web password `web<number>` (100/web100, 101/web101).
"""

from __future__ import annotations

from typing import Any

SETTINGS_ID = "system"
FIRST_ACCOUNT_ID = 1101

DEFAULT_SETTINGS: dict[str, Any] = {
    "id": SETTINGS_ID,
    "registered": True,
    "unregistered_extension_limit": 10,
    "phone_extension_limit": 500,
    "temp_storage_available": True,
    "next_account_id": FIRST_ACCOUNT_ID + 2,
    "server_uuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "extension_length_constraint": 3,
    "beep_after_assisted_transfer": True,
    "require_strong_user_password": True,
    "require_strong_phone_password": True,
    "force_weak_user_password_change": False,
    "calls": {"outcome": "answer", "ring_s": 5, "talk_s": 60, "by_number": {}},
}

TEMPLATE_SETTINGS: dict[str, Any] = {
    "can_dial_from_ivr": "1",
    "status": "1",
}


def extension(
    account_id: int, number: str, first: str, last: str, email: str, created: str
) -> dict[str, Any]:
    """A seeded SIP extension record."""
    return {
        "account_id": str(account_id),
        "number": number,
        "type": "sip",
        "first_name": first,
        "last_name": last,
        "email_address": email,
        "title": "",
        "location": "",
        "password": f"web{number}",
        "voicemail_password": f"{number}9",
        "phone_password": f"sip{number}pass",
        "digium_phone_mac_address": "",
        "status": "1",
        "can_dial_from_ivr": "1",
        "template_id": "1",
        "date_created": created,
    }


def extension_group(group_id: str, name: str, created: str, account_ids: list[int]) -> dict[str, Any]:
    """A seeded extension group: its members by account id, in order (a member may be a group: `group_id`)."""
    return {
        "id": group_id,
        "name": name,
        "date_created": created,
        "vm_quota": "0",
        "editable": "1",
        "user_viewable": "1",
        "members": [{"account_id": str(a)} for a in account_ids],
        "dependents": [],
    }


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    return {
        "admins": [
            {"username": "admin", "password": "admin", "access": "full"},
            {"username": "readonly", "password": "readonly", "access": "read_only"},
        ],
        "templates": [{"id": "1", "name": "Default", "settings": dict(TEMPLATE_SETTINGS)}],
        "extensions": [
            extension(FIRST_ACCOUNT_ID, "100", "Jane", "Smith", "jsmith@example.com", "2024-01-15 09:00:00"),
            extension(
                FIRST_ACCOUNT_ID + 1, "101", "Bob", "Jones", "bjones@example.com", "2024-01-15 09:05:00"
            ),
        ],
        "settings": [dict(DEFAULT_SETTINGS)],
        "extension_groups": [
            extension_group("1", "Sales", "2024-01-15 09:10:00", [FIRST_ACCOUNT_ID, FIRST_ACCOUNT_ID + 1]),
            extension_group("2", "Support", "2024-01-15 09:15:00", [FIRST_ACCOUNT_ID + 1]),
        ],
        "calls": [],
    }
