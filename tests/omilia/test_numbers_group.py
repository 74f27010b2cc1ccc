"""PUT /api/numbers/group: moving numbers to another of the caller's groups."""

from __future__ import annotations

from collections.abc import Callable

from tests.omilia.conftest import OmiliaClient


def move(caller: OmiliaClient, numbers: list[str], group: str):
    return caller.call("PUT", "/numbers/group", {"numbers": numbers, "group": group})


def test_move_answers_the_success_envelope(owner: OmiliaClient) -> None:
    response = move(owner, ["+12012049893", "+12012049894"], "ocp")
    assert response.status_code == 200
    assert response.json == {"success": True, "message": "Group updated to ocp for 2 numbers"}


def test_moved_numbers_are_in_the_new_group(owner: OmiliaClient) -> None:
    move(owner, ["+12012049894"], "ocp")
    assert owner.numbers()["+12012049894"]["groupId"] == "ocp"


def test_moved_number_keeps_its_miniapp(owner: OmiliaClient) -> None:
    move(owner, ["+12012049893"], "ocp")
    assert owner.numbers()["+12012049893"]["miniAppName"] == "SND_dmt_test_app_vp"


def test_moved_number_disappears_for_users_outside_the_new_group(
    owner: OmiliaClient, omilia: Callable[[str], OmiliaClient]
) -> None:
    move(owner, ["+12012049894"], "ocp")
    assert "+12012049894" not in omilia("viewer").numbers()


def test_maintainer_may_move_within_its_groups(omilia: Callable[[str], OmiliaClient]) -> None:
    assert move(omilia("maintainer"), ["+12012049894"], "ocp-qa").status_code == 200


def test_developer_may_not_move(omilia: Callable[[str], OmiliaClient]) -> None:
    response = move(omilia("developer"), ["+12012049894"], "ocp-qa")
    assert response.status_code == 403
    assert (
        response.json["message"] == "Access denied: numbers.group requires one of the roles Maintainer, Owner"
    )


def test_target_group_outside_the_callers_is_403(owner: OmiliaClient, state) -> None:
    before = state()
    response = move(owner, ["+12012049894"], "other")
    assert response.status_code == 403
    assert response.json == {"success": False, "message": "Access denied: no permission on group other"}
    assert state()["omilia"] == before["omilia"]


def test_number_of_another_group_is_403(omilia: Callable[[str], OmiliaClient]) -> None:
    response = move(omilia("maintainer"), ["+442079460000"], "ocp-qa")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"


def test_unknown_number_is_404_and_moves_nothing(owner: OmiliaClient, state) -> None:
    before = state()
    response = move(owner, ["+12012049894", "+19999999999"], "ocp")
    assert response.status_code == 404
    assert response.json == {"success": False, "message": "Number +19999999999 not found"}
    assert state()["omilia"] == before["omilia"]


def test_malformed_number_is_400(owner: OmiliaClient) -> None:
    response = move(owner, ["12012049894"], "ocp")
    assert response.status_code == 400
    assert (
        response.json["message"]
        == "Invalid phone number '12012049894': expected E.164 format, e.g. +12012049893"
    )


def test_missing_group_is_400(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers/group", {"numbers": ["+12012049894"]})
    assert response.status_code == 400
    assert response.json["message"] == "Missing required parameter 'group'"


def test_group_must_be_a_string(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers/group", {"numbers": ["+12012049894"], "group": ["ocp"]})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid parameter 'group': must be a string"


def test_number_leaves_a_set_of_its_old_group(owner: OmiliaClient, client) -> None:
    state = client.get("/__sandbox/state").json
    state["omilia"]["sets"] = [{"id": "qa-set", "name": "QA", "groupId": "ocp-qa"}]
    for record in state["omilia"]["numbers"]:
        if record["number"] == "+12012049894":
            record["phoneNumberSetId"] = "qa-set"
    client.put("/__sandbox/state", json=state)
    move(owner, ["+12012049894"], "ocp")
    assert owner.numbers()["+12012049894"]["phoneNumbersSetId"] is None
