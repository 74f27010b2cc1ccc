"""POST and DELETE /api/numbers-set/{setId}/numbers: numbers join and leave a set."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import make_set


def count(user: OmiliaClient, set_id: str) -> int:
    return user.call("GET", f"/numbers-set/{set_id}").json["phoneNumberCount"]  # type: ignore[no-any-return]


def test_add_numbers(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    response = owner.call("POST", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+12012049894"]})
    assert response.status_code == 200
    assert response.json["success"] is True
    assert count(owner, created["id"]) == 1


def test_adding_a_member_again_changes_nothing(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    response = owner.call("POST", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+12012049894"]})
    assert response.status_code == 200
    assert count(owner, created["id"]) == 1


def test_number_of_another_group_cannot_be_added(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp-qa")
    before = state()
    response = owner.call(
        "POST", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+12012049894", "+442079460000"]}
    )
    assert response.status_code == 400
    assert response.json["message"] == (
        "Number +442079460000 belongs to group ocp, not to the set's group ocp-qa"
    )
    assert state() == before


def test_number_of_a_group_the_caller_is_not_in_is_403(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    response = owner.call("POST", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+35722000001"]})
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group other"


def test_unknown_number_is_404(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    response = owner.call("POST", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+19995550000"]})
    assert response.status_code == 404
    assert response.json["message"] == "Number +19995550000 not found"


def test_number_in_another_set_is_409(owner: OmiliaClient) -> None:
    first = make_set(owner, "a", "ocp-qa", ["+12012049894"])
    second = make_set(owner, "b", "ocp-qa")
    response = owner.call("POST", f"/numbers-set/{second['id']}/numbers", {"numbers": ["+12012049894"]})
    assert response.status_code == 409
    assert (
        response.json["message"] == f"Number +12012049894 already belongs to phone numbers set {first['id']}"
    )


def test_bad_numbers_are_400(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    for body, message in [
        ({}, "Missing required parameter 'numbers'"),
        ({"numbers": []}, "Invalid parameter 'numbers': must not be empty"),
        ({"numbers": "+12012049894"}, "Invalid parameter 'numbers': must be an array of phone numbers"),
        ({"numbers": ["12"]}, "Invalid phone number '12': expected E.164 format, e.g. +12012049893"),
    ]:
        response = owner.call("POST", f"/numbers-set/{created['id']}/numbers", body)
        assert response.status_code == 400
        assert response.json["message"] == message


def test_remove_numbers_keeps_them_in_the_group(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049893", "+12012049894"])
    response = owner.call("DELETE", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+12012049893"]})
    assert response.status_code == 200
    assert count(owner, created["id"]) == 1
    number = owner.numbers()["+12012049893"]
    assert (number["groupId"], number["phoneNumbersSetId"]) == ("ocp-qa", None)


def test_remove_a_number_not_in_the_set_is_400(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049893"])
    before = state()
    response = owner.call(
        "DELETE", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+12012049893", "+12012049894"]}
    )
    assert response.status_code == 400
    assert response.json["message"] == f"Number +12012049894 is not in phone numbers set {created['id']}"
    assert state() == before


def test_viewer_cannot_add(owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]) -> None:
    created = make_set(owner, "s", "ocp-qa")
    response = omilia("viewer").call(
        "POST", f"/numbers-set/{created['id']}/numbers", {"numbers": ["+12012049894"]}
    )
    assert response.status_code == 403
    assert response.json["message"].startswith("Access denied: sets.write requires one of the roles")


def test_messages_count_numbers_in_the_singular_and_plural(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    path = f"/numbers-set/{created['id']}/numbers"
    one = owner.call("POST", path, {"numbers": ["+12012049894"]}).json["message"]
    two = owner.call("POST", path, {"numbers": ["+12012049893", "+302107654321"]}).json["message"]
    assert one == f"1 number added to phone numbers set {created['id']}"
    assert two == f"2 numbers added to phone numbers set {created['id']}"
