"""The journal in the browser: live, newest first, a request's detail without secrets, filters, pages."""

from __future__ import annotations

import base64

import requests
from playwright.sync_api import expect

from tests.ui.support import OMILIA_NUMBERS, Dash

ROWS = "#journal-table tbody tr"


def test_a_vendor_call_appears_without_a_reload(dash: Dash) -> None:
    page = dash.open()
    expect(page.locator("#journal-summary")).to_have_text("No requests yet.")
    token = dash.omilia_token()
    assert dash.list_numbers(token).status_code == 200
    newest = page.locator(ROWS).first
    expect(newest).to_contain_text("listNumbers")
    expect(newest).to_contain_text("/integrations/api/numbers")
    expect(newest).to_contain_text("200")
    expect(page.locator(ROWS)).to_have_count(2)  # the token request is the older row
    expect(page.locator(ROWS).nth(1)).to_contain_text("issueToken")


def test_a_request_s_detail_shows_it_with_its_secrets_redacted(dash: Dash) -> None:
    token = dash.omilia_token()
    dash.list_numbers(token)
    basic = base64.b64encode(b"admin:admin").decode()
    proxy = "Basic " + base64.b64encode(b"proxy-user:proxy-secret").decode()
    headers = {"Authorization": f"Basic {basic}", "Proxy-Authorization": proxy}
    requests.post(dash.base + "/switchvox/json", headers=headers, timeout=10)
    page = dash.open()
    page.get_by_role("button", name="Details of request 2", exact=True).click()
    detail = page.locator("#detail")
    expect(detail).to_contain_text("GET /integrations/api/numbers")
    expect(detail).to_contain_text("Bearer [redacted]")
    expect(detail).to_contain_text("200")
    assert token not in detail.inner_text()
    page.get_by_role("button", name="Details of request 3", exact=True).click()
    expect(detail).to_contain_text("Basic [redacted]")
    expect(detail.locator("tr", has_text="Proxy-Authorization")).to_contain_text("Basic [redacted]")
    assert basic not in detail.inner_text() and proxy not in detail.inner_text()
    for secret in (token, basic, proxy):
        assert secret not in page.content()
    dash.shoot("journal-detail")


def test_a_fired_fault_and_its_trace_are_in_the_detail(dash: Dash) -> None:
    rule = {"id": "down", "match": {"vendor": "omilia"}, "action": {"type": "error", "status": 503}}
    assert dash.control("POST", "/faults", json=rule).status_code == 201
    requests.get(dash.base + OMILIA_NUMBERS, timeout=10)
    page = dash.open()
    expect(page.locator(ROWS).first).to_contain_text("down (error)")
    page.get_by_role("button", name="Details of request 1", exact=True).click()
    expect(page.locator("#detail")).to_contain_text("down: fired (error)")


def test_filters_by_vendor_status_and_path(dash: Dash) -> None:
    token = dash.omilia_token()
    dash.list_numbers(token)
    requests.get(dash.base + OMILIA_NUMBERS, timeout=10)  # 401
    requests.post(dash.base + "/switchvox/json", timeout=10)
    page = dash.open()
    expect(page.locator(ROWS)).to_have_count(4)
    page.get_by_label("Vendor", exact=True).select_option("switchvox")
    page.get_by_role("button", name="Apply filters", exact=True).click()
    expect(page.locator(ROWS)).to_have_count(1)
    expect(page.locator(ROWS).first).to_contain_text("switchvox")
    page.get_by_role("button", name="Clear filters", exact=True).click()
    page.get_by_label("Status", exact=True).fill("401")
    page.get_by_role("button", name="Apply filters", exact=True).click()
    expect(page.locator(ROWS)).to_have_count(2)  # the Omilia call without a token, Switchvox's without auth
    expect(page.locator(ROWS).first).to_contain_text("/json")
    expect(page.locator(ROWS).nth(1)).to_contain_text("/integrations/api/numbers")
    for row in page.locator(ROWS).all():
        expect(row.locator("td").nth(6)).to_have_text("401")
    page.get_by_role("button", name="Clear filters", exact=True).click()
    page.get_by_label("Path", exact=True).fill("openid-connect")
    page.get_by_role("button", name="Apply filters", exact=True).click()
    expect(page.locator(ROWS)).to_have_count(1)
    expect(page.locator(ROWS).first).to_contain_text("issueToken")


def test_unmatched_requests_with_their_closest_routes(dash: Dash) -> None:
    requests.get(dash.base + "/omilia/integrations/api/numbrs", timeout=10)
    page = dash.open("unmatched")
    row = page.locator("#unmatched-table tbody tr").first
    expect(row).to_contain_text("/integrations/api/numbrs")
    expect(row).to_contain_text("path /integrations/api/numbrs doesn't match /integrations/api/numbers")
    dash.shoot("unmatched")


def test_ten_thousand_entries_are_paged(dash: Dash) -> None:
    client = dash.in_process()
    for _ in range(10_000):
        client.get(OMILIA_NUMBERS)
    assert dash.control("GET", "/requests/count").json() == {"count": 10_000}
    page = dash.open()
    summary = page.locator("#journal-summary")
    expect(summary).to_have_text("Showing 50 of 10000 requests (newest), newest first.")
    expect(page.locator(ROWS)).to_have_count(50)
    expect(page.locator(ROWS).first.locator("td").first).to_have_text("10000")
    page.get_by_role("button", name="Older requests", exact=True).click()
    expect(page.locator(ROWS).first.locator("td").first).to_have_text("9950")
    expect(page.locator("#journal-summary")).to_contain_text("of 9950 requests (older than #9951)")
    page.get_by_role("button", name="Newer requests", exact=True).click()
    expect(page.locator(ROWS).first.locator("td").first).to_have_text("10000")
    dash.shoot("journal-10000")
