"""What each Switchvox record must hold, so a state document the models cannot read is refused (400)."""

from __future__ import annotations

from sandbox.core.clock import LATEST
from sandbox.core.store.schema import RecordSchema, optional, required

TEXT = (
    "first_name",
    "last_name",
    "email_address",
    "title",
    "location",
    "password",
    "voicemail_password",
    "phone_password",
    "digium_phone_mac_address",
    "status",
    "can_dial_from_ivr",
    "template_id",
    "date_created",
)

SCHEMAS: dict[str, RecordSchema] = {
    "admins": {"username": required("string"), "password": optional("string"), "access": optional("string")},
    "templates": {"id": required("string"), "name": optional("string"), "settings": optional("object")},
    "extensions": {
        "account_id": required("string"),
        "number": required("string"),
        "type": required("string"),
        **{name: optional("string") for name in TEXT},
    },
    "extension_groups": {
        "id": required("string"),
        "name": required("string"),
        "date_created": required("string"),
        "vm_quota": required("string"),
        "members": optional("array", items="object"),
        "dependents": optional("array"),
    },
    "calls": {
        "id": required("string"),
        "started_at": required("number", minimum=0, maximum=LATEST),
        "hung_up_at": optional("number", minimum=0, maximum=LATEST),
        "ring_s": optional("number", minimum=0),
        "talk_s": optional("number", minimum=0),
    },
    "settings": {
        "id": required("string"),
        "registered": optional("boolean"),
        "unregistered_extension_limit": optional("integer", minimum=0),
        "phone_extension_limit": optional("integer", minimum=0),
        "temp_storage_available": optional("boolean"),
        "next_account_id": optional("integer", minimum=0),
    },
}
"""Switchvox collection -> its record schema."""
