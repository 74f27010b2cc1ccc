"""POST /api/numbers/csv: the advanced search's numbers as a text/csv file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import EXPORT_COLUMNS, export, make_set, parse


def test_content_type_and_header_row(owner: OmiliaClient) -> None:
    response = export(owner)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.text.split("\r\n")[0] == ",".join(EXPORT_COLUMNS)


def test_one_row_per_visible_number(owner: OmiliaClient) -> None:
    rows = parse(export(owner).text)
    assert sorted(r["NUMBER"] for r in rows) == sorted(owner.numbers())


def test_row_values(owner: OmiliaClient) -> None:
    (row,) = parse(export(owner, {"number": "+442079460000"}).text)
    assert row == {
        "APPLICATION_TAG": "",
        "COUNTRY": "GB",
        "GROUP_ID": "ocp",
        "LOCALE": "en-GB",
        "MINIAPP_DIAMANT_APP_NAME": "miniApps",
        "MINIAPP_GROUP": "ocp",
        "MINIAPP_ID": "test.surname_test.Numeric.MiniApps.ocp",
        "MINIAPP_NAME": "surname_test",
        "MINIAPP_TYPE": "Numeric",
        "NUMBER": "+442079460000",
        "PHONE_NUMBER_SET_ID": "",
        "NOTE": "London desk",
    }


def test_filters_by_set(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    rows = parse(export(owner, {"setId": created["id"]}).text)
    assert [(r["NUMBER"], r["PHONE_NUMBER_SET_ID"]) for r in rows] == [("+12012049894", created["id"])]


def test_filters_by_group(owner: OmiliaClient) -> None:
    rows = parse(export(owner, {"groups": ["ocp"]}).text)
    assert {r["GROUP_ID"] for r in rows} == {"ocp"}


def test_without_page_or_page_size_the_export_is_whole(owner: OmiliaClient) -> None:
    rows = parse(export(owner).text)
    assert len(rows) == len(owner.numbers()) > 1


def test_page_and_page_size_select_one_page(owner: OmiliaClient) -> None:
    whole = [r["NUMBER"] for r in parse(export(owner, {"orderBy": "number"}).text)]
    second = parse(export(owner, {"orderBy": "number", "page": 2, "pageSize": 1}).text)
    assert [r["NUMBER"] for r in second] == whole[1:2]


def test_reading_pages_until_an_empty_one_stops_and_covers_the_export(owner: OmiliaClient) -> None:
    whole = [r["NUMBER"] for r in parse(export(owner, {"orderBy": "number"}).text)]
    seen: list[str] = []
    for page in range(1, 100):
        response = export(owner, {"orderBy": "number", "page": page, "pageSize": 2})
        assert response.text.split("\r\n")[0] == ",".join(EXPORT_COLUMNS)
        rows = parse(response.text)
        if not rows:
            break
        seen += [r["NUMBER"] for r in rows]
    assert seen == whole
    assert page == len(whole) // 2 + (len(whole) % 2) + 1


def test_page_size_alone_means_page_1(owner: OmiliaClient) -> None:
    assert len(parse(export(owner, {"pageSize": 1}).text)) == 1


def test_page_alone_has_pages_of_50(owner: OmiliaClient) -> None:
    assert len(parse(export(owner, {"page": 1}).text)) == len(owner.numbers())
    assert parse(export(owner, {"page": 2}).text) == []


def test_zero_paging_as_in_the_doc_example_is_the_whole_export(owner: OmiliaClient) -> None:
    rows = parse(export(owner, {"page": 0, "pageSize": 0}).text)
    assert len(rows) == len(owner.numbers())


def test_bad_page_size_is_400(owner: OmiliaClient) -> None:
    response = export(owner, {"pageSize": -1})
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": "Invalid pageSize '-1': must be an integer starting from 1",
    }


def test_no_match_is_only_the_header(owner: OmiliaClient) -> None:
    response = export(owner, {"number": "+999"})
    assert response.status_code == 200
    assert response.text == ",".join(EXPORT_COLUMNS) + "\r\n"


def test_note_with_comma_quote_and_newline_is_quoted(owner: OmiliaClient) -> None:
    note = 'desk "A", floor 2\nback office'
    assert owner.call("PUT", "/number/note", {"number": "+12012049894", "note": note}).status_code == 200
    text = export(owner, {"number": "+12012049894"}).text
    assert '"desk ""A"", floor 2\nback office"' in text
    assert parse(text)[0]["NOTE"] == note


def test_group_the_caller_is_not_in_is_403(owner: OmiliaClient) -> None:
    response = export(owner, {"groups": ["other"]})
    assert response.status_code == 403
    assert response.json == {"success": False, "message": "Access denied: no permission on group other"}


def test_bad_criteria_is_400(owner: OmiliaClient) -> None:
    response = export(owner, {"locale": "english"})
    assert response.status_code == 400
    assert response.json["message"] == "Invalid locale 'english': required format is pd-XY, e.g. en-US"


def test_developer_cannot_export(omilia: Callable[[str], OmiliaClient]) -> None:
    response = export(omilia("developer"))
    assert response.status_code == 403
    assert response.json["message"].startswith("Access denied: numbers.export requires one of the roles")


def test_without_a_token_is_401(client: Any) -> None:
    response = client.post("/omilia/integrations/api/numbers/csv", json={})
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}
