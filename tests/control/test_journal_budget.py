"""The journal's byte budget: memory per tenant is bounded by bytes, not only by entries."""

from __future__ import annotations

from sandbox import create_app
from sandbox.control.journal import Journal, entry_cost, journal_of
from tests.control.support import NUMBERS_PATH


def entry(body: str = "", **headers: str) -> dict:
    return {"path": "/p", "body": body, "headers": headers, "query": {}, "fault_trace": []}


def test_large_bodies_evict_the_oldest_entries_once_the_budget_is_spent() -> None:
    app = create_app({"TESTING": True, "JOURNAL_BYTES": 100_000, "JOURNAL_BODY_BYTES": 20_000})
    client = app.test_client()
    for i in range(30):
        client.post(NUMBERS_PATH, data=f"{i:02d}" + "x" * 9_998, content_type="text/plain")
    body = client.get("/__sandbox/requests").json
    kept = [e["body"][:2] for e in body["requests"]]
    assert 1 < len(kept) < 30
    assert kept == [f"{i:02d}" for i in range(30 - len(kept), 30)]  # the newest, in order
    journal = journal_of(app.extensions["sandbox"].store.tenant("default"), 1)
    assert journal.bytes <= 100_000
    assert body["requests"][-1]["id"] == 30


def test_small_requests_are_bounded_by_the_entry_count_first() -> None:
    client = create_app({"TESTING": True, "JOURNAL_SIZE": 5, "JOURNAL_BYTES": 10_000_000}).test_client()
    for _ in range(12):
        client.get(NUMBERS_PATH)
    assert [e["id"] for e in client.get("/__sandbox/requests").json["requests"]] == [8, 9, 10, 11, 12]


def test_an_entry_larger_than_the_budget_is_still_kept_alone() -> None:
    journal = Journal(100, budget_bytes=10)
    journal.add(entry("a" * 1000))
    journal.add(entry("b" * 1000))
    assert [e["body"][0] for e in journal.entries()] == ["b"]


def test_the_cost_of_an_entry_grows_with_its_body_and_headers() -> None:
    base = entry_cost(entry())
    assert entry_cost(entry("x" * 5000)) == base + 5000
    assert entry_cost(entry(**{"X-Long": "v" * 300})) > base + 300


def test_clearing_the_journal_gives_its_budget_back() -> None:
    journal = Journal(100, budget_bytes=60_000)
    for _ in range(10):
        journal.add(entry("x" * 4000))
    journal.clear()
    assert journal.bytes == 0
    for _ in range(10):
        journal.add(entry("y" * 4000))
    assert len(journal.entries()) == 10


def test_a_recorded_request_costs_what_its_body_and_headers_take() -> None:
    app = create_app({"TESTING": True})
    client = app.test_client()
    client.post(NUMBERS_PATH, data="x" * 10_000, content_type="text/plain")
    journal = journal_of(app.extensions["sandbox"].store.tenant("default"), 1)
    small = journal.bytes
    assert 10_000 < small < 10_000 + 2_000
    client.post(NUMBERS_PATH, data="x", content_type="text/plain", headers={"X-Big": "v" * 5_000})
    assert journal.bytes - small > 5_000


def test_a_recorded_entry_reads_the_same_each_time() -> None:
    client = create_app({"TESTING": True}).test_client()
    client.get(NUMBERS_PATH + "?a=1&a=2&b=%ZZ&c", headers={"Authorization": "Bearer secret-token"})
    first = client.get("/__sandbox/requests").json["requests"]
    assert first == client.get("/__sandbox/requests").json["requests"]
    (entry,) = first
    assert entry["query"] == {"a": ["1", "2"], "b": "%ZZ", "c": ""}
    assert entry["headers"]["Authorization"] == "Bearer [redacted]"
