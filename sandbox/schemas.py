"""Every vendor's record schemas in one table, attached to the collections the app factory gathers.

Each vendor declares its own in `sandbox/<vendor>/schema.py`; a collection not named there (a new
one) still gets the generic check of sandbox.core.store.schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from sandbox.core.store.schema import RecordSchema
from sandbox.core.vendor import CollectionSpec
from sandbox.entra.schema import SCHEMAS as ENTRA
from sandbox.mor.schema import SCHEMAS as MOR
from sandbox.omilia.schema import SCHEMAS as OMILIA
from sandbox.operator_connect.schema import SCHEMAS as OPERATOR_CONNECT
from sandbox.switchvox.schema import SCHEMAS as SWITCHVOX

RECORD_SCHEMAS: dict[tuple[str, str], RecordSchema] = {
    (namespace, name): schema
    for namespace, schemas in (
        ("omilia", OMILIA),
        ("mor", MOR),
        ("switchvox", SWITCHVOX),
        ("operator-connect", OPERATOR_CONNECT),
        ("entra", ENTRA),
    )
    for name, schema in schemas.items()
}
"""(namespace, collection) -> the schema of its records."""


def with_schemas(specs: Mapping[tuple[str, str], CollectionSpec]) -> dict[tuple[str, str], CollectionSpec]:
    """`specs` with each collection's declared record schema attached (a spec's own schema wins)."""
    return {
        where: spec
        if spec.fields is not None or where not in RECORD_SCHEMAS
        else dataclasses.replace(spec, fields=RECORD_SCHEMAS[where])
        for where, spec in specs.items()
    }
