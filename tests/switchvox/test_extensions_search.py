"""switchvox.extensions.search: filters, sorting, paging and the paging attributes."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.switchvox.conftest import SIP, Extend, json_error, xml_body

SEARCH = "switchvox.extensions.search"
CSV = (
    b"ext,fname,lname,email,password,voicemail_password,phone_password\n"
    b"102,Carl,Adams,c@example.com,pw,1,pp102\n"
    b"250,Dana,Zed,d@example.com,pw,1,pp250\n"
    b"99,Abe,Young,a@example.com,pw,1,pp99\n"
)


@pytest.fixture
def five(extend: Extend) -> Extend:
    """100 and 101 from the default world plus 99, 102 and 250 (SIP) and 300 (virtual)."""
    extend.upload_xml(CSV, SIP)
    virtual = b"ext,fname,lname,email,password,voicemail_password\n300,Vic,Virt,v@example.com,pw,1\n"
    extend.upload_xml(virtual, {**SIP, "extension_type": "virtual"})
    return extend


def numbers(extend: Extend, params: dict[str, object]) -> list[str]:
    """The extension numbers a search returns, in order."""
    found = extend.result(SEARCH, params)["extensions"].get("extension", [])
    return [e["number"] for e in (found if isinstance(found, list) else [found])]


def test_default_sort_is_by_number_numerically(five: Extend) -> None:
    assert numbers(five, {}) == ["99", "100", "101", "102", "250", "300"]


def test_paging_attributes(five: Extend) -> None:
    page = five.result(SEARCH, {"items_per_page": "4", "page_number": "2"})["extensions"]
    assert (page["page_number"], page["total_pages"], page["items_per_page"], page["total_items"]) == (
        "2",
        "2",
        "4",
        "6",
    )
    assert [e["number"] for e in page["extension"]] == ["250", "300"]


def test_min_max_extension_as_perl_attributes(five: Extend, client: FlaskClient) -> None:
    body = (
        '<request method="switchvox.extensions.search">'
        '<parameters max_extension="200" min_extension="100" /></request>'
    )
    response = client.post(
        "/switchvox/xml", data=body, auth=("admin", "admin"), content_type="application/xml; encoding='utf8'"
    )
    found = xml_body(response)["result"]["extensions"]["extension"]
    assert [e["@number"] for e in found] == ["100", "101", "102"]


def test_filter_by_extension_type(five: Extend) -> None:
    assert numbers(five, {"extension_types": {"extension_type": ["virtual"]}}) == ["300"]


def test_sort_by_display_descending(five: Extend) -> None:
    assert numbers(five, {"sort_field": "display", "sort_order": "DESC"}) == [
        "300",
        "100",
        "250",
        "102",
        "101",
        "99",
    ]


def test_filter_by_create_date(five: Extend) -> None:
    assert numbers(five, {"max_create_date": "2024-12-31 00:00:00"}) == ["100", "101"]


def test_page_past_the_end_is_empty(five: Extend) -> None:
    page = five.result(SEARCH, {"page_number": "9"})["extensions"]
    assert "extension" not in page and page["total_items"] == "6"


@pytest.mark.parametrize(
    ("params", "code", "message"),
    [
        ({"sort_field": "colour"}, "10015", "Invalid value for parameter sort_field (colour)."),
        ({"sort_order": "UP"}, "10015", "Invalid value for parameter sort_order (UP)."),
        ({"items_per_page": "0"}, "10015", "Invalid value for parameter items_per_page (0)."),
        ({"page_number": "x"}, "10015", "Invalid value for parameter page_number (x)."),
        ({"page_number": "\u00b2"}, "10015", "Invalid value for parameter page_number (\u00b2)."),
        ({"page_number": "9" * 5000}, "10015", f"Invalid value for parameter page_number ({'9' * 5000})."),
        ({"items_per_page": "\u0663"}, "10015", "Invalid value for parameter items_per_page (\u0663)."),
        (
            {"min_create_date": "2024-13-01"},
            "10015",
            "Invalid value for parameter min_create_date (2024-13-01).",
        ),
        (
            {"min_extension": "2", "max_extension": "1"},
            "10015",
            "Invalid value for parameter max_extension (1).",
        ),
        (
            {"min_extension": "ab"},
            "10010",
            "Invalid extension (ab). Extensions may only contain digits or *.",
        ),
    ],
)
def test_search_errors(extend: Extend, params: dict[str, str], code: str, message: str) -> None:
    assert json_error(extend.json(SEARCH, params)) == (code, message)
