"""Customers (Microsoft tenants that consented to the operator) and the `msTenantId` parameter."""

from __future__ import annotations

from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import invalid
from sandbox.operator_connect.models import numbering

OBJECT_REQUIRED = (
    "Cannot deserialize the current JSON value into type '{type}' because the type requires a JSON object "
    '(e.g. {{"name":"value"}}) to deserialize correctly.'
)


def ms_tenant_id_of(value: str | None) -> str:
    """The `msTenantId` query parameter, which must be a GUID (AudioCodes' release page)."""
    if value is None or not value.strip():
        raise invalid("msTenantId", "The msTenantId field is required.")
    if not numbering.is_guid(value.strip()):
        raise invalid("msTenantId", f"The value '{value}' is not valid.")
    text = value.strip().lower().replace("-", "")
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def customer_of(tenant: TenantState, ms_tenant_id: str) -> dict[str, Any]:
    """The customer with that Microsoft tenant id (400 if the operator has no such customer)."""
    customer = tenant.collection("operator-connect", "customers").get(ms_tenant_id)
    if customer is None:
        raise invalid("msTenantId", f"Customer with msTenantId '{ms_tenant_id}' was not found.")
    return customer
