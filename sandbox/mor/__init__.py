"""Kolmisoft MOR billing API (XML; SHA1-hash-signed calls; the autodialer)."""

from __future__ import annotations

from sandbox.core.vendor import CollectionSpec, Vendor
from sandbox.mor import exceptions, render, routes, transport, world

vendor = Vendor(
    name="mor",
    prefix="/mor",
    blueprint=routes.blueprint,
    error=exceptions.MorError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    coded_error=exceptions.coded_error,
    collections={
        "settings": CollectionSpec(key="id"),
        "users": CollectionSpec(key="username", indexes=("id", "uniquehash")),
        "campaigns": CollectionSpec(key="id", indexes=("user",)),
        "numbers": CollectionSpec(key="id", indexes=("campaign_id",)),
        "calls": CollectionSpec(key="id", indexes=("campaign_id",)),
        "local_calls": CollectionSpec(key="id"),
    },
    seed=world.seed,
    operation=transport.function_name,
    contract="mor",
)
