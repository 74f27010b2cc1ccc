"""The shape every vendor package exposes, so the app, faults and journal treat them alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Request, Response

from sandbox.core.errors import VendorError

if TYPE_CHECKING:
    from sandbox.core.store.schema import RecordSchema


@dataclass(frozen=True)
class CollectionSpec:
    """A named collection of JSON records, keyed by one field, with optional secondary indexes."""

    key: str
    indexes: tuple[str, ...] = ()
    fields: RecordSchema | None = None
    """What each record must hold (sandbox.core.store.schema); None: only the generic check."""


def endpoint_operation(request: Request) -> str | None:
    """The operation of a JSON vendor's request: its endpoint name, the contract's operationId."""
    if not request.endpoint:
        return None
    return request.endpoint.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Vendor:
    """One vendor API: where it is mounted, how its errors look, what records it keeps."""

    name: str
    """The vendor's name in DESIGN.md and in fault rules (`omilia`, `operator-connect`...)."""
    prefix: str
    """Where the vendor is mounted on the shared listener (`/omilia`)."""
    blueprint: Callable[[], Blueprint]
    """Builds the vendor's blueprint (called by the app factory; nothing is built at import time)."""
    error: type[VendorError]
    """The vendor's base error class; raising any subclass renders through `render_error`."""
    render_error: Callable[[VendorError], Response]
    """Renders a vendor error in the vendor's own envelope."""
    http_error: Callable[[int, str], VendorError]
    """The vendor's own error for a bare HTTP status (404, 405, 429, 500, ...) with a description."""
    coded_error: Callable[[str], VendorError] | None = None
    """The vendor's documented error for a code as the vendor writes it (fault `vendor_error`)."""
    collections: Mapping[str, CollectionSpec] = field(default_factory=dict)
    """The records this vendor keeps per tenant."""
    seed: Callable[[], dict[str, list[dict[str, Any]]]] = dict
    """The vendor's part of the default world: records per collection."""
    operation: Callable[[Request], str | None] = endpoint_operation
    """The operation a request names (operationId, MOR function, Switchvox method)."""
    client_path: str = ""
    """Appended to the listener's base URL to give what the vendor's client is told."""
    contract: str | None = None
    """The contract file (under contracts/) that describes this vendor, if it has its own."""
    task_operations: frozenset[str] = frozenset()
    """Operations that start or poll an asynchronous task: the only ones a `task_failure` fault acts on."""
