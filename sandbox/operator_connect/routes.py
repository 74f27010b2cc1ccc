"""Operator Connect's routes: thin views that authenticate, parse, call one model, and render.

Endpoint names are the contract's operationIds (fault rules and the journal use them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, request

from sandbox.core.context import current_call, current_clock, current_tenant
from sandbox.operator_connect import render
from sandbox.operator_connect.models import actions, inventory
from sandbox.operator_connect.models.auth import authenticate
from sandbox.operator_connect.models.body import parse_json
from sandbox.operator_connect.models.effects import EFFECTS
from sandbox.operator_connect.models.tasks import TaskBoard
from sandbox.operator_connect.models.upload import upload
from sandbox.operator_connect.render_tasks import task_body

# AudioCodes' "Authenticating Connection Using Postman" page: the Live Platform's baseUrl ends in
# `/tenantui`; the routes answer with and without it.
BASE_PATHS = ("", "/tenantui")


def blueprint() -> Blueprint:
    """The Operator Connect blueprint (mounted at /operator-connect)."""
    bp = Blueprint("operator_connect", __name__)
    for base in BASE_PATHS:
        for method, rule, endpoint, view in routes():
            bp.add_url_rule(base + rule, endpoint, view, methods=[method])
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


def failure() -> dict[str, Any] | None:
    """A `task_failure` fault that fired on this request, if any."""
    note = current_call().notes.get("task_failure")
    return note if isinstance(note, dict) else ({"message": None} if note else None)


def task_reply(task: dict[str, Any]) -> Response:
    """A task as GET /api/v2/task answers it."""
    customers = current_tenant().collection("operator-connect", "customers")
    site = (customers.get(task.get("msTenantId") or "") or {}).get("siteName", "")
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
    return render.json_response(
        render.numbers_v2(inventory.customer_numbers(current_tenant(), request.args.get("msTenantId")))
    )


def list_numbers_v3() -> Response:
    """GET /api/v3/oc/numbers?msTenantId=&acquiredNumberStatus=&pageNumber=&pageSize=."""
    board()
    return render.json_response(
        render.number_page(inventory.number_page(current_tenant(), request.args.to_dict()))
    )


def get_number(number: str) -> Response:
    """GET /api/v2/oc/numbers/{phonenumber}."""
    board()
    return render.json_response(render.number_v2(inventory.one_number(current_tenant(), number)))


def list_calling_profiles() -> Response:
    """GET /api/v2/oc/callingprofile."""
    board()
    return render.json_response(inventory.calling_profiles(current_tenant()))


def routes() -> tuple[tuple[str, str, str, Callable[..., Response]], ...]:
    """Method, rule, endpoint name (the contract's operationId) and view of every route."""
    return (
        ("POST", "/api/v2/oc/numbers/action/upload", "uploadNumbers", upload_numbers),
        ("POST", "/api/v3/oc/numbers/action/upload", "uploadNumbersV3", upload_numbers),
        ("GET", "/api/v2/task/<task_id>", "getTask", get_task),
        ("POST", "/api/v2/oc/numbers/action/unassign", "unassignNumbers", unassign_numbers),
        ("POST", "/api/v2/oc/numbers/action/release", "releaseNumbers", release_numbers),
        ("GET", "/api/v2/oc/numbers", "listNumbers", list_numbers),
        ("GET", "/api/v3/oc/numbers", "listNumbersV3", list_numbers_v3),
        ("GET", "/api/v2/oc/numbers/<number>", "getNumber", get_number),
        ("GET", "/api/v2/oc/callingprofile", "listCallingProfiles", list_calling_profiles),
    )
