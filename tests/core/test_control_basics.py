"""Health, reset, state, clock and contracts of the control plane."""

from __future__ import annotations

from pathlib import Path

import yaml
from flask.testing import FlaskClient

from sandbox import __version__, create_app


def test_health_names_every_vendor_with_the_url_its_client_is_told(client: FlaskClient) -> None:
    body = client.get("/__sandbox/health").json
    assert body["status"] == "ok"
    assert body["version"] == __version__
    assert body["vendors"] == {
        "omilia": "http://localhost/omilia",
        "mor": "http://localhost/mor",
        "switchvox": "http://localhost/switchvox",
        "operator-connect": "http://localhost/operator-connect",
        "entra": "http://localhost/entra",
    }


def test_health_under_a_tenant_prefix_gives_the_tenants_urls(client: FlaskClient) -> None:
    body = client.get("/t/team-a/__sandbox/health").json
    assert body["vendors"]["omilia"] == "http://localhost/t/team-a/omilia"


def test_reset_is_post_only(client: FlaskClient) -> None:
    response = client.get("/__sandbox/reset")
    assert response.status_code == 405
    assert response.json["status"] == 405
    assert client.post("/__sandbox/reset").status_code == 200


def test_state_snapshot_put_back_restores_exactly(client: FlaskClient) -> None:
    snapshot = client.get("/__sandbox/state").json
    client.put("/__sandbox/state", json={"omilia": {"numbers": []}})
    client.post("/__sandbox/clock", json={"freeze": True})
    assert client.put("/__sandbox/state", json=snapshot).status_code == 200
    assert client.get("/__sandbox/state").json == snapshot


def test_a_bad_state_document_is_refused_and_changes_nothing(client: FlaskClient) -> None:
    before = client.get("/__sandbox/state").json
    response = client.put("/__sandbox/state", json={"omilia": {"numbers": [{"note": "no key"}]}})
    assert response.status_code == 400
    assert response.json["error"] == "omilia.numbers[0].number: required, a string"
    assert client.get("/__sandbox/state").json == before


def test_clock_freezes_advances_and_thaws(client: FlaskClient) -> None:
    frozen = client.post("/__sandbox/clock", json={"freeze": True}).json
    assert frozen["frozen"] is True
    later = client.post("/__sandbox/clock", json={"advance_s": 90}).json
    assert later["now"] > frozen["now"]
    assert client.get("/__sandbox/clock").json["now"] == later["now"]
    assert client.post("/__sandbox/clock", json={"freeze": False}).json["frozen"] is False


def test_clock_refuses_bad_fields(client: FlaskClient) -> None:
    assert client.post("/__sandbox/clock", json={"advance_s": "soon"}).json["error"].startswith("advance_s")
    assert client.post("/__sandbox/clock", json={"speed": 2}).json["error"] == "speed: unknown field"


def test_token_expiry_reads_the_tenant_clock(client: FlaskClient) -> None:
    token = client.post(
        "/omilia/auth/realms/master/protocol/openid-connect/token",
        data={"client_id": "ocp", "grant_type": "password", "username": "viewer", "password": "sandbox"},
    ).json["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/omilia/integrations/api/numbers", headers=headers).status_code == 200
    client.post("/__sandbox/clock", json={"advance_s": 301})
    assert client.get("/omilia/integrations/api/numbers", headers=headers).status_code == 401


def test_contracts_are_listed_and_served_as_yaml(client: FlaskClient) -> None:
    listing = client.get("/__sandbox/contracts").json["contracts"]
    assert "omilia" in listing
    response = client.get("/__sandbox/contracts/omilia.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.data)["openapi"].startswith("3.1")


def test_an_unknown_contract_is_404(client: FlaskClient) -> None:
    response = client.get("/__sandbox/contracts/nope.yaml")
    assert response.status_code == 404
    assert "nope" in response.json["error"]


def test_world_file_replaces_the_collections_it_names(tmp_path: Path) -> None:
    world = tmp_path / "world.yaml"
    world.write_text(yaml.safe_dump({"omilia": {"numbers": []}}))
    client = create_app({"TESTING": True, "WORLD": str(world)}).test_client()
    state = client.get("/__sandbox/state").json
    assert state["omilia"]["numbers"] == []
    assert len(state["omilia"]["users"]) == 5
    client.put("/__sandbox/state", json={"omilia": {"users": []}})
    client.post("/__sandbox/reset")
    assert client.get("/__sandbox/state").json["omilia"]["numbers"] == []
