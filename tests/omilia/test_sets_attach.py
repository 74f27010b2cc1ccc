"""PUT /api/numbers-set/{setId}/attach and /detach: a set's numbers to and from a miniApp."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import DOC_MINIAPP, NUMERIC_MINIAPP, make_set

MEMBERS = ["+12012049894", "+302107654321"]


def test_attach_every_member(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", MEMBERS)
    body = {"miniAppId": DOC_MINIAPP, "locale": "en-US", "applicationTag": "tag1"}
    response = owner.call("PUT", f"/numbers-set/{created['id']}/attach", body)
    assert response.status_code == 200
    assert response.json["success"] is True
    numbers = owner.numbers()
    for number in MEMBERS:
        assert (numbers[number]["miniAppId"], numbers[number]["locale"]) == (DOC_MINIAPP, "en-US")
        assert numbers[number]["applicationTag"] == "tag1"


def test_attach_only_the_listed_members(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", MEMBERS)
    body = {"numbers": ["+12012049894"], "miniAppId": DOC_MINIAPP, "locale": "en-GB"}
    assert owner.call("PUT", f"/numbers-set/{created['id']}/attach", body).status_code == 200
    numbers = owner.numbers()
    assert numbers["+12012049894"]["locale"] == "en-GB"
    assert numbers["+302107654321"]["locale"] == "el-GR"


def test_attach_a_number_outside_the_set_is_400(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    before = state()
    body = {"numbers": ["+12012049893"], "miniAppId": DOC_MINIAPP, "locale": "en-US"}
    response = owner.call("PUT", f"/numbers-set/{created['id']}/attach", body)
    assert response.status_code == 400
    assert response.json["message"] == f"Number +12012049893 is not in phone numbers set {created['id']}"
    assert state() == before


def test_attach_needs_miniapp_and_locale(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", MEMBERS)
    for body, message in [
        ({"locale": "en-US"}, "Missing required parameter 'miniAppId'"),
        ({"miniAppId": DOC_MINIAPP}, "Missing required parameter 'locale'"),
    ]:
        response = owner.call("PUT", f"/numbers-set/{created['id']}/attach", body)
        assert response.status_code == 400
        assert response.json["message"] == message


def test_attach_with_a_bad_locale_is_400(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", MEMBERS)
    body = {"miniAppId": DOC_MINIAPP, "locale": "english"}
    response = owner.call("PUT", f"/numbers-set/{created['id']}/attach", body)
    assert response.status_code == 400
    assert response.json["message"] == "Invalid locale 'english': required format is pd-XY, e.g. en-US"


def test_attach_to_a_miniapp_of_a_group_the_caller_is_not_in_is_403(
    owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]
) -> None:
    created = make_set(owner, "s", "ocp-qa", MEMBERS)
    body = {"miniAppId": NUMERIC_MINIAPP, "locale": "en-US"}
    response = omilia("maintainer").call("PUT", f"/numbers-set/{created['id']}/attach", body)
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"


def test_detach_every_member(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049893", "+302107654321"])
    response = owner.call("PUT", f"/numbers-set/{created['id']}/detach")
    assert response.status_code == 200
    numbers = owner.numbers()
    assert numbers["+12012049893"]["miniAppId"] is None
    assert numbers["+302107654321"]["locale"] is None
    assert numbers["+12012049893"]["phoneNumbersSetId"] == created["id"]


def test_detach_leaves_other_numbers_alone(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    assert owner.call("PUT", f"/numbers-set/{created['id']}/detach").status_code == 200
    assert owner.numbers()["+12012049893"]["miniAppId"] == DOC_MINIAPP


def test_detach_an_empty_set(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    response = owner.call("PUT", f"/numbers-set/{created['id']}/detach")
    assert response.status_code == 200
    assert response.json["success"] is True


def test_developer_cannot_detach(owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]) -> None:
    created = make_set(owner, "s", "ocp-qa", MEMBERS)
    response = omilia("developer").call("PUT", f"/numbers-set/{created['id']}/detach")
    assert response.status_code == 403
    assert response.json["message"].startswith("Access denied: sets.write requires one of the roles")
