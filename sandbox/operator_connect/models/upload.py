"""POST /api/v2|v3/oc/numbers/action/upload (page "Upload Operator Connect Numbers to Customer").

Malformed input is refused with the doc's ValidationProblemDetails (400). What the Live Platform and
Microsoft check while the workflow runs (consent, toll-free usage, numbers already uploaded or in
another task) makes the queued task end failed with Error-level execution messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import ValidationProblem, invalid
from sandbox.operator_connect.models import numbering, sites
from sandbox.operator_connect.models.body import conversion_error, fields
from sandbox.operator_connect.models.customers import OBJECT_REQUIRED, customer_of, ms_tenant_id_of
from sandbox.operator_connect.models.tasks import TaskBoard

USAGES = (
    "CallingUserAssignment",
    "FirstPartyAppAssignment",
    "ConferenceAssignment",
    "ThirdPartyAppAssignment",
)
USAGE_ALIASES = {"conferenceassigned": "ConferenceAssignment"}  # an older page's spelling
USAGE_CAPABILITY = {
    "CallingUserAssignment": "UserAssignment",
    "FirstPartyAppAssignment": "FirstPartyAppAssignment",
    "ConferenceAssignment": "ConferenceAssignment",
    "ThirdPartyAppAssignment": "ThirdPartyAppAssignment",
}
CAPABILITIES = (
    "InboundCalling", "OutboundCalling", "UserAssignment", "FirstPartyAppAssignment", "ConferenceAssignment",
    "ThirdPartyAppAssignment", "Office365", "TollFree", "Calling", "Azure", "Geographic", "NonGeographic",
    "InboundA2PSms", "OutboundA2PSms", "InboundP2PSms", "OutboundP2PSms",
)  # fmt: skip
DEFAULT_WORKFLOW_VERSION = 2
WORKFLOW_VERSIONS = (1, 2, 3)


def _usage(value: str) -> str | None:
    lowered = value.lower()
    return next((u for u in USAGES if u.lower() == lowered), USAGE_ALIASES.get(lowered))


def _string(body: dict[str, Any], key: str, field: str, errors: dict[str, list[str]]) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        errors.setdefault(field, []).append(conversion_error(value, "string", key))
        return None
    return value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


def _strings(body: dict[str, Any], key: str, field: str, errors: dict[str, list[str]]) -> list[str]:
    value = body.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None for v in value):
        errors.setdefault(field, []).append(conversion_error(value, "list", key))
        return []
    return [v if isinstance(v, str) else str(v) for v in value]


def workflow_version(body: dict[str, Any], errors: dict[str, list[str]]) -> int:
    """`workflowVersion` as a number or a numeric string (the doc's first example sends `"3"`)."""
    value = body.get("workflowversion")
    if value is None:
        return DEFAULT_WORKFLOW_VERSION
    text = str(value).strip() if not isinstance(value, (bool, dict, list, float)) else None
    if text is None or not re.fullmatch(r"-?[0-9]{1,9}", text):
        errors.setdefault("WorkflowVersion", []).append(conversion_error(value, "int", "workflowVersion"))
        return DEFAULT_WORKFLOW_VERSION
    if int(text) not in WORKFLOW_VERSIONS:
        errors.setdefault("WorkflowVersion", []).append("The WorkflowVersion must be 1, 2 or 3.")
    return int(text)


def phone_numbers(
    body: dict[str, Any], errors: dict[str, list[str]], limit: int, key: str = "phonenumbers"
) -> list[str]:
    """`phoneNumbers` plus every `phoneNumberRanges` item expanded, in order, without duplicates."""
    listed = _strings(body, key, "PhoneNumbers", errors)
    for i, number in enumerate(listed):
        if not numbering.is_e164(number):
            errors.setdefault(f"PhoneNumbers[{i}]", []).append(
                f"The phone number '{number}' is not in E.164 format."
            )
    ranges = body.get("phonenumberranges")
    expanded: list[str] = []
    if ranges is not None and not isinstance(ranges, list):
        errors.setdefault("PhoneNumberRanges", []).append(
            conversion_error(ranges, "ranges", "phoneNumberRanges")
        )
        ranges = []
    total = len(listed)
    for i, item in enumerate(ranges or []):
        field = f"PhoneNumberRanges[{i}]"
        if not isinstance(item, dict):
            errors.setdefault(field, []).append(conversion_error(item, "ranges", f"phoneNumberRanges[{i}]"))
            continue
        item = fields(item)
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, str) or not numbering.is_e164(start):
            errors.setdefault(f"{field}.Start", []).append(
                f"The phone number '{start}' is not in E.164 format."
            )
            continue
        if not isinstance(end, str) or not numbering.is_e164(end):
            errors.setdefault(f"{field}.End", []).append(f"The phone number '{end}' is not in E.164 format.")
            continue
        if len(start) != len(end) or int(start[1:]) > int(end[1:]):
            errors.setdefault(field, []).append(
                "The range start must be less than or equal to the range end."
            )
            continue
        span = numbering.expand_range(start, end)
        total += len(span)
        if total > limit:
            break
        expanded.extend(f"+{n}" for n in span)
    if total > limit:
        errors.setdefault("PhoneNumbers", []).append(
            f"The number of phone numbers ({total}) exceeds the maximum of {limit} per request."
        )
    numbers = list(dict.fromkeys(listed + expanded))
    if not numbers and not errors:
        errors.setdefault("PhoneNumbers", []).append(
            "At least one phone number or phone number range is required."
        )
    return numbers


