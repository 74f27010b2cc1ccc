"""Per-operation row limits of a CSV import: documented defaults, overridden by the `csvLimits` record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.omilia.world import CSV_LIMITS
from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import csv_text, upload

HEADER = ["OPERATION", "NUMBER", "NOTE"]


def set_limits(client: FlaskClient, **limits: Any) -> None:
    body = {"omilia": {"settings": [{"id": "csvLimits", **limits}]}}
    assert client.put("/__sandbox/state", json=body).status_code == 200


def test_documented_defaults_are_seeded(client: FlaskClient) -> None:
    (record,) = client.get("/__sandbox/state").json["omilia"]["settings"]
    assert record == {
        "id": "csvLimits",
        "create": 100,
        "update": 1000,
        "attach": 1000,
        "detach": 1000,
        "delete": 100,
    }
    assert {k: v for k, v in record.items() if k != "id"} == CSV_LIMITS


def test_at_the_limit_is_accepted(client: FlaskClient, owner: OmiliaClient) -> None:
    set_limits(client, update=2)
    content = csv_text(HEADER, ["update", "+12012049893", "a"], ["update", "+12012049894", "b"])
    assert upload(owner, content).status_code == 200


def test_over_the_limit_refuses_the_file(client: FlaskClient, owner: OmiliaClient, state: Any) -> None:
    set_limits(client, update=1)
    before = state()
    content = csv_text(
        HEADER,
        ["update", "+12012049893", "a"],
        ["update", "+12012049894", "b"],
        ["update", "+302107654321", "c"],
    )
    response = upload(owner, content)
    assert response.status_code == 400
    assert response.json["message"] == (
        "CSV file rejected, nothing was changed (2 bad rows): "
        "line 3: over the limit of 1 update rows per file; line 4: over the limit of 1 update rows per file"
    )
    assert state() == before


def test_limits_count_per_operation(client: FlaskClient, owner: OmiliaClient) -> None:
    set_limits(client, update=1, detach=1)
    content = csv_text(HEADER, ["update", "+12012049893", "a"], ["detach", "+12012049894", ""])
    assert upload(owner, content).status_code == 200


def test_zero_forbids_an_operation(client: FlaskClient, owner: OmiliaClient) -> None:
    set_limits(client, delete=0)
    response = upload(owner, csv_text(HEADER, ["delete", "+12012049894", ""]))
    assert response.status_code == 400
    assert response.json["message"].endswith("line 2: over the limit of 0 delete rows per file")


def test_a_limit_left_out_keeps_its_default(client: FlaskClient, owner: OmiliaClient) -> None:
    set_limits(client, create=5)
    content = csv_text(HEADER, ["update", "+12012049893", "a"], ["update", "+12012049894", "b"])
    assert upload(owner, content).status_code == 200


def test_default_limit_applies(client: FlaskClient, owner: OmiliaClient) -> None:
    rows = [["delete", f"+1201555{i:04d}", ""] for i in range(101)]
    response = upload(owner, csv_text(HEADER, *rows))
    assert response.status_code == 400
    assert "line 102: over the limit of 100 delete rows per file" in response.json["message"]


def test_a_world_file_sets_the_limits(tmp_path: Path) -> None:
    world = tmp_path / "world.yaml"
    world.write_text("omilia:\n  settings:\n    - {id: csvLimits, update: 0}\n", encoding="utf-8")
    client = create_app({"TESTING": True, "WORLD": str(world)}).test_client()
    user = OmiliaClient(client, "owner")
    response = upload(user, csv_text(HEADER, ["update", "+12012049894", "x"]))
    assert response.status_code == 400
    assert response.json["message"].endswith("line 2: over the limit of 0 update rows per file")


def test_an_unusable_limit_keeps_its_default(client: FlaskClient, owner: OmiliaClient) -> None:
    set_limits(client, update="many", detach=-1, delete=True)
    rows = [["update", "+12012049893", "a"], ["detach", "+12012049894", ""], ["delete", "+302107654321", ""]]
    response = upload(owner, csv_text(HEADER, *rows))
    assert response.status_code == 200
    assert response.json["message"] == "CSV file processed: 1 updated, 1 detached, 1 deleted"
