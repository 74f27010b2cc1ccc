"""WSGI middleware: which tenant a request belongs to, and single-vendor listeners.

`/t/{tenant}/rest` names the tenant in the path (so an unchanged client only needs another base
URL); otherwise the `X-Sandbox-Tenant` header does; otherwise it is `default`. On a single-vendor
listener (`serve --vendor switchvox`) the vendor is served at the root: `/xml` reaches
`/switchvox/xml`. A listener pinned to a tenant (`serve --vendor switchvox --tenant T`) puts every
request in tenant T: it reads neither the path prefix nor the header, so a client that takes only a
host name reaches T. The control plane `/__sandbox` is served on every listener.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

DEFAULT_TENANT = "default"
TENANT_ENVIRON = "sandbox.tenant"
MOUNT_ENVIRON = "sandbox.mount"
CONTROL_PREFIX = "/__sandbox"
# DOTALL and \Z: a path holding a newline (`%0A`) stays in its tenant, and so in its vendor.
_TENANT_PATH = re.compile(r"^/t/([^/]+)(/.*)?\Z", re.DOTALL)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class TenantMiddleware:
    """Strips the tenant prefix into the WSGI environ and maps a single-vendor listener's root."""

    def __init__(
        self,
        app: WSGIApp,
        mount: str | None = None,
        root_routes: dict[str, str] | None = None,
        tenant: str | None = None,
    ) -> None:
        self.app = app
        self.mount = mount
        self.tenant = tenant
        self.root_routes = {re.compile(pattern): prefix for pattern, prefix in (root_routes or {}).items()}

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path: str = environ.get("PATH_INFO") or "/"
        match = None if self.tenant is not None else _TENANT_PATH.match(path)
        if self.tenant is not None:
            tenant = self.tenant
        elif match:
            tenant = match.group(1)
            path = match.group(2) or "/"
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + f"/t/{tenant}"
        else:
            tenant = environ.get("HTTP_X_SANDBOX_TENANT") or DEFAULT_TENANT
        environ[TENANT_ENVIRON] = tenant
        if self.mount is not None:
            environ[MOUNT_ENVIRON] = self.mount
            if not _is_control(path):
                path = self._mounted(path)
        environ["PATH_INFO"] = path
        return self.app(environ, start_response)

    def _mounted(self, path: str) -> str:
        for pattern, prefix in self.root_routes.items():
            if pattern.match(path):
                return prefix + path
        return self.mount + path if path != "/" else self.mount + "/"


def _is_control(path: str) -> bool:
    return path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")
