"""Operator Connect's default world: consented customers, a lead, two calling profiles.

Every example of the Live Platform page "Upload Operator Connect Numbers to Customer" works as written,
including the doc's own task ids. Settings records: `tasks` (how tasks progress), `serviceProvider`
(whose tokens are accepted) and `sequences` (the next integer ids the Live Platform hands out).
"""

from __future__ import annotations

import uuid
from typing import Any

from sandbox.entra.world import API_APP_ID, API_AUDIENCE, SERVICE_PROVIDER_TENANT

CUSTOMER = "11111111-1111-4111-8111-111111111111"
OTHER_CUSTOMER = "33333333-3333-4333-8333-333333333333"
PROFILE_WITH_SBC = "5f3fbb3b-df9b-483d-b294-c7eb01e22aac"
PROFILE_WITHOUT_SBC = "22222222-2222-4222-8222-222222222222"
LEAD = "55555555-5555-4555-8555-555555555555"
SEED_TIME = "2024-04-16T12:13:42.8160255+00:00"  # the Specific Number page's `whenCreated`
DIAL_PLANS = ("CustDialPlan", "RegisteredUsers", "Zoom", "OCDialPlan")  # SA/Get DialPlan Contents
NUMBERS_DIAL_PLAN = "OCDialPlan"
DOC_UPLOAD_TASK = "wup_c14a0a55-fcc5-4598-b405-c978e7da1af4"
DOC_COMPLETED_TASK = "wup_d4b23bb0-3b8a-4966-a368-fef9667d019f"

TASK_SETTINGS: dict[str, Any] = {
    "id": "tasks",
    "mode": "polls",  # immediate | polls | seconds
    "polls": 1,  # in-progress answers a poller sees before the outcome
    "seconds": 30,  # for mode `seconds`: time on the sandbox clock from creation to outcome
    "maxNumbersPerRequest": 1000,
}

SEQUENCES: dict[str, Any] = {
    # The next integer ids (the doc's examples are in these ranges: id 125336, entry 324930, job 3103).
    "id": "sequences",
    "number": 125800,
    "entry": 325400,
    "job": 3200,
    "task": 1000,
}


def _uid(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"operator-connect:{name}"))


def _sbc(sbc_id: int, name: str) -> dict[str, Any]:
    return {
        "sbcId": sbc_id,
        "fqdn": f"{name.lower()}.sandbox.example",
        "ipAddress": f"192.0.2.{sbc_id}",
        "name": name,
    }


def _profile(profile_id: str, name: str, sbcs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "additionalSbcList": [],
        "callingProfileId": profile_id,
        "name": name,
        "enviroment": "Production",  # sic (Get Calling Profiles page)
        "region": "APAC",
        "carrier": "Sandbox Telecom",
        "offerTypes": [{"offerTypeName": "Calling", "testNumbers": []}],
        "emergencyDialStrings": ["000", "112", "911"],
        "isEmergencyProfile": False,
        "emergencyProfileId": None,
        "trunksEnrolled": [
            {
                "trunkFqdn": f"oc-{name.lower()}.sandbox.example",
                "trunkId": _uid(f"trunk:{profile_id}"),
                "matchingSbcList": sbcs,
            }
        ]
        if sbcs
        else [],
        "validation": {
            "isValid": bool(sbcs),
            "messages": [] if sbcs else ["No SBC is attached to the calling profile."],
        },
    }


