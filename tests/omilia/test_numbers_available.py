"""POST /api/numbers: numbers for sale by provider, prefix, country code and group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.omilia.conftest import OmiliaClient


def offer(owner: OmiliaClient, **body: Any) -> Any:
    return owner.call("POST", "/numbers", {"provider": "Twilio", "code": "US", "group": "ocp", **body})


def test_doc_example_prefix_plus_38(owner: OmiliaClient) -> None:
    response = offer(owner, prefix="+38", code="UA")
    assert response.status_code == 200
    assert response.json[0] == {
        "number": "+380445551000",
        "country": "UA",
        "locality": "Kyiv",
        "region": "Kyiv",
        "price": 2,
    }
    assert all(item["number"].startswith("+38") and item["country"] == "UA" for item in response.json)


def test_items_have_exactly_the_doc_fields(owner: OmiliaClient) -> None:
    item = offer(owner).json[0]
    assert list(item) == ["number", "country", "locality", "region", "price"]


def test_prefix_filters(owner: OmiliaClient) -> None:
    numbers = [item["number"] for item in offer(owner, prefix="+1415").json]
    assert numbers and all(n.startswith("+1415") for n in numbers)


def test_prefix_without_plus(owner: OmiliaClient) -> None:
    assert offer(owner, prefix="1415").json == offer(owner, prefix="+1415").json


def test_no_prefix_lists_the_whole_country_sorted(owner: OmiliaClient) -> None:
    numbers = [item["number"] for item in offer(owner).json]
    assert len(numbers) == 10 and numbers == sorted(numbers)


def test_country_code_is_case_insensitive(owner: OmiliaClient) -> None:
    assert offer(owner, code="us").json == offer(owner, code="US").json


def test_country_without_stock_is_an_empty_list(owner: OmiliaClient) -> None:
    response = offer(owner, code="FR")
    assert response.status_code == 200 and response.json == []


def test_bought_numbers_are_no_longer_for_sale(owner: OmiliaClient) -> None:
    first = offer(owner).json[0]["number"]
    owner.call("PUT", "/numbers", {"provider": "Twilio", "numbers": [first], "group": "ocp"})
    assert first not in [item["number"] for item in offer(owner).json]


@pytest.mark.parametrize("missing", ["provider", "code", "group"])
def test_required_parameter_missing_is_400(owner: OmiliaClient, missing: str) -> None:
    body = {"provider": "Twilio", "code": "US", "group": "ocp"}
    del body[missing]
    response = owner.call("POST", "/numbers", body)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": f"Missing required parameter '{missing}'"}


def test_unknown_provider_is_400(owner: OmiliaClient) -> None:
    response = offer(owner, provider="Vonage")
    assert response.status_code == 400
    assert response.json["message"] == "Invalid provider 'Vonage'. Valid values: Twilio"


def test_bad_prefix_is_400(owner: OmiliaClient) -> None:
    response = offer(owner, prefix="+3a")
    assert response.status_code == 400
    assert response.json["message"] == "Invalid prefix '+3a': expected an optional + followed by digits"


def test_bad_country_code_is_400(owner: OmiliaClient) -> None:
    response = offer(owner, code="USA")
    assert response.status_code == 400
    assert response.json["message"] == "Invalid country code 'USA': expected ISO 3166-1 alpha-2, e.g. US"


def test_group_the_caller_is_not_in_is_403(owner: OmiliaClient) -> None:
    response = offer(owner, group="other")
    assert response.status_code == 403
    assert response.json == {"success": False, "message": "Access denied: no permission on group other"}


def test_maintainer_may_not_list_numbers_for_sale(omilia: Callable[[str], OmiliaClient]) -> None:
    response = offer(omilia("maintainer"), group="ocp-qa")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: numbers.available requires one of the roles Owner"
