"""`/__sandbox/requests`: every vendor request of a tenant, bounded, filtered, and the unmatched explained."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from tests.control.support import NUMBERS_PATH, OWNER_FORM, TOKEN_PATH, add_rule, omilia_token


def journal(client: FlaskClient, **filters: Any) -> dict[str, Any]:
    return dict(client.get("/__sandbox/requests", query_string=filters).json)


def test_an_entry_records_the_request_and_its_answer(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH + "?pageSize=5&searchTerm=%2B1", headers={"X-Trace": "abc"})
    (entry,) = journal(client)["requests"]
    assert entry["vendor"] == "omilia"
    assert entry["operation"] == "listNumbers"
    assert (entry["method"], entry["path"]) == ("GET", "/integrations/api/numbers")
    assert entry["query"] == {"pageSize": "5", "searchTerm": "+1"}
    assert entry["headers"]["X-Trace"] == "abc"
    assert (entry["status"], entry["fault"], entry["applied"]) == (401, None, True)
    assert entry["duration_ms"] >= 0
    assert entry["time"].endswith("Z")


def test_authorization_is_redacted_but_its_scheme_kept(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH, headers={"Authorization": "Bearer " + omilia_token(client)})
    entry = journal(client, operation="listNumbers")["requests"][0]
    assert entry["headers"]["Authorization"] == "Bearer [redacted]"
    assert entry["status"] == 200


def test_the_body_is_kept_and_the_view_still_parses_the_form(client: FlaskClient) -> None:
    response = client.post(TOKEN_PATH, data=OWNER_FORM)
    assert response.status_code == 200
    (entry,) = journal(client)["requests"]
    assert "username=owner" in entry["body"]
    assert entry["body_bytes"] == len(urlencode(OWNER_FORM))


def test_the_body_is_capped() -> None:
    client = create_app({"TESTING": True, "JOURNAL_BODY_BYTES": 10}).test_client()
    client.post(NUMBERS_PATH, data="x" * 100, content_type="text/plain")
    (entry,) = journal(client)["requests"]
    assert (entry["body"], entry["body_bytes"], entry["body_truncated"]) == ("x" * 10, 100, True)


def test_a_binary_body_is_kept_as_base64(client: FlaskClient) -> None:
    client.post(NUMBERS_PATH, data=b"\xff\xfe\x00", content_type="application/octet-stream")
    (entry,) = journal(client)["requests"]
    assert (entry["body"], entry["body_encoding"]) == ("//4A", "base64")


def test_the_fault_that_fired_is_named(client: FlaskClient) -> None:
    add_rule(client, {"id": "boom", "action": {"type": "error", "status": 503}})
    client.get(NUMBERS_PATH)
    (entry,) = journal(client)["requests"]
    assert (entry["fault"], entry["fault_type"], entry["status"], entry["applied"]) == (
        "boom",
        "error",
        503,
        False,
    )


def test_control_plane_calls_are_never_recorded(client: FlaskClient) -> None:
    client.get("/__sandbox/health")
    client.get("/__sandbox/faults")
    client.post("/__sandbox/clock", json={"advance_s": 1})
    assert journal(client) == {"requests": [], "total": 0}


def test_newest_last_and_filters(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)
    client.put(NUMBERS_PATH)
    client.get("/mor/billing/api/x")
    client.get("/omilia/integrations/api/numbers-set")
    assert [e["id"] for e in journal(client)["requests"]] == [1, 2, 3, 4]
    assert [e["id"] for e in journal(client, vendor="omilia", method="get")["requests"]] == [1, 4]
    assert [e["id"] for e in journal(client, path="/integrations/api/numbers*")["requests"]] == [1, 2, 4]
    assert [e["id"] for e in journal(client, path="/integrations/api/numbers")["requests"]] == [1, 2]


def test_limit_keeps_the_newest_and_total_counts_all_matches(client: FlaskClient) -> None:
    for _ in range(5):
        client.get(NUMBERS_PATH)
    body = journal(client, limit=2)
    assert ([e["id"] for e in body["requests"]], body["total"]) == ([4, 5], 5)


def test_count_takes_the_same_filters(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)
    client.put(NUMBERS_PATH)
    assert client.get("/__sandbox/requests/count").json == {"count": 2}
    assert client.get("/__sandbox/requests/count?method=PUT").json == {"count": 1}


def test_count_takes_limit_like_the_list(client: FlaskClient) -> None:
    for _ in range(3):
        client.get(NUMBERS_PATH)
    assert client.get("/__sandbox/requests/count?limit=2").json == {"count": 2}
    assert client.get("/__sandbox/requests/count?limit=9").json == {"count": 3}


@pytest.mark.parametrize("query", ["limit=x", "limit=-1", "limit=\u0661", "vendor=nokia"])
def test_count_refuses_bad_filters_as_the_list_does(client: FlaskClient, query: str) -> None:
    response = client.get("/__sandbox/requests/count?" + query)
    assert response.status_code == 400
    assert response.json["error"].startswith(query.split("=")[0] + ":")


@pytest.mark.parametrize(
    ("query", "field"), [("limit=-1", "limit"), ("limit=x", "limit"), ("vendor=nokia", "vendor")]
)
def test_bad_filters_are_400(client: FlaskClient, query: str, field: str) -> None:
    response = client.get("/__sandbox/requests?" + query)
    assert response.status_code == 400
    assert response.json["error"].startswith(field + ":")


def test_delete_empties_the_journal(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)
    assert client.delete("/__sandbox/requests").status_code == 204
    assert journal(client)["total"] == 0


def test_the_ring_is_bounded_and_keeps_the_newest() -> None:
    client = create_app({"TESTING": True, "JOURNAL_SIZE": 3}).test_client()
    for _ in range(10):
        client.get(NUMBERS_PATH)
    body = journal(client)
    assert ([e["id"] for e in body["requests"]], body["total"]) == ([8, 9, 10], 3)


def test_time_is_the_tenants_clock(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    now = client.post("/__sandbox/clock", json={"advance_s": 86400}).json["now"]
    client.get(NUMBERS_PATH)
    assert journal(client)["requests"][0]["time"] == now


def test_reset_starts_a_fresh_journal(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)
    client.post("/__sandbox/reset")
    assert journal(client)["total"] == 0


def test_unmatched_lists_requests_that_hit_no_route_with_the_closest_routes(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)  # a route: not listed
    client.get("/omilia/integrations/api/numbrs")
    client.delete("/omilia/integrations/api/numbers")
    body = client.get("/__sandbox/requests/unmatched").json
    assert body["total"] == 2
    wrong_path, wrong_method = body["requests"]
    assert wrong_path["status"] == 404
    assert wrong_path["closest"][0] == {
        "route": "/integrations/api/numbers",
        "methods": ["GET", "POST", "PUT"],
        "reason": "path /integrations/api/numbrs doesn't match /integrations/api/numbers",
    }
    assert wrong_method["status"] == 405
    assert wrong_method["closest"][0]["reason"] == "method DELETE doesn't match GET, POST, PUT"


def test_a_vendor_404_from_a_route_is_not_unmatched(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)  # 401 from the view
    assert client.get("/__sandbox/requests/unmatched").json["requests"] == []


def test_unmatched_explains_routes_with_parameters(client: FlaskClient) -> None:
    client.get("/omilia/auth/realms/ocp/protocol/openid-connect/token")
    closest = client.get("/__sandbox/requests/unmatched").json["requests"][0]["closest"][0]
    assert closest["route"] == "/auth/realms/<realm>/protocol/openid-connect/token"
    assert closest["reason"] == "method GET doesn't match POST"


def test_the_entry_explains_why_each_rule_did_or_did_not_fire(client: FlaskClient) -> None:
    add_rule(client, {"id": "puts", "match": {"method": "PUT"}, "action": {"type": "reset"}})
    add_rule(client, {"id": "later", "action": {"type": "error", "status": 502}, "after": 1})
    add_rule(client, {"id": "flaky", "action": {"type": "error", "status": 503}, "probability": 0.0})
    add_rule(client, {"id": "last", "action": {"type": "error", "status": 504}})
    client.get(NUMBERS_PATH)
    (entry,) = journal(client)["requests"]
    assert entry["fault"] == "last"
    assert entry["fault_trace"] == [
        {"rule": "puts", "reason": "method GET doesn't match PUT"},
        {"rule": "later", "reason": "match 1 of the 1 that `after` lets through"},
        {"rule": "flaky", "reason": entry["fault_trace"][2]["reason"]},
        {"rule": "last", "reason": "fired (error)"},
    ]
    assert entry["fault_trace"][2]["reason"].endswith("is not below probability 0")


def test_a_used_up_rule_says_so(client: FlaskClient) -> None:
    add_rule(client, {"id": "once", "action": {"type": "error", "status": 503}, "times": 1})
    client.get(NUMBERS_PATH)
    client.get(NUMBERS_PATH)
    second = journal(client)["requests"][1]
    assert second["fault_trace"] == [{"rule": "once", "reason": "used up: fired 1 of 1 times"}]


def test_the_fault_trace_of_an_entry_stays_small_with_many_rules(client: FlaskClient) -> None:
    rules = [
        {"id": f"r{i}", "match": {"path": "/nothing"}, "action": {"type": "error", "status": 503}}
        for i in range(99)
    ]
    rules.append({"id": "last", "action": {"type": "error", "status": 418}})
    client.post("/__sandbox/faults", json={"rules": rules})
    assert client.get(NUMBERS_PATH).status_code == 418
    (entry,) = journal(client)["requests"]
    trace = entry["fault_trace"]
    assert [t["rule"] for t in trace[:2]] == ["r0", "r1"]
    assert trace[20] == {"rule": None, "reason": "60 more rules tried"}
    assert (len(trace), trace[-1]) == (41, {"rule": "last", "reason": "fired (error)"})


def test_long_header_and_query_values_are_cut_so_an_entry_stays_small(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH + "?q=" + "x" * 5000 + "&r=1" * 300, headers={"X-Big": "y" * 5000})
    (entry,) = journal(client)["requests"]
    assert entry["headers"]["X-Big"] == "y" * 2048 + "...[2952 more characters]"
    assert entry["query"]["q"] == "x" * 2048 + "...[2952 more characters]"
    assert entry["query"]["r"] == ["1"] * 100


@pytest.mark.parametrize(
    ("value", "kept"),
    [("Bearer abc", "Bearer [redacted]"), ("s3cr3t-token-1 x", "[redacted]"), ("tokenonly", "[redacted]")],
)
def test_authorization_keeps_only_a_scheme_that_looks_like_one(
    client: FlaskClient, value: str, kept: str
) -> None:
    client.get(NUMBERS_PATH, headers={"Authorization": value})
    (entry,) = journal(client)["requests"]
    assert entry["headers"]["Authorization"] == kept
