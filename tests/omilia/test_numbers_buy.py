"""PUT /api/numbers: buying numbers from the provider, partial success in failedNumbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.omilia.conftest import OmiliaClient

FOR_SALE = "+12015551000"
ALSO_FOR_SALE = "+12015551001"


def buy(owner: OmiliaClient, numbers: list[Any], **body: Any) -> Any:
    return owner.call("PUT", "/numbers", {"provider": "Twilio", "numbers": numbers, "group": "ocp", **body})


def inventory(client) -> set[str]:
    return {r["number"] for r in client.get("/__sandbox/state").json["omilia"]["inventory"]}


def test_buy_returns_the_purchased_number_and_its_id(owner: OmiliaClient) -> None:
    response = buy(owner, [FOR_SALE])
    assert response.status_code == 200
    assert response.json == {
        "failedNumbers": [],
        "purchasedNumbers": [{"number": FOR_SALE, "id": "num-12015551000"}],
    }


def test_bought_number_is_listed_in_the_group_with_the_note(owner: OmiliaClient) -> None:
    buy(owner, [FOR_SALE], note="new line")
    item = owner.numbers()[FOR_SALE]
    assert (item["groupId"], item["note"], item["country"], item["miniAppId"]) == (
        "ocp",
        "new line",
        "US",
        None,
    )


def test_bought_number_leaves_the_inventory(owner: OmiliaClient, client) -> None:
    buy(owner, [FOR_SALE])
    assert FOR_SALE not in inventory(client)


def test_partial_success_lands_in_failed_numbers(owner: OmiliaClient) -> None:
    response = buy(owner, [FOR_SALE, "+19999999999", ALSO_FOR_SALE])
    assert response.status_code == 200
    assert response.json["failedNumbers"] == ["+19999999999"]
    assert [p["number"] for p in response.json["purchasedNumbers"]] == [FOR_SALE, ALSO_FOR_SALE]


def test_a_number_the_tenant_holds_fails(owner: OmiliaClient) -> None:
    response = buy(owner, ["+12012049893"])
    assert response.json == {"failedNumbers": ["+12012049893"], "purchasedNumbers": []}


def test_buying_twice_fails_the_second_time(owner: OmiliaClient) -> None:
    buy(owner, [FOR_SALE])
    assert buy(owner, [FOR_SALE]).json["failedNumbers"] == [FOR_SALE]


def test_a_number_named_twice_is_bought_once(owner: OmiliaClient) -> None:
    response = buy(owner, [FOR_SALE, FOR_SALE])
    assert response.json == {
        "failedNumbers": [],
        "purchasedNumbers": [{"number": FOR_SALE, "id": "num-12015551000"}],
    }


def test_provider_is_case_insensitive(owner: OmiliaClient) -> None:
    assert buy(owner, [FOR_SALE], provider="twilio").json["purchasedNumbers"][0]["number"] == FOR_SALE


def test_malformed_number_is_400_and_buys_nothing(owner: OmiliaClient, state) -> None:
    before = state()
    response = buy(owner, [FOR_SALE, "2015551001"])
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": "Invalid phone number '2015551001': expected E.164 format, e.g. +12012049893",
    }
    assert state()["omilia"] == before["omilia"]


@pytest.mark.parametrize(
    ("numbers", "message"),
    [
        ([], "Missing required parameter 'numbers'"),
        ("+12015551000", "Invalid parameter 'numbers': must be an array of phone numbers"),
        ([12015551000], "Invalid phone number 12015551000: expected E.164 format, e.g. +12012049893"),
    ],
)
def test_numbers_must_be_a_non_empty_list_of_strings(owner: OmiliaClient, numbers: Any, message: str) -> None:
    response = buy(owner, numbers)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": message}


def test_missing_group_is_400(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers", {"provider": "Twilio", "numbers": [FOR_SALE]})
    assert response.status_code == 400
    assert response.json["message"] == "Missing required parameter 'group'"


def test_group_the_caller_is_not_in_is_403_and_buys_nothing(owner: OmiliaClient, state) -> None:
    before = state()
    response = buy(owner, [FOR_SALE], group="other")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group other"
    assert state()["omilia"] == before["omilia"]


def test_unknown_provider_is_400(owner: OmiliaClient) -> None:
    response = buy(owner, [FOR_SALE], provider="Vonage")
    assert response.status_code == 400
    assert response.json["message"] == "Invalid provider 'Vonage'. Valid values: Twilio"


@pytest.mark.parametrize("username", ["maintainer", "developer", "viewer"])
def test_only_owner_buys(omilia: Callable[[str], OmiliaClient], username: str) -> None:
    response = buy(omilia(username), [FOR_SALE], group="ocp-qa")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: numbers.buy requires one of the roles Owner"


def test_a_purchase_in_one_tenant_leaves_another_untouched(owner: OmiliaClient, client) -> None:
    buy(owner, [FOR_SALE])
    other = client.get("/t/other-tenant/__sandbox/state").json["omilia"]
    assert FOR_SALE in {r["number"] for r in other["inventory"]}
    assert FOR_SALE not in {r["number"] for r in other["numbers"]}


def test_bought_record_keeps_the_offers_area_and_price(owner: OmiliaClient, client) -> None:
    buy(owner, [FOR_SALE])
    record = next(
        r for r in client.get("/__sandbox/state").json["omilia"]["numbers"] if r["number"] == FOR_SALE
    )
    assert (record["locality"], record["region"], record["price"], record["provider"]) == (
        "Jersey City",
        "NJ",
        1,
        "Twilio",
    )


def test_listing_does_not_show_the_offer_fields(owner: OmiliaClient) -> None:
    buy(owner, [FOR_SALE])
    assert "locality" not in owner.numbers()[FOR_SALE]
