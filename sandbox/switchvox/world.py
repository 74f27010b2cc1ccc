"""Switchvox's default world (DESIGN.md): two admin accounts, template 1 `Default`, SIP 100 and 101.

The `settings` record holds the PBX-wide limits that the bulk upload enforces (86161, 86162) and the
switches that make its rarer documented errors reachable (38297, 32334); change them with
PUT /__sandbox/state.
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
    }
