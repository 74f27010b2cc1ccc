"""switchvox.users.callLogs.search and switchvox.callLogs.search: ended calls, filtered and paged."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.switchvox.conftest import Extend, advance, items, json_error, state

USERS_LOGS = "switchvox.users.callLogs.search"
LOGS = "switchvox.callLogs.search"
CALL = "switchvox.call"
START = datetime(2024, 3, 1, 10, 0, 0, tzinfo=timezone.utc)
DAY = {"start_date": "2024-03-01 00:00:00", "end_date": "2024-03-01 23:59:59"}
JANE_DAY = {**DAY, "account_id": "1101"}


def start(client: FlaskClient, calls: dict[str, Any] | None = None) -> None:
    """The tenant's clock frozen at 2024-03-01 10:00:00 UTC, with `calls` settings if given."""
    body: dict[str, Any] = {
        "sandbox": {"clock": [{"id": "clock", "offset_s": 0.0, "frozen_at": START.timestamp()}]}
    }
    if calls is not None:
        body["switchvox"] = {"settings": [{**state(client)["settings"][0], "calls": calls}]}
    assert client.put("/__sandbox/state", json=body).status_code == 200


@pytest.fixture(autouse=True)
def morning(client: FlaskClient) -> None:
    """Every test starts at 10:00:00; calls answer after 5 s and talk 60 s (the defaults)."""
    start(client)


def place(extend: Extend, first: str = "100", second: str = "101", account: str = "1101") -> None:
    """switchvox.call as admin."""
    extend.result(CALL, {"dial_first": first, "dial_second": second, "dial_as_account_id": account})


