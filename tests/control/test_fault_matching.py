"""Which rule fires: match fields, first firing rule, after, times, ttl_s, probability and its seed."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core.context import Call
from sandbox.faults.matching import glob_match, match_call
from tests.control.support import NUMBERS_PATH, add_rule


class FakeVendor:
    name = "switchvox"


def call(path: str = "/xml", operation: str | None = "switchvox.extensions.getInfo") -> Call:
    return Call(tenant=None, vendor=FakeVendor(), path=path, operation=operation)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("match", "reason"),
    [
        ({"vendor": "mor"}, "vendor switchvox doesn't match mor"),
        ({"method": "GET"}, "method POST doesn't match GET"),
        ({"path": "/json*"}, "path /xml doesn't match /json*"),
        ({"operation": "switchvox.x"}, "operation switchvox.extensions.getInfo doesn't match switchvox.x"),
    ],
)
def test_a_matcher_says_why_it_does_not_match(match: dict[str, str], reason: str) -> None:
    assert match_call(match, call(), "POST") == (False, reason)


def test_every_field_matching_is_a_match() -> None:
    match = {
        "vendor": "switchvox",
        "method": "POST",
        "path": "/x*",
        "operation": "switchvox.extensions.getInfo",
    }
    matched, reason = match_call(match, call(), "POST")
    assert matched
    assert reason.startswith("matches vendor switchvox")


def test_an_empty_match_matches_every_vendor_request() -> None:
    assert match_call({}, call(), "DELETE") == (True, "matches every vendor request")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("/integrations/api/numbers*", "/integrations/api/numbers/search", True),
        ("*/numbers", "/integrations/api/numbers", True),
        ("/a*c", "/a/b/c", True),
        ("/numbers", "/numbers/x", False),
        ("/n?mbers", "/numbers", False),
        ("/a.c", "/abc", False),
        ("*", "", True),
        ("/a*a", "/a", False),
        ("/a*b*b", "/ab", False),
        ("*ab*ab", "/abab", True),
        ("/x**y", "/xy", True),
        ("/a*b*c", "/acb", False),
    ],
)
def test_path_glob_star_matches_anything_and_nothing_else_is_special(
    pattern: str, path: str, expected: bool
) -> None:
    assert glob_match(pattern, path) is expected


def test_path_glob_with_many_stars_answers_at_once_on_a_long_path() -> None:
    # A backtracking regex takes exponential time here; the glob must stay linear.
    pattern = "*a" * 30 + "*b"
    assert glob_match(pattern, "/" + "a" * 5000) is False
    assert glob_match(pattern, "/" + "a" * 5000 + "b") is True


def status_after(client: FlaskClient, n: int = 1, path: str = NUMBERS_PATH) -> list[int]:
    return [client.get(path).status_code for _ in range(n)]


def test_method_path_and_operation_select_the_requests(client: FlaskClient) -> None:
    add_rule(
        client,
        {"match": {"operation": "listNumbers", "method": "GET"}, "action": {"type": "error", "status": 503}},
    )
    assert status_after(client) == [503]
    assert client.put(NUMBERS_PATH).status_code == 401  # another operation on the same path
    assert client.get("/omilia/integrations/api/numbers-set").status_code == 401


def test_vendor_selects_the_requests(client: FlaskClient) -> None:
    add_rule(client, {"match": {"vendor": "mor"}, "action": {"type": "error", "status": 503}})
    assert status_after(client) == [401]
    assert client.get("/mor/billing/api/nothing").status_code == 503


def test_the_first_rule_that_fires_wins(client: FlaskClient) -> None:
    add_rule(client, {"action": {"type": "error", "status": 502}})
    add_rule(client, {"action": {"type": "error", "status": 503}})
    assert status_after(client, 2) == [502, 502]


def test_a_rule_that_declines_lets_the_next_one_try(client: FlaskClient) -> None:
    add_rule(client, {"action": {"type": "error", "status": 502}, "after": 1})
    add_rule(client, {"action": {"type": "error", "status": 503}})
    assert status_after(client, 3) == [503, 502, 502]


def test_after_lets_n_matches_pass(client: FlaskClient) -> None:
    add_rule(client, {"action": {"type": "error", "status": 503}, "after": 2})
    assert status_after(client, 4) == [401, 401, 503, 503]


def test_times_limits_the_firings(client: FlaskClient) -> None:
    add_rule(client, {"id": "twice", "action": {"type": "error", "status": 503}, "times": 2})
    assert status_after(client, 3) == [503, 503, 401]
    assert client.get("/__sandbox/faults/twice").json["state"]["fired"] == 2


def test_ttl_expires_on_the_sandbox_clock(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    add_rule(client, {"action": {"type": "error", "status": 503}, "ttl_s": 60})
    assert status_after(client) == [503]
    client.post("/__sandbox/clock", json={"advance_s": 59.5})
    assert status_after(client) == [503]
    client.post("/__sandbox/clock", json={"advance_s": 1})
    assert status_after(client) == [401]


def test_rate_limit_window_runs_on_the_sandbox_clock(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    add_rule(client, {"action": {"type": "rate_limit", "limit": 1, "window_s": 10}})
    assert status_after(client, 2) == [401, 429]
    client.post("/__sandbox/clock", json={"advance_s": 4})
    assert client.get(NUMBERS_PATH).headers["Retry-After"] == "6"
    client.post("/__sandbox/clock", json={"advance_s": 6})
    assert status_after(client, 2) == [401, 429]


def firings(seed: int, probability: float, n: int, rule_seed: int | None = None) -> list[bool]:
    client = create_app({"TESTING": True, "SEED": seed}).test_client()
    rule: dict[str, Any] = {
        "id": "flaky",
        "action": {"type": "error", "status": 503},
        "probability": probability,
    }
    if rule_seed is not None:
        rule["seed"] = rule_seed
    add_rule(client, rule)
    return [status == 503 for status in status_after(client, n)]


def test_the_same_seed_gives_the_same_firings_run_after_run() -> None:
    assert firings(7, 0.5, 60) == firings(7, 0.5, 60)


def test_another_seed_gives_other_firings() -> None:
    assert firings(7, 0.5, 60) != firings(8, 0.5, 60)


def test_a_rules_own_seed_wins_over_the_default() -> None:
    assert firings(1, 0.5, 60, rule_seed=5) == firings(2, 0.5, 60, rule_seed=5)


@pytest.mark.parametrize("probability", [0.1, 0.3, 0.75])
def test_the_observed_rate_over_1000_requests_is_within_3_points(probability: float) -> None:
    fired = firings(42, probability, 1000)
    assert abs(sum(fired) / 1000 - probability) <= 0.03


def test_the_stream_position_is_state(client: FlaskClient) -> None:
    add_rule(client, {"id": "flaky", "action": {"type": "error", "status": 503}, "probability": 0.5})
    status_after(client, 10)
    state = client.get("/__sandbox/faults/flaky").json["state"]
    assert (state["matched"], state["draws"]) == (10, 10)


def test_operation_is_the_switchvox_method_in_the_body(client: FlaskClient) -> None:
    rule = {"match": {"vendor": "switchvox", "operation": "switchvox.extensions.getInfo"}}
    add_rule(client, {**rule, "action": {"type": "error", "status": 503}})
    auth = {"Authorization": "Basic YWRtaW46YWRtaW4="}  # admin:admin

    def extend(method: str) -> int:
        params = "<parameters><extensions><extension>100</extension></extensions></parameters>"
        body = f'<request method="{method}">{params}</request>'
        return client.post("/switchvox/xml", data=body, headers=auth).status_code

    assert extend("switchvox.extensions.getInfo") == 503
    assert extend("switchvox.extensions.search") == 200


def test_operation_is_the_mor_function(client: FlaskClient) -> None:
    add_rule(
        client,
        {
            "match": {"operation": "autodialer_redial_all_failed_calls"},
            "action": {"type": "error", "status": 503},
        },
    )
    assert client.post("/mor/billing/api/autodialer_redial_all_failed_calls").status_code == 503
    assert client.post("/mor/billing/api/autodialer_change_campaign_status").status_code == 200
