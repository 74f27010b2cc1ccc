"""GET /api/numbers without a search term is paged straight from the store, as a searched listing is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from tests.omilia.conftest import OmiliaClient


def store_many(client: FlaskClient, count: int) -> None:
    state = client.get("/__sandbox/state").json
    groups = ("ocp-qa", "ocp", "other")
    state["omilia"]["numbers"] += [
        {**state["omilia"]["numbers"][0], "number": f"+1555{i:07d}", "id": f"n{i}", "groupId": groups[i % 3]}
        for i in range(count)
    ]
    assert client.put("/__sandbox/state", json=state).status_code == 200


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
@pytest.mark.parametrize(("page", "size"), [(1, 50), (3, 7), (40, 5), (999, 50)])
def test_the_unsearched_listing_equals_a_search_matching_every_number(
    client: FlaskClient, omilia: Callable[[str], OmiliaClient], direction: str, page: int, size: int
) -> None:
    store_many(client, 300)
    viewer = omilia("viewer")  # one group of three: the listing skips the others
    query = {"page": page, "pageSize": size, "direction": direction}
    plain = viewer.call("GET", "/numbers", query_string=query).json
    searched = viewer.call("GET", "/numbers", query_string={**query, "searchTerm": "+%"}).json
    assert plain == searched
    stored = client.get("/__sandbox/state").json["omilia"]["numbers"]
    assert plain["allNumbers"] == sum(1 for n in stored if n["groupId"] == "ocp-qa")


def test_a_number_whose_note_changes_keeps_its_place_in_the_listing(owner: OmiliaClient) -> None:
    before = [n["number"] for n in owner.call("GET", "/numbers").json["numbers"]]
    assert owner.call("PUT", "/number/note", {"number": before[0], "note": "changed"}).status_code == 200
    after = owner.call("GET", "/numbers").json["numbers"]
    assert [n["number"] for n in after] == before
    assert after[0]["note"] == "changed"