def max_numbers(tenant: TenantState) -> int:
    """The configurable maximum of numbers in one request (the Release page: "configurable")."""
    settings = tenant.collection("operator-connect", "settings").get("tasks") or {}
    value = settings.get("maxNumbersPerRequest", 1000)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1000


def read_upload(body: Mapping[str, Any], limit: int) -> dict[str, Any]:
    """Every documented field, validated (400 with all problems at once, as model binding reports)."""
    data = fields(body)
    errors: dict[str, list[str]] = {}
    profile = _string(data, "callingprofile", "CallingProfile", errors)
    usage_text = _string(data, "usage", "Usage", errors)
    additional_text = _strings(data, "additionalusages", "AdditionalUsages", errors)
    capabilities = _strings(data, "capabilities", "Capabilities", errors)
    country_text = _string(data, "country", "Country", errors)
    version = workflow_version(data, errors)
    numbers = phone_numbers(data, errors, limit)

    if not profile and "CallingProfile" not in errors:
        errors["CallingProfile"] = ["The CallingProfile field is required."]
    usage = None
    if not usage_text:
        errors.setdefault("Usage", []).append("The Usage field is required.")
    elif (usage := _usage(usage_text)) is None:
        errors.setdefault("Usage", []).append(f"The value '{usage_text}' is not valid for Usage.")
    additional = []
    for text in additional_text:
        value = _usage(text)
        if value is None:
            errors.setdefault("AdditionalUsages", []).append(
                f"The value '{text}' is not valid for AdditionalUsages."
            )
        elif value != usage:
            additional.append(value)
    if additional_text and version != 3:
        errors.setdefault("AdditionalUsages", []).append("Additional usages require workflow version 3.")
    if not capabilities and "Capabilities" not in errors:
        errors["Capabilities"] = ["The Capabilities field is required."]
    chosen = {USAGE_CAPABILITY[u] for u in [usage, *additional] if u}
    for cap in capabilities:
        if cap not in CAPABILITIES:
            errors.setdefault("Capabilities", []).append(f"The value '{cap}' is not valid for Capabilities.")
        elif cap in USAGE_CAPABILITY.values() and usage and cap not in chosen:
            errors.setdefault("Capabilities", []).append(
                f"The capability '{cap}' does not match the usage '{usage}'."
            )
    country = None
    if country_text:
        country = numbering.normalise_country(country_text)
        if country is None:
            errors.setdefault("Country", []).append(
                f"The country '{country_text}' is not a valid country code."
            )
    if errors:
        raise ValidationProblem(errors)
    return {
        "callingProfileId": profile,
        "usage": usage,
        "additionalUsages": additional,
        "capabilities": list(dict.fromkeys(capabilities)),
        "country": country,
        "workflowVersion": version,
        "numbers": numbers,
    }


