"""Each vendor's records in the browser, as `GET /__sandbox/state` holds them."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.operator_connect.conftest import DOC_SINGLE, OcClient
from tests.ui.support import Dash

TABLE = "#records-table"


def show(page: Page, collection: str) -> None:
    page.get_by_label("Collection").select_option(collection)
    expect(page.locator("#records-summary")).to_contain_text(collection.replace("/", " "))


def test_the_default_collection_is_omilia_numbers(dash: Dash) -> None:
    page = dash.open("records")
    expect(page.locator("#records-summary")).to_have_text("omilia numbers: records 1 to 5 of 5.")
    expect(page.locator(TABLE)).to_contain_text("+12012049893")
    expect(page.locator(TABLE)).to_contain_text("DiaManT - vpolitis")
    dash.shoot("records")


def test_every_vendor_s_records_are_readable(dash: Dash) -> None:
    state = dash.control("GET", "/state").json()
    page = dash.open("records")
    for collection, expected in [
        ("omilia/sets", None),
        ("mor/campaigns", state["mor"]["campaigns"][0]["name"]),
        ("mor/numbers", None),
        ("switchvox/extensions", str(state["switchvox"]["extensions"][0]["number"])),
        ("operator-connect/numbers", state["operator-connect"]["numbers"][0]["telephoneNumber"]),
        ("operator-connect/customers", state["operator-connect"]["customers"][0]["msCompanyName"]),
    ]:
        show(page, collection)
        namespace, name = collection.split("/")
        count = len(state[namespace][name])
        expect(page.locator(f"{TABLE} tbody tr")).to_have_count(count)
        if expected is not None:
            expect(page.locator(TABLE)).to_contain_text(expected)


def test_an_operator_connect_task_shows_its_progress(dash: Dash) -> None:
    oc = OcClient(dash.in_process())
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    page = dash.open("records")
    show(page, "operator-connect/tasks")
    # The default world also holds the Upload page's own two tasks: find this test's by its id.
    row = page.locator(f"{TABLE} tbody tr", has_text=task_id)
    expect(row).to_contain_text(task_id)
    expect(row).to_contain_text("InProgress")
    expect(row).to_contain_text('"mode":"polls"')
    oc.finish(task_id)
    page.get_by_role("button", name="Reload records", exact=True).click()
    expect(row).to_contain_text("CompletedSuccess")


def test_find_narrows_the_records(dash: Dash) -> None:
    page = dash.open("records")
    page.get_by_label("Find").fill("+12012049893")
    page.get_by_role("button", name="Show records", exact=True).click()
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(1)
    expect(page.locator("#records-summary")).to_have_text("omilia numbers: records 1 to 1 of 1.")
