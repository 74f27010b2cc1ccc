"""What each Entra record must hold, so a state document the models cannot read is refused (400)."""

from __future__ import annotations

from sandbox.core.store.schema import RecordSchema, optional, required

SCHEMAS: dict[str, RecordSchema] = {
    "tenants": {"tenantId": required("string"), "domain": optional("string")},
    "applications": {
        "appId": required("string"),
        "displayName": optional("string"),
        "tenantId": optional("string"),
        "objectId": required("string"),
        "secrets": optional("array", items="string"),
        "identifierUris": optional("array", items="string"),
    },
}
"""Entra collection -> its record schema."""
