"""Reading Live Platform customers by guid, with their SIP Connections (GetSpecificCustomerDetails.htm).

An unknown guid, a malformed one (the route's guid constraint does not match) and a customer of
another channel (`X-Ovoc-Channel-Id`) all read as 404, the sandbox's assumption.
"""

from __future__ import annotations

from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import NotFound
from sandbox.operator_connect.models.customers import customers_in


def customer_by_guid(tenant: TenantState, customer_guid: str, channel: int | None = None) -> dict[str, Any]:
    """The Live Platform customer with this guid (404 otherwise)."""
    key = customer_guid.strip().lower()
    found = next((c for c in customers_in(tenant, channel) if c.get("umpCustomerGuid") == key), None)
    if found is None:
        raise NotFound(detail=f"Customer '{customer_guid}' was not found.")
    return found


def sites_of(tenant: TenantState, customer: dict[str, Any]) -> list[dict[str, Any]]:
    """The customer's SIP Connections."""
    return tenant.collection("operator-connect", "sitelocations").find("tenantId", customer["msTenantId"])


def customer_with_sites(
    tenant: TenantState, customer_guid: str, channel: int | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """GET /api/v2|v3/customer/{guid}: the customer and its SIP Connections."""
    customer = customer_by_guid(tenant, customer_guid, channel)
    return customer, sites_of(tenant, customer)


def listing(tenant: TenantState, channel: int | None) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """GET /api/v2|v3/customer: every customer the caller may see, with its SIP Connections."""
    return [(c, sites_of(tenant, c)) for c in customers_in(tenant, channel)]
