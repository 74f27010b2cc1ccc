"""Faults, journal, clock and state of one tenant never touch another."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.control.support import NUMBERS_PATH, add_rule

A = {"X-Sandbox-Tenant": "tenant-a"}
B = {"X-Sandbox-Tenant": "tenant-b"}


def test_a_tenants_faults_fire_only_for_it(client: FlaskClient) -> None:
    add_rule(client, {"action": {"type": "error", "status": 503}}, tenant="tenant-a")
    assert client.get(NUMBERS_PATH, headers=A).status_code == 503
    assert client.get(NUMBERS_PATH, headers=B).status_code == 401
    assert client.get("/t/tenant-b" + NUMBERS_PATH).status_code == 401
    assert client.get("/__sandbox/faults", headers=B).json == {"rules": []}


def test_a_tenants_journal_holds_only_its_requests(client: FlaskClient) -> None:
    client.get(NUMBERS_PATH, headers=A)
    client.get("/t/tenant-a" + NUMBERS_PATH)
    client.put(NUMBERS_PATH, headers=B)
    assert client.get("/__sandbox/requests/count", headers=A).json == {"count": 2}
    assert client.get("/t/tenant-b/__sandbox/requests").json["requests"][0]["method"] == "PUT"
    client.delete("/__sandbox/requests", headers=A)
    assert client.get("/__sandbox/requests/count", headers=B).json == {"count": 1}


def test_a_tenants_clock_moves_alone(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True}, headers=A)
    client.post("/__sandbox/clock", json={"advance_s": 10 * 86400}, headers=A)
    assert client.get("/__sandbox/clock", headers=B).json["frozen"] is False
    assert (
        client.get("/__sandbox/clock", headers=B).json["now"]
        < client.get("/__sandbox/clock", headers=A).json["now"]
    )


def test_a_tenants_state_and_reset_stay_its_own(client: FlaskClient) -> None:
    add_rule(client, {"id": "b-rule", "action": {"type": "reset"}}, tenant="tenant-b")
    before_b = client.get("/__sandbox/state", headers=B).json
    snapshot_a = client.get("/__sandbox/state", headers=A).json
    snapshot_a["sandbox"]["faults"] = [{"id": "a-rule", "action": {"type": "empty"}}]
    client.put("/__sandbox/state", json=snapshot_a, headers=A)
    client.post("/__sandbox/reset", headers=A)
    assert client.get("/__sandbox/state", headers=B).json == before_b