def number_record(
    number: str,
    customer: str,
    country: str,
    *,
    ids: tuple[int, int, int],
    profile: str = PROFILE_WITH_SBC,
    capabilities: list[str] | None = None,
    assignment: str = "Unassigned",
    status: str = "Active",
    when: str = SEED_TIME,
    job: str | None = None,
    sbcs: list[dict[str, Any]] | None = None,
    source: str = "webapi",
) -> dict[str, Any]:
    """A customer number as the Live Platform stores it (the fields of GET /api/v2/oc/numbers).

    `ids` are the integers `id`, `uploadTelephoneNumberEntryId` and `uploadToAccountJobId`; `job`
    is the `tnUploadJobId` uuid (Microsoft's upload job), a different thing.
    """
    number_id, entry_id, job_id = ids
    caps = (
        capabilities if capabilities is not None else ["InboundCalling", "OutboundCalling", "UserAssignment"]
    )
    return {
        "telephoneNumber": number,
        "uploadTelephoneNumberEntryId": entry_id,
        "source": source,
        "sbcList": sbcs if sbcs is not None else [{"sbcName": "SBC-8", "sbcId": 8}],
        "id": number_id,
        "uploadToAccountJobId": job_id,
        "whenCreated": when,
        "acquiredNumberStatus": status,
        "callingProfileId": profile,
        "acquiredCapabilities": caps,
        "availableCapabilities": caps,
        "acquiredOn": when,
        "isoCountryCode": country,
        "tnUploadJobId": job or _uid(f"job:{number}"),
        "locationId": None,
        "civicAddressId": None,
        "assignmentStatus": assignment,
        "tenantId": customer,
        "aslcht": None,
        "aslsct": None,
        "aslvCode": None,
        "asticks": None,
    }


def customer_record(
    ms_tenant_id: str, short_name: str, full_name: str, company: str, countries: list[str], **extra: Any
) -> dict[str, Any]:
    """A Live Platform customer (a converted lead) of one Microsoft tenant."""
    guid = _uid(f"customer:{ms_tenant_id}")
    return {
        "msTenantId": ms_tenant_id,
        "lead": False,
        "consented": True,
        "countries": countries,
        "thirdPartyAppAssignment": False,
        "umpCustomerGuid": guid,
        "customerShortName": short_name,
        "umpCustomerFullName": full_name,
        "msCompanyName": company,
        "ocSipConnectionName": f"OC-{company.replace(' ', '-')}",
        "licenseType": 1,
        "licensedUsersCount": 100,
        "activeUserCount": 0,
        "liveHubActiveUsersCount": 0,
        "liveHubSimpleUsersCount": 0,
        "msDefaultDomain": f"{short_name.lower()}.onmicrosoft.com",
        "applicationClientId": _uid(f"customer-app:{ms_tenant_id}"),
        "applicationClientSecret": None,
        "clientSecretExpirationDate": None,
        "ovocChannelId": 0,
        **extra,
    }


def lead_record(ms_tenant_id: str, company: str, countries: list[str]) -> dict[str, Any]:
    """A Microsoft tenant that consented to the operator but is not yet a Live Platform customer."""
    return {
        "msTenantId": ms_tenant_id,
        "lead": True,
        "consented": True,
        "countries": countries,
        "thirdPartyAppAssignment": False,
        "umpCustomerGuid": None,
        "msCompanyName": company,
        "ovocChannelId": 0,
    }


def site_record(customer: dict[str, Any], site_name: str, sbc: dict[str, Any]) -> dict[str, Any]:
    """A customer's SIP Connection (site location); a single site's id is the customer's guid."""
    domain = str(sbc["fqdn"]).partition(".")[2] or str(sbc["fqdn"])
    return {
        "id": customer["umpCustomerGuid"],
        "customerGuid": customer["umpCustomerGuid"],
        "tenantId": customer["msTenantId"],
        "siteName": site_name,
        "onlinePstnGateway": f"{site_name.lower()}.{domain}",
        "m365DeploymentState": None,
        "sbcDeploymentState": 3,
        "sbcConfigurationType": 1,
        "sbcId": sbc["sbcId"],
        "cacProfile": "10 sessions",
        "enableCAC": True,
        "flagConfigureSbc": True,
        "flagCarrierRegistration": False,
        "carrierHostName": None,
        "carrierId": None,
        "carrierMainLine": None,
        "carrierUserName": None,
        "pendingTasks": [],
    }


