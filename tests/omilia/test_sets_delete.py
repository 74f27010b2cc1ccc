"""DELETE /api/numbers-set/{setId} and /{setId}/delete (purchased numbers back to the provider)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import make_set


def test_delete_set_keeps_its_numbers(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    response = owner.call("DELETE", f"/numbers-set/{created['id']}")
    assert response.status_code == 200
    assert response.json["success"] is True
    assert owner.call("GET", f"/numbers-set/{created['id']}").status_code == 404
    number = owner.numbers()["+12012049894"]
    assert (number["groupId"], number["phoneNumbersSetId"]) == ("ocp-qa", None)


def test_delete_set_is_owner_only(
    owner: OmiliaClient, omilia: Callable[[str], OmiliaClient], state: Any
) -> None:
    created = make_set(owner, "s", "ocp-qa")
    before = state()
    response = omilia("maintainer").call("DELETE", f"/numbers-set/{created['id']}")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: sets.delete requires one of the roles Owner"
    assert state() == before


def test_delete_unknown_set_is_404(owner: OmiliaClient) -> None:
    response = owner.call("DELETE", "/numbers-set/nope")
    assert response.status_code == 404
    assert response.json["message"] == "Phone numbers set nope not found"


def test_delete_purchased_returns_them_to_the_inventory(owner: OmiliaClient, state: Any) -> None:
    bought = owner.call(
        "PUT", "/numbers", {"provider": "Twilio", "numbers": ["+12015551000"], "group": "ocp-qa"}
    )
    assert bought.json["purchasedNumbers"][0]["number"] == "+12015551000"
    created = make_set(owner, "s", "ocp-qa", ["+12015551000"])
    response = owner.call("DELETE", f"/numbers-set/{created['id']}/delete")
    assert response.status_code == 200
    assert "+12015551000" not in owner.numbers()
    inventory = {offer["number"]: offer for offer in state()["omilia"]["inventory"]}
    assert inventory["+12015551000"] == {
        "number": "+12015551000",
        "country": "US",
        "locality": "Jersey City",
        "region": "NJ",
        "price": 1,
        "provider": "Twilio",
    }
    available = owner.call("POST", "/numbers", {"provider": "Twilio", "code": "US", "group": "ocp-qa"}).json
    assert "+12015551000" in [offer["number"] for offer in available]
    assert owner.call("GET", f"/numbers-set/{created['id']}").json["phoneNumberCount"] == 0


def test_delete_purchased_keeps_numbers_added_directly(omilia: Callable[[str], OmiliaClient]) -> None:
    support = omilia("support")
    added = support.call("POST", "/numbers/direct", {"numbers": ["+4930999000"], "group": "ocp"})
    assert added.status_code == 200
    created = make_set(support, "s", "ocp", ["+4930999000", "+442079460000"])
    assert support.call("DELETE", f"/numbers-set/{created['id']}/delete").status_code == 200
    numbers = support.numbers()
    assert "+442079460000" not in numbers
    assert numbers["+4930999000"]["phoneNumbersSetId"] == created["id"]


def test_delete_purchased_needs_maintainer(
    owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]
) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    response = omilia("developer").call("DELETE", f"/numbers-set/{created['id']}/delete")
    assert response.status_code == 403
    assert response.json["message"].startswith("Access denied: numbers.delete requires one of the roles")
    assert "+12012049894" in owner.numbers()


def test_released_number_unknown_to_the_provider_gets_blank_area(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    assert owner.call("DELETE", f"/numbers-set/{created['id']}/delete").status_code == 200
    inventory = {offer["number"]: offer for offer in state()["omilia"]["inventory"]}
    assert inventory["+12012049894"] == {
        "number": "+12012049894",
        "country": "US",
        "locality": "",
        "region": "",
        "price": 1,
        "provider": "Twilio",
    }
