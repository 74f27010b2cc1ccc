"""GET /api/numbers: the caller's groups' numbers, searched, ordered, paged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.omilia.conftest import DOC_ITEM, OmiliaClient


def listed(owner: OmiliaClient, **query: object) -> list[str]:
    response = owner.call("GET", "/numbers", query_string=query)
    assert response.status_code == 200, response.json
    return [item["number"] for item in response.json["numbers"]]


def test_doc_number_is_listed_exactly_as_the_doc_prints_it(owner: OmiliaClient) -> None:
    items = owner.call("GET", "/numbers").json["numbers"]
    assert DOC_ITEM in items


def test_items_have_the_doc_keys_in_the_doc_order(owner: OmiliaClient) -> None:
    item = owner.call("GET", "/numbers").json["numbers"][0]
    assert list(item) == list(DOC_ITEM)


def test_envelope_has_paging_fields(owner: OmiliaClient) -> None:
    body = owner.call("GET", "/numbers").json
    assert list(body) == ["numbers", "page", "pageSize", "numberOfPages", "allNumbers"]
    assert (body["page"], body["pageSize"], body["numberOfPages"]) == (1, 50, 1)
    assert body["allNumbers"] == len(body["numbers"]) == 4


def test_only_the_callers_groups_are_listed(omilia: Callable[[str], OmiliaClient]) -> None:
    groups = {item["groupId"] for item in omilia("viewer").call("GET", "/numbers").json["numbers"]}
    assert groups == {"ocp-qa"}


def test_numbers_of_a_group_nobody_is_in_are_hidden(owner: OmiliaClient) -> None:
    assert "+35722000001" not in listed(owner)


def test_page_size_and_page(owner: OmiliaClient) -> None:
    body = owner.call("GET", "/numbers", query_string={"pageSize": 3, "page": 2, "orderBy": "number"}).json
    assert (body["page"], body["pageSize"], body["numberOfPages"], body["allNumbers"]) == (2, 3, 2, 4)
    assert [item["number"] for item in body["numbers"]] == ["+442079460000"]


def test_page_past_the_end_is_empty(owner: OmiliaClient) -> None:
    assert listed(owner, page=9) == []


def test_parameters_from_a_json_body_as_the_doc_says(owner: OmiliaClient) -> None:
    body = owner.call("GET", "/numbers", {"pageSize": 1, "orderBy": "number", "direction": "DESC"}).json
    assert [item["number"] for item in body["numbers"]] == ["+442079460000"]
    assert body["pageSize"] == 1


def test_query_string_wins_over_the_body(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", {"pageSize": 1}, query_string={"pageSize": 2})
    assert response.json["pageSize"] == 2


def test_search_term_substring_of_a_number(owner: OmiliaClient) -> None:
    assert listed(owner, searchTerm="2049893") == ["+12012049893"]


def test_search_term_with_an_encoded_plus(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers?searchTerm=%2B4420", query_string=None)
    assert [item["number"] for item in response.json["numbers"]] == ["+442079460000"]


def test_search_term_matches_the_note_case_insensitively(owner: OmiliaClient) -> None:
    assert listed(owner, searchTerm="diamant") == ["+12012049893"]


def test_search_term_percent_wildcards_anchor_the_whole_value(owner: OmiliaClient) -> None:
    assert listed(owner, searchTerm="+1201%", orderBy="number") == ["+12012049893", "+12012049894"]
    assert listed(owner, searchTerm="%desk") == ["+442079460000"]
    assert listed(owner, searchTerm="desk%") == []


def test_default_search_term_percent_lists_everything(owner: OmiliaClient) -> None:
    assert len(listed(owner, searchTerm="%")) == 4


@pytest.mark.parametrize(
    ("order_by", "expected_first"),
    [
        ("number", "+12012049893"),
        ("miniapp", "+12012049893"),
        ("miniapp-type", "+12012049893"),
        ("locale", "+302107654321"),
        ("note", "+12012049893"),
        ("group", "+442079460000"),
        ("miniapp-group", "+442079460000"),
        ("none", "+12012049893"),
    ],
)
def test_every_order_by_value(owner: OmiliaClient, order_by: str, expected_first: str) -> None:
    assert listed(owner, orderBy=order_by)[0] == expected_first


def test_order_by_locale_ascending(owner: OmiliaClient) -> None:
    assert listed(owner, orderBy="locale") == [
        "+302107654321",
        "+442079460000",
        "+12012049893",
        "+12012049894",
    ]


def test_direction_desc_reverses(owner: OmiliaClient) -> None:
    ascending = listed(owner, orderBy="number")
    assert listed(owner, orderBy="number", direction="DESC") == ascending[::-1]


def test_direction_is_case_insensitive(owner: OmiliaClient) -> None:
    assert listed(owner, orderBy="number", direction="desc") == listed(
        owner, orderBy="number", direction="DESC"
    )


@pytest.mark.parametrize("page", ["0", "-1", "x", "1.5"])
def test_bad_page_is_400(owner: OmiliaClient, page: str) -> None:
    response = owner.call("GET", "/numbers", query_string={"page": page})
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": f"Invalid page '{page}': must be an integer starting from 1",
    }


def test_bad_page_size_is_400(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", query_string={"pageSize": "0"})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid pageSize '0': must be an integer starting from 1"


def test_bad_order_by_is_400(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", query_string={"orderBy": "price"})
    assert response.status_code == 400
    assert response.json["message"].startswith("Invalid orderBy 'price'. Valid values: miniapp, miniapp-type")


def test_bad_direction_is_400(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", query_string={"direction": "UP"})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid direction 'UP'. Valid values: ASC, DESC"


def test_set_name_is_joined(owner: OmiliaClient, client) -> None:
    state = client.get("/__sandbox/state").json
    state["omilia"]["sets"] = [{"id": "testSetId", "name": "Test set", "groupId": "ocp-qa"}]
    for record in state["omilia"]["numbers"]:
        if record["number"] == "+12012049894":
            record["phoneNumberSetId"] = "testSetId"
    assert client.put("/__sandbox/state", json=state).status_code == 200
    item = owner.numbers()["+12012049894"]
    assert (item["phoneNumbersSetId"], item["phoneNumbersSetName"]) == ("testSetId", "Test set")


def test_json_body_without_content_type_is_read(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", data='{"pageSize": 1}')
    assert response.json["pageSize"] == 1


def test_unparsable_body_of_a_get_is_ignored(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", data="{oops", content_type="application/json")
    assert response.status_code == 200
    assert response.json["pageSize"] == 50


def test_deeply_nested_body_of_a_get_is_ignored(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", data="[" * 100000 + "]" * 100000)
    assert response.status_code == 200
    assert response.json["allNumbers"] == 4


@pytest.mark.parametrize(
    ("order_by", "expected"),
    [
        ("miniapp", ["+12012049893", "+302107654321", "+442079460000", "+12012049894"]),
        ("miniapp-type", ["+12012049893", "+302107654321", "+442079460000", "+12012049894"]),
        ("number", ["+12012049893", "+12012049894", "+302107654321", "+442079460000"]),
        ("locale", ["+302107654321", "+442079460000", "+12012049893", "+12012049894"]),
        ("note", ["+12012049893", "+442079460000", "+12012049894", "+302107654321"]),
        ("group", ["+442079460000", "+12012049893", "+12012049894", "+302107654321"]),
        ("miniapp-group", ["+442079460000", "+12012049893", "+302107654321", "+12012049894"]),
        ("none", ["+12012049893", "+12012049894", "+302107654321", "+442079460000"]),
    ],
)
def test_every_order_by_value_orders_the_whole_page(
    owner: OmiliaClient, order_by: str, expected: list[str]
) -> None:
    assert listed(owner, orderBy=order_by) == expected


@pytest.mark.parametrize("term", [["+1201"], {"like": "%"}, 1201, True])
def test_search_term_that_is_not_a_string_is_400(owner: OmiliaClient, term: object) -> None:
    response = owner.call("GET", "/numbers", {"searchTerm": term})
    assert response.status_code == 400
    assert response.json == {"success": False, "message": "Invalid parameter 'searchTerm': must be a string"}


def test_search_term_longer_than_1000_characters_is_400(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers", query_string={"searchTerm": "%" * 1001})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid parameter 'searchTerm': at most 1000 characters"


def test_search_term_with_many_wildcards_over_a_long_note_answers(owner: OmiliaClient) -> None:
    assert (
        owner.call("PUT", "/number/note", {"number": "+12012049894", "note": "a" * 1000}).status_code == 200
    )
    assert listed(owner, searchTerm="%a" * 100 + "%b") == []
    assert listed(owner, searchTerm="%a" * 100 + "%") == ["+12012049894"]
