"""Kolmisoft MOR billing API (XML; SHA1-hash-signed calls; the autodialer)."""

from __future__ import annotations

from sandbox.core.vendor import Vendor
from sandbox.mor import exceptions, render, routes, world

vendor = Vendor(
    name="mor",
    prefix="/mor",
    blueprint=routes.blueprint,
    error=exceptions.MorError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    seed=world.seed,
    contract="mor",
)
