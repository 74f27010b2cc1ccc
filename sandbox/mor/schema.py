"""What each MOR record must hold, so a state document the models cannot read is refused (400)."""

from __future__ import annotations

from sandbox.core.clock import LATEST
from sandbox.core.store.schema import RecordSchema, optional, required

SCHEMAS: dict[str, RecordSchema] = {
    "settings": {
        "id": required("string"),
        "allow_api": optional("boolean"),
        "allow_get_api": optional("boolean"),
        "disable_hash_checking": optional("boolean"),
    },
    "users": {
        "username": required("string"),
        "id": required("string"),
        "usertype": optional("string"),
        "api_secret_key": optional("string"),
    },
    "campaigns": {
        "id": required("string"),
        "name": required("string"),
        "user": optional("string"),
        "status": optional("string"),
        "actions": optional("array", items="object"),
        "wait_time": optional("number", minimum=0, maximum=86400),
        "allow_duplicates": optional("boolean"),
        "next_call_at": optional("number", minimum=0, maximum=LATEST),
        "seq": optional("integer", minimum=0),
    },
    "numbers": {
        "id": required("string"),
        "campaign_id": required("string"),
        "number": required("string"),
        "position": optional("integer", minimum=0),
        "status": optional("string"),
        "attempts": optional("integer", minimum=0),
        "outcome": optional("string"),
        "imported_at": optional("number", minimum=0, maximum=LATEST),
    },
    "calls": {
        "id": required("string"),
        "campaign_id": required("string"),
        "number_id": optional("string"),
        "dst": optional("string"),
        "calldate": required("number", minimum=0, maximum=LATEST),
        "disposition": optional("string"),
        "billsec": optional("number", minimum=0),
        "ivr_result": optional("string"),
    },
}
"""MOR collection -> its record schema."""
