"""switchvox.call, users.call, currentCalls.getList and currentCalls.hangUp: calls on the tenant clock."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.switchvox.conftest import (
    Extend,
    advance,
    freeze,
    items,
    json_error,
    set_settings,
    state,
    xml_body,
)

CALL = "switchvox.call"
USERS_CALL = "switchvox.users.call"
CURRENT = "switchvox.currentCalls.getList"
HANG_UP = "switchvox.currentCalls.hangUp"
ADMIN_CALL = {"dial_first": "100", "dial_second": "101", "dial_as_account_id": "1101"}


def current(extend: Extend) -> list[dict[str, Any]]:
    """The live calls, as currentCalls.getList lists them."""
    return items(extend.result(CURRENT)["current_calls"], "current_call")


@pytest.fixture(autouse=True)
def frozen(client: FlaskClient) -> None:
    """Every test here moves the clock itself."""
    freeze(client)


def test_switchvox_call_answers_call_info_with_the_dialed_numbers(extend: Extend) -> None:
    assert extend.result(CALL, ADMIN_CALL) == {
        "call_info": {"dialed_first": "100", "dialed_second": "101", "variables": {}}
    }


def test_switchvox_call_in_xml(extend: Extend) -> None:
    info = xml_body(extend.xml(CALL, ADMIN_CALL))["result"]["call_info"]
    assert (info["@dialed_first"], info["@dialed_second"], info["variables"]) == ("100", "101", None)


def test_a_call_rings_then_talks_then_ends(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, calls={"outcome": "answer", "ring_s": 4, "talk_s": 20})
    extend.result(CALL, ADMIN_CALL)
    assert [c["state"] for c in current(extend)] == ["ringing"]
    advance(client, 4)
    (live,) = current(extend)
    assert (live["state"], live["duration"]) == ("talking", "4")
    advance(client, 20)
    assert current(extend) == []


def test_a_no_answer_call_rings_for_its_timeout(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, calls={"outcome": "no_answer"})
    extend.result(CALL, {**ADMIN_CALL, "timeout": "12"})
    advance(client, 11)
    assert [c["state"] for c in current(extend)] == ["ringing"]
    advance(client, 1)
    assert current(extend) == []


def test_a_busy_call_is_never_live(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, calls={"outcome": "busy"})
    extend.result(CALL, ADMIN_CALL)
    assert current(extend) == []
    assert len(state(client)["calls"]) == 1


def test_by_number_picks_the_path_of_one_dialed_number(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, calls={"outcome": "answer", "by_number": {"15550001": "busy"}})
    extend.result(CALL, {**ADMIN_CALL, "dial_second": "15550001"})
    extend.result(CALL, ADMIN_CALL)
    assert [c["to_caller_id_number"] for c in current(extend)] == ["101"]


def test_a_placed_call_keeps_the_settings_it_was_placed_with(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, calls={"outcome": "answer", "ring_s": 1, "talk_s": 100})
    extend.result(CALL, ADMIN_CALL)
    whole = client.get("/__sandbox/state").get_json()  # PUT replaces the whole state: put it all back
    whole["switchvox"]["settings"][0]["calls"] = {"outcome": "busy"}
    assert client.put("/__sandbox/state", json=whole).status_code == 200
    advance(client, 50)
    assert [c["state"] for c in current(extend)] == ["talking"]


def test_settings_out_of_their_domain_fall_back_to_the_defaults(client: FlaskClient, extend: Extend) -> None:
    set_settings(
        client, calls={"outcome": ["busy"], "ring_s": -3, "talk_s": "long", "by_number": {"101": {}}}
    )
    extend.result(CALL, ADMIN_CALL)
    advance(client, 4)
    assert [c["state"] for c in current(extend)] == ["ringing"]
    advance(client, 1)
    assert [c["state"] for c in current(extend)] == ["talking"]


def test_current_call_carries_the_parties(extend: Extend) -> None:
    extend.result(CALL, {**ADMIN_CALL, "dial_second": "15554578299"})
    (live,) = current(extend)
    assert live["id"] == "SIP/100-00000001"
    assert (live["from_caller_id_name"], live["from_caller_id_number"]) == ("Jane Smith", "100")
    assert (live["to_caller_id_name"], live["to_caller_id_number"]) == ("", "15554578299")


def test_no_current_calls_is_total_items_zero(extend: Extend) -> None:
    assert extend.result(CURRENT) == {"current_calls": {"total_items": "0"}}


def test_two_current_calls_are_an_array(client: FlaskClient, extend: Extend) -> None:
    extend.result(CALL, ADMIN_CALL)
    advance(client, 1)
    extend.result(CALL, {**ADMIN_CALL, "dial_first": "101", "dial_second": "100"})
    listed = extend.result(CURRENT)["current_calls"]
    assert listed["total_items"] == "2"
    assert [c["id"] for c in listed["current_call"]] == ["SIP/100-00000001", "SIP/101-00000002"]


def test_hang_up_ends_a_live_call(client: FlaskClient, extend: Extend) -> None:
    extend.result(CALL, ADMIN_CALL)
    (live,) = current(extend)
    assert extend.result(HANG_UP, {"current_call_id": live["id"]}) == {"success": {}}
    assert current(extend) == []


def test_hang_up_of_an_ended_call_is_10016(client: FlaskClient, extend: Extend) -> None:
    extend.result(CALL, ADMIN_CALL)
    advance(client, 3600)
    assert json_error(extend.json(HANG_UP, {"current_call_id": "SIP/100-00000001"})) == (
        "10016",
        "Invalid current_call_id (SIP/100-00000001). No such call is in progress.",
    )


def test_hang_up_needs_current_call_id(extend: Extend) -> None:
    assert json_error(extend.json(HANG_UP)) == ("10011", "Missing required parameter (current_call_id)")


def test_readonly_may_list_but_not_originate_or_hang_up(extend: Extend, readonly: Extend) -> None:
    extend.result(CALL, ADMIN_CALL)
    assert len(current(readonly)) == 1
    assert json_error(readonly.json(CALL, ADMIN_CALL)) == (
        "10403",
        "Permission denied: your access level does not allow switchvox.call.",
    )
    assert json_error(readonly.json(HANG_UP, {"current_call_id": "SIP/100-00000001"}))[0] == "10403"
    assert len(current(extend)) == 1


@pytest.mark.parametrize(
    ("params", "error"),
    [
        (
            {"dial_second": "101", "dial_as_account_id": "1101"},
            ("10011", "Missing required parameter (dial_first)"),
        ),
        (
            {"dial_first": "100", "dial_as_account_id": "1101"},
            ("10011", "Missing required parameter (dial_second)"),
        ),
        (
            {"dial_first": "100", "dial_second": "101"},
            ("10011", "Missing required parameter (dial_as_account_id)"),
        ),
        (
            {**ADMIN_CALL, "dial_as_account_id": "x1"},
            ("10014", "Invalid account_id (x1). Account_ids may only contain digits."),
        ),
        ({**ADMIN_CALL, "dial_as_account_id": "4242"}, ("84711", "That account_id is invalid.")),
        ({**ADMIN_CALL, "dial_first": "ten"}, ("10015", "Invalid value for parameter dial_first (ten).")),
        ({**ADMIN_CALL, "timeout": "1000"}, ("10015", "Invalid value for parameter timeout (1000).")),
        (
            {**ADMIN_CALL, "caller_id_name": "x" * 21},
            ("10015", f"Invalid value for parameter caller_id_name ({'x' * 21})."),
        ),
        (
            {**ADMIN_CALL, "ignore_user_api_settings": "2"},
            ("10015", "Invalid value for parameter ignore_user_api_settings (2)."),
        ),
        (
            {**ADMIN_CALL, "variables": ["novalue"]},
            ("10015", "Invalid value for parameter variable (novalue)."),
        ),
    ],
    ids=[
        "no-first",
        "no-second",
        "no-dial-as",
        "dial-as-letters",
        "dial-as-unknown",
        "first-letters",
        "timeout",
        "caller-id-name",
        "flag",
        "variable",
    ],
)
def test_a_refused_call_answers_its_error_and_places_nothing(
    client: FlaskClient, extend: Extend, params: dict[str, Any], error: tuple[str, str]
) -> None:
    before = state(client)
    assert json_error(extend.json(CALL, params)) == error
    assert state(client) == before


def test_users_call_places_a_call_from_the_extension(jane: Extend, extend: Extend) -> None:
    info = jane.result(USERS_CALL, {"dial_first": "100", "dial_second": "15554578299"})
    assert info["call_info"]["dialed_second"] == "15554578299"
    (live,) = current(extend)
    assert live["from_caller_id_number"] == "100"


def test_users_call_for_another_account_is_27168(client: FlaskClient, jane: Extend) -> None:
    before = state(client)
    params = {"dial_first": "101", "dial_second": "100", "account_id": "1102"}
    assert json_error(jane.json(USERS_CALL, params)) == (
        "27168",
        "Your account is not permitted to run this action.",
    )
    assert state(client) == before


def test_users_call_as_admin_needs_account_id(extend: Extend) -> None:
    assert json_error(extend.json(USERS_CALL, {"dial_first": "100", "dial_second": "101"})) == (
        "10011",
        "Missing required parameter (account_id)",
    )


def test_users_call_as_admin_for_an_account(extend: Extend) -> None:
    extend.result(USERS_CALL, {"dial_first": "101", "dial_second": "100", "account_id": "1102"})
    assert current(extend)[0]["from_caller_id_name"] == "Bob Jones"


def test_the_accounts_call_api_prefix_is_dialed_before_outside_numbers(
    client: FlaskClient, jane: Extend
) -> None:
    records = state(client)["extensions"]
    records[0]["call_api_dial_prefix"] = "9"
    client.put("/__sandbox/state", json={"switchvox": {"extensions": records}})
    outside = jane.result(USERS_CALL, {"dial_first": "100", "dial_second": "15554578299"})["call_info"]
    assert (outside["dialed_first"], outside["dialed_second"]) == ("100", "915554578299")
    plain = {"dial_first": "100", "dial_second": "15554578299", "ignore_user_api_settings": "1"}
    assert jane.result(USERS_CALL, plain)["call_info"]["dialed_second"] == "15554578299"


def test_calls_belong_to_their_tenant(client: FlaskClient) -> None:
    one, two = Extend(client, base="/t/one/switchvox"), Extend(client, base="/t/two/switchvox")
    one.result(CALL, ADMIN_CALL)
    assert len(current(one)) == 1
    assert current(two) == []


def test_a_call_answered_later_than_its_timeout_is_not_answered(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, calls={"outcome": "answer", "ring_s": 20})
    extend.result(CALL, {**ADMIN_CALL, "timeout": "10"})
    advance(client, 10)
    assert current(extend) == []


def test_users_call_as_the_lordmilko_client_writes_it(client: FlaskClient, extend: Extend) -> None:
    body = (
        '<request method="switchvox.users.call"><parameters><dial_first>100</dial_first>'
        "<dial_second>101</dial_second><account_id>1101</account_id><caller_id_name>PBX</caller_id_name>"
        "<timeout>30</timeout><ignore_user_api_settings>0</ignore_user_api_settings>"
        "<ignore_user_call_rules>0</ignore_user_call_rules>"
        "<variables><variable>lang = en</variable><variable>queue = 2</variable></variables>"
        "</parameters></request>"
    )
    response = client.post("/switchvox/xml", data=body, auth=("100", "web100"))
    assert xml_body(response)["result"]["call_info"]["@dialed_second"] == "101"
    assert len(current(extend)) == 1
