"""Reading customer numbers and calling profiles (ReadNumbersforLeadV2.htm, GetCalling Profiles2.htm)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import NotFound, ValidationProblem, invalid
from sandbox.operator_connect.models.customers import customer_of, in_channel, ms_tenant_id_of

STATUSES = ("Active", "ReleaseRequested", "MarkedForRemoval", "ReadyForRemoval")
DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 1000


def _numbers(tenant: TenantState) -> Any:
    return tenant.collection("operator-connect", "numbers")


def customer_numbers(
    tenant: TenantState, ms_tenant_id: str | None, channel: int | None = None
) -> list[dict[str, Any]]:
    """GET /api/v2/oc/numbers?msTenantId=: every number of one customer (of the caller's channel)."""
    tenant_id = ms_tenant_id_of(ms_tenant_id)
    customer_of(tenant, tenant_id, channel)
    return sorted(_numbers(tenant).find("tenantId", tenant_id), key=lambda r: r["telephoneNumber"])


def _status(value: str) -> str:
    """`Release Requested` or `ReleaseRequested` (the doc writes the filter values with spaces)."""
    squashed = value.replace(" ", "").lower()
    for status in STATUSES:
        if status.lower() == squashed:
            return status
    raise invalid("acquiredNumberStatus", f"The value '{value}' is not valid.")


def _int(params: Mapping[str, str], name: str, default: int, maximum: int) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,9}", text) or not 1 <= int(text) <= maximum:
        raise ValidationProblem({name: [f"The field {name} must be between 1 and {maximum}."]})
    return int(text)


def number_page(tenant: TenantState, params: Mapping[str, str], channel: int | None = None) -> dict[str, Any]:
    """GET /api/v3/oc/numbers: numbers of one customer (or all of the channel's), by status, paged."""
    page = _int(params, "pageNumber", 1, 1_000_000)
    size = _int(params, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    status = _status(params["acquiredNumberStatus"]) if params.get("acquiredNumberStatus") else None
    if params.get("msTenantId"):
        tenant_id = ms_tenant_id_of(params["msTenantId"])
        customer_of(tenant, tenant_id, channel)
        records = _numbers(tenant).find("tenantId", tenant_id)
    else:
        records = _numbers(tenant).values()
    customers = tenant.collection("operator-connect", "customers")
    if channel is not None:
        records = [r for r in records if in_channel(customers.get(r.get("tenantId") or ""), channel)]
    if status:
        records = [r for r in records if r.get("acquiredNumberStatus") == status]
    records = sorted(records, key=lambda r: r["telephoneNumber"])
    data = []
    for record in records[(page - 1) * size : page * size]:
        customer = customers.get(record.get("tenantId") or "") or {}
        data.append({"record": record, "customer": customer})
    return {
        "currentPage": page,
        "pageSize": size,
        "totalPages": math.ceil(len(records) / size) if records else 0,
        "totalRecords": len(records),
        "data": data,
    }


def one_number(tenant: TenantState, number: str, channel: int | None = None) -> dict[str, Any]:
    """GET /api/v2/oc/numbers/{phonenumber} (with or without the `+`): one object."""
    text = number.strip().replace(" ", "+")
    key = text if text.startswith("+") else f"+{text}"
    record = _numbers(tenant).get(key)
    customers = tenant.collection("operator-connect", "customers")
    if record is not None and channel is not None:
        record = record if in_channel(customers.get(record.get("tenantId") or ""), channel) else None
    if record is None:
        raise NotFound(detail=f"Telephone number '{number}' was not found.")
    return record


def calling_profiles(tenant: TenantState) -> list[dict[str, Any]]:
    """GET /api/v2/oc/callingprofile: the operator's calling profiles."""
    return tenant.collection("operator-connect", "callingprofiles").values()
