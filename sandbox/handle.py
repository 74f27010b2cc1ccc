"""A small client of one tenant of a running sandbox: its vendor URLs and its control plane.

This is what the pytest fixture `sandbox` yields; it uses only the standard library.
"""

from __future__ import annotations

import json
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Protocol

JOURNAL_FILTERS = ("vendor", "method", "path", "operation", "status", "fault", "limit", "before")
"""What `GET /__sandbox/requests` filters by."""


class ControlError(RuntimeError):
    """The control plane refused a call."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(f"control plane answered {status}: {body}")
        self.status = status
        self.body = body


class Listeners(Protocol):
    """What starts root listeners pinned to a tenant (sandbox.testing.RootListeners)."""

    ca_bundle: str

    def address(self, vendor: str, tenant: str, tls: bool = True) -> str:
        """`"HOST:PORT"` of the root listener of `vendor` in `tenant`."""


_vendor_names: dict[str, tuple[str, ...]] = {}
_vendor_names_lock = threading.Lock()


class SandboxHandle:
    """One tenant of a sandbox listening at `server_url`."""

    def __init__(
        self,
        server_url: str,
        tenant: str = "default",
        listeners: Listeners | None = None,
        ca_bundle: str | None = None,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.tenant = tenant
        self.base_url = f"{self.server_url}/t/{tenant}"
        self._listeners = listeners
        self._ca_bundle = ca_bundle

    @property
    def ca_bundle(self) -> str | None:
        """The PEM file to trust for this sandbox's TLS listeners (`verify=`, `REQUESTS_CA_BUNDLE`)."""
        if self._ca_bundle is None and self._listeners is not None:
            self._ca_bundle = self._listeners.ca_bundle
        return self._ca_bundle

    def url(self, vendor: str) -> str:
        """The base URL to give the vendor's client (e.g. `url("omilia")` -> .../t/x/omilia)."""
        names = self.vendors()
        if vendor not in names:
            raise ValueError(f"unknown vendor {vendor!r}: one of {', '.join(names)}")
        return f"{self.base_url}/{vendor}"

    def host(self, vendor: str, tls: bool = True) -> str:
        """`"127.0.0.1:PORT"`: a listener serving `vendor` at its root, every request in this tenant."""
        names = [name for name in self.vendors() if name != "entra"]
        if vendor not in names:
            raise ValueError(f"unknown vendor {vendor!r}: one of {', '.join(names)}")
        if self._listeners is None:
            raise RuntimeError(
                "host() needs an in-process sandbox (the pytest fixture); "
                "for a served sandbox, run `telephony-sandbox serve --vendor NAME --tenant T`"
            )
        return self._listeners.address(vendor, self.tenant, tls)

    def vendors(self) -> tuple[str, ...]:
        """The vendor names this sandbox serves, as its health check lists them."""
        with _vendor_names_lock:
            names = _vendor_names.get(self.server_url)
        if names is None:
            names = tuple(self.control("GET", "/health")["vendors"])
            with _vendor_names_lock:
                _vendor_names[self.server_url] = names
        return names

    def control(self, method: str, path: str, body: Any = None) -> Any:
        """Call `/__sandbox{path}` of this tenant; returns the decoded JSON (None for no body)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.base_url}/__sandbox{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30, context=self._context()) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            raise ControlError(exc.code, json.loads(raw) if raw else None) from None
        return json.loads(raw) if raw else None

    def _context(self) -> ssl.SSLContext | None:
        if not self.server_url.startswith("https:") or self.ca_bundle is None:
            return None
        return ssl.create_default_context(cafile=self.ca_bundle)

    def reset(self) -> None:
        """Bring the tenant back to its initial world."""
        self.control("POST", "/reset")

    def state(self) -> dict[str, Any]:
        """The tenant's whole state."""
        return self.control("GET", "/state")  # type: ignore[no-any-return]

    def load(self, state: dict[str, Any]) -> None:
        """Replace the tenant's state (collections not named come from the initial world)."""
        self.control("PUT", "/state", state)

    def add_fault(self, rule: dict[str, Any]) -> dict[str, Any]:
        """Add one fault rule; returns the stored rule (with its id)."""
        return self.control("POST", "/faults", rule)  # type: ignore[no-any-return]

    def clear_faults(self) -> None:
        """Remove every fault rule."""
        self.control("DELETE", "/faults")

    def requests(self, **filters: Any) -> list[dict[str, Any]]:
        """The journal of vendor requests, oldest first (filters: see JOURNAL_FILTERS)."""
        unknown = sorted(set(filters) - set(JOURNAL_FILTERS))
        if unknown:
            raise ValueError(
                f"unknown journal filter {', '.join(map(repr, unknown))}: use {', '.join(JOURNAL_FILTERS)}"
            )
        query = urllib.parse.urlencode({k: str(v) for k, v in filters.items()})
        return self.control("GET", "/requests" + (f"?{query}" if query else ""))["requests"]  # type: ignore[no-any-return]

    def advance(self, seconds: float) -> dict[str, Any]:
        """Move the tenant's clock forward."""
        return self.control("POST", "/clock", {"advance_s": seconds})  # type: ignore[no-any-return]

    def freeze(self, frozen: bool = True) -> dict[str, Any]:
        """Freeze (or unfreeze) the tenant's clock."""
        return self.control("POST", "/clock", {"freeze": frozen})  # type: ignore[no-any-return]
