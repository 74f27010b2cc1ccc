"""Validate Single Number (the page of that title): `POST /api/v2/oc/numbers/action/number-status`.

Each number gets its own result: `numberFound` says whether the Live Platform holds it (an upload
that completed; any customer), `numberOffering` and `assignmentStatus` are then the number's. A number
that is not E.164, or whose country is outside the customer's consent, is a per-number `Failure`
with the reason in `validationDetail`; only a malformed request is a 400.
"""

from __future__ import annotations

from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import ValidationProblem, invalid
from sandbox.operator_connect.models import numbering
from sandbox.operator_connect.models.body import conversion_error, fields
from sandbox.operator_connect.models.customers import OBJECT_REQUIRED, customer_of, ms_tenant_id_of
from sandbox.operator_connect.models.upload import max_numbers

SUCCESS = "Success"
FAILURE = "Failure"
OFFERING = "OperatorConnect"


def _numbers(data: dict[str, Any], limit: int) -> list[str]:
    value = data.get("telephonenumbers")
    if value is None:
        raise invalid("TelephoneNumbers", "The TelephoneNumbers field is required.")
    if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
        raise invalid("TelephoneNumbers", conversion_error(value, "list", "telephoneNumbers"))
    if not value:
        raise invalid("TelephoneNumbers", "At least one telephone number is required.")
    if len(value) > limit:
        raise invalid(
            "TelephoneNumbers",
            f"The number of phone numbers ({len(value)}) exceeds the maximum of {limit} per request.",
        )
    return list(value)


def _tenant_id(data: dict[str, Any], query_value: str | None) -> str:
    value = data.get("mstenantid", query_value)
    if value is not None and not isinstance(value, str):
        raise ValidationProblem({"MsTenantId": [conversion_error(value, "string", "msTenantId")]})
    return ms_tenant_id_of(value)


def _result(tenant: TenantState, customer: dict[str, Any], number: str) -> dict[str, Any]:
    record = tenant.collection("operator-connect", "numbers").get(number.strip())
    details: list[str] = []
    if not numbering.is_e164(number.strip()):
        details.append(f"The phone number '{number}' is not in E.164 format.")
    elif record is not None and record.get("tenantId") != customer["msTenantId"]:
        details.append("The number belongs to another customer.")
    elif record is None and not _consented(customer, number.strip()):
        details.append("The number's country code does not match the customer's consented countries.")
    return {
        "telephoneNumber": number,
        "validationResult": FAILURE if details else SUCCESS,
        "actionRequired": bool(details),
        "validationDetail": details,
        "telphoneNumberDetail": {  # sic: the doc's spelling
            "numberFound": record is not None,
            "numberOffering": OFFERING if record is not None else "",
            "assignmentStatus": str(record.get("assignmentStatus") or "") if record is not None else "",
        },
    }


def _consented(customer: dict[str, Any], number: str) -> bool:
    countries = set(customer.get("countries") or [])
    if numbering.is_nanp(number):
        return bool(countries & numbering.NANP_COUNTRIES)
    return numbering.country_of(number) in countries


def number_status(
    tenant: TenantState, body: Any, query_tenant: str | None, channel: int | None = None
) -> dict[str, Any]:
    """Validate numbers for a customer (the body's `msTenantId`; the query's when the body has none)."""
    if not isinstance(body, dict):
        raise invalid("", OBJECT_REQUIRED.format(type="OcNumberStatusRequest"))
    data = fields(body)
    ms_tenant_id = _tenant_id(data, query_tenant)
    numbers = _numbers(data, max_numbers(tenant))
    customer = customer_of(tenant, ms_tenant_id, channel)
    results = [_result(tenant, customer, n) for n in numbers]
    overall = SUCCESS if all(r["validationResult"] == SUCCESS for r in results) else FAILURE
    return {"validationResult": overall, "telephoneNumbers": results}
