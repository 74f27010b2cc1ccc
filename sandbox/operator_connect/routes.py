"""Operator Connect's routes: thin views that authenticate, parse, call one model, and render.

Endpoint names are the contract's operationIds (fault rules and the journal use them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, request

from sandbox.core.context import current_call, current_clock, current_tenant
from sandbox.operator_connect import render, render_customers
from sandbox.operator_connect.models import actions, directory, inventory, sip_connections, sites
from sandbox.operator_connect.models.auth import authenticate
from sandbox.operator_connect.models.body import parse_json
from sandbox.operator_connect.models.customers import all_details, channel_of
from sandbox.operator_connect.models.effects import EFFECTS
from sandbox.operator_connect.models.leads import create_from_lead
from sandbox.operator_connect.models.tasks import TaskBoard
from sandbox.operator_connect.models.upload import upload
from sandbox.operator_connect.models.validation import number_status
from sandbox.operator_connect.render_tasks import task_body

# "Authenticating Connection Using Postman": the Live Platform's baseUrl ends in `/tenantui`; the
# routes answer with and without it.
BASE_PATHS = ("", "/tenantui")


def blueprint() -> Blueprint:
    """The Operator Connect blueprint (mounted at /operator-connect)."""
    bp = Blueprint("operator_connect", __name__)
    for base in BASE_PATHS:
        for method, rule, endpoint, view in routes():
            # PATCH .../sitelocation/ is written with its trailing slash; it answers without it too.
            strict = not rule.endswith("/")
            bp.add_url_rule(base + rule, endpoint, view, methods=[method], strict_slashes=strict)
    return bp


def board() -> TaskBoard:
    """The caller's task board, after checking its token and settling time-based tasks."""
    tenant, clock = current_tenant(), current_clock()
    authenticate(tenant, clock, request.headers.get("Authorization"))
    tasks = TaskBoard(tenant, clock, EFFECTS)
    tasks.settle()
    return tasks


def body() -> Any:
    """The JSON body (ASP.NET Core's input formatter rules)."""
    return parse_json(request.get_data(cache=True), request.mimetype or None)


def channel() -> int | None:
    """The `X-Ovoc-Channel-Id` header: the channel whose customers the caller sees (None: all)."""
    return channel_of(request.headers.get("X-Ovoc-Channel-Id"))


def failure() -> dict[str, Any] | None:
    """A `task_failure` fault that fired on this request, if any."""
    note = current_call().notes.get("task_failure")
    return note if isinstance(note, dict) else ({"message": None} if note else None)


def task_reply(task: dict[str, Any]) -> Response:
    """A task as GET /api/v2/task answers it."""
    site = sites.site_name(current_tenant(), task.get("msTenantId"))
    return render.json_response(task_body(task, site))


def upload_numbers() -> Response:
    """POST /api/v2|v3/oc/numbers/action/upload?msTenantId=."""
    tasks = board()
    task = upload(current_tenant(), tasks, request.args.get("msTenantId"), body(), failure())
    return render.json_response({"taskId": task["id"]})


def get_task(task_id: str) -> Response:
    """GET /api/v2/task/{taskId}."""
    return task_reply(board().poll(task_id, failure()))


def unassign_numbers() -> Response:
    """POST /api/v2/oc/numbers/action/unassign?msTenantId=."""
    tasks = board()
    task = actions.unassign(current_tenant(), tasks, request.args.get("msTenantId"), body(), failure())
    return render.json_response({"taskId": task["id"]})


def release_numbers() -> Response:
    """POST /api/v2/oc/numbers/action/release?msTenantId= (10 requests per 10 s)."""
    tasks = board()
    actions.check_release_rate(current_tenant(), current_clock())
    task = actions.release(current_tenant(), tasks, request.args.get("msTenantId"), body(), failure())
    return render.json_response({"taskId": task["id"]})


def list_numbers() -> Response:
    """GET /api/v2/oc/numbers?msTenantId=."""
    board()
    records = inventory.customer_numbers(current_tenant(), request.args.get("msTenantId"), channel())
    return render.json_response(render.numbers_v2(records))


def list_numbers_v3() -> Response:
    """GET /api/v3/oc/numbers?msTenantId=&acquiredNumberStatus=&pageNumber=&pageSize=."""
    board()
    page = inventory.number_page(current_tenant(), request.args.to_dict(), channel())
    return render.json_response(render.number_page(page))


def get_number(number: str) -> Response:
    """GET /api/v2/oc/numbers/{phonenumber}."""
    board()
    return render.json_response(render.number_v2(inventory.one_number(current_tenant(), number, channel())))


def list_calling_profiles() -> Response:
    """GET /api/v2/oc/callingprofile."""
    board()
    return render.json_response(inventory.calling_profiles(current_tenant()))


def validate_numbers() -> Response:
    """POST /api/v2/oc/numbers/action/number-status: `{msTenantId, telephoneNumbers}`."""
    board()
    result = number_status(current_tenant(), body(), request.args.get("msTenantId"), channel())
    return render.json_response(result)


