"""A small client of one tenant of a running sandbox: its vendor URLs and its control plane.

This is what the pytest fixture `sandbox` yields; it uses only the standard library.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any


class ControlError(RuntimeError):
    """The control plane refused a call."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(f"control plane answered {status}: {body}")
        self.status = status
        self.body = body


class SandboxHandle:
    """One tenant of a sandbox listening at `server_url`."""

    def __init__(self, server_url: str, tenant: str = "default") -> None:
        self.server_url = server_url.rstrip("/")
        self.tenant = tenant
        self.base_url = f"{self.server_url}/t/{tenant}"

    def url(self, vendor: str) -> str:
        """The base URL to give the vendor's client (e.g. `url("omilia")` -> .../t/x/omilia)."""
        return f"{self.base_url}/{vendor}"

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
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            raise ControlError(exc.code, json.loads(raw) if raw else None) from None
        return json.loads(raw) if raw else None

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
        """The journal of vendor requests, oldest first (filters: vendor, method, path, limit)."""
        query = "&".join(f"{k}={urllib.request.quote(str(v))}" for k, v in filters.items())
        return self.control("GET", "/requests" + (f"?{query}" if query else ""))["requests"]  # type: ignore[no-any-return]

    def advance(self, seconds: float) -> dict[str, Any]:
        """Move the tenant's clock forward."""
        return self.control("POST", "/clock", {"advance_s": seconds})  # type: ignore[no-any-return]

    def freeze(self, frozen: bool = True) -> dict[str, Any]:
        """Freeze (or unfreeze) the tenant's clock."""
        return self.control("POST", "/clock", {"freeze": frozen})  # type: ignore[no-any-return]
