"""switchvox.extensions.phones.bulk.upload: dupe processes, report_only, the CSV rules, both endpoints."""

from __future__ import annotations

from typing import Any

import xmltodict
from flask.testing import FlaskClient

from tests.switchvox.conftest import SIP, Extend, state

HEADER = b"ext,fname,lname,email,password,voicemail_password,phone_password\n"


def report_xml(response: Any) -> dict[str, Any]:
    """The bulk_creation_report of an XML answer."""
    assert response.status_code == 200
    body = xmltodict.parse(response.data, force_list=("extension", "error"))["response"]
    assert "errors" not in body, body
    return body["result"]["bulk_creation_report"]  # type: ignore[no-any-return]


def section(report: dict[str, Any], name: str) -> list[str]:
    """The extension numbers listed in one report section."""
    return [e["@extension"] for e in (report[name] or {}).get("extension", [])]


def test_json_upload_as_the_ruby_gem_sends_it(extend: Extend) -> None:
    csv = HEADER + b"400,Ann,Lee,ann@example.com,pw400,4000,sippw400\n"
    response = extend.upload_json(csv, SIP)
    report = response.get_json()["response"]["result"]["bulk_creation_report"]
    assert report["extension_type"] == "SIP Extension"
    assert report["created"]["extension"]["extension"] == "400"
    assert extend.numbers()["400"]["email_address"] == "ann@example.com"


def test_upload_then_read_back_with_get_info(extend: Extend) -> None:
    extend.upload_xml(HEADER + b"401,Al,Bo,al@example.com,pw,4010,sippw401\n", SIP)
    info = extend.result("switchvox.extensions.getInfo", {"extensions": ["401"]})
    assert info["extensions"]["extension"]["display"] == "Al Bo"


def test_free_column_order_and_login_email(extend: Extend) -> None:
    csv = b"login_email,phone_password,ext,lname,fname,voicemail_password,password,title\n"
    csv += b"cx@example.com,sippw402,402,Cee,Ex,4020,pw,Engineer\n"
    report = report_xml(extend.upload_xml(csv, SIP))
    assert section(report, "created") == ["402"]
    assert extend.numbers()["402"]["email_address"] == "cx@example.com"


def test_unknown_columns_are_ignored(extend: Extend) -> None:
    csv = b"ext,shoe_size,fname,lname,email,password,voicemail_password,phone_password\n"
    csv += b"403,44,Dee,Ef,dee@example.com,pw,4030,sippw403\n"
    assert section(report_xml(extend.upload_xml(csv, SIP)), "created") == ["403"]


def test_virtual_extension_needs_no_phone_password(extend: Extend) -> None:
    csv = b"ext,fname,lname,email,password,voicemail_password\n404,Vi,Rt,vi@example.com,pw,4040\n"
    report = report_xml(extend.upload_xml(csv, {**SIP, "extension_type": "virtual"}))
    assert report["@extension_type"] == "Virtual Extension"
    assert section(report, "created") == ["404"]
    assert extend.numbers()["404"]["type"] == "virtual"


def test_sip_row_missing_required_fields_lists_every_error(extend: Extend) -> None:
    report = report_xml(extend.upload_xml(b"ext,fname\n405,\n", SIP))
    errors = [e["@text"] for e in report["create_failed"]["extension"][0]["error"]]
    assert errors == [
        "First name is required and must be 1 - 32 characters in length.",
        "Last name is required and must be 1 - 32 characters in length.",
        "Email address is required and must be a valid email address.",
        "Password is required to create a sip extension.",
        "Voicemail password is required and may only contain digits.",
        "Phone password is required to create a sip extension.",
    ]


def test_bad_extension_and_duplicate_rows_fail(extend: Extend) -> None:
    csv = (
        HEADER
        + b"4x6,A,B,a@example.com,pw,1,pp\n407,A,B,a@example.com,pw,1,pp\n407,C,D,c@example.com,pw,1,pp\n"
    )
    report = report_xml(extend.upload_xml(csv, SIP))
    failed = report["create_failed"]["extension"]
    assert failed[0]["error"][0]["@text"] == "Extension is required and must be 1 - 10 digits in length."
    assert failed[1]["error"][0]["@text"] == "Extension 407 appears more than once in the file."
    assert section(report, "created") == ["407"]


