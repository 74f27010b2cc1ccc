"""POST /api/numbers/search: the advanced search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.omilia.conftest import SEARCHED_DOC_ITEM, OmiliaClient


def search(caller: OmiliaClient, body: dict[str, Any] | None = None) -> Any:
    return caller.call("POST", "/numbers/search", body if body is not None else {})


def found(caller: OmiliaClient, **criteria: Any) -> list[str]:
    response = search(caller, {"orderBy": "number", **criteria})
    assert response.status_code == 200, response.json
    return [item["number"] for item in response.json["numbers"]]


def test_items_print_phone_number_set_id_without_s(owner: OmiliaClient) -> None:
    item = search(owner).json["numbers"][0]
    assert "phoneNumberSetId" in item
    assert "phoneNumbersSetId" not in item and "phoneNumbersSetName" not in item


def test_doc_number_as_search_prints_it(owner: OmiliaClient) -> None:
    items = search(owner, {"number": "+12012049893"}).json["numbers"]
    assert items == [SEARCHED_DOC_ITEM]


def test_empty_body_finds_everything_in_the_callers_groups(owner: OmiliaClient) -> None:
    body = search(owner).json
    assert body["allNumbers"] == 4 and (body["page"], body["pageSize"]) == (1, 50)


def test_no_body_at_all_is_an_empty_search(owner: OmiliaClient) -> None:
    assert owner.call("POST", "/numbers/search").json["allNumbers"] == 4


def test_by_miniapp_name(owner: OmiliaClient) -> None:
    assert found(owner, miniAppName="SND_dmt") == ["+12012049893", "+302107654321"]


def test_by_miniapp_type_case_insensitively(owner: OmiliaClient) -> None:
    assert found(owner, miniAppType="numeric") == ["+442079460000"]


def test_by_note_with_a_wildcard(owner: OmiliaClient) -> None:
    assert found(owner, note="%line") == ["+12012049894"]


def test_by_locale_exactly(owner: OmiliaClient) -> None:
    assert found(owner, locale="el-GR") == ["+302107654321"]


def test_by_groups(owner: OmiliaClient) -> None:
    assert found(owner, groups=["ocp"]) == ["+442079460000"]


def test_by_set_id(owner: OmiliaClient, client) -> None:
    state = client.get("/__sandbox/state").json
    state["omilia"]["sets"] = [{"id": "testSetId", "name": "Test", "groupId": "ocp-qa"}]
    for record in state["omilia"]["numbers"]:
        if record["number"] == "+12012049894":
            record["phoneNumberSetId"] = "testSetId"
    client.put("/__sandbox/state", json=state)
    assert found(owner, setId="testSetId") == ["+12012049894"]


def test_criteria_combine(owner: OmiliaClient) -> None:
    assert found(owner, miniAppName="SND", locale="en-US") == ["+12012049893"]


def test_null_and_empty_criteria_are_ignored(owner: OmiliaClient) -> None:
    assert len(found(owner, miniAppName=None, note="", groups=[])) == 4


def test_page_zero_as_in_the_doc_means_the_defaults(owner: OmiliaClient) -> None:
    body = search(owner, {"page": 0, "pageSize": 0}).json
    assert (body["page"], body["pageSize"]) == (1, 50)


def test_paging(owner: OmiliaClient) -> None:
    body = search(owner, {"page": 2, "pageSize": 3, "orderBy": "number", "direction": "DESC"}).json
    assert [item["number"] for item in body["numbers"]] == ["+12012049893"]
    assert (body["numberOfPages"], body["allNumbers"]) == (2, 4)


def test_group_the_caller_is_not_in_is_403(owner: OmiliaClient) -> None:
    response = search(owner, {"groups": ["ocp", "other"]})
    assert response.status_code == 403
    assert response.json == {"success": False, "message": "Access denied: no permission on group other"}


def test_viewer_may_search(omilia: Callable[[str], OmiliaClient]) -> None:
    assert found(omilia("viewer")) == ["+12012049893", "+12012049894", "+302107654321"]


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"locale": "en_US"}, "Invalid locale 'en_US': required format is pd-XY, e.g. en-US"),
        (
            {"orderBy": "price"},
            "Invalid orderBy 'price'. Valid values: "
            + ", ".join(
                ["miniapp", "miniapp-type", "number", "locale", "note", "group", "miniapp-group", "none"]
            ),
        ),
        ({"direction": "UP"}, "Invalid direction 'UP'. Valid values: ASC, DESC"),
        ({"page": -1}, "Invalid page '-1': must be an integer starting from 1"),
        ({"pageSize": "string"}, "Invalid pageSize 'string': must be an integer starting from 1"),
        ({"groups": "ocp"}, "Invalid parameter 'groups': must be an array of strings"),
        ({"number": 12}, "Invalid parameter 'number': must be a string"),
    ],
)
def test_bad_criteria_are_400(owner: OmiliaClient, criteria: dict[str, Any], message: str) -> None:
    response = search(owner, criteria)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": message}


def test_body_that_is_not_an_object_is_400(owner: OmiliaClient) -> None:
    response = search(owner, [])  # type: ignore[arg-type]
    assert response.status_code == 400
    assert response.json["message"] == "The request body must be a JSON object"
