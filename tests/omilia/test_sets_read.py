"""GET /api/numbers-set, /api/numbers-set/{setId}, /group/{groupId} and /{setId}/numbers."""

from __future__ import annotations

from collections.abc import Callable

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import make_set

SEARCHED_FIELDS = {
    "number",
    "country",
    "groupId",
    "miniAppId",
    "miniAppName",
    "miniAppType",
    "miniAppDiamantAppName",
    "miniAppGroup",
    "locale",
    "note",
    "applicationTag",
    "phoneNumberSetId",
}


def test_unknown_set_is_404(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers-set/nope")
    assert response.status_code == 404
    assert response.json == {"success": False, "message": "Phone numbers set nope not found"}


def test_count_follows_the_members(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049893", "+12012049894"])
    assert owner.call("GET", f"/numbers-set/{created['id']}").json["phoneNumberCount"] == 2


def test_list_for_current_user_holds_only_the_callers_groups(
    owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]
) -> None:
    qa = make_set(owner, "qa", "ocp-qa")
    make_set(owner, "ocp", "ocp")
    listed = omilia("viewer").call("GET", "/numbers-set").json
    assert [s["id"] for s in listed] == [qa["id"]]


def test_list_for_current_user_is_empty_at_first(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers-set")
    assert response.status_code == 200
    assert response.json == []


def test_sets_for_group(owner: OmiliaClient) -> None:
    qa = make_set(owner, "qa", "ocp-qa", ["+12012049894"])
    make_set(owner, "ocp", "ocp")
    response = owner.call("GET", "/numbers-set/group/ocp-qa")
    assert response.status_code == 200
    assert response.json == [{**qa, "phoneNumberCount": 1}]


def test_sets_for_a_group_the_caller_is_not_in_is_403(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers-set/group/other")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group other"


def test_set_of_another_group_is_403(owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]) -> None:
    ocp = make_set(owner, "ocp", "ocp")
    response = omilia("viewer").call("GET", f"/numbers-set/{ocp['id']}")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"


def test_numbers_in_set_are_search_shaped(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049893"])
    response = owner.call("GET", f"/numbers-set/{created['id']}/numbers")
    assert response.status_code == 200
    (item,) = response.json
    assert set(item) == SEARCHED_FIELDS
    assert item["number"] == "+12012049893"
    assert item["phoneNumberSetId"] == created["id"]
    assert item["miniAppName"] == "SND_dmt_test_app_vp"


def test_numbers_of_unknown_set_is_404(owner: OmiliaClient) -> None:
    response = owner.call("GET", "/numbers-set/nope/numbers")
    assert response.status_code == 404
    assert response.json["message"] == "Phone numbers set nope not found"


def test_listing_shows_the_set_of_a_number(owner: OmiliaClient) -> None:
    created = make_set(owner, "named", "ocp-qa", ["+12012049894"])
    item = owner.numbers()["+12012049894"]
    assert (item["phoneNumbersSetId"], item["phoneNumbersSetName"]) == (created["id"], "named")