def get_dial_plan(customer_id: str, site_id: str, dialplan_id: str) -> Response:
    """GET /api/v2/customer/{customerId}/sitelocation/{siteLocationId}/dialplan/{dialplanId}."""
    board()
    found = sites.dial_plan(current_tenant(), customer_id, site_id, dialplan_id)
    return render.json_response(render_customers.dial_plan(found))


def get_sip_connection(site_id: str) -> Response:
    """GET /api/v2/sitelocation/{SiteLocationId}."""
    board()
    return render.json_response(render_customers.sip_connection(sites.get_site(current_tenant(), site_id)))


def modify_sip_connection(customer_guid: str) -> Response:
    """PATCH /api/v2/customer/{customerGuid}/sitelocation/ (`sbcSiteGuid` in the query or the body)."""
    board()
    site = sip_connections.modify(current_tenant(), customer_guid, request.args.get("sbcSiteGuid"), body())
    return render.json_response(render_customers.sip_connection(site))


def delete_sip_connection(site_id: str) -> Response:
    """DELETE /api/v2/sitelocation/{sbcSiteGuid}: a queued SBC cleanup task."""
    task = sip_connections.delete(current_tenant(), board(), site_id, failure())
    return render.json_response(render_customers.site_deletion(task["id"]))


def list_customers() -> Response:
    """GET /api/v2/customer: the brief details of every customer."""
    board()
    found = directory.listing(current_tenant(), channel())
    return render.json_response([render_customers.customer_v2(c) for c, _ in found])


def get_customer(customer_guid: str) -> Response:
    """GET /api/v2/customer/{CustomerGuid}."""
    board()
    customer, site_list = directory.customer_with_sites(current_tenant(), customer_guid, channel())
    return render.json_response(render_customers.customer_v2_detail(customer, site_list))


def list_customers_v3() -> Response:
    """GET /api/v3/customer[?allDetails=]."""
    board()
    details = all_details(request.args.get("allDetails"))
    found = directory.listing(current_tenant(), channel())
    return render.json_response([render_customers.customer_v3(c, s if details else None) for c, s in found])


def get_customer_v3(customer_guid: str) -> Response:
    """GET /api/v3/customer/{UmpCustomerGuid}[?allDetails=]."""
    board()
    details = all_details(request.args.get("allDetails"))
    customer, site_list = directory.customer_with_sites(current_tenant(), customer_guid, channel())
    return render.json_response(render_customers.customer_v3_detail(customer, site_list if details else None))


def create_customer() -> Response:
    """POST /api/v3/customer (Create Customer from Lead): `{"jobId": "wst_<uuid>"}`."""
    tasks = board()
    task = create_from_lead(current_tenant(), tasks, body(), failure())
    return render.json_response({"jobId": task["id"]})


def routes() -> tuple[tuple[str, str, str, Callable[..., Response]], ...]:
    """Method, rule, endpoint name (the contract's operationId) and view of every route."""
    return (
        ("POST", "/api/v2/oc/numbers/action/upload", "uploadNumbers", upload_numbers),
        ("POST", "/api/v3/oc/numbers/action/upload", "uploadNumbersV3", upload_numbers),
        ("GET", "/api/v2/task/<task_id>", "getTask", get_task),
        ("POST", "/api/v2/oc/numbers/action/unassign", "unassignNumbers", unassign_numbers),
        ("POST", "/api/v2/oc/numbers/action/release", "releaseNumbers", release_numbers),
        ("POST", "/api/v2/oc/numbers/action/number-status", "validateNumbers", validate_numbers),
        ("GET", "/api/v2/oc/numbers", "listNumbers", list_numbers),
        ("GET", "/api/v3/oc/numbers", "listNumbersV3", list_numbers_v3),
        ("GET", "/api/v2/oc/numbers/<number>", "getNumber", get_number),
        ("GET", "/api/v2/oc/callingprofile", "listCallingProfiles", list_calling_profiles),
        (
            "GET",
            "/api/v2/customer/<customer_id>/sitelocation/<site_id>/dialplan/<dialplan_id>",
            "getDialPlan",
            get_dial_plan,
        ),
        ("GET", "/api/v2/sitelocation/<site_id>", "getSipConnection", get_sip_connection),
        ("DELETE", "/api/v2/sitelocation/<site_id>", "deleteSipConnection", delete_sip_connection),
        (
            "PATCH",
            "/api/v2/customer/<customer_guid>/sitelocation/",
            "modifySipConnection",
            modify_sip_connection,
        ),
        ("GET", "/api/v2/customer", "listCustomers", list_customers),
        ("GET", "/api/v2/customer/<customer_guid>", "getCustomer", get_customer),
        ("GET", "/api/v3/customer", "listCustomersV3", list_customers_v3),
        ("POST", "/api/v3/customer", "createCustomerFromLead", create_customer),
        ("GET", "/api/v3/customer/<customer_guid>", "getCustomerV3", get_customer_v3),
    )
