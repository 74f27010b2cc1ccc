"""The rules a request tries are prepared once per change of the rules, and still read as they are now."""

from __future__ import annotations

from flask.testing import FlaskClient

from sandbox import create_app
from tests.control.support import NUMBERS_PATH, add_rule


def last_entry(client: FlaskClient) -> dict:
    return dict(client.get("/__sandbox/requests").json["requests"][-1])


def test_a_rule_of_another_vendor_is_explained_in_the_trace(client: FlaskClient) -> None:
    add_rule(
        client, {"id": "mor-only", "match": {"vendor": "mor"}, "action": {"type": "error", "status": 503}}
    )
    for _ in range(2):
        client.get(NUMBERS_PATH)
        assert last_entry(client)["fault_trace"] == [
            {"rule": "mor-only", "reason": "vendor omilia doesn't match mor"}
        ]


def test_a_rule_patched_to_this_vendor_fires_on_the_next_request(client: FlaskClient) -> None:
    add_rule(client, {"id": "moved", "match": {"vendor": "mor"}, "action": {"type": "error", "status": 418}})
    assert client.get(NUMBERS_PATH).status_code == 401
    client.patch("/__sandbox/faults/moved", json={"match": {"vendor": "omilia"}})
    assert client.get(NUMBERS_PATH).status_code == 418


def test_a_rule_added_after_requests_fires_and_one_deleted_stops(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH)
    add_rule(client, {"id": "late", "action": {"type": "error", "status": 418}})
    assert client.get(NUMBERS_PATH).status_code == 418
    client.delete("/__sandbox/faults/late")
    assert client.get(NUMBERS_PATH).status_code == 401


def test_an_expiring_rule_of_another_vendor_is_tried_each_time() -> None:
    client = create_app({"TESTING": True}).test_client()
    client.post("/__sandbox/clock", json={"freeze": True})
    rule = {
        "id": "brief",
        "match": {"vendor": "mor"},
        "action": {"type": "error", "status": 503},
        "ttl_s": 10,
    }
    add_rule(client, rule)
    client.get(NUMBERS_PATH)
    assert last_entry(client)["fault_trace"][0]["reason"] == "vendor omilia doesn't match mor"
    client.post("/__sandbox/clock", json={"advance_s": 11})
    client.get(NUMBERS_PATH)
    assert last_entry(client)["fault_trace"][0]["reason"].startswith("expired")


def test_the_journal_can_be_turned_off() -> None:
    client = create_app({"TESTING": True, "JOURNAL_SIZE": 0}).test_client()
    client.get(NUMBERS_PATH)
    assert client.get("/__sandbox/requests").json["total"] == 0
