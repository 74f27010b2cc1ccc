"""AudioCodes Live Platform Operator Connect (JSON; Entra tokens; asynchronous tasks)."""

from __future__ import annotations

from sandbox.core.vendor import Vendor
from sandbox.operator_connect import exceptions, render, routes, world

vendor = Vendor(
    name="operator-connect",
    prefix="/operator-connect",
    blueprint=routes.blueprint,
    error=exceptions.OperatorConnectError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    seed=world.seed,
    contract="operator-connect",
)
