"""The tenant clock drives token expiry and fault ttl; state snapshots carry faults and the clock."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from tests.control.support import FILE_RULE_PATH, NUMBERS_PATH, add_rule, omilia_token


def seconds(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def test_freeze_stops_the_clock(client: FlaskClient) -> None:
    frozen = client.post("/__sandbox/clock", json={"freeze": True}).json
    assert frozen["frozen"] is True
    assert client.get("/__sandbox/clock").json == frozen


def test_advance_moves_a_frozen_clock_exactly(client: FlaskClient) -> None:
    before = client.post("/__sandbox/clock", json={"freeze": True}).json["now"]
    after = client.post("/__sandbox/clock", json={"advance_s": 30}).json["now"]
    assert seconds(after) - seconds(before) == pytest.approx(30)


def test_unfreeze_runs_on_from_where_the_clock_stands(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    moved = client.post("/__sandbox/clock", json={"advance_s": 3600}).json["now"]
    running = client.post("/__sandbox/clock", json={"freeze": False}).json
    assert running["frozen"] is False
    assert seconds(running["now"]) >= seconds(moved)


def test_omilia_tokens_expire_on_the_sandbox_clock(client: FlaskClient) -> None:
    headers = {"Authorization": "Bearer " + omilia_token(client)}
    client.post("/__sandbox/clock", json={"freeze": True})
    assert client.get(NUMBERS_PATH, headers=headers).status_code == 200
    client.post("/__sandbox/clock", json={"advance_s": 301})
    assert client.get(NUMBERS_PATH, headers=headers).status_code == 401


def test_state_carries_fault_rules_with_their_counters(client: FlaskClient) -> None:
    add_rule(client, {"id": "r", "action": {"type": "error", "status": 503}, "times": 3})
    client.get(NUMBERS_PATH)
    (record,) = client.get("/__sandbox/state").json["sandbox"]["faults"]
    assert (record["id"], record["state"]["fired"]) == ("r", 1)


def test_a_snapshot_put_back_restores_faults_and_clock_exactly(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    client.post("/__sandbox/clock", json={"advance_s": 1000})
    add_rule(client, {"id": "r", "action": {"type": "error", "status": 503}, "times": 2})
    client.get(NUMBERS_PATH)
    snapshot = client.get("/__sandbox/state").json
    clock = client.get("/__sandbox/clock").json
    client.get(NUMBERS_PATH)  # the rule's last firing
    client.delete("/__sandbox/faults")
    client.post("/__sandbox/clock", json={"freeze": False})
    assert client.put("/__sandbox/state", json=snapshot).status_code == 200
    assert client.get("/__sandbox/state").json == snapshot
    assert client.get("/__sandbox/clock").json == clock
    assert [client.get(NUMBERS_PATH).status_code for _ in range(2)] == [503, 401]


def test_a_bad_fault_record_in_a_state_is_400_and_changes_nothing(client: FlaskClient) -> None:
    add_rule(client, {"id": "kept", "action": {"type": "reset"}})
    before = client.get("/__sandbox/state").json
    body = {"sandbox": {"faults": [{"id": "x", "action": {"type": "error", "status": 42}}]}}
    response = client.put("/__sandbox/state", json=body)
    assert (response.status_code, response.json["field"]) == (400, "sandbox.faults[0].action.status")
    assert client.get("/__sandbox/state").json == before


def test_reset_brings_back_the_default_world(client: FlaskClient) -> None:
    add_rule(client, {"action": {"type": "reset"}})
    client.post("/__sandbox/clock", json={"freeze": True})
    assert client.post("/__sandbox/reset").status_code == 200
    assert client.get("/__sandbox/faults").json == {"rules": []}
    assert client.get("/__sandbox/clock").json["frozen"] is False


FILE_RULES = {
    "seed": 5,
    "rules": [
        {"id": "teapot", "match": {"path": FILE_RULE_PATH}, "action": {"type": "error", "status": 418}}
    ],
}


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_fault_file_is_in_every_tenants_initial_world(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"faults{suffix}"
    path.write_text(json.dumps(FILE_RULES), encoding="utf-8")  # JSON is YAML too
    client = create_app({"TESTING": True, "FAULTS": str(path)}).test_client()
    for tenant in ("default", "other"):
        response = client.get("/omilia" + FILE_RULE_PATH, headers={"X-Sandbox-Tenant": tenant})
        assert response.status_code == 418
    (rule,) = client.get("/__sandbox/faults").json["rules"]
    assert (rule["id"], rule["seed"]) == ("teapot", 5)


def test_reset_brings_the_fault_files_rules_back(tmp_path: Path) -> None:
    path = tmp_path / "faults.json"
    path.write_text(json.dumps(FILE_RULES), encoding="utf-8")
    client = create_app({"TESTING": True, "FAULTS": str(path)}).test_client()
    client.delete("/__sandbox/faults")
    assert client.get("/omilia" + FILE_RULE_PATH).status_code == 404
    client.post("/__sandbox/reset")
    assert client.get("/omilia" + FILE_RULE_PATH).status_code == 418


def test_a_file_rules_ttl_starts_when_it_first_sees_a_request(tmp_path: Path) -> None:
    rules = {"rules": [{"action": {"type": "error", "status": 503}, "ttl_s": 10}]}
    path = tmp_path / "faults.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    client = create_app({"TESTING": True, "FAULTS": str(path)}).test_client()
    client.post("/__sandbox/clock", json={"freeze": True})
    assert client.get(NUMBERS_PATH).status_code == 503
    client.post("/__sandbox/clock", json={"advance_s": 10})
    assert client.get(NUMBERS_PATH).status_code == 401


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"rules": [{"action": {"type": "nope"}}]}, "rules[0].action.type"),
        (
            {"rules": [{"match": {"vendor": "mor"}, "action": {"type": "vendor_error", "code": "No such"}}]},
            "action.code",
        ),
    ],
)
def test_a_bad_fault_file_stops_the_start_naming_the_field(tmp_path: Path, rules: dict, message: str) -> None:
    path = tmp_path / "faults.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        create_app({"TESTING": True, "FAULTS": str(path)})


def test_a_world_file_replaces_the_default_world(tmp_path: Path) -> None:
    world = {
        "sandbox": {
            "faults": [{"id": "w", "match": {"path": "/w"}, "action": {"type": "error", "status": 418}}]
        },
        "omilia": {"numbers": []},
    }
    path = tmp_path / "world.json"
    path.write_text(json.dumps(world), encoding="utf-8")
    client = create_app({"TESTING": True, "WORLD": str(path)}).test_client()
    assert client.get("/omilia/w").status_code == 418
    state = client.get("/__sandbox/state").json
    assert state["omilia"]["numbers"] == []
    assert [r["id"] for r in state["sandbox"]["faults"]] == ["w"]
    client.delete("/__sandbox/faults")
    client.post("/__sandbox/reset")
    assert client.get("/omilia/w").status_code == 418


def test_the_fault_file_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "faults.json"
    path.write_text(json.dumps(FILE_RULES), encoding="utf-8")
    monkeypatch.setenv("SANDBOX_FAULTS", str(path))
    client = create_app({"TESTING": True}).test_client()
    assert client.get("/omilia" + FILE_RULE_PATH).status_code == 418


def test_a_state_with_an_unknown_vendor_error_code_is_refused(client: FlaskClient) -> None:
    rule = {"id": "x", "match": {"vendor": "switchvox"}, "action": {"type": "vendor_error", "code": "1"}}
    response = client.put("/__sandbox/state", json={"sandbox": {"faults": [rule]}})
    assert (response.status_code, response.json["field"]) == (400, "sandbox.faults[0].action.code")


def test_rules_and_their_counters_survive_a_restart_with_a_data_file(tmp_path: Path) -> None:
    data = str(tmp_path / "state.json")
    first = create_app({"TESTING": True, "DATA": data})
    client = first.test_client()
    add_rule(client, {"id": "kept", "action": {"type": "error", "status": 503}, "times": 2})
    assert client.get(NUMBERS_PATH).status_code == 503
    first.extensions["sandbox"].store.close()
    again = create_app({"TESTING": True, "DATA": data}).test_client()
    assert again.get("/__sandbox/faults/kept").json["state"]["fired"] == 1
    assert [again.get(NUMBERS_PATH).status_code for _ in range(2)] == [503, 401]