def test_extensions_in_non_ascii_digits_fail_and_searching_still_works(extend: Extend) -> None:
    csv = HEADER + "\u00b2,A,B,a@example.com,pw,1,pp\n\u0663\u0663,A,B,a@example.com,pw,\u0663,pp\n".encode()
    report = report_xml(extend.upload_xml(csv, SIP))
    failed = report["create_failed"]["extension"]
    assert [f["error"][0]["@text"] for f in failed] == [
        "Extension is required and must be 1 - 10 digits in length."
    ] * 2
    assert section(report, "created") == []
    assert extend.result("switchvox.extensions.search", {})["extensions"]["total_items"] == "2"


def test_dupe_skip_leaves_the_existing_extension(extend: Extend) -> None:
    report = report_xml(extend.upload_xml(HEADER + b"100,New,Name,n@example.com,pw,1,pp\n", SIP))
    assert section(report, "skipped") == ["100"]
    assert extend.numbers()["100"]["first_name"] == "Jane"


def test_dupe_replace_makes_a_new_account(extend: Extend) -> None:
    before = extend.numbers()["100"]["account_id"]
    csv = HEADER + b"100,New,Name,n@example.com,pw,1,pp\n"
    report = report_xml(extend.upload_xml(csv, {**SIP, "dupe_process": "2"}))
    assert section(report, "replaced") == ["100"]
    after = extend.numbers()["100"]
    assert after["first_name"] == "New" and after["account_id"] != before


def test_dupe_update_empty_means_no_change_and_space_blanks(extend: Extend) -> None:
    extend.upload_xml(b"ext,title,location\n100,Boss,HQ\n", {**SIP, "dupe_process": "3"})
    csv = b"ext,fname,lname,title,location\n100,Janet,,,  \n"
    report = report_xml(extend.upload_xml(csv, {**SIP, "dupe_process": "3"}))
    assert section(report, "updated") == ["100"]
    phone = extend.result("switchvox.extensions.phones.sip.getInfo", {"account_id": "1101"})["sip_phone"]
    assert (phone["first_name"], phone["last_name"], phone["title"], phone["location"]) == (
        "Janet",
        "Smith",
        "Boss",
        "",
    )


def test_dupe_update_cannot_blank_a_required_field(extend: Extend) -> None:
    report = report_xml(extend.upload_xml(b"ext,fname\n100, \n", {**SIP, "dupe_process": "3"}))
    failed = report["create_failed"]["extension"][0]
    assert failed["error"][0]["@text"] == "First name is required and must be 1 - 32 characters in length."
    assert extend.numbers()["100"]["first_name"] == "Jane"


def test_dupe_update_rejects_phone_password_equal_to_extension(extend: Extend) -> None:
    report = report_xml(extend.upload_xml(b"ext,phone_password\n101,101\n", {**SIP, "dupe_process": "3"}))
    assert report["create_failed"]["extension"][0]["error"][0]["@text"] == (
        "Phone password cannot be the same as the extension."
    )


def test_report_only_reports_and_changes_nothing(client: FlaskClient, extend: Extend) -> None:
    before = state(client)
    csv = HEADER + b"408,Re,Po,re@example.com,pw,1,pp408\n"
    report = report_xml(extend.upload_xml(csv, {**SIP, "report_only": "1"}))
    assert section(report, "created") == ["408"]
    assert state(client) == before


def test_new_extensions_take_the_template(extend: Extend) -> None:
    extend.upload_xml(HEADER + b"409,Te,Mp,te@example.com,pw,1,pp409\n", SIP)
    created = extend.numbers()["409"]
    assert (created["template_id"], created["template_name"], created["status"]) == ("1", "Default", "1")


def test_extension_array_instead_of_a_file(extend: Extend) -> None:
    rows = [
        {
            "ext": "410",
            "fname": "Ar",
            "lname": "Ray",
            "email": "ar@example.com",
            "password": "pw",
            "voicemail_password": "4100",
            "phone_password": "pp410",
        }
    ]
    result = extend.result("switchvox.extensions.phones.bulk.upload", {**SIP, "extension_array": rows})
    assert result["bulk_creation_report"]["created"]["extension"]["extension"] == "410"


def test_windows_cp1252_csv_is_read(extend: Extend) -> None:
    csv = HEADER + "411,Zoë,Ñuñez,z@example.com,pw,1,pp411\n".encode("cp1252")
    report = report_xml(extend.upload_xml(csv, SIP))
    assert report["created"]["extension"][0]["@first_name"] == "Zoë"
