"""The miniApps a caller has access to (the miniApps API listing Omilia's client probes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.omilia.models import fields
from sandbox.omilia.models.identity import Caller
from sandbox.omilia.models.permissions import require
from sandbox.omilia.models.query import DEFAULT_PAGE_SIZE, Page, paginate, positive_int, search_matcher


class MiniApps:
    """A tenant's miniApps, as one caller may list them."""

    def __init__(self, tenant: TenantState) -> None:
        self.miniapps = tenant.collection("omilia", "miniapps")

    def list(self, caller: Caller, params: Mapping[str, Any]) -> Page:
        """GET /miniapps/api/apps: the miniApps of the caller's groups, by name, searched and paged."""
        require(caller, "miniapps.read")
        page = positive_int(params, "page", 1)
        page_size = positive_int(params, "pageSize", DEFAULT_PAGE_SIZE)
        term = fields.optional_string(params, "searchTerm")
        matches = search_matcher(term) if term else (lambda value: True)
        apps = [
            app
            for app in self.miniapps
            if app.get("group") in caller.groups
            and (matches(app.get("name")) or matches(app.get("miniAppId")))
        ]
        apps.sort(key=lambda app: (str(app.get("name", "")).lower(), app["miniAppId"]))
        return paginate(apps, page, page_size)
