"""Omilia's routes: thin views that parse, call one model, and render.

Endpoint names are the contract's operationIds (fault rules and the journal use them).
"""

from __future__ import annotations

from flask import Blueprint, Response

from sandbox.core.context import current_tenant
from sandbox.core.reuse import reusable
from sandbox.omilia import render, routes_batch, routes_keycloak, routes_miniapps, routes_routing, routes_sets
from sandbox.omilia.inbound import API, caller, json_body, params
from sandbox.omilia.models.numbers import NumberBook


def blueprint() -> Blueprint:
    """The Omilia blueprint (mounted at /omilia)."""
    bp = Blueprint("omilia", __name__)
    routes_keycloak.register(bp)
    bp.add_url_rule(f"{API}/numbers", "listNumbers", list_numbers, methods=["GET"])
    bp.add_url_rule(f"{API}/numbers", "listAvailableNumbers", available_numbers, methods=["POST"])
    bp.add_url_rule(f"{API}/numbers", "buyNumbers", buy_numbers, methods=["PUT"])
    bp.add_url_rule(f"{API}/numbers/group", "updateNumbersGroup", update_group, methods=["PUT"])
    bp.add_url_rule(f"{API}/numbers/detach", "detachNumbers", detach_numbers, methods=["PUT"])
    bp.add_url_rule(f"{API}/numbers/attach", "attachNumbers", attach_numbers, methods=["PUT"])
    bp.add_url_rule(f"{API}/number/note", "updateNumberNote", update_note, methods=["PUT"])
    bp.add_url_rule(f"{API}/numbers/search", "searchNumbers", search_numbers, methods=["POST"])
    bp.add_url_rule(f"{API}/numbers/direct", "addNumbersDirect", add_direct, methods=["POST"])
    bp.add_url_rule(f"{API}/numbers/delete/<number>", "deleteNumber", delete_number, methods=["DELETE"])
    routes_sets.register(bp)
    routes_batch.register(bp)
    routes_miniapps.register(bp)
    routes_routing.register(bp)
    return bp


def book() -> NumberBook:
    """The current tenant's numbers."""
    return NumberBook(current_tenant())


@reusable
def list_numbers() -> Response:
    """GET /api/numbers."""
    return render.number_page(NumberBook(current_tenant()).list(caller(), params()))


def available_numbers() -> Response:
    """POST /api/numbers: numbers for sale."""
    who, body = caller(), json_body()
    offers = book().available(
        who, body.get("provider"), body.get("prefix"), body.get("code"), body.get("group")
    )
    return render.json_response([render.available_number(offer) for offer in offers])


def buy_numbers() -> Response:
    """PUT /api/numbers: buy numbers from the provider."""
    who, body = caller(), json_body()
    purchased, failed = book().buy(
        who, body.get("provider"), body.get("numbers"), body.get("group"), body.get("note")
    )
    return render.json_response({"failedNumbers": failed, "purchasedNumbers": purchased})


def update_group() -> Response:
    """PUT /api/numbers/group."""
    who, body = caller(), json_body()
    moved = book().set_group(who, body.get("numbers"), body.get("group"))
    return render.success(f"Group updated to {body['group']} for {render.plural(moved)}")


def detach_numbers() -> Response:
    """PUT /api/numbers/detach."""
    who, body = caller(), json_body()
    detached = book().detach(who, body.get("numbers"))
    return render.success(f"{render.plural(detached).capitalize()} detached")


def attach_numbers() -> Response:
    """PUT /api/numbers/attach."""
    who, body = caller(), json_body()
    attached = book().attach(
        who, body.get("numbers"), body.get("miniAppId"), body.get("locale"), body.get("applicationTag")
    )
    return render.success(f"{render.plural(attached).capitalize()} attached to miniApp {body['miniAppId']}")


def update_note() -> Response:
    """PUT /api/number/note."""
    who, body = caller(), json_body()
    number = book().set_note(who, body.get("number"), body.get("note"))
    return render.success(f"Note of number {number} updated")


@reusable
def search_numbers() -> Response:
    """POST /api/numbers/search: the advanced search."""
    who, body = caller(), json_body()
    return render.number_page(book().search(who, body), render.searched_number)


def add_direct() -> Response:
    """POST /api/numbers/direct: add numbers to the database without the provider."""
    who, body = caller(), json_body()
    added = book().direct(
        who,
        body.get("numbers"),
        body.get("group"),
        country=body.get("country"),
        mini_app_id=body.get("miniAppId"),
        locale=body.get("locale"),
        log_ani=body.get("logAni"),
        log_dnis=body.get("logDnis"),
        note=body.get("note"),
        application_tag=body.get("applicationTag"),
    )
    return render.success(f"{render.plural(added).capitalize()} added to group {body['group']}")


def delete_number(number: str) -> Response:
    """DELETE /api/numbers/delete/{number}."""
    deleted = book().delete(caller(), number)
    return render.success(f"Number {deleted} deleted")
