"""The one comparison: parsing by media type, normalising volatile values, differences by path."""

from __future__ import annotations

import json

from sandbox.verify.compare import Difference, Normaliser, compare, format_path
from sandbox.verify.exchange import Answer


def json_answer(body: object, status: int = 200) -> Answer:
    return Answer(status, {"Content-Type": "application/json"}, json.dumps(body).encode())


def xml_answer(text: str) -> Answer:
    return Answer(200, {"Content-Type": "text/xml"}, text.encode())


def test_equal_answers_have_no_difference() -> None:
    body = {"numbers": [{"number": "+12012049893"}], "page": 1}
    assert compare(json_answer(body), json_answer(body), "values") == []


def test_status_and_media_type_come_first() -> None:
    found = compare(json_answer({}, 200), Answer(404, {"Content-Type": "text/html"}, b"<p/>"))
    assert found == [
        Difference("status", "status", "200", "404"),
        Difference("content-type", "content-type", "application/json", "text/html"),
    ]


def test_shape_ignores_values_and_list_lengths_but_not_names_or_types() -> None:
    target = {"numbers": [{"number": "+1", "note": "a"}, {"number": "+2", "note": None}], "page": 1}
    sandbox = {"numbers": [{"number": "+3", "note": "b"}], "page": 2}
    assert compare(json_answer(target), json_answer(sandbox), "shape") == []
    renamed = {"numbers": [{"number": "+3", "Note": "b"}], "page": "2"}
    assert compare(json_answer(target), json_answer(renamed), "shape") == [
        Difference("$.numbers[*].Note", "extra", "", "string"),
        Difference("$.numbers[*].note", "missing", "string"),
        Difference("$.page", "type", "number", "string"),
    ]


def test_an_empty_list_matches_any_items() -> None:
    assert compare(json_answer({"numbers": []}), json_answer({"numbers": [{"a": 1}]}), "shape") == []


def test_values_are_compared_index_by_index() -> None:
    found = compare(json_answer({"a": [1, 2]}), json_answer({"a": [1, 3, 4]}), "values")
    assert found == [Difference("$.a[1]", "value", "2", "3"), Difference("$.a[2]", "extra", "", "4")]


def test_volatile_values_are_normalised_by_key_and_by_pattern() -> None:
    target = {
        "access_token": "eyJa.eyJb.c",
        "id": "0b6f1c1e-8f0a-4c55-9a43-6f3e2f8b1a11",
        "taskId": "wup_c14a0a55-fcc5-4598-b405-c978e7da1af4",
        "CreateTime": "2023-09-28T12:14:21.5111156Z",
        "traceId": "00-abc-01",
    }
    sandbox = {
        "access_token": "eyJx.eyJy.z",
        "id": "11111111-2222-4333-8444-555555555555",
        "taskId": "wup_9d576dc4-b85d-4571-880e-4c6ed4c08c31",
        "CreateTime": "2026-12-01T07:00:00Z",
        "traceId": "00-def-01",
    }
    assert compare(json_answer(target), json_answer(sandbox), "values") == []


def test_the_volatile_list_is_configurable() -> None:
    target, sandbox = json_answer({"account_id": "1103"}), json_answer({"account_id": "2001"})
    assert compare(target, sandbox, "values") == [Difference("$.account_id", "value", "1103", "2001")]
    assert compare(target, sandbox, "values", Normaliser().with_keys(["account_id"])) == []


def test_xml_paths_name_elements_and_attributes() -> None:
    target = xml_answer(
        '<response method="m"><result><extensions><extension number="1"/></extensions></result></response>'
    )
    sandbox = xml_answer('<response name="m"><result><extension_list/></result></response>')
    paths = {d.path for d in compare(target, sandbox, "shape")}
    assert paths == {
        "/response/@method",
        "/response/@name",
        "/response/result/extensions",
        "/response/result/extension_list",
    }


def test_a_repeated_xml_element_is_the_same_path_as_a_single_one() -> None:
    one = xml_answer("<page><n><v>1</v></n></page>")
    two = xml_answer("<page><n><v>1</v></n><n><v>2</v></n></page>")
    assert compare(one, two, "shape") == []
    assert compare(one, two, "values") == [Difference("/page/n[2]/v", "extra", "", "2")]


def test_mor_timestamps_are_volatile() -> None:
    target = xml_answer("<page><period_start>2023-09-28 00:00:00</period_start></page>")
    sandbox = xml_answer("<page><period_start>2026-12-01 00:00:00</period_start></page>")
    assert compare(target, sandbox, "values") == []


def test_csv_is_compared_by_column() -> None:
    csv_type = {"Content-Type": "text/csv; charset=utf-8"}
    target = Answer(200, csv_type, b"NUMBER,NOTE\r\n+1,a\r\n")
    sandbox = Answer(200, csv_type, b"NUMBER,NOTES\r\n+1,a\r\n")
    assert {d.path for d in compare(target, sandbox, "shape")} == {"$[*].NOTE", "$[*].NOTES"}


def test_path_formats() -> None:
    assert format_path("json", ["numbers", 0, "not-before-policy"]) == '$.numbers[0]["not-before-policy"]'
    assert format_path("xml", ["page", "status", "@code", 1]) == "/page/status/@code[2]"


def test_a_result_never_shows_the_values_of_a_secret_field() -> None:
    from sandbox.verify.report import Result, table

    found = compare(
        xml_answer('<response><sip_phone phone_password="111111" title="a"/></response>'),
        xml_answer('<response><sip_phone phone_password="222222" title="b"/></response>'),
        "values",
    )
    shown = table([Result("getInfo", "POST", "/xml", "drift", differences=found)])
    assert "111111" not in shown and "222222" not in shown
    assert "/response/sip_phone/@phone_password: value [REDACTED] != [REDACTED]" in shown
    assert "/response/sip_phone/@title: value a != b" in shown