def dial_plans(site_id: str, numbers: list[str]) -> list[dict[str, Any]]:
    """The SBC dial plans of a SIP Connection; OCDialPlan holds its uploaded numbers."""
    return [
        {
            "id": f"{site_id}/{name}",
            "siteLocationId": site_id,
            "dialPlanId": name,
            "prefixes": list(numbers) if name == NUMBERS_DIAL_PLAN else [],
        }
        for name in DIAL_PLANS
    ]


SERVICE_PROVIDER: dict[str, Any] = {
    "id": "serviceProvider",
    "tenantId": SERVICE_PROVIDER_TENANT,
    "audiences": [API_AUDIENCE, API_APP_ID],
}
"""Whose tokens the API accepts; also what applies when a world file leaves this record out."""


def _doc_tasks() -> list[dict[str, Any]]:
    """The Upload page's two task ids: one queued (as its upload answer shows), one as its example shows."""
    payload = {
        "callingProfileId": PROFILE_WITH_SBC,
        "usage": "CallingUserAssignment",
        "additionalUsages": [],
        "capabilities": ["InboundCalling", "OutboundCalling"],
        "country": "AU",
        "workflowVersion": 3,
        "sbcs": [_sbc(8, "SBC-8")],
    }
    base = {
        "kind": "upload",
        "msTenantId": CUSTOMER,
        "progress": {"mode": "polls", "polls": 1, "seconds": 30},
        "polls": 0,
        "numbers": [],
        "errors": [],
        "payload": payload,
    }
    return [
        {
            **base,
            "id": DOC_UPLOAD_TASK,
            "state": "InProgress",
            "createdAt": 1695903261.511115,
            "completedAt": None,
            "msJobId": _uid(f"msjob:{DOC_UPLOAD_TASK}"),
        },
        {
            **base,
            "id": DOC_COMPLETED_TASK,
            "state": "CompletedSuccess",
            "createdAt": 1695903261.511115,
            "completedAt": 1695903287.263514,
            "msJobId": "899c58a5-92df-4e93-a142-a35e72b7b743",
            # The doc's own seven-digit times (a float cannot carry the seventh digit).
            "wire": {
                "CreateTime": "2023-09-28T12:14:21.5111156Z",
                "CompleteTime": "2023-09-28T12:14:47.2635149Z",
                "MsJobWhenUpdated": "2023-09-28T12:14:46.0908199+00:00",
            },
        },
    ]


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    sbc8 = _sbc(8, "SBC-8")
    customer = customer_record(
        CUSTOMER, "SandboxCust", "Sandbox Customer Pty Ltd", "Sandbox Customer", ["AU", "US", "IL"]
    )
    other = customer_record(
        OTHER_CUSTOMER, "OtherCust", "Other Customer Inc", "Other Customer", ["US"], ovocChannelId=1
    )
    sites = [site_record(customer, "GRXRATNEUZMNZ", sbc8), site_record(other, "KQWLPZMXTRVBN", sbc8)]
    customer_numbers = ["+61398675570", "+61398675571"]
    return {
        "settings": [TASK_SETTINGS, SERVICE_PROVIDER, SEQUENCES],
        "customers": [customer, other, lead_record(LEAD, "Sandbox Lead", ["AU", "US"])],
        "sitelocations": sites,
        "dialplans": dial_plans(sites[0]["id"], customer_numbers)
        + dial_plans(sites[1]["id"], ["+14155550100"]),
        "callingprofiles": [
            _profile(PROFILE_WITH_SBC, "Sandbox-Calling", [sbc8]),
            _profile(PROFILE_WITHOUT_SBC, "Sandbox-NoSbc", []),
        ],
        "numbers": [
            # The Unassign page's example number, assigned to a user in Teams.
            number_record(
                "+61398675570", CUSTOMER, "AU", ids=(125796, 325390, 3185), assignment="UserAssigned"
            ),
            number_record("+61398675571", CUSTOMER, "AU", ids=(125797, 325391, 3185)),
            number_record("+14155550100", OTHER_CUSTOMER, "US", ids=(125336, 324930, 3103)),
        ],
        "tasks": _doc_tasks(),
        "inflight": [],
    }
