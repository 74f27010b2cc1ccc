"""At most MAX_TENANTS tenants are held: in memory the one idle longest is evicted; with a data file
(tenants are never silently dropped) one more is refused, in the vendor's own error shape."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

from sandbox import create_app

NUMBERS = "/omilia/integrations/api/numbers"


def client_of(**config: object) -> FlaskClient:
    return create_app({"TESTING": True, **config}).test_client()


def frozen(client: FlaskClient, tenant: str) -> bool:
    return bool(client.get(f"/t/{tenant}/__sandbox/clock").json["frozen"])


def test_in_memory_the_tenant_idle_longest_is_evicted_and_comes_back_fresh() -> None:
    client = client_of(MAX_TENANTS=3)
    store = client.application.extensions["sandbox"].store
    client.post("/t/a/__sandbox/clock", json={"freeze": True})
    client.post("/t/b/__sandbox/clock", json={"freeze": True})
    client.get("/t/c/__sandbox/clock")
    assert frozen(client, "a")  # a is now the most recently used; b the least
    client.get("/t/d/__sandbox/clock")
    assert sorted(store.names()) == ["a", "c", "d"]
    assert frozen(client, "a")
    assert not frozen(client, "b")  # made afresh (evicting c)
    assert sorted(store.names()) == ["a", "b", "d"]


def test_many_tenants_stay_within_the_limit() -> None:
    client = client_of(MAX_TENANTS=10)
    for i in range(200):
        assert client.get(f"/t/t{i}/__sandbox/clock").status_code == 200
    assert len(client.application.extensions["sandbox"].store.names()) == 10


def test_a_tenant_serving_a_request_is_not_evicted_and_a_full_store_is_a_vendor_503() -> None:
    client = client_of(MAX_TENANTS=2)
    store = client.application.extensions["sandbox"].store
    store.enter("busy")
    client.post("/t/busy/__sandbox/clock", json={"freeze": True})
    client.get("/t/other/__sandbox/clock")
    client.get("/t/third/__sandbox/clock")  # evicts "other", never "busy"
    assert sorted(store.names()) == ["busy", "third"]
    store.enter("third")
    response = client.get(f"/t/fourth{NUMBERS}")
    assert response.status_code == 503
    assert response.json["success"] is False
    assert "is serving a request (raise SANDBOX_MAX_TENANTS)" in response.json["message"]
    control = client.get("/t/fourth/__sandbox/state")
    assert (control.status_code, control.json["status"]) == (503, 503)
    store.leave("third")
    assert client.get("/t/fourth/__sandbox/clock").status_code == 200
    assert frozen(client, "busy")


def test_with_a_data_file_no_tenant_is_dropped_and_one_more_is_refused(tmp_path: Path) -> None:
    data = str(tmp_path / "state.json")
    client = client_of(MAX_TENANTS=2, DATA=data)
    client.post("/t/a/__sandbox/clock", json={"freeze": True})
    client.get("/t/b/__sandbox/clock")
    response = client.get("/t/c/mor/billing/api/autodialer_upload_numbers")
    assert response.status_code == 503
    assert b"<error>" in response.data
    control = client.get("/t/c/__sandbox/clock")
    assert control.status_code == 503
    assert control.json["error"] == (
        "this sandbox holds its limit of 2 tenants, kept in its data file (raise SANDBOX_MAX_TENANTS)"
    )
    assert frozen(client, "a")
    client.application.extensions["sandbox"].store.close()
    again = client_of(MAX_TENANTS=2, DATA=data)
    assert frozen(again, "a")
    again.application.extensions["sandbox"].store.close()
