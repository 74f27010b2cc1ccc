"""Routes of /api/numbers-set ("Managing phone numbers sets"): thin views over SetBook.

Endpoint names are the contract's operationIds.
"""

from __future__ import annotations

from flask import Blueprint, Response

from sandbox.core.context import current_tenant
from sandbox.core.reuse import reusable
from sandbox.omilia import render
from sandbox.omilia.inbound import API, caller, json_body
from sandbox.omilia.models.sets import SetBook

SETS = f"{API}/numbers-set"


def register(bp: Blueprint) -> None:
    """Add the numbers-set routes to the Omilia blueprint."""
    rules = [
        ("", "createNumbersSet", create_set, "POST"),
        ("", "getNumbersSets", list_sets, "GET"),
        ("/group/<group_id>", "getNumbersSetsForGroup", sets_for_group, "GET"),
        ("/<set_id>", "getNumbersSet", get_set, "GET"),
        ("/<set_id>", "updateNumbersSet", update_set, "PATCH"),
        ("/<set_id>", "deleteNumbersSet", delete_set, "DELETE"),
        ("/<set_id>/numbers", "getNumbersInSet", numbers_in_set, "GET"),
        ("/<set_id>/numbers", "addNumbersToSet", add_numbers, "POST"),
        ("/<set_id>/numbers", "removeNumbersFromSet", remove_numbers, "DELETE"),
        ("/<set_id>/attach", "attachNumbersSet", attach_set, "PUT"),
        ("/<set_id>/detach", "detachNumbersSet", detach_set, "PUT"),
        ("/<set_id>/delete", "deletePurchasedNumbersInSet", delete_purchased, "DELETE"),
    ]
    for path, endpoint, view, method in rules:
        bp.add_url_rule(SETS + path, endpoint, view, methods=[method])


def book() -> SetBook:
    """The request tenant's sets."""
    return SetBook(current_tenant())


def create_set() -> Response:
    """POST /api/numbers-set."""
    return render.json_response(book().create(caller(), json_body(required=True)))


@reusable
def list_sets() -> Response:
    """GET /api/numbers-set: the sets of the caller's groups."""
    return render.json_response(book().mine(caller()))


@reusable
def sets_for_group(group_id: str) -> Response:
    """GET /api/numbers-set/group/{groupId}."""
    return render.json_response(book().for_group(caller(), group_id))


@reusable
def get_set(set_id: str) -> Response:
    """GET /api/numbers-set/{setId}."""
    return render.json_response(book().get(caller(), set_id))


def update_set(set_id: str) -> Response:
    """PATCH /api/numbers-set/{setId}."""
    book().update(caller(), set_id, json_body())
    return render.success(f"Phone numbers set {set_id} updated")


def delete_set(set_id: str) -> Response:
    """DELETE /api/numbers-set/{setId}."""
    book().delete(caller(), set_id)
    return render.success(f"Phone numbers set {set_id} deleted")


@reusable
def numbers_in_set(set_id: str) -> Response:
    """GET /api/numbers-set/{setId}/numbers."""
    views = book().numbers_of(caller(), set_id)
    return render.json_response([render.searched_number(v) for v in views])


def add_numbers(set_id: str) -> Response:
    """POST /api/numbers-set/{setId}/numbers."""
    added = book().add(caller(), set_id, json_body(required=True).get("numbers"))
    return render.success(f"{render.plural(added).capitalize()} added to phone numbers set {set_id}")


def remove_numbers(set_id: str) -> Response:
    """DELETE /api/numbers-set/{setId}/numbers."""
    removed = book().remove(caller(), set_id, json_body(required=True).get("numbers"))
    return render.success(f"{render.plural(removed).capitalize()} removed from phone numbers set {set_id}")


def attach_set(set_id: str) -> Response:
    """PUT /api/numbers-set/{setId}/attach."""
    attached = book().attach(caller(), set_id, json_body(required=True))
    return render.success(f"{render.plural(attached).capitalize()} of phone numbers set {set_id} attached")


def detach_set(set_id: str) -> Response:
    """PUT /api/numbers-set/{setId}/detach."""
    detached = book().detach(caller(), set_id)
    return render.success(f"{render.plural(detached).capitalize()} of phone numbers set {set_id} detached")


def delete_purchased(set_id: str) -> Response:
    """DELETE /api/numbers-set/{setId}/delete."""
    deleted = book().delete_purchased(caller(), set_id)
    return render.success(
        f"{render.plural(deleted, 'purchased number').capitalize()} of phone numbers set {set_id} deleted"
    )
