"""Create Customer from Lead: `POST /api/v3/customer` queues a `wst_` task.

Pages SA/CreateCustfromLeadV3TenantId.htm and SA/CreateCustfromLeadV3IPG.htm.

When the task completes the lead is a Live Platform customer: it gets its `umpCustomerGuid`, names,
one SIP Connection (whose id is the guid) and that site's empty dial plans.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import ValidationProblem, invalid
from sandbox.operator_connect.models.body import conversion_error, fields
from sandbox.operator_connect.models.customers import OBJECT_REQUIRED, ms_tenant_id_of
from sandbox.operator_connect.models.tasks import TaskBoard

CONFIGURATIONS = ("OcEssential_TENANT_TYPE", "OcEssential_IPGROUP_TYPE")
SHORT_NAME = re.compile(r'^[^.\s\\/:*?"<>|]{3,15}$')
FULL_NAME_MAX = 128


def _text(data: dict[str, Any], key: str, field: str, errors: dict[str, list[str]]) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        errors.setdefault(field, []).append(f"The {field} field is required.")
        return None
    if not isinstance(value, str):
        errors.setdefault(field, []).append(conversion_error(value, "string", key))
        return None
    return value


def read_request(body: Any) -> dict[str, Any]:
    """The request's fields, validated (400 with every problem at once)."""
    if not isinstance(body, dict):
        raise invalid("", OBJECT_REQUIRED.format(type="CreateCustomerFromLeadRequest"))
    data = fields(body)
    errors: dict[str, list[str]] = {}
    configuration = _text(data, "configurationname", "ConfigurationName", errors)
    if configuration is not None:
        configuration = next((c for c in CONFIGURATIONS if c.lower() == configuration.lower()), None)
        if configuration is None:
            errors["ConfigurationName"] = [
                f"The value '{data['configurationname']}' is not valid for ConfigurationName."
            ]
    short = _text(data, "customershortname", "CustomerShortName", errors)
    if short is not None and not SHORT_NAME.match(short):
        errors["CustomerShortName"] = [
            "The CustomerShortName must be 3 to 15 characters without blanks, '.' or any of \\/:*?\"<>|."
        ]
    full = _text(data, "customerfullname", "CustomerFullName", errors)
    if full is not None and len(full) > FULL_NAME_MAX:
        errors["CustomerFullName"] = [f"The CustomerFullName must be at most {FULL_NAME_MAX} characters."]
    tenant_text = _text(data, "mstenantid", "MsTenantId", errors)
    scripts = data.get("scriptparameters")
    if scripts is not None and not isinstance(scripts, dict):
        errors["ScriptParameters"] = [conversion_error(scripts, "dictionary", "scriptParameters")]
    if errors:
        raise ValidationProblem(errors)
    try:
        ms_tenant_id = ms_tenant_id_of(tenant_text)
    except ValidationProblem:
        raise invalid("MsTenantId", f"The value '{tenant_text}' is not valid.") from None
    return {
        "configurationName": configuration,
        "customerShortName": short,
        "customerFullName": full,
        "msTenantId": ms_tenant_id,
        "scriptParameters": scripts or {},
    }


def create_from_lead(
    tenant: TenantState, board: TaskBoard, body: Any, failure: dict[str, Any] | None
) -> dict[str, Any]:
    """Validate the conversion and queue its `wst_` task; the guid is chosen now, given on completion."""
    request = read_request(body)
    customers = tenant.collection("operator-connect", "customers")
    lead = customers.get(request["msTenantId"])
    if lead is None:
        raise invalid("MsTenantId", f"Lead with msTenantId '{request['msTenantId']}' was not found.")
    if not lead.get("lead"):
        raise invalid("MsTenantId", f"The tenant '{request['msTenantId']}' is already a customer.")
    short = str(request["customerShortName"]).lower()
    if any(str(c.get("customerShortName") or "").lower() == short for c in customers):
        raise invalid(
            "CustomerShortName", f"A customer named '{request['customerShortName']}' already exists."
        )
    pending = [
        t["id"]
        for t in board.tasks.find("state", "InProgress")
        if t.get("kind") == "convert" and t.get("msTenantId") == request["msTenantId"]
    ]
    if pending:
        raise invalid("MsTenantId", f"The lead is already being converted by task {pending[0]}.")
    errors = [failure.get("message") or "Customer creation failed."] if failure is not None else []
    payload = {**request, "umpCustomerGuid": str(uuid.uuid4())}
    return board.create("wst_", "convert", lead, [], errors, payload)
