"""Operator Connect's wire format: JSON bodies, errors as ASP.NET Core problem details."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Response, jsonify

from sandbox.core.errors import VendorError
from sandbox.operator_connect.exceptions import PROBLEM_TYPES, OperatorConnectError, ValidationProblem


def json_response(body: Any, status: int = 200) -> Response:
    """A JSON response (ASP.NET Core's `application/json; charset=utf-8`)."""
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/json"
    return response


def trace_id() -> str:
    """A W3C trace-context id, as ASP.NET Core writes `traceId`."""
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-00"


def render_error(error: VendorError) -> Response:
    """RFC 7807 problem details; validation problems carry `errors` first, as ASP.NET orders them."""
    kind = PROBLEM_TYPES.get(
        error.status, ("https://tools.ietf.org/html/rfc7231#section-6.5.1", error.message)
    )[0]
    body: dict[str, Any] = {}
    if isinstance(error, ValidationProblem):
        body["errors"] = error.errors
    body.update({"type": kind, "title": error.message, "status": error.status})
    if isinstance(error, OperatorConnectError) and error.detail:
        body["detail"] = error.detail
    body["traceId"] = trace_id()
    response = json_response(body, error.status)
    response.mimetype = "application/problem+json"
    return response


V2_FIELDS = (
    "uploadTelephoneNumberEntryId", "source", "sbcList", "id", "uploadToAccountJobId", "whenCreated",
    "acquiredNumberStatus", "telephoneNumber", "callingProfileId", "acquiredCapabilities",
    "availableCapabilities", "acquiredOn", "isoCountryCode", "tnUploadJobId", "locationId", "civicAddressId",
    "assignmentStatus", "tenantId", "aslcht", "aslsct", "aslvCode", "asticks",
)  # fmt: skip


def number_v2(record: dict[str, Any]) -> dict[str, Any]:
    """A number in the field order of ReadNumbersforLeadV2.htm (Get Customer Numbers V2)."""
    return {field: record.get(field) for field in V2_FIELDS}


def numbers_v2(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GET /api/v2/oc/numbers: a bare array."""
    return [number_v2(r) for r in records]


V3_EXTRA_FIELDS = (
    "tenantCallingProfileId", "ocSipConnectionName", "ocSipConnectionDescription", "umpCustomerGuid",
    "sbcListJson", "ovocChannelId", "consentedOn", "umpCustomerFullName", "msCompanyName", "sbcListArray",
)  # fmt: skip
"""The fields a V3 item adds, in the V3 page's order: after `sbcList`, before `id`."""


def number_v3(record: dict[str, Any], customer: dict[str, Any]) -> dict[str, Any]:
    """A V3 item: the V2 fields with the customer's fields between `sbcList` and `id`."""
    extras = {
        "tenantCallingProfileId": None,
        "ocSipConnectionName": customer.get("ocSipConnectionName"),
        "ocSipConnectionDescription": None,
        "umpCustomerGuid": customer.get("umpCustomerGuid"),
        "sbcListJson": None,
        "ovocChannelId": customer.get("ovocChannelId", 0),
        "consentedOn": None,
        "umpCustomerFullName": customer.get("umpCustomerFullName"),
        "msCompanyName": customer.get("msCompanyName"),
        "sbcListArray": [],
    }
    item: dict[str, Any] = {}
    for field in V2_FIELDS:
        if field == "id":
            item.update(extras)
        item[field] = record.get(field)
    return item


def number_page(page: dict[str, Any]) -> dict[str, Any]:
    """GET /api/v3/oc/numbers: the paging envelope of V3 items."""
    data = [number_v3(item["record"], item["customer"]) for item in page["data"]]
    return {**page, "data": data}
