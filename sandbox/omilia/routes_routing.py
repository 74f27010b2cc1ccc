"""Routes of /api/numbers-routing (gradual traffic assignment's routers): thin views over RouterBook.

Endpoint names are the contract's operationIds.
"""

from __future__ import annotations

from flask import Blueprint, Response

from sandbox.core.context import current_tenant
from sandbox.core.reuse import reusable
from sandbox.omilia import render
from sandbox.omilia.inbound import API, caller, json_body
from sandbox.omilia.models.routers import RouterBook

ROUTING = f"{API}/numbers-routing"


def register(bp: Blueprint) -> None:
    """Add the router routes to the Omilia blueprint."""
    rules = [
        ("", "createRouter", create_router, "POST"),
        ("", "getRouters", list_routers, "GET"),
        ("/number/<number>", "getRouterForNumber", router_for_number, "GET"),
        ("/<router_id>", "getRouter", get_router, "GET"),
        ("/<router_id>", "updateRouter", update_router, "PUT"),
        ("/<router_id>", "deleteRouter", delete_router, "DELETE"),
        ("/<router_id>/next-step", "moveRouterToNextStep", next_step, "PUT"),
    ]
    for path, endpoint, view, method in rules:
        bp.add_url_rule(ROUTING + path, endpoint, view, methods=[method])


def book() -> RouterBook:
    """The request tenant's routers."""
    return RouterBook(current_tenant())


def create_router() -> Response:
    """POST /api/numbers-routing."""
    return render.json_response(book().create(caller(), json_body(required=True)))


@reusable
def list_routers() -> Response:
    """GET /api/numbers-routing."""
    return render.json_response(book().all(caller()))


@reusable
def router_for_number(number: str) -> Response:
    """GET /api/numbers-routing/number/{number}."""
    return render.json_response(book().for_number(caller(), number))


@reusable
def get_router(router_id: str) -> Response:
    """GET /api/numbers-routing/{id}."""
    return render.json_response(book().get(caller(), router_id))


def update_router(router_id: str) -> Response:
    """PUT /api/numbers-routing/{id}."""
    return render.json_response(book().update(caller(), router_id, json_body(required=True)))


def delete_router(router_id: str) -> Response:
    """DELETE /api/numbers-routing/{id}."""
    deleted = book().delete(caller(), router_id)
    return render.success(f"Router {deleted} deleted")


def next_step(router_id: str) -> Response:
    """PUT /api/numbers-routing/{id}/next-step."""
    return render.json_response(book().next_step(caller(), router_id))
