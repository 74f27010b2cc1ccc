"""SIP Connections (site locations) and their SBC dial plans.

Pages "Get SIP Connections" (SP/Get Site Location.htm) and "Get Dial Plan Contents for SIP Connection".

A customer with one site has a site whose id is the customer's guid. Uploaded numbers are written to
the site's `OCDialPlan` when the upload completes, and leave it when they are unassigned or released.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import NotFound
from sandbox.operator_connect.models import numbering
from sandbox.operator_connect.world import NUMBERS_DIAL_PLAN


def _sites(tenant: TenantState) -> Any:
    return tenant.collection("operator-connect", "sitelocations")


def _plans(tenant: TenantState) -> Any:
    return tenant.collection("operator-connect", "dialplans")


def site_of(tenant: TenantState, ms_tenant_id: str | None) -> dict[str, Any] | None:
    """The (first) SIP Connection of the customer of a Microsoft tenant, if it has one."""
    sites = _sites(tenant).find("tenantId", ms_tenant_id) if ms_tenant_id else []
    return sites[0] if sites else None


def site_name(tenant: TenantState, ms_tenant_id: str | None) -> str:
    """The site name an upload's messages name (a world file's customer may carry `siteName`)."""
    site = site_of(tenant, ms_tenant_id)
    if site is not None:
        return str(site.get("siteName") or "")
    customer = tenant.collection("operator-connect", "customers").get(ms_tenant_id or "") or {}
    return str(customer.get("siteName") or "")


def get_site(tenant: TenantState, site_id: str) -> dict[str, Any]:
    """GET /api/v2/sitelocation/{id}: the SIP Connection, 404 when there is none."""
    key = site_id.strip().lower()
    site = _sites(tenant).get(key) if numbering.is_guid(key) else None
    if site is None:
        raise NotFound(detail=f"SIP Connection '{site_id}' was not found.")
    return site


def dial_plan(tenant: TenantState, customer_id: str, site_id: str, plan_id: str) -> dict[str, Any]:
    """GET .../customer/{c}/sitelocation/{s}/dialplan/{name}: the plan with the site it belongs to."""
    site = get_site(tenant, site_id)
    if site.get("customerGuid") != customer_id.strip().lower():
        raise NotFound(detail=f"SIP Connection '{site_id}' was not found for customer '{customer_id}'.")
    wanted = plan_id.strip().lower()
    plan = next(
        (p for p in _plans(tenant).find("siteLocationId", site["id"]) if p["dialPlanId"].lower() == wanted),
        None,
    )
    if plan is None:
        raise NotFound(detail=f"Dial plan '{plan_id}' was not found on SIP Connection '{site_id}'.")
    return {"site": site, "plan": plan}


def _numbers_plan(tenant: TenantState, ms_tenant_id: str) -> dict[str, Any] | None:
    site = site_of(tenant, ms_tenant_id)
    if site is None:
        return None
    return _plans(tenant).get(f"{site['id']}/{NUMBERS_DIAL_PLAN}")


def add_prefixes(tenant: TenantState, ms_tenant_id: str, numbers: Iterable[str]) -> None:
    """Write numbers into the customer's OCDialPlan (an upload that completed)."""
    plan = _numbers_plan(tenant, ms_tenant_id)
    if plan is not None:
        prefixes = list(dict.fromkeys([*plan.get("prefixes", []), *numbers]))
        _plans(tenant).update(plan["id"], prefixes=prefixes)


def remove_prefixes(tenant: TenantState, ms_tenant_id: str, numbers: Iterable[str]) -> None:
    """Take numbers out of the customer's OCDialPlan (unassigned or released)."""
    plan = _numbers_plan(tenant, ms_tenant_id)
    if plan is not None:
        gone = set(numbers)
        _plans(tenant).update(plan["id"], prefixes=[p for p in plan.get("prefixes", []) if p not in gone])


def remove_site(tenant: TenantState, site_id: str) -> None:
    """Delete a SIP Connection and its dial plans (a cleanup task that completed)."""
    for plan in _plans(tenant).find("siteLocationId", site_id):
        _plans(tenant).delete(plan["id"])
    _sites(tenant).delete(site_id)