def logged(extend: Extend, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The `<call>` entries a search answers."""
    return items(extend.result(method, params)["calls"], "call")


def test_an_ended_call_is_in_both_logs_with_its_documented_fields(
    client: FlaskClient, extend: Extend, jane: Extend
) -> None:
    place(extend)
    advance(client, 65)
    (mine,) = logged(jane, USERS_LOGS, JANE_DAY)
    assert mine == {
        "id": "1",
        "origination": "outgoing",
        "start_time": "2024-03-01 10:00:00",
        "from": "Jane Smith <100>",
        "from_account_id": "1101",
        "from_name": "Jane Smith",
        "from_number": "100",
        "to": "Bob Jones <101>",
        "to_account_id": "1102",
        "to_name": "Bob Jones",
        "to_number": "101",
        "total_duration": "65",
        "talk_duration": "60",
        "events": {
            "event": [
                {"start_time": "10:00:00 AM", "type": "OUTGOING", "display": "Dialed number (101)"},
                {"start_time": "10:00:05 AM", "type": "TALKING", "display": "Talked to Bob Jones <101>"},
                {"start_time": "10:01:05 AM", "type": "HANGUP", "display": "Hung up"},
            ]
        },
    }
    (admin,) = logged(extend, LOGS, DAY)
    assert admin == {**mine, "cdr_call_id": "1"}


def test_a_live_call_is_not_logged_yet(client: FlaskClient, extend: Extend, jane: Extend) -> None:
    place(extend)
    advance(client, 30)
    assert logged(jane, USERS_LOGS, JANE_DAY) == []


def test_the_called_side_sees_the_call_as_incoming(client: FlaskClient, extend: Extend, bob: Extend) -> None:
    place(extend)
    advance(client, 65)
    (theirs,) = logged(bob, USERS_LOGS, {**DAY, "account_id": "1102"})
    assert theirs["origination"] == "incoming"


def test_another_accounts_calls_are_not_in_the_users_log(
    client: FlaskClient, extend: Extend, jane: Extend
) -> None:
    place(extend, "101", "15550001", "1102")
    advance(client, 65)
    assert logged(jane, USERS_LOGS, JANE_DAY) == []


def test_hung_up_while_ringing_is_logged_without_talk(
    client: FlaskClient, extend: Extend, jane: Extend
) -> None:
    place(extend)
    advance(client, 2)
    extend.result("switchvox.currentCalls.hangUp", {"current_call_id": "SIP/100-00000001"})
    (entry,) = logged(jane, USERS_LOGS, JANE_DAY)
    assert (entry["total_duration"], entry["talk_duration"]) == ("2", "0")
    assert [e["type"] for e in entry["events"]["event"]] == ["OUTGOING", "HANGUP"]
    assert entry["events"]["event"][-1]["display"] == "Hung up before the call was answered"


@pytest.mark.parametrize(("outcome", "display"), [("no_answer", "No answer"), ("busy", "Busy")])
def test_unanswered_outcomes_say_how_the_call_ended(
    client: FlaskClient, extend: Extend, outcome: str, display: str
) -> None:
    start(client, {"outcome": outcome})
    place(extend)
    advance(client, 31)
    (entry,) = logged(extend, LOGS, DAY)
    assert entry["events"]["event"][-1]["display"] == display
    assert entry["talk_duration"] == "0"


def three_calls(client: FlaskClient, extend: Extend) -> None:
    """Calls at 10:00:00 (talk 60), 10:02:00 (busy) and 10:04:00 (talk 60), all ended by 10:06."""
    place(extend)
    advance(client, 120)
    whole = client.get("/__sandbox/state").get_json()
    whole["switchvox"]["settings"][0]["calls"] = {"by_number": {"15550002": "busy"}}
    client.put("/__sandbox/state", json=whole)
    place(extend, "100", "15550002")
    advance(client, 120)
    place(extend, "100", "15550003")
    advance(client, 120)


def test_the_default_order_is_newest_first(client: FlaskClient, extend: Extend, jane: Extend) -> None:
    three_calls(client, extend)
    assert [c["id"] for c in logged(jane, USERS_LOGS, JANE_DAY)] == ["3", "2", "1"]


@pytest.mark.parametrize(
    ("sort_field", "sort_order", "ids"),
    [
        ("start_time", "ASC", ["1", "2", "3"]),
        ("talking_duration", "ASC", ["2", "1", "3"]),
        ("call_duration", "DESC", ["3", "1", "2"]),
    ],
)
def test_sorting(
    client: FlaskClient, extend: Extend, jane: Extend, sort_field: str, sort_order: str, ids: list[str]
) -> None:
    three_calls(client, extend)
    params = {**JANE_DAY, "sort_field": sort_field, "sort_order": sort_order}
    assert [c["id"] for c in logged(jane, USERS_LOGS, params)] == ids


def test_paging(client: FlaskClient, extend: Extend, jane: Extend) -> None:
    three_calls(client, extend)
    calls = jane.result(
        USERS_LOGS, {**JANE_DAY, "sort_order": "ASC", "items_per_page": "2", "page_number": "2"}
    )
    head = {k: v for k, v in calls["calls"].items() if k != "call"}
    assert head == {"page_number": "2", "total_pages": "2", "items_per_page": "2", "total_items": "3"}
    assert calls["calls"]["call"]["id"] == "3"


def test_dates_bound_the_start_time_inclusively(client: FlaskClient, extend: Extend, jane: Extend) -> None:
    three_calls(client, extend)
    window = {"start_date": "2024-03-01 10:02:00", "end_date": "2024-03-01 10:04:00", "account_id": "1101"}
    assert [c["id"] for c in logged(jane, USERS_LOGS, window)] == ["3", "2"]


def test_an_empty_log_has_paging_and_no_calls(jane: Extend) -> None:
    assert jane.result(USERS_LOGS, JANE_DAY) == {
        "calls": {"page_number": "1", "total_pages": "0", "items_per_page": "50", "total_items": "0"}
    }


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (
            {"start_date": "2024-03-01"},
            ("77534", "Invalid date (2024-03-01). Date and time format is (YYYY-MM-DD HH:MM:SS)"),
        ),
        (
            {"start_date": "2024-13-01 00:00:00"},
            ("77534", "Invalid date (2024-13-01 00:00:00). Date and time format is (YYYY-MM-DD HH:MM:SS)"),
        ),
        (
            {"start_date": "2024-04-31 00:00:00"},
            (
                "25673",
                "Invalid date (2024-04-31 00:00:00). You selected the 31st of a month with only 30 days.",
            ),
        ),
        (
            {"end_date": "2023-02-29 00:00:00"},
            ("75429", "Invalid date (2023-02-29 00:00:00). February 29th is outside a leap year."),
        ),
        (
            {"end_date": "2024-02-30 00:00:00"},
            ("63014", "Invalid date (2024-02-30 00:00:00). February 30th and 31st do not exist."),
        ),
        ({"end_date": "2024-02-29 00:00:00"}, ("12010", "The 'To Date' is before your 'From Date'")),
        ({"sort_field": "duration"}, ("12016", "Invalid sort field")),
        ({"sort_order": "UP"}, ("12017", "Invalid sort order")),
        ({"items_per_page": "ten"}, ("12018", "items_per_page may only contain digits")),
        ({"items_per_page": "0"}, ("12018", "items_per_page may only contain digits")),
        ({"page_number": "-1"}, ("12019", "page_number may only contain digits")),
        (
            {"account_id": "11o1"},
            ("10014", "Invalid account_id (11o1). Account_ids may only contain digits."),
        ),
        ({"account_id": "1102"}, ("27168", "Your account is not permitted to run this action.")),
        ({"account_id": ""}, ("10011", "Missing required parameter (account_id)")),
        ({"start_date": ""}, ("10011", "Missing required parameter (start_date)")),
    ],
    ids=[
        "format",
        "month-13",
        "april-31",
        "feb-29",
        "feb-30",
        "to-before-from",
        "sort-field",
        "sort-order",
        "items-letters",
        "items-zero",
        "page-negative",
        "account-letters",
        "other-account",
        "no-account",
        "no-start",
    ],
)
def test_users_search_documented_errors(jane: Extend, change: dict[str, str], error: tuple[str, str]) -> None:
    assert json_error(jane.json(USERS_LOGS, {**JANE_DAY, **change})) == error


def test_a_leap_day_is_a_date(jane: Extend) -> None:
    assert "calls" in jane.result(USERS_LOGS, {**JANE_DAY, "start_date": "2024-02-29 00:00:00"})


def test_admin_search_shares_the_date_errors(extend: Extend) -> None:
    assert json_error(extend.json(LOGS, {**DAY, "end_date": "2024-06-31 00:00:00"}))[0] == "25673"


def test_admin_filters(client: FlaskClient, extend: Extend) -> None:
    place(extend)
    advance(client, 120)
    place(extend, "101", "15550009", "1102")
    advance(client, 120)
    by_account = {**DAY, "account_ids": {"account_id": ["1102"]}}
    assert sorted(c["id"] for c in logged(extend, LOGS, by_account)) == ["1", "2"]
    assert [c["id"] for c in logged(extend, LOGS, {**DAY, "caller_id_number": "101"})] == ["2"]
    assert [c["id"] for c in logged(extend, LOGS, {**DAY, "caller_id_name": "Jane Smith"})] == ["1"]
    assert [c["id"] for c in logged(extend, LOGS, {**DAY, "incoming_did": "15550009"})] == ["2"]
    assert logged(extend, LOGS, {**DAY, "sip_provider_ids": {"sip_provider_id": ["1"]}}) == []


def test_admin_filter_with_a_bad_account_id_is_10014(extend: Extend) -> None:
    assert json_error(extend.json(LOGS, {**DAY, "account_ids": ["x"]}))[0] == "10014"


def test_readonly_reads_the_call_logs(client: FlaskClient, extend: Extend, readonly: Extend) -> None:
    place(extend)
    advance(client, 65)
    assert len(logged(readonly, LOGS, DAY)) == 1


def test_searching_changes_nothing(client: FlaskClient, extend: Extend) -> None:
    place(extend)
    advance(client, 65)
    before = state(client)
    logged(extend, LOGS, DAY)
    assert state(client) == before


def test_call_then_call_log_as_the_drss_client_sends_them(client: FlaskClient) -> None:
    """DRSS/pyswitchvox: getInfo for the account id, switchvox.call (integer flags), callLogs.search."""
    headers = {"Content-Type": "application/json", "Accept": "text/plain"}

    def post(method: str, params: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps({"request": {"method": method, "parameters": params}})
        response = client.post("/switchvox/json", data=body, headers=headers, auth=("admin", "admin"))
        return response.get_json()["response"]  # type: ignore[no-any-return]

    account_id = post("switchvox.extensions.getInfo", {"extensions": [100]})["result"]["extensions"][
        "extension"
    ]["account_id"]
    call = {"dial_first": 100, "dial_second": 101, "dial_as_account_id": account_id}
    assert "result" in post(CALL, {**call, "ignore_user_api_settings": 1, "ignore_user_call_rules": 1})
    advance(client, 65)
    found = post(LOGS, {**DAY, "account_ids": [account_id]})["result"]["calls"]
    assert (found["total_items"], found["call"]["to_number"]) == ("1", "101")
