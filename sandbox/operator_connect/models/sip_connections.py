"""Modify and Delete SIP Connection (SP/Modify Site Location.htm, SA/DeleteSIPConnections.htm).

Modify is `PATCH /api/v2/customer/{customerGuid}/sitelocation/`; the doc lists `sbcSiteGuid` as a
parameter but the URL has no slot for it, so it is read from the query or the body, and defaults to
the customer's guid (a single site's id). Delete queues a `tsk_<n>` SBC cleanup task.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import NotFound, ValidationProblem, invalid
from sandbox.operator_connect.models import numbering
from sandbox.operator_connect.models.body import conversion_error, fields
from sandbox.operator_connect.models.customers import OBJECT_REQUIRED
from sandbox.operator_connect.models.directory import customer_by_guid
from sandbox.operator_connect.models.sequences import next_id
from sandbox.operator_connect.models.sites import get_site
from sandbox.operator_connect.models.tasks import TaskBoard

CAC_PROFILE = re.compile(r"^[0-9]{1,5} sessions?$")
SITE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
FLAGS = {
    "enablecac": "enableCAC",
    "flagconfiguresbc": "flagConfigureSbc",
    "flagcarrierregistration": "flagCarrierRegistration",
}


def known_sbcs(tenant: TenantState) -> dict[int, dict[str, Any]]:
    """Every SBC device the calling profiles map to, by id."""
    sbcs: dict[int, dict[str, Any]] = {}
    for profile in tenant.collection("operator-connect", "callingprofiles"):
        for trunk in profile.get("trunksEnrolled") or []:
            for sbc in trunk.get("matchingSbcList") or []:
                sbcs.setdefault(sbc.get("sbcId"), sbc)
        for sbc in profile.get("additionalSbcList") or []:
            if isinstance(sbc, dict):
                sbcs.setdefault(sbc.get("sbcId"), sbc)
    return sbcs


def _site_id(customer: dict[str, Any], query_value: str | None, data: dict[str, Any]) -> str:
    value = query_value if query_value is not None else data.get("sbcsiteguid")
    if value is None:
        return str(customer["umpCustomerGuid"])
    if not isinstance(value, str) or not numbering.is_guid(value.strip()):
        raise invalid("sbcSiteGuid", f"The value '{value}' is not valid.")
    return value.strip().lower()


def _changes(tenant: TenantState, data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    changes: dict[str, Any] = {}
    if "sbcid" in data:
        value = data["sbcid"]
        if not isinstance(value, int) or isinstance(value, bool):
            errors["SbcId"] = [conversion_error(value, "int", "sbcId")]
        elif value not in known_sbcs(tenant):
            errors["SbcId"] = [f"SBC with id {value} was not found."]
        else:
            changes["sbcId"] = value
    if "sbcsitename" in data:
        value = data["sbcsitename"]
        if not isinstance(value, str) or not SITE_NAME.match(value):
            errors["SbcSiteName"] = [f"The value '{value}' is not valid for SbcSiteName."]
        else:
            changes["siteName"] = value
    if "cacprofile" in data:
        value = data["cacprofile"]
        if not isinstance(value, str) or not CAC_PROFILE.match(value.strip()):
            errors["CacProfile"] = [f"The value '{value}' is not valid for CacProfile."]
        else:
            changes["cacProfile"] = value.strip()
    for key, name in FLAGS.items():
        if key in data:
            if not isinstance(data[key], bool):
                errors[name[0].upper() + name[1:]] = [conversion_error(data[key], "bool", name)]
            else:
                changes[name] = data[key]
    if errors:
        raise ValidationProblem(errors)
    return changes


def modify(tenant: TenantState, customer_guid: str, site_query: str | None, body: Any) -> dict[str, Any]:
    """PATCH the SIP Connection: the changed fields read back on Get SIP Connection."""
    customer = customer_by_guid(tenant, customer_guid)
    if not isinstance(body, dict):
        raise invalid("", OBJECT_REQUIRED.format(type="SiteLocationUpdateRequest"))
    data = fields(body)
    site = get_site(tenant, _site_id(customer, site_query, data))
    if site.get("customerGuid") != customer["umpCustomerGuid"]:
        raise NotFound(detail=f"SIP Connection '{site['id']}' was not found for customer '{customer_guid}'.")
    if site.get("pendingTasks"):
        raise invalid("sbcSiteGuid", f"The SIP Connection has a pending task: {site['pendingTasks'][0]}.")
    changes = _changes(tenant, data)
    if "siteName" in changes:
        domain = str(site.get("onlinePstnGateway") or "").partition(".")[2]
        changes["onlinePstnGateway"] = f"{changes['siteName'].lower()}.{domain}" if domain else None
    sites = tenant.collection("operator-connect", "sitelocations")
    return sites.update(site["id"], **changes)


def delete(
    tenant: TenantState, board: TaskBoard, site_id: str, failure: dict[str, Any] | None
) -> dict[str, Any]:
    """DELETE /api/v2/sitelocation/{id}: queue the SBC cleanup task (the site goes when it completes)."""
    site = get_site(tenant, site_id)
    if site.get("pendingTasks"):
        raise invalid("sbcSiteGuid", f"The SIP Connection has a pending task: {site['pendingTasks'][0]}.")
    customer = tenant.collection("operator-connect", "customers").get(site.get("tenantId") or "")
    errors = [failure.get("message") or "SBC cleanup script failed."] if failure is not None else []
    task_id = f"tsk_{next_id(tenant, 'task')}"
    tenant.collection("operator-connect", "sitelocations").update(site["id"], pendingTasks=[task_id])
    return board.create("tsk_", "sitecleanup", customer, [], errors, {"siteId": site["id"]}, task_id=task_id)
