"""Fault rules in the browser: the list, the form for every action type, removing, what fired."""

from __future__ import annotations

from typing import Any

import requests
from playwright.sync_api import Page, expect

from tests.ui.support import OMILIA_NUMBERS, Dash

RULE_ROWS = "#faults-table tbody tr[data-id]"


def rules(dash: Dash) -> list[dict[str, Any]]:
    return list(dash.control("GET", "/faults").json()["rules"])


def fill_required(page: Page, shape: dict[str, Any]) -> None:
    """Every required parameter of the shown action at its lowest value (a code for vendor_error)."""
    for param in shape["params"]:
        if not param["required"]:
            continue
        value = "70674" if param["kind"] == "code" else str(param["low"])
        page.locator(f"#action-{param['name']}").fill(value)


def test_a_fault_added_from_the_form_fails_the_next_call_until_removed(dash: Dash) -> None:
    token = dash.omilia_token()
    page = dash.open("faults")
    page.get_by_label("Match vendor").select_option("omilia")
    page.get_by_label("Match path glob").fill("/integrations/api/numbers")
    page.get_by_label("Action type").select_option(label="error")
    page.get_by_label("status", exact=True).fill("503")
    page.get_by_label("times", exact=True).fill("5")
    page.get_by_role("button", name="Add fault rule", exact=True).click()
    expect(page.locator(RULE_ROWS)).to_have_count(1)
    (rule,) = rules(dash)
    assert rule["match"] == {"vendor": "omilia", "path": "/integrations/api/numbers"}
    assert rule["action"] == {"type": "error", "status": 503}
    assert rule["times"] == 5
    failed = dash.list_numbers(token)
    assert failed.status_code == 503
    row = page.locator(RULE_ROWS).first
    expect(row.locator("td").nth(6)).to_have_text("1")  # fired once, shown without a reload
    dash.shoot("faults")
    page.get_by_role("button", name=f"Remove rule {rule['id']}", exact=True).click()
    expect(page.locator(RULE_ROWS)).to_have_count(0)
    assert rules(dash) == []
    assert dash.list_numbers(token).status_code == 200


def test_every_action_type_can_be_added_from_the_form(dash: Dash) -> None:
    definitions = dash.control("GET", "/fault-actions").json()
    page = dash.open("faults")
    page.get_by_label("Match vendor").select_option("switchvox")
    page.get_by_label("Match path glob").fill("/never-called")
    for index, shape in enumerate(definitions["actions"]):
        page.get_by_label("Action type").select_option(label=shape["title"])
        expect(page.locator("#fault-action-summary")).to_have_text(shape["summary"])
        fill_required(page, shape)
        page.get_by_role("button", name="Add fault rule", exact=True).click()
        expect(page.locator(RULE_ROWS)).to_have_count(index + 1)
        expect(page.locator("#fault-error")).to_have_text("")
    stored = rules(dash)
    assert [r["action"]["type"] for r in stored] == [s["type"] for s in definitions["actions"]]
    assert [r["action"].get("distribution") for r in stored[:3]] == ["fixed", "uniform", "lognormal"]


def test_a_refused_rule_shows_the_field_and_adds_nothing(dash: Dash) -> None:
    page = dash.open("faults")
    page.get_by_label("Action type").select_option(label="vendor_error")
    page.get_by_label("code", exact=True).fill("70674")
    page.get_by_role("button", name="Add fault rule", exact=True).click()
    expect(page.locator("#fault-error")).to_have_text(
        "match.vendor: required by vendor_error (an error code belongs to one vendor)"
    )
    assert rules(dash) == []


def test_remove_every_rule(dash: Dash) -> None:
    for status in (500, 502):
        dash.control("POST", "/faults", json={"action": {"type": "error", "status": status}})
    page = dash.open("faults")
    expect(page.locator(RULE_ROWS)).to_have_count(2)
    page.get_by_role("button", name="Remove every fault rule", exact=True).click()
    expect(page.locator(RULE_ROWS)).to_have_count(0)
    assert rules(dash) == []
    assert requests.get(dash.base + OMILIA_NUMBERS, timeout=10).status_code == 401
