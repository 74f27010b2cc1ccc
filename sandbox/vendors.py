"""The vendors the sandbox serves, in the order their blueprints are registered."""

from __future__ import annotations

import importlib

from sandbox.core.vendor import Vendor

VENDOR_MODULES = (
    "sandbox.omilia",
    "sandbox.mor",
    "sandbox.switchvox",
    "sandbox.operator_connect",
    "sandbox.entra",
)


def load_vendors() -> list[Vendor]:
    """Import every vendor package and return its `vendor` description."""
    return [importlib.import_module(name).vendor for name in VENDOR_MODULES]


def vendor_names() -> list[str]:
    """The names users pass to `--vendor`."""
    return [v.name for v in load_vendors() if v.name != "entra"]
