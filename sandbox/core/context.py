"""The sandbox's view of the request being served: tenant, vendor, vendor-relative path."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flask import current_app, g

from sandbox.core.clock import Clock

if TYPE_CHECKING:
    from sandbox.core.runtime import Sandbox
    from sandbox.core.store.tenant import TenantState
    from sandbox.core.vendor import Vendor


@dataclass
class Call:
    """One request as the sandbox sees it (the journal and the fault rules read this)."""

    tenant: TenantState
    vendor: Vendor | None
    path: str
    """Vendor-relative: what follows `/t/{tenant}` and the vendor prefix, no query."""
    started: float = field(default_factory=time.perf_counter)
    operation: str | None = None
    fault: str | None = None
    """The id of the fault rule that fired, if one did."""
    notes: dict[str, Any] = field(default_factory=dict)
    """Scratch space for hooks and vendors (a parsed body cached for the operation name, ...)."""

    @property
    def clock(self) -> Clock:
        """The tenant's clock."""
        return Clock(self.tenant)


def current_sandbox() -> Sandbox:
    """The Sandbox object of the running app."""
    return current_app.extensions["sandbox"]  # type: ignore[no-any-return]


def current_call() -> Call:
    """The Call of the request being served."""
    return g.sandbox_call  # type: ignore[no-any-return]


def current_tenant() -> TenantState:
    """The tenant of the request being served."""
    return current_call().tenant


def current_clock() -> Clock:
    """The clock of the request's tenant."""
    return Clock(current_call().tenant)
