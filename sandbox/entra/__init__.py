"""The Microsoft identity platform (Entra ID) token endpoint that Operator Connect clients use."""

from __future__ import annotations

from sandbox.core.vendor import CollectionSpec, Vendor, endpoint_operation
from sandbox.entra import exceptions, render, routes, world

vendor = Vendor(
    name="entra",
    prefix="/entra",
    blueprint=routes.blueprint,
    error=exceptions.EntraError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    coded_error=exceptions.coded_error,
    collections={
        "tenants": CollectionSpec(key="tenantId"),
        "applications": CollectionSpec(key="appId"),
    },
    seed=world.seed,
    operation=endpoint_operation,
    contract="operator-connect",
)
