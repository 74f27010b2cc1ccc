"""PUT /api/number/note: a number's note (Owner only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.omilia.conftest import OmiliaClient


def note(caller: OmiliaClient, body: dict[str, Any]) -> Any:
    return caller.call("PUT", "/number/note", body)


def test_note_is_updated(owner: OmiliaClient) -> None:
    response = note(owner, {"number": "+12012049894", "note": "main reception"})
    assert response.status_code == 200
    assert response.json == {"success": True, "message": "Note of number +12012049894 updated"}
    assert owner.numbers()["+12012049894"]["note"] == "main reception"


def test_updated_note_is_searchable(owner: OmiliaClient) -> None:
    note(owner, {"number": "+12012049894", "note": "main reception"})
    page = owner.call("GET", "/numbers", query_string={"searchTerm": "reception"}).json
    assert [item["number"] for item in page["numbers"]] == ["+12012049894"]


def test_empty_note_clears_it(owner: OmiliaClient) -> None:
    assert note(owner, {"number": "+12012049894", "note": ""}).status_code == 200
    assert owner.numbers()["+12012049894"]["note"] is None


def test_missing_note_is_400(owner: OmiliaClient) -> None:
    response = note(owner, {"number": "+12012049894"})
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "Missing required parameter 'note'"}


def test_missing_number_is_400(owner: OmiliaClient) -> None:
    response = note(owner, {"note": "x"})
    assert response.status_code == 400
    assert response.json["message"] == "Missing required parameter 'number'"


def test_note_must_be_a_string(owner: OmiliaClient) -> None:
    response = note(owner, {"number": "+12012049894", "note": 5})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid parameter 'note': must be a string"


def test_note_longer_than_1000_characters_is_400(owner: OmiliaClient, state: Callable[[], Any]) -> None:
    before = state()
    response = note(owner, {"number": "+12012049894", "note": "x" * 1001})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid parameter 'note': at most 1000 characters"
    assert state()["omilia"] == before["omilia"]


def test_malformed_number_is_400(owner: OmiliaClient) -> None:
    response = note(owner, {"number": "+0123", "note": "x"})
    assert response.status_code == 400
    assert (
        response.json["message"] == "Invalid phone number '+0123': expected E.164 format, e.g. +12012049893"
    )


def test_unknown_number_is_404(owner: OmiliaClient) -> None:
    response = note(owner, {"number": "+19999999999", "note": "x"})
    assert response.status_code == 404
    assert response.json == {"success": False, "message": "Number +19999999999 not found"}


def test_number_of_a_group_the_caller_is_not_in_is_403(owner: OmiliaClient) -> None:
    response = note(owner, {"number": "+35722000001", "note": "x"})
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group other"


def test_maintainer_may_not_write_notes(omilia: Callable[[str], OmiliaClient]) -> None:
    response = note(omilia("maintainer"), {"number": "+12012049894", "note": "x"})
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: numbers.note requires one of the roles Owner"
