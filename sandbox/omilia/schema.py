"""What each Omilia record must hold, so a state document the models cannot read is refused (400)."""

from __future__ import annotations

from sandbox.core.clock import LATEST
from sandbox.core.store.schema import RecordSchema, optional, required

SCHEMAS: dict[str, RecordSchema] = {
    "users": {
        "username": required("string"),
        "password": required("string"),
        "id": required("string"),
        "roles": required("array", items="string"),
        "groups": required("array", items="string"),
    },
    "groups": {"id": required("string"), "name": optional("string")},
    "miniapps": {
        "miniAppId": required("string"),
        "name": required("string"),
        "type": required("string"),
        "group": required("string"),
        "diamantAppName": required("string"),
    },
    "numbers": {
        "number": required("string"),
        "id": optional("string"),
        "country": optional("string"),
        "groupId": required("string"),
        "miniAppId": optional("string"),
        "locale": optional("string"),
        "note": optional("string"),
        "applicationTag": optional("string"),
        "phoneNumberSetId": optional("string"),
        "provider": optional("string"),
        "logAni": optional("boolean"),
        "logDnis": optional("boolean"),
    },
    "sets": {"id": required("string"), "name": required("string"), "groupId": required("string")},
    "inventory": {
        "number": required("string"),
        "country": optional("string"),
        "locality": optional("string"),
        "region": optional("string"),
        "price": optional("number", minimum=0),
        "provider": required("string"),
    },
    "routers": {
        "id": required("string"),
        "number": required("string"),
        "groupId": required("string"),
        "sourceAppId": required("string"),
        "targetAppId": optional("string"),
        "targetAppTag": optional("string"),
        "step": optional("number", minimum=0),
        "initialWeight": optional("number", minimum=0),
        "currentWeight": optional("number", minimum=0),
        "isEnabled": optional("boolean"),
        "moves": optional("integer", minimum=0),
    },
    "logouts": {"sid": required("string"), "until": optional("number", minimum=0, maximum=LATEST)},
    # The csvLimits values are not declared: one that is unusable keeps its default (models/batch.py).
    "settings": {"id": required("string")},
}
"""Omilia collection -> its record schema."""
