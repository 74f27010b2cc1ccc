"""Unassign and release (pages "Unassign Numbers", "Release Numbers"): `tsk_msjob_` tasks.

Release is rate-limited to 10 requests per 10 s on the sandbox clock, and an assigned number must
be unassigned first. Refusals are ValidationProblemDetails, like the upload's.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import TooManyRequests, ValidationProblem, invalid
from sandbox.operator_connect.models.body import fields
from sandbox.operator_connect.models.customers import OBJECT_REQUIRED, customer_of, ms_tenant_id_of
from sandbox.operator_connect.models.tasks import TaskBoard
from sandbox.operator_connect.models.upload import max_numbers, phone_numbers

RELEASE_LIMIT = 10
RELEASE_WINDOW_S = 10.0


def _numbers_of(tenant: TenantState, body: Any, key: str, type_name: str) -> list[str]:
    limit = max_numbers(tenant)
    errors: dict[str, list[str]] = {}
    if isinstance(body, list):  # the older Release page posts a bare array of numbers
        body = {key: body}
    if not isinstance(body, dict):
        raise invalid("", OBJECT_REQUIRED.format(type=type_name))
    data = fields(body)
    if key not in data and "phonenumbers" in data:
        key = "phonenumbers"
    numbers = phone_numbers(data, errors, limit, key=key)
    if errors:
        renamed = {name.replace("PhoneNumbers", "TelephoneNumbers"): msgs for name, msgs in errors.items()}
        raise ValidationProblem(renamed)
    return numbers


def _owned(
    tenant: TenantState, board: TaskBoard, customer: dict[str, Any], numbers: list[str]
) -> list[dict[str, Any]]:
    records = tenant.collection("operator-connect", "numbers")
    missing = [n for n in numbers if (records.get(n) or {}).get("tenantId") != customer["msTenantId"]]
    if missing:
        raise invalid(
            "TelephoneNumbers", "Number(s) not found for the customer's tenant: " + ", ".join(missing[:20])
        )
    busy = board.busy(numbers)
    if busy:
        raise invalid(
            "TelephoneNumbers",
            "Number(s) already in another operation in progress: "
            + ", ".join(f"{n} ({t})" for n, t in list(busy.items())[:20]),
        )
    return [records.get(n) for n in numbers]  # type: ignore[misc]


def _request(
    tenant: TenantState, board: TaskBoard, ms_tenant_id: str | None, body: Any, type_name: str
) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
    """An unassign or release request checked: the customer, its numbers, and their records."""
    tenant_id = ms_tenant_id_of(ms_tenant_id)
    numbers = _numbers_of(tenant, body, "telephonenumbers", type_name)
    customer = customer_of(tenant, tenant_id)
    return customer, numbers, _owned(tenant, board, customer, numbers)


def _failed(failure: dict[str, Any] | None, default: str) -> list[str]:
    """The Error messages a `task_failure` fault gives the task (none without one)."""
    return [failure.get("message") or default] if failure is not None else []


def unassign(
    tenant: TenantState, board: TaskBoard, ms_tenant_id: str | None, body: Any, failure: dict[str, Any] | None
) -> dict[str, Any]:
    """POST /api/v2/oc/numbers/action/unassign?msTenantId=: `{"telephoneNumbers": [...]}`."""
    customer, numbers, _ = _request(tenant, board, ms_tenant_id, body, "OcUnassignNumbersRequest")
    errors = _failed(failure, "Unassign job status: Failed.")
    return board.create("tsk_msjob_", "unassign", customer, numbers, errors, {})


def check_release_rate(tenant: TenantState, clock: Clock) -> None:
    """10 release requests per 10 s (sliding window on the sandbox clock); 429 with Retry-After."""
    window: deque[float] = tenant.extras.setdefault("operator-connect.release", deque())
    now = clock.time()
    while window and (window[0] <= now - RELEASE_WINDOW_S or window[0] > now):
        window.popleft()
    if len(window) >= RELEASE_LIMIT:
        retry = max(1, int(window[0] + RELEASE_WINDOW_S - now + 0.999))
        raise TooManyRequests(
            detail=f"Rate limit exceeded: {RELEASE_LIMIT} release requests per {RELEASE_WINDOW_S:g} seconds.",
            headers={"Retry-After": str(retry)},
        )
    window.append(now)


def release(
    tenant: TenantState, board: TaskBoard, ms_tenant_id: str | None, body: Any, failure: dict[str, Any] | None
) -> dict[str, Any]:
    """POST /api/v2/oc/numbers/action/release?msTenantId=: an array, or numbers and ranges in an object."""
    customer, numbers, records = _request(tenant, board, ms_tenant_id, body, "OcReleaseNumbersRequest")
    assigned = [
        r["telephoneNumber"] for r in records if r.get("assignmentStatus") not in (None, "Unassigned")
    ]
    if assigned:
        raise invalid(
            "TelephoneNumbers",
            "Assigned number(s) must be unassigned before they can be released: " + ", ".join(assigned[:20]),
        )
    errors = _failed(failure, "Release job status: Failed.")
    numbers_coll = tenant.collection("operator-connect", "numbers")
    for number in numbers:
        numbers_coll.update(number, acquiredNumberStatus="ReleaseRequested")
    return board.create("tsk_msjob_", "release", customer, numbers, errors, {})
