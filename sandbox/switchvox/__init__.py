"""Switchvox Extend API (XML and JSON envelopes; Digest/Basic; bulk extension upload)."""

from __future__ import annotations

from sandbox.core.vendor import Vendor
from sandbox.switchvox import exceptions, render, routes, world

vendor = Vendor(
    name="switchvox",
    prefix="/switchvox",
    blueprint=routes.blueprint,
    error=exceptions.SwitchvoxError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    seed=world.seed,
    contract="switchvox",
)
