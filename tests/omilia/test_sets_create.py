"""POST /api/numbers-set: create a set in one of the caller's groups."""

from __future__ import annotations

from typing import Any

import pytest

from tests.omilia.conftest import OmiliaClient


def test_create_returns_the_documented_fields(owner: OmiliaClient) -> None:
    response = owner.call("POST", "/numbers-set", {"name": "support lines", "groupId": "ocp-qa"})
    assert response.status_code == 200
    body = response.json
    assert set(body) == {"id", "name", "groupId", "phoneNumberCount"}
    assert (body["name"], body["groupId"], body["phoneNumberCount"]) == ("support lines", "ocp-qa", 0)


def test_created_set_is_readable_by_id(owner: OmiliaClient) -> None:
    created = owner.call("POST", "/numbers-set", {"name": "a", "groupId": "ocp"}).json
    assert owner.call("GET", f"/numbers-set/{created['id']}").json == created


def test_each_set_gets_its_own_id(owner: OmiliaClient) -> None:
    first = owner.call("POST", "/numbers-set", {"name": "a", "groupId": "ocp"}).json
    second = owner.call("POST", "/numbers-set", {"name": "b", "groupId": "ocp"}).json
    assert first["id"] != second["id"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"groupId": "ocp"}, "Missing required parameter 'name'"),
        ({"name": "  ", "groupId": "ocp"}, "Missing required parameter 'name'"),
        ({"name": "x"}, "Missing required parameter 'groupId'"),
        ({"name": 5, "groupId": "ocp"}, "Invalid parameter 'name': must be a string"),
        ({"name": "x", "groupId": ["ocp"]}, "Invalid parameter 'groupId': must be a string"),
    ],
)
def test_bad_body_is_400(owner: OmiliaClient, state: Any, body: dict[str, Any], message: str) -> None:
    before = state()
    response = owner.call("POST", "/numbers-set", body)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": message}
    assert state() == before


def test_missing_body_is_400(owner: OmiliaClient) -> None:
    response = owner.call("POST", "/numbers-set")
    assert response.status_code == 400
    assert response.json["success"] is False


def test_group_the_caller_is_not_in_is_403(owner: OmiliaClient, state: Any) -> None:
    before = state()
    response = owner.call("POST", "/numbers-set", {"name": "x", "groupId": "other"})
    assert response.status_code == 403
    assert response.json == {"success": False, "message": "Access denied: no permission on group other"}
    assert state() == before


def test_same_name_twice_in_a_group_is_409(owner: OmiliaClient) -> None:
    owner.call("POST", "/numbers-set", {"name": "dup", "groupId": "ocp"})
    response = owner.call("POST", "/numbers-set", {"name": "dup", "groupId": "ocp"})
    assert response.status_code == 409
    assert response.json["message"] == "A phone numbers set named dup already exists in group ocp"


def test_same_name_in_another_group_is_fine(owner: OmiliaClient) -> None:
    owner.call("POST", "/numbers-set", {"name": "dup", "groupId": "ocp"})
    assert owner.call("POST", "/numbers-set", {"name": "dup", "groupId": "ocp-qa"}).status_code == 200


def test_without_a_token_is_401(client: Any) -> None:
    response = client.post("/omilia/integrations/api/numbers-set", json={"name": "x", "groupId": "ocp"})
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}
