"""The clock, reset and snapshots in the browser, checked against the control plane."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from playwright.sync_api import expect

from tests.ui.support import Dash


def clock(dash: Dash) -> dict:
    return dict(dash.control("GET", "/clock").json())


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def test_freeze_and_advance_the_clock(dash: Dash) -> None:
    page = dash.open("clock")
    page.get_by_role("button", name="Freeze clock", exact=True).click()
    expect(page.locator("#clock-state")).to_contain_text("frozen")
    frozen = clock(dash)
    assert frozen["frozen"] is True
    expect(page.locator("#clock-state")).to_have_text(f"Sandbox time {frozen['now']}; frozen.")
    page.get_by_label("Advance by (seconds)").fill("3600")
    page.get_by_role("button", name="Advance clock", exact=True).click()
    expect(page.locator("#notice")).to_have_text("Clock advanced by 3600 s.")
    advanced = clock(dash)
    assert when(advanced["now"]) - when(frozen["now"]) == timedelta(hours=1)
    expect(page.locator("#clock-line")).to_have_text(f"Clock: {advanced['now']} (frozen)")
    dash.shoot("clock")
    page.get_by_role("button", name="Unfreeze clock", exact=True).click()
    expect(page.locator("#clock-state")).to_contain_text("running")
    assert clock(dash)["frozen"] is False


def test_reset_brings_the_tenant_back_to_its_initial_world(dash: Dash) -> None:
    dash.list_numbers(dash.omilia_token())
    dash.control("POST", "/faults", json={
        "action": {"type": "error", "status": 500}, "match": {"path": "/x"}
    })
    dash.control("POST", "/clock", json={"freeze": True, "advance_s": 99})
    page = dash.open("clock")
    page.get_by_role("button", name="Reset tenant to its initial world", exact=True).click()
    expect(page.locator("#state-message")).to_have_text(f"Tenant {dash.tenant} reset to its initial world.")
    assert dash.control("GET", "/faults").json() == {"rules": []}
    assert dash.control("GET", "/requests").json()["total"] == 0
    assert clock(dash)["frozen"] is False


def test_the_downloaded_snapshot_is_the_state(dash: Dash, tmp_path: Path) -> None:
    dash.control("POST", "/faults", json={"id": "kept", "action": {"type": "reset"}, "match": {"path": "/x"}})
    dash.list_numbers(dash.omilia_token())
    page = dash.open("clock")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download snapshot", exact=True).click()
    saved = tmp_path / "snapshot.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == f"sandbox-{dash.tenant}-state.json"
    assert json.loads(saved.read_text()) == dash.control("GET", "/state").json()


def test_an_uploaded_snapshot_replaces_the_state(dash: Dash, tmp_path: Path) -> None:
    state = dash.control("GET", "/state").json()
    state["omilia"]["numbers"] = [n for n in state["omilia"]["numbers"] if n["number"] == "+12012049893"]
    upload = tmp_path / "world.json"
    upload.write_text(json.dumps(state))
    page = dash.open("clock")
    page.get_by_label("Snapshot file (JSON)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload snapshot", exact=True).click()
    loaded = f"Snapshot world.json loaded into tenant {dash.tenant}."
    expect(page.locator("#state-message")).to_have_text(loaded)
    assert dash.control("GET", "/state").json() == state


def test_a_refused_snapshot_says_why_and_changes_nothing(dash: Dash, tmp_path: Path) -> None:
    before = dash.control("GET", "/state").json()
    upload = tmp_path / "bad.json"
    upload.write_text(json.dumps({"nowhere": {}}))
    page = dash.open("clock")
    page.get_by_label("Snapshot file (JSON)").set_input_files(str(upload))
    page.get_by_role("button", name="Upload snapshot", exact=True).click()
    expect(page.locator("#state-message")).to_contain_text("Snapshot refused: nowhere: no such namespace")
    assert dash.control("GET", "/state").json() == before
