"""Every view at 1280 and 800 px wide: labelled fields, buttons that say what they do, no sideways scroll.

Each view's screenshot is saved as a test artifact (build/ui-screenshots/).
"""

from __future__ import annotations

import pytest
import requests
from playwright.sync_api import expect

from tests.ui.support import OMILIA_NUMBERS, VIEWS, Dash

UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter((e) => e.labels.length === 0 && !e.getAttribute("aria-label"))
  .map((e) => e.id || e.outerHTML)"""
UNNAMED = """() => [...document.querySelectorAll("button, a")]
  .filter((e) => !(e.getAttribute("aria-label") || e.textContent.trim()))
  .map((e) => e.outerHTML)"""
SHOWN = {
    "journal": "slow-numbers (delay)",
    "unmatched": "path /integrations/api/numbrs doesn't match",
    "records": "+12012049893",
    "faults": "slow-numbers",
    "clock": "Sandbox time",
}
"""What each view shows once its data is in (the screenshot waits for it)."""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def some_traffic(dash: Dash) -> None:
    dash.list_numbers(dash.omilia_token())
    requests.get(dash.base + "/omilia/integrations/api/numbrs", timeout=10)
    rule = {"id": "slow-numbers", "match": {"vendor": "omilia", "path": OMILIA_NUMBERS[7:]},
            "action": {"type": "delay", "ms": 1}}
    dash.control("POST", "/faults", json=rule)
    requests.get(dash.base + OMILIA_NUMBERS, timeout=10)


@pytest.mark.parametrize("width", [1280, 800])
def test_every_view_is_labelled_and_fits(dash: Dash, width: int) -> None:
    some_traffic(dash)
    dash.page.set_viewport_size({"width": width, "height": 900})
    for view in VIEWS:
        page = dash.open(view)
        expect(page.locator(f"#view-{view}")).to_be_visible()
        expect(page.locator(f"#view-{view}")).to_contain_text(SHOWN[view])
        if view == "journal":
            page.get_by_role("button", name="Details of request 3", exact=True).click()
        assert page.evaluate(UNLABELLED) == []
        assert page.evaluate(UNNAMED) == []
        assert page.evaluate(OVERFLOW) <= 0, f"{view} scrolls sideways at {width} px"
        dash.shoot(f"{view}-{width}")


def test_the_tenant_picker_lists_tenants_and_switches(dash: Dash) -> None:
    other = dash.tenant + "-other"
    requests.get(f"{dash.server.url}/t/{other}{OMILIA_NUMBERS}", timeout=10)
    page = dash.open()
    picker = page.get_by_label("Tenant", exact=True)
    expect(picker.locator(f'option[value="{other}"]')).to_have_count(1)
    picker.select_option(other)
    page.get_by_role("button", name="Switch tenant", exact=True).click()
    page.wait_for_url(f"{dash.server.url}/t/{other}/__sandbox/ui#journal")
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator("body")).to_have_attribute("data-tenant", other)
    expect(page.locator("#journal-table tbody tr")).to_have_count(1)
    expect(page.get_by_label("Tenant", exact=True)).to_have_value(other)
