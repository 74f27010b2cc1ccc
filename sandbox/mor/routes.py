"""MOR's routes: `/billing/api/{function}`, one view per function, GET and POST.

Endpoint names are the MOR function names (the contract's operationIds, the fault rules' operation).
Each function's hashed parameters are in `functions.FUNCTIONS`, in the order of its wiki page.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, request

from sandbox.core import limits
from sandbox.core.context import current_clock, current_tenant
from sandbox.mor import render, routes_account, transport
from sandbox.mor.exceptions import UnknownFunction
from sandbox.mor.inbound import call
from sandbox.mor.models.access import require_campaign_owner
from sandbox.mor.models.campaigns import Campaigns
from sandbox.mor.models.reports import Reports

API = "/billing/api"


def blueprint() -> Blueprint:
    """The MOR blueprint (mounted at /mor)."""
    bp = Blueprint("mor", __name__)
    for name, view in views().items():
        bp.add_url_rule(f"{API}/{name}", name, view, methods=["GET", "POST"], provide_automatic_options=False)
    bp.add_url_rule(
        f"{API}/<path:function>",
        "unknown_function",
        unknown_function,
        methods=["GET", "POST"],
        provide_automatic_options=False,
    )
    return bp


def views() -> dict[str, Callable[[], Response]]:
    """The view of each MOR function, by name."""
    return {
        "autodialer_upload_numbers": autodialer_upload_numbers,
        "autodialer_change_campaign_status": autodialer_change_campaign_status,
        "autodialer_get_campaign_statistics": autodialer_get_campaign_statistics,
        "autodialer_redial_all_failed_calls": autodialer_redial_all_failed_calls,
        "autodialer_get_campaign_ivr_poll_results": autodialer_get_campaign_ivr_poll_results,
        **routes_account.views(),
    }


def campaigns() -> Campaigns:
    """The tenant's campaigns at the sandbox clock's now."""
    return Campaigns(current_tenant(), current_clock().time())


def autodialer_upload_numbers() -> Response:
    """POST /billing/api/autodialer_upload_numbers (multipart `file`)."""
    caller, params = call("autodialer_upload_numbers")
    require_campaign_owner(caller)
    upload = transport.upload(request)
    imported, total = campaigns().upload_numbers(
        caller, params.get("id", ""), upload, limits.current().csv_max_rows
    )
    return render.success(f"{imported} out of {total} numbers were imported")


def autodialer_change_campaign_status() -> Response:
    """POST /billing/api/autodialer_change_campaign_status: start or stop."""
    caller, params = call("autodialer_change_campaign_status")
    require_campaign_owner(caller)
    change = campaigns().change_status(caller, params.get("id", ""))
    return render.success(change.success) if change.success else render.message(change.message or "")


def autodialer_get_campaign_statistics() -> Response:
    """POST /billing/api/autodialer_get_campaign_statistics (the admin may read any campaign)."""
    caller, params = call("autodialer_get_campaign_statistics")
    book = campaigns()
    campaign = book.find(caller, params.get("id", ""), any_owner=caller.is_admin)
    return render.statistics(Reports(current_tenant(), book.dialer.now).statistics(campaign, params))


def autodialer_redial_all_failed_calls() -> Response:
    """POST /billing/api/autodialer_redial_all_failed_calls."""
    caller, params = call("autodialer_redial_all_failed_calls")
    require_campaign_owner(caller)
    book = campaigns()
    campaign = book.find(caller, params.get("id", ""))
    book.dialer.redial_failed(campaign["id"])
    return render.success("All failed calls will be redialed")


def autodialer_get_campaign_ivr_poll_results() -> Response:
    """POST /billing/api/autodialer_get_campaign_ivr_poll_results."""
    caller, params = call("autodialer_get_campaign_ivr_poll_results")
    require_campaign_owner(caller)
    book = campaigns()
    campaign = book.find(caller, params.get("id", ""))
    return render.ivr_poll_results(Reports(current_tenant(), book.dialer.now).ivr_poll_results(campaign))


def unknown_function(function: str) -> Response:
    """A known function with a trailing slash is served (as Rails does); anything else is MOR's XML 404."""
    view = views().get(function.rstrip("/"))
    if view is None:
        raise UnknownFunction()
    return view()
