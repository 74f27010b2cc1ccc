"""Customers and leads (Microsoft tenants that consented to the operator), `msTenantId`, channels.

A lead (`lead: true`) is a consented tenant not yet converted to a Live Platform customer: it has no
`umpCustomerGuid` and no SIP Connection, and the customer listings leave it out.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import invalid
from sandbox.operator_connect.models import numbering

OBJECT_REQUIRED = (
    "Cannot deserialize the current JSON value into type '{type}' because the type requires a JSON object "
    '(e.g. {{"name":"value"}}) to deserialize correctly.'
)


def ms_tenant_id_of(value: str | None) -> str:
    """The `msTenantId` query parameter, which must be a GUID (the Release page)."""
    if value is None or not value.strip():
        raise invalid("msTenantId", "The msTenantId field is required.")
    if not numbering.is_guid(value.strip()):
        raise invalid("msTenantId", f"The value '{value}' is not valid.")
    text = value.strip().lower().replace("-", "")
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def customer_of(tenant: TenantState, ms_tenant_id: str, channel: int | None = None) -> dict[str, Any]:
    """The customer (or lead) with that Microsoft tenant id (400 if the operator has none in `channel`)."""
    customer = tenant.collection("operator-connect", "customers").get(ms_tenant_id)
    if customer is None or not in_channel(customer, channel):
        raise invalid("msTenantId", f"Customer with msTenantId '{ms_tenant_id}' was not found.")
    return customer


def channel_of(value: str | None) -> int | None:
    """The `X-Ovoc-Channel-Id` header: an integer channel id, or None when absent."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,9}", text):
        raise invalid("X-Ovoc-Channel-Id", f"The value '{value}' is not valid.")
    return int(text)


def in_channel(customer: dict[str, Any] | None, channel: int | None) -> bool:
    """Whether a caller limited to `channel` (None: every channel) may see this customer."""
    if customer is None:
        return False
    return channel is None or int(customer.get("ovocChannelId") or 0) == channel


def customers_in(tenant: TenantState, channel: int | None) -> list[dict[str, Any]]:
    """The Live Platform customers (converted leads) the caller may see."""
    return [
        c
        for c in tenant.collection("operator-connect", "customers")
        if not c.get("lead") and c.get("umpCustomerGuid") and in_channel(c, channel)
    ]


def all_details(value: str | None) -> bool:
    """The `allDetails` query parameter (a bool; absent is false)."""
    if value is None or value == "":
        return False
    if value.strip().lower() not in ("true", "false"):
        raise invalid("allDetails", f"The value '{value}' is not valid.")
    return value.strip().lower() == "true"
