"""PATCH /api/numbers-set/{setId}: rename a set, or move it (with its numbers) to another group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import make_set


def test_rename(owner: OmiliaClient) -> None:
    created = make_set(owner, "old", "ocp-qa")
    response = owner.call("PATCH", f"/numbers-set/{created['id']}", {"name": "new"})
    assert response.status_code == 200
    assert response.json["success"] is True
    assert owner.call("GET", f"/numbers-set/{created['id']}").json["name"] == "new"


def test_move_to_another_group_moves_the_numbers(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    response = owner.call("PATCH", f"/numbers-set/{created['id']}", {"groupId": "ocp"})
    assert response.status_code == 200
    moved = owner.call("GET", f"/numbers-set/{created['id']}").json
    assert (moved["groupId"], moved["phoneNumberCount"]) == ("ocp", 1)
    number = owner.numbers()["+12012049894"]
    assert (number["groupId"], number["phoneNumbersSetId"]) == ("ocp", created["id"])


def test_empty_body_changes_nothing(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp-qa")
    before = state()
    assert owner.call("PATCH", f"/numbers-set/{created['id']}", {}).status_code == 200
    assert state() == before


def test_move_to_a_group_the_caller_is_not_in_is_403(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    before = state()
    response = owner.call("PATCH", f"/numbers-set/{created['id']}", {"groupId": "other"})
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group other"
    assert state() == before


def test_move_needs_both_groups(owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]) -> None:
    created = make_set(owner, "s", "ocp")
    response = omilia("maintainer").call("PATCH", f"/numbers-set/{created['id']}", {"groupId": "ocp-qa"})
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"


def test_rename_onto_a_taken_name_is_409(owner: OmiliaClient) -> None:
    make_set(owner, "taken", "ocp")
    other = make_set(owner, "mine", "ocp-qa")
    response = owner.call("PATCH", f"/numbers-set/{other['id']}", {"groupId": "ocp", "name": "taken"})
    assert response.status_code == 409
    assert response.json["message"] == "A phone numbers set named taken already exists in group ocp"


def test_unknown_set_is_404(owner: OmiliaClient) -> None:
    response = owner.call("PATCH", "/numbers-set/nope", {"name": "x"})
    assert response.status_code == 404
    assert response.json["message"] == "Phone numbers set nope not found"


def test_bad_name_is_400(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp")
    response = owner.call("PATCH", f"/numbers-set/{created['id']}", {"name": ["x"]})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid parameter 'name': must be a string"


def test_body_that_is_not_an_object_is_400(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp")
    response = owner.call("PATCH", f"/numbers-set/{created['id']}", ["x"])
    assert response.status_code == 400
    assert response.json["message"] == "The request body must be a JSON object"
