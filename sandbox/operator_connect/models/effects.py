"""What a completed task does to the customer's numbers (applied only when the task completes)."""

from __future__ import annotations

import hashlib
import string
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.operator_connect.models import numbering, sites
from sandbox.operator_connect.models.sequences import next_id
from sandbox.operator_connect.models.sip_connections import known_sbcs
from sandbox.operator_connect.models.tasks import Effect, dotnet_time
from sandbox.operator_connect.models.upload import USAGE_CAPABILITY
from sandbox.operator_connect.world import customer_record, dial_plans, number_record, site_record


def _numbers(tenant: TenantState) -> Any:
    return tenant.collection("operator-connect", "numbers")


def uploaded(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A successful upload makes every number the customer's, Active and Unassigned, in its OCDialPlan."""
    if not succeeded:
        return
    payload = task["payload"]
    when = dotnet_time(Clock(tenant).time(), offset=True)
    job_id = next_id(tenant, "job") if task["numbers"] else None
    capabilities = list(payload["capabilities"])
    for usage in [payload["usage"], *payload.get("additionalUsages", [])]:
        cap = USAGE_CAPABILITY.get(usage)
        if cap and cap not in capabilities:
            capabilities.append(cap)
    sbcs = [{"sbcName": sbc.get("name"), "sbcId": sbc.get("sbcId")} for sbc in payload["sbcs"]]
    for number in task["numbers"]:
        country = numbering.country_of(number)
        if numbering.is_nanp(number) and payload.get("country") in numbering.NANP_COUNTRIES:
            country = payload["country"]
        record = number_record(
            number,
            task["msTenantId"],
            country or "",
            ids=(next_id(tenant, "number"), next_id(tenant, "entry"), job_id or 0),
            profile=payload["callingProfileId"],
            capabilities=capabilities,
            when=when,
            job=task["msJobId"],
            sbcs=sbcs,
        )
        _numbers(tenant).put(record)
    sites.add_prefixes(tenant, task["msTenantId"], task["numbers"])


def unassigned(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A successful unassign leaves the numbers Unassigned and takes them out of the OCDialPlan."""
    if not succeeded:
        return
    for number in task["numbers"]:
        if number in _numbers(tenant):
            _numbers(tenant).update(number, assignmentStatus="Unassigned")
    sites.remove_prefixes(tenant, task["msTenantId"], task["numbers"])


def released(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A successful release removes the numbers; a failed one puts them back to Active."""
    for number in task["numbers"]:
        if number not in _numbers(tenant):
            continue
        if succeeded:
            _numbers(tenant).delete(number)
        else:
            _numbers(tenant).update(number, acquiredNumberStatus="Active")
    if succeeded:
        sites.remove_prefixes(tenant, task["msTenantId"], task["numbers"])


def _site_name(guid: str) -> str:
    """A site name shaped like the doc's (`GRXRATNEUZMNZ`: 13 capital letters), stable per customer."""
    digest = hashlib.sha256(guid.encode()).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:13])


def converted(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A completed conversion makes the lead a customer with one SIP Connection and its dial plans."""
    if not succeeded:
        return
    payload = task["payload"]
    customers = tenant.collection("operator-connect", "customers")
    lead = customers.get(task["msTenantId"]) or {}
    record = customer_record(
        task["msTenantId"],
        payload["customerShortName"],
        payload["customerFullName"],
        str(lead.get("msCompanyName") or payload["customerFullName"]),
        list(lead.get("countries") or []),
        consented=lead.get("consented", True),
        ovocChannelId=lead.get("ovocChannelId", 0),
        configurationName=payload["configurationName"],
    )
    record["umpCustomerGuid"] = payload["umpCustomerGuid"]
    customers.put(record)
    sbcs = known_sbcs(tenant)
    sbc = sbcs[min(sbcs)] if sbcs else {"sbcId": None, "fqdn": "sbc.sandbox.example"}
    site = site_record(record, _site_name(record["umpCustomerGuid"]), sbc)
    gateway = payload.get("scriptParameters", {}).get("OnlinePstnGateway")
    if isinstance(gateway, str) and gateway:
        site["onlinePstnGateway"] = gateway
    tenant.collection("operator-connect", "sitelocations").put(site)
    for plan in dial_plans(site["id"], []):
        tenant.collection("operator-connect", "dialplans").put(plan)


def cleaned_up(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A completed SBC cleanup removes the SIP Connection; a failed one leaves it, no longer pending."""
    site_id = task["payload"]["siteId"]
    if succeeded:
        sites.remove_site(tenant, site_id)
    elif site_id in tenant.collection("operator-connect", "sitelocations"):
        tenant.collection("operator-connect", "sitelocations").update(site_id, pendingTasks=[])


EFFECTS: dict[str, Effect] = {
    "upload": uploaded,
    "unassign": unassigned,
    "release": released,
    "convert": converted,
    "sitecleanup": cleaned_up,
}
