"""DELETE /api/numbers/delete/{number}: removing a number from the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.omilia.conftest import OmiliaClient


def test_delete_with_an_encoded_plus(owner: OmiliaClient) -> None:
    response = owner.call("DELETE", "/numbers/delete/%2B12012049894")
    assert response.status_code == 200
    assert response.json == {"success": True, "message": "Number +12012049894 deleted"}
    assert "+12012049894" not in owner.numbers()


def test_delete_with_a_raw_plus(owner: OmiliaClient) -> None:
    assert owner.call("DELETE", "/numbers/delete/+12012049894").status_code == 200
    assert "+12012049894" not in owner.numbers()


def test_deleting_twice_is_404(owner: OmiliaClient) -> None:
    owner.call("DELETE", "/numbers/delete/+12012049894")
    response = owner.call("DELETE", "/numbers/delete/+12012049894")
    assert response.status_code == 404
    assert response.json == {"success": False, "message": "Number +12012049894 not found"}


@pytest.mark.parametrize("number", ["12012049894", "+1-201-204-9894", "abc"])
def test_malformed_number_is_400(owner: OmiliaClient, number: str) -> None:
    response = owner.call("DELETE", f"/numbers/delete/{number}")
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": f"Invalid phone number '{number}': expected E.164 format, e.g. +12012049893",
    }


def test_number_of_a_group_the_caller_is_not_in_is_403(
    omilia: Callable[[str], OmiliaClient], state: Callable[[], Any]
) -> None:
    before = state()
    response = omilia("maintainer").call("DELETE", "/numbers/delete/+442079460000")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"
    assert state()["omilia"] == before["omilia"]


def test_maintainer_may_delete(omilia: Callable[[str], OmiliaClient]) -> None:
    assert omilia("maintainer").call("DELETE", "/numbers/delete/+12012049894").status_code == 200


def test_developer_may_not_delete(omilia: Callable[[str], OmiliaClient]) -> None:
    response = omilia("developer").call("DELETE", "/numbers/delete/+12012049894")
    assert response.status_code == 403
    assert (
        response.json["message"]
        == "Access denied: numbers.delete requires one of the roles Maintainer, Owner"
    )


def test_get_on_the_delete_path_is_an_omilia_405(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers/delete/+12012049894")
    assert response.status_code == 405
    assert response.json == {"success": False, "message": "Method Not Allowed"}


def test_deleted_number_does_not_go_back_on_sale(owner: OmiliaClient) -> None:
    owner.call("PUT", "/numbers", {"provider": "Twilio", "numbers": ["+12015551000"], "group": "ocp"})
    owner.call("DELETE", "/numbers/delete/+12015551000")
    offers = owner.call("POST", "/numbers", {"provider": "Twilio", "code": "US", "group": "ocp"}).json
    assert "+12015551000" not in [offer["number"] for offer in offers]
