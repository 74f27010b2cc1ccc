"""What a completed task does to the customer's numbers (applied only when the task completes)."""

from __future__ import annotations

from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.operator_connect.models import numbering
from sandbox.operator_connect.models.tasks import Effect, dotnet_time
from sandbox.operator_connect.models.upload import USAGE_CAPABILITY
from sandbox.operator_connect.world import number_record


def _numbers(tenant: TenantState) -> Any:
    return tenant.collection("operator-connect", "numbers")


def uploaded(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A successful upload makes every number the customer's, Active and Unassigned."""
    if not succeeded:
        return
    payload = task["payload"]
    when = dotnet_time(Clock(tenant).time())
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
            profile=payload["callingProfileId"],
            capabilities=capabilities,
            when=when,
            job=task["msJobId"],
            sbcs=sbcs,
        )
        _numbers(tenant).put(record)


def unassigned(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A successful unassign leaves the numbers Unassigned."""
    if not succeeded:
        return
    for number in task["numbers"]:
        if number in _numbers(tenant):
            _numbers(tenant).update(number, assignmentStatus="Unassigned")


def released(tenant: TenantState, task: dict[str, Any], succeeded: bool) -> None:
    """A successful release removes the numbers; a failed one puts them back to Active."""
    for number in task["numbers"]:
        if number not in _numbers(tenant):
            continue
        if succeeded:
            _numbers(tenant).delete(number)
        else:
            _numbers(tenant).update(number, acquiredNumberStatus="Active")


EFFECTS: dict[str, Effect] = {"upload": uploaded, "unassign": unassigned, "release": released}
