"""Errors under /omilia: Omilia-shaped for wrong paths, methods and bodies; nothing changes on refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from tests.omilia.conftest import API, OmiliaClient, password_grant

ROUTES = [
    ("POST", "/numbers"),
    ("PUT", "/numbers"),
    ("PUT", "/numbers/group"),
    ("PUT", "/numbers/detach"),
    ("PUT", "/numbers/attach"),
    ("PUT", "/number/note"),
    ("POST", "/numbers/search"),
    ("POST", "/numbers/direct"),
]


def test_unknown_path_is_an_omilia_404(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/no-such-thing")
    assert response.status_code == 404
    assert response.json == {"success": False, "message": "Not Found"}


def test_wrong_method_is_an_omilia_405_with_allow(owner: OmiliaClient) -> None:
    response = owner.call("PATCH", "/numbers")
    assert response.status_code == 405
    assert response.json == {"success": False, "message": "Method Not Allowed"}
    assert {"GET", "POST", "PUT"} <= set(response.headers["Allow"].replace(" ", "").split(","))


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_route_needs_a_token(client: FlaskClient, method: str, path: str) -> None:
    response = client.open(API + path, method=method, json={})
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_malformed_json_is_400(omilia: Callable[[str], OmiliaClient], method: str, path: str) -> None:
    caller = omilia("support")
    response = caller.call(method, path, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "Malformed JSON request body"}


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_json_that_is_not_an_object_is_400(
    omilia: Callable[[str], OmiliaClient], method: str, path: str
) -> None:
    response = omilia("support").call(method, path, ["+12012049893"])
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "The request body must be a JSON object"}


def test_json_without_content_type_is_read(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers/detach", data='{"numbers": ["+12012049894"]}')
    assert response.status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"numbers": [None]},
        {"numbers": [{"a": 1}]},
        {"numbers": ["+1" + "2" * 20]},
        {"numbers": ["+12012049894"], "group": {"x": 1}},
        {"numbers": ["+١٢٠١٢٠٤٩٨٩٤"]},
    ],
)
def test_odd_bodies_are_400_never_500(
    owner: OmiliaClient, state: Callable[[], Any], body: dict[str, Any]
) -> None:
    before = state()
    response = owner.call("PUT", "/numbers/group", body)
    assert response.status_code == 400
    assert response.json["success"] is False
    assert state()["omilia"] == before["omilia"]


def test_deeply_nested_json_is_400(owner: OmiliaClient) -> None:
    response = owner.call("POST", "/numbers/search", data="[" * 100000 + "]" * 100000)
    assert response.status_code == 400
    assert response.json["success"] is False


JSON_BODY_ROUTES = [
    *ROUTES,
    ("POST", "/numbers-set"),
    ("PATCH", "/numbers-set/any"),
    ("POST", "/numbers-set/any/numbers"),
    ("DELETE", "/numbers-set/any/numbers"),
    ("PUT", "/numbers-set/any/attach"),
    ("POST", "/numbers/csv"),
]


@pytest.mark.parametrize(("method", "path"), JSON_BODY_ROUTES)
def test_json_nested_too_deeply_is_400_on_every_route(
    omilia: Callable[[str], OmiliaClient], state: Callable[[], Any], method: str, path: str
) -> None:
    before = state()
    response = omilia("support").call(method, path, data='{"a":' * 5000 + "1" + "}" * 5000)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "Malformed JSON request body"}
    assert state() == before


@pytest.mark.parametrize(("method", "path"), JSON_BODY_ROUTES[len(ROUTES) :])
def test_malformed_json_is_400_on_sets_and_csv_routes(owner: OmiliaClient, method: str, path: str) -> None:
    response = owner.call(method, path, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "Malformed JSON request body"}


def test_body_over_the_size_limit_is_an_omilia_413() -> None:
    small = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 1024}).test_client()
    token = password_grant(small, "owner").json["access_token"]
    response = small.put(
        API + "/numbers/group",
        headers={"Authorization": f"Bearer {token}"},
        json={"numbers": ["+12012049894"], "group": "ocp-qa", "note": "x" * 2048},
    )
    assert response.status_code == 413
    assert response.json == {
        "success": False,
        "message": "The data value transmitted exceeds the capacity limit.",
    }


def test_a_body_that_is_not_json_is_400_even_for_a_role_that_may_not_call(
    omilia: Callable[[str], OmiliaClient],
) -> None:
    response = omilia("viewer").call("PUT", "/numbers", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "Malformed JSON request body"}
