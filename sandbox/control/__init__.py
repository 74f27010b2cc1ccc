"""The control plane, `/__sandbox`: health, reset, state, clock, contracts (and faults, journal)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from sandbox.control.routes import control_blueprint
from sandbox.core import clock
from sandbox.core.runtime import Sandbox
from sandbox.core.vendor import CollectionSpec

SANDBOX_COLLECTIONS: dict[str, CollectionSpec] = {**clock.COLLECTIONS}
"""The sandbox's own per-tenant records (namespace `sandbox` in snapshots)."""


def sandbox_seed(config: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The sandbox's part of the initial world."""
    return {"clock": [clock.default_record()]}


def install_control(app: Flask, sandbox: Sandbox) -> None:
    """Attach what watches vendor requests (faults, journal) to the sandbox."""


__all__ = ["SANDBOX_COLLECTIONS", "control_blueprint", "install_control", "sandbox_seed"]
