"""What each Operator Connect record must hold, so a state document the models cannot read is refused."""

from __future__ import annotations

from sandbox.core.clock import LATEST
from sandbox.core.store.schema import RecordSchema, optional, required

SCHEMAS: dict[str, RecordSchema] = {
    "settings": {
        "id": required("string"),
        "mode": optional("string"),
        "polls": optional("integer", minimum=0),
        "seconds": optional("number", minimum=0, maximum=LATEST),
        "maxNumbersPerRequest": optional("integer", minimum=0),
        "tenantId": optional("string"),
        "audiences": optional("array", items="string"),
    },
    "customers": {
        "msTenantId": required("string"),
        "consented": optional("boolean"),
        "countries": optional("array", items="string"),
        "thirdPartyAppAssignment": optional("boolean"),
        "siteName": optional("string"),
        "taskProgress": optional("object"),
    },
    "callingprofiles": {"callingProfileId": required("string"), "name": optional("string")},
    "numbers": {
        "telephoneNumber": required("string"),
        "tenantId": optional("string"),
        "callingProfileId": optional("string"),
        "acquiredNumberStatus": optional("string"),
        "sbcList": optional("array", items="object"),
    },
    "tasks": {
        "id": required("string"),
        "kind": required("string"),
        "msTenantId": optional("string"),
        "state": required("string"),
        "createdAt": required("number", minimum=0, maximum=LATEST),
        "completedAt": optional("number", minimum=0, maximum=LATEST),
        "progress": required("object"),
        "polls": optional("integer", minimum=0),
        "numbers": required("array", items="string"),
        "errors": required("array"),
        "msJobId": required("string"),
        "payload": required("object"),
    },
    "inflight": {"telephoneNumber": required("string"), "taskId": required("string")},
}
"""Operator Connect collection -> its record schema."""
