"""A world file (`--world`) sets task progression and customers; omitted settings keep their defaults."""

from __future__ import annotations

import json
from pathlib import Path

from sandbox import create_app
from tests.operator_connect.conftest import CUSTOMER, DOC_SINGLE, OcClient


def test_world_file_settings_make_tasks_immediate(tmp_path: Path) -> None:
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"operator-connect": {"settings": [{"id": "tasks", "mode": "immediate"}]}}))
    oc = OcClient(create_app({"TESTING": True, "WORLD": str(world)}).test_client())
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    assert oc.task(task_id).json["status"] == "CompletedSuccess"


def test_world_file_customer_without_consent_fails_uploads(tmp_path: Path) -> None:
    customer = {"msTenantId": CUSTOMER, "consented": False, "countries": [], "siteName": "X"}
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"operator-connect": {"customers": [customer]}}))
    oc = OcClient(create_app({"TESTING": True, "WORLD": str(world)}).test_client())
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert any("consent" in m["message"] for m in task["executionMessages"] if m["level"] == "Error")
