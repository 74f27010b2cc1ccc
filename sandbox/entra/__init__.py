"""The Microsoft identity platform (Entra ID) token endpoint that Operator Connect clients use."""

from __future__ import annotations

from sandbox.core.vendor import Vendor
from sandbox.entra import exceptions, render, routes, world

vendor = Vendor(
    name="entra",
    prefix="/entra",
    blueprint=routes.blueprint,
    error=exceptions.EntraError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    seed=world.seed,
    contract="operator-connect",
)