def calling_profile_sbcs(tenant: TenantState, profile_id: str) -> list[dict[str, Any]]:
    """The SBCs of a calling profile: the doc's two CallingProfile errors otherwise."""
    profile = tenant.collection("operator-connect", "callingprofiles").get(profile_id.lower())
    if profile is None:
        raise invalid("CallingProfile", "Invalid CallingProfileId!")
    sbcs = [
        sbc for trunk in profile.get("trunksEnrolled") or [] for sbc in trunk.get("matchingSbcList") or []
    ]
    sbcs += list(profile.get("additionalSbcList") or [])
    if not sbcs:
        raise invalid("CallingProfile", "There are no SBCs assigned to this calling profile!")
    return sbcs


def workflow_errors(
    tenant: TenantState, board: TaskBoard, customer: dict[str, Any], request: dict[str, Any]
) -> list[str]:
    """What makes the upload workflow fail (Error-level execution messages)."""
    numbers: list[str] = request["numbers"]
    usage = request["usage"]
    errors = []
    if not sites.site_name(tenant, customer["msTenantId"]):
        errors.append("Site not found: the customer has no SIP Connection (convert the lead first).")
    if not customer.get("consented"):
        errors.append("The customer has not provided consent to the operator in the Teams admin center.")
    toll_free = [n for n in numbers if numbering.is_toll_free(n)]
    if toll_free and usage != "FirstPartyAppAssignment":
        errors.append(
            f"Toll-free numbers must be uploaded with the usage 'FirstPartyAppAssignment' ({usage} given): "
            + ", ".join(toll_free[:20])
        )
    nanp_toll_free = [n for n in toll_free if numbering.is_nanp(n)]
    if nanp_toll_free and request["country"] not in numbering.NANP_COUNTRIES:
        errors.append(
            "A country in North America is mandatory when uploading a toll-free number of the North America "
            "Numbering Plan: " + ", ".join(nanp_toll_free[:20])
        )
    if usage == "ThirdPartyAppAssignment" and not customer.get("thirdPartyAppAssignment"):
        errors.append(
            "The usage 'ThirdPartyAppAssignment' is not supported on the customer's Microsoft tenant."
        )
    consented = set(customer.get("countries") or [])
    foreign = [n for n in numbers if not _consented(n, request["country"], consented)]
    if foreign:
        errors.append(
            "The customer's consent does not include the country calling plan of the number(s): "
            + ", ".join(foreign[:20])
        )
    owned = tenant.collection("operator-connect", "numbers")
    present = [n for n in numbers if n in owned]
    if present:
        errors.append("Number(s) already present in Microsoft context: " + ", ".join(present[:20]))
    busy = board.busy(numbers)
    if busy:
        errors.append(
            "Number(s) already in another operation in progress: "
            + ", ".join(f"{n} ({t})" for n, t in list(busy.items())[:20])
        )
    return errors


def _consented(number: str, country: str | None, consented: set[str]) -> bool:
    if numbering.is_nanp(number):
        return (country if country in numbering.NANP_COUNTRIES else "US") in consented
    return numbering.country_of(number) in consented


def upload(
    tenant: TenantState,
    board: TaskBoard,
    ms_tenant_id: str | None,
    body: Any,
    failure: dict[str, Any] | None,
) -> dict[str, Any]:
    """Validate an upload and queue its `wup_` task."""
    tenant_id = ms_tenant_id_of(ms_tenant_id)
    if not isinstance(body, dict):
        raise invalid("", OBJECT_REQUIRED.format(type="OcUploadNumbersRequest"))
    request = read_upload(body, max_numbers(tenant))
    sbcs = calling_profile_sbcs(tenant, request["callingProfileId"])
    customer = customer_of(tenant, tenant_id)
    errors = workflow_errors(tenant, board, customer, request)
    if failure is not None:
        errors.append(failure.get("message") or "UploadToAccount job status: Failed.")
    payload = {**request, "sbcs": sbcs}
    del payload["numbers"]
    return board.create("wup_", "upload", customer, request["numbers"], errors, payload)
