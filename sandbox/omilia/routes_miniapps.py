"""The miniApps API's listing (`{host}/miniapps/api/apps`), which Omilia's client probes to check a token.

Endpoint names are the contract's operationIds.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from sandbox.core.context import current_tenant
from sandbox.core.reuse import reusable
from sandbox.omilia import render
from sandbox.omilia.inbound import caller
from sandbox.omilia.models.miniapps import MiniApps

MINIAPPS = "/miniapps/api"


def register(bp: Blueprint) -> None:
    """Add the miniApps routes to the Omilia blueprint."""
    bp.add_url_rule(f"{MINIAPPS}/apps", "listMiniApps", list_apps, methods=["GET"])


@reusable
def list_apps() -> Response:
    """GET /miniapps/api/apps?pageSize=&searchTerm=&page=."""
    return render.miniapp_page(MiniApps(current_tenant()).list(caller(), request.args.to_dict()))
