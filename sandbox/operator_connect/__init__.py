"""AudioCodes Live Platform Operator Connect (JSON; Entra tokens; asynchronous tasks)."""

from __future__ import annotations

from sandbox.core.vendor import CollectionSpec, Vendor, endpoint_operation
from sandbox.operator_connect import exceptions, render, routes, world

vendor = Vendor(
    name="operator-connect",
    prefix="/operator-connect",
    blueprint=routes.blueprint,
    error=exceptions.OperatorConnectError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    coded_error=exceptions.coded_error,
    collections={
        "settings": CollectionSpec(key="id"),
        "customers": CollectionSpec(key="msTenantId"),
        "sitelocations": CollectionSpec(key="id", indexes=("tenantId",)),
        "dialplans": CollectionSpec(key="id", indexes=("siteLocationId",)),
        "callingprofiles": CollectionSpec(key="callingProfileId"),
        "numbers": CollectionSpec(key="telephoneNumber", indexes=("tenantId",)),
        "tasks": CollectionSpec(key="id", indexes=("state",)),
        "inflight": CollectionSpec(key="telephoneNumber", indexes=("taskId",)),
    },
    seed=world.seed,
    operation=endpoint_operation,
    contract="operator-connect",
    task_operations=frozenset(
        {
            "uploadNumbers",
            "uploadNumbersV3",
            "unassignNumbers",
            "releaseNumbers",
            "deleteSipConnection",
            "createCustomerFromLead",
            "getTask",
        }
    ),
)
