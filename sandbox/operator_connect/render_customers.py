"""Customers, SIP Connections and dial plans on the wire, as the Live Platform pages show them.

The customer pages write PascalCase keys (`Id`, `ShortName`, `UmpCustomerGuid`...); the SIP
Connection and dial plan pages write camelCase. Both are as the pages show them.
"""

from __future__ import annotations

from typing import Any

SBC_CONFIGURATION_TYPES = {1: "SipTrunk", 2: "Byoc"}


def _site_brief(site: dict[str, Any], full: bool = False) -> dict[str, Any]:
    brief = {
        "id": site["id"],
        "name": site.get("siteName"),
        "sbcId": site.get("sbcId"),
        "sbcDeploymentState": "Deployed" if site.get("sbcDeploymentState") == 3 else "NotDeployed",
    }
    if full:
        brief["sbcConfigurationType"] = SBC_CONFIGURATION_TYPES.get(
            site.get("sbcConfigurationType"), "SipTrunk"
        )
    return brief


V2_KEYS = (
    ("Id", "umpCustomerGuid"), ("ShortName", "customerShortName"), ("FullName", "umpCustomerFullName"),
    ("LicenseType", "licenseType"),
)  # fmt: skip
V3_KEYS = (
    ("UmpCustomerGuid", "umpCustomerGuid"), ("CustomerShortName", "customerShortName"),
    ("CustomerFullName", "umpCustomerFullName"), ("LicenseType", "licenseType"),
    ("LicensedUsersCount", "licensedUsersCount"), ("MsTenantId", "msTenantId"),
    ("ActiveUserCount", "activeUserCount"), ("LiveHubActiveUsersCount", "liveHubActiveUsersCount"),
    ("LiveHubSimpleUsersCount", "liveHubSimpleUsersCount"),
)  # fmt: skip
V3_DETAIL_KEYS = (
    ("MsDefaultDomain", "msDefaultDomain"), ("ApplicationClientId", "applicationClientId"),
    ("ApplicationClientSecret", "applicationClientSecret"),
    ("ClientSecretExpirationDate", "clientSecretExpirationDate"),
)  # fmt: skip
"""Wire key (the pages' PascalCase) and record field, in the pages' order."""
DEFAULTS = {
    "licenseType": 1,
    "activeUserCount": 0,
    "liveHubActiveUsersCount": 0,
    "liveHubSimpleUsersCount": 0,
}


def _keys(customer: dict[str, Any], keys: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {wire: customer.get(field, DEFAULTS.get(field)) for wire, field in keys}


def customer_v2(customer: dict[str, Any]) -> dict[str, Any]:
    """GET /api/v2/customer: one item of the bare array."""
    return _keys(customer, V2_KEYS)


def customer_v2_detail(customer: dict[str, Any], sites: list[dict[str, Any]]) -> dict[str, Any]:
    """GET /api/v2/customer/{CustomerGuid}: the brief fields and the customer's SIP Connections."""
    return {**customer_v2(customer), "SiteLocation": [_site_brief(s) for s in sites]}


def customer_v3(customer: dict[str, Any], sites: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """GET /api/v3/customer: one item; `sites` given when `allDetails=true`."""
    body = _keys(customer, V3_KEYS)
    if sites is not None:
        body["SiteLocation"] = [_site_brief(s) for s in sites]
    return body


def customer_v3_detail(customer: dict[str, Any], sites: list[dict[str, Any]] | None) -> dict[str, Any]:
    """GET /api/v3/customer/{UmpCustomerGuid}: the V3 item plus the customer's application."""
    body = {**customer_v3(customer), **_keys(customer, V3_DETAIL_KEYS)}
    if sites is not None:
        body["SiteLocation"] = [_site_brief(s, full=True) for s in sites]
    return body


def sip_connection(site: dict[str, Any]) -> dict[str, Any]:
    """GET /api/v2/sitelocation/{SiteLocationId} (SP/Get Site Location.htm)."""
    return {
        "tenantId": site.get("tenantId"),
        "m365DeploymentState": site.get("m365DeploymentState"),
        "sbcDeploymentState": site.get("sbcDeploymentState"),
        "siteName": site.get("siteName"),
        "onlinePstnGateway": site.get("onlinePstnGateway"),
        "sbcInfo": {
            "sbcConfigurationType": site.get("sbcConfigurationType"),
            "cacProfile": site.get("cacProfile"),
            "carrierHostName": site.get("carrierHostName"),
            "carrierId": site.get("carrierId"),
            "carrierMainLine": site.get("carrierMainLine"),
            "carrierUserName": site.get("carrierUserName"),
            "flagConfigureSbc": site.get("flagConfigureSbc"),
            "sbcId": site.get("sbcId"),
            "sbcScripts": {"onboardingScript": 0, "cleanupScript": 0, "customerVariables": {}},
        },
        "m365Info": {
            "m365Scripts": {
                "flagConfigureM365Routing": False,
                "onboardingScript": 0,
                "cleanupScript": 0,
                "customerVariables": {},
            }
        },
        "pendingTasks": list(site.get("pendingTasks") or []),
    }


def site_deletion(task_id: str) -> dict[str, Any]:
    """DELETE /api/v2/sitelocation/{sbcSiteGuid}: the queued-task object of SA/DeleteSIPConnections.htm."""
    return {"status": True, "msg": "queued", "sbcCleanupTaskId": task_id, "o365CleanupTask": "tsk_0"}


def dial_plan(found: dict[str, Any]) -> dict[str, Any]:
    """GET .../dialplan/{dialplanId}: `{dialPlanId, ruleDTO: [{name, prefix, tag}]}`."""
    site, plan = found["site"], found["plan"]
    return {
        "dialPlanId": plan["dialPlanId"],
        "ruleDTO": [
            {"name": site.get("siteName"), "prefix": prefix, "tag": site.get("onlinePstnGateway")}
            for prefix in plan.get("prefixes", [])
        ],
    }
