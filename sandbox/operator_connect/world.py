"""Operator Connect's default world (DESIGN.md): one consented customer, two calling profiles.

Every example of AudioCodes' "Upload Operator Connect Numbers to Customer" page works against it as written.
Settings records: `tasks` (how tasks progress) and `serviceProvider` (whose tokens are accepted).
"""

from __future__ import annotations

import uuid
from typing import Any

from sandbox.entra.world import API_APP_ID, API_AUDIENCE, SERVICE_PROVIDER_TENANT

CUSTOMER = "11111111-1111-4111-8111-111111111111"
OTHER_CUSTOMER = "33333333-3333-4333-8333-333333333333"
PROFILE_WITH_SBC = "5f3fbb3b-df9b-483d-b294-c7eb01e22aac"
PROFILE_WITHOUT_SBC = "22222222-2222-4222-8222-222222222222"
SEED_TIME = "2024-01-15T09:30:00.0000000Z"

TASK_SETTINGS: dict[str, Any] = {
    "id": "tasks",
    "mode": "polls",  # immediate | polls | seconds
    "polls": 1,  # in-progress answers a poller sees before the outcome
    "seconds": 30,  # for mode `seconds`: time on the sandbox clock from creation to outcome
    "maxNumbersPerRequest": 1000,
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
        "enviroment": "Production",  # sic (AudioCodes' "Get Calling Profiles" page)
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
    profile: str = PROFILE_WITH_SBC,
    capabilities: list[str] | None = None,
    assignment: str = "Unassigned",
    status: str = "Active",
    when: str = SEED_TIME,
    job: str | None = None,
    sbcs: list[dict[str, Any]] | None = None,
    source: str = "webapi",
) -> dict[str, Any]:
    """A customer number as the Live Platform stores it (the fields of GET /api/v2/oc/numbers)."""
    caps = (
        capabilities if capabilities is not None else ["InboundCalling", "OutboundCalling", "UserAssignment"]
    )
    return {
        "telephoneNumber": number,
        "uploadTelephoneNumberEntryId": _uid(f"entry:{number}:{when}"),
        "source": source,
        "sbcList": sbcs if sbcs is not None else [{"sbcName": "SBC-8", "sbcId": 8}],
        "id": _uid(f"number:{number}:{when}"),
        "uploadToAccountJobId": job or _uid(f"job:{number}"),
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


SERVICE_PROVIDER: dict[str, Any] = {
    "id": "serviceProvider",
    "tenantId": SERVICE_PROVIDER_TENANT,
    "audiences": [API_AUDIENCE, API_APP_ID],
}
"""Whose tokens the API accepts; also what applies when a world file leaves this record out."""


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    return {
        "settings": [
            TASK_SETTINGS,
            SERVICE_PROVIDER,
        ],
        "customers": [
            {
                "msTenantId": CUSTOMER,
                "consented": True,
                "countries": ["AU", "US", "IL"],
                "thirdPartyAppAssignment": False,
                "siteName": "GRXRATNEUZMNZ",
                "umpCustomerGuid": _uid(f"customer:{CUSTOMER}"),
                "umpCustomerFullName": "Sandbox Customer Pty Ltd",
                "msCompanyName": "Sandbox Customer",
                "ocSipConnectionName": "OC-Sandbox-Customer",
            },
            {
                "msTenantId": OTHER_CUSTOMER,
                "consented": True,
                "countries": ["US"],
                "thirdPartyAppAssignment": False,
                "siteName": "KQWLPZMXTRVBN",
                "umpCustomerGuid": _uid(f"customer:{OTHER_CUSTOMER}"),
                "umpCustomerFullName": "Other Customer Inc",
                "msCompanyName": "Other Customer",
                "ocSipConnectionName": "OC-Other-Customer",
            },
        ],
        "callingprofiles": [
            _profile(PROFILE_WITH_SBC, "Sandbox-Calling", [_sbc(8, "SBC-8")]),
            _profile(PROFILE_WITHOUT_SBC, "Sandbox-NoSbc", []),
        ],
        "numbers": [
            # The Unassign page's example number, assigned to a user in Teams.
            number_record("+61398675570", CUSTOMER, "AU", assignment="UserAssigned"),
            number_record("+61398675571", CUSTOMER, "AU"),
            number_record("+14155550100", OTHER_CUSTOMER, "US"),
        ],
        "tasks": [],
        "inflight": [],
    }
