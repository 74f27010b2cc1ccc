"""Switchvox Extend API (XML and JSON envelopes; Digest/Basic; extensions, users, calls, call logs)."""

from __future__ import annotations

from sandbox.core.vendor import CollectionSpec, Vendor
from sandbox.switchvox import envelope, exceptions, render, routes, world
from sandbox.switchvox.faults import coded_error

vendor = Vendor(
    name="switchvox",
    prefix="/switchvox",
    blueprint=routes.blueprint,
    error=exceptions.SwitchvoxError,
    render_error=render.render_error,
    http_error=exceptions.http_error,
    coded_error=coded_error,
    collections={
        "admins": CollectionSpec(key="username"),
        "templates": CollectionSpec(key="id"),
        "extensions": CollectionSpec(key="account_id", indexes=("number", "type")),
        "settings": CollectionSpec(key="id"),
        "extension_groups": CollectionSpec(key="id"),
        "calls": CollectionSpec(key="id"),
    },
    seed=world.seed,
    operation=envelope.operation,
    contract="switchvox",
)
