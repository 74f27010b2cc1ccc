"""switchvox.extensions.getInfo and switchvox.extensions.phones.sip.getInfo."""

from __future__ import annotations

import pytest

from tests.switchvox.conftest import Extend, json_error, xml_body, xml_error

GET_INFO = "switchvox.extensions.getInfo"
SIP_INFO = "switchvox.extensions.phones.sip.getInfo"


def test_get_info_by_extension_skips_unknown_ones(extend: Extend) -> None:
    body = xml_body(extend.xml(GET_INFO, {"extensions": {"extension": ["100", "207"]}}))
    ext = body["result"]["extensions"]["extension"]
    assert body["@method"] == GET_INFO
    assert (ext["@number"], ext["@account_id"], ext["@type_display"]) == ("100", "1101", "SIP Extension")


def test_get_info_carries_the_documented_attributes_then_the_newer_ones(extend: Extend) -> None:
    ext = extend.result(GET_INFO, {"extensions": ["101"]})["extensions"]["extension"]
    assert list(ext)[13:] == [
        "server_uuid",
        "phone_password_score",
        "voicemail_password_score",
        "lang_locale",
        "title",
        "location",
        "profile_image_id",
        "profile_image_link",
    ]
    assert list(ext)[:13] == [
        "number",
        "status",
        "can_dial_from_ivr",
        "account_id",
        "display",
        "date_created",
        "type",
        "type_display",
        "first_name",
        "last_name",
        "email_address",
        "template_id",
        "template_name",
    ]


def test_get_info_by_account_ids_as_the_perl_client_nests_them(extend: Extend) -> None:
    params = {"account_ids": {"account_id": ["1101", "1102"]}}
    found = xml_body(extend.xml(GET_INFO, params))["result"]["extensions"]["extension"]
    assert [e["@number"] for e in found] == ["100", "101"]


@pytest.mark.parametrize(
    "parameters",
    [
        '<account_ids account_id="1101"/><account_ids account_id="1102"/>',
        '<account_ids account_id="1101"/><extensions extension="101"/>',
        '<extensions><extension type="int">100</extension><extension type="int">101</extension></extensions>',
    ],
    ids=["repeated-wrapper", "one-item-attributes", "items-with-attributes"],
)
def test_get_info_lists_in_the_xml_shapes_clients_write(extend: Extend, parameters: str) -> None:
    body = f'<request method="{GET_INFO}"><parameters>{parameters}</parameters></request>'
    response = extend.client.post("/switchvox/xml", data=body, auth=extend.auth)
    found = xml_body(response)["result"]["extensions"]["extension"]
    assert sorted(e["@number"] for e in found) == ["100", "101"]


def test_get_info_json_several_results_are_an_array(extend: Extend) -> None:
    found = extend.result(GET_INFO, {"extensions": [100, 101]})["extensions"]["extension"]
    assert [e["number"] for e in found] == ["100", "101"]


def test_get_info_nothing_found_is_an_empty_list(extend: Extend) -> None:
    assert extend.result(GET_INFO, {"extensions": ["999"]})["extensions"] == {}


@pytest.mark.parametrize(
    ("params", "code", "message"),
    [
        (
            {},
            "10013",
            "Invalid number of parameters. At least one of the following parameters is required : "
            "(extensions,account_ids)",
        ),
        ({"extensions": []}, "10000", "Missing extensions or account_ids"),
        (
            {"extensions": ["asdf"]},
            "10010",
            "Invalid extension (asdf). Extensions may only contain digits or *.",
        ),
        (
            {"extensions": ["12345678901"]},
            "10012",
            "Invalid extension (12345678901). Extension must be between 1 to 10 characters in length.",
        ),
        ({"account_ids": ["11a"]}, "10014", "Invalid account_id (11a). Account_ids may only contain digits."),
        (
            {"account_ids": ["\u0661\u0661"]},
            "10014",
            "Invalid account_id (\u0661\u0661). Account_ids may only contain digits.",
        ),
    ],
)
def test_get_info_errors(extend: Extend, params: dict[str, object], code: str, message: str) -> None:
    assert json_error(extend.json(GET_INFO, params)) == (code, message)


def test_get_info_doc_error_example_in_xml(extend: Extend) -> None:
    response = extend.xml(GET_INFO, {"extensions": {"extension": "asdf"}})
    assert xml_body(response)["@method"] == GET_INFO
    assert xml_error(response) == (
        "10010",
        "Invalid extension (asdf). Extensions may only contain digits or *.",
    )


def test_readonly_admin_may_read(readonly: Extend) -> None:
    assert readonly.result(GET_INFO, {"extensions": ["100"]})["extensions"]["extension"]["number"] == "100"


def test_sip_get_info(extend: Extend) -> None:
    phone = extend.result(SIP_INFO, {"account_id": "1102"})["sip_phone"]
    assert (phone["number"], phone["phone_password"], phone["type"]) == ("101", "sip101pass", "sip")


def test_sip_get_info_of_a_virtual_extension_is_invalid(extend: Extend) -> None:
    csv = b"ext,fname,lname,email,password,voicemail_password\n600,V,X,v@example.com,pw,1\n"
    extend.upload_json(csv, {"extension_type": "virtual", "dupe_process": "1", "template_account_id": "1"})
    account_id = extend.numbers()["600"]["account_id"]
    assert json_error(extend.json(SIP_INFO, {"account_id": account_id})) == (
        "84711",
        "That account_id is invalid.",
    )


@pytest.mark.parametrize(
    ("params", "code", "message"),
    [
        ({"account_id": "9999"}, "84711", "That account_id is invalid."),
        ({"account_id": "x1"}, "10014", "Invalid account_id (x1). Account_ids may only contain digits."),
        ({}, "10011", "Missing required parameter (account_id)"),
    ],
)
def test_sip_get_info_errors(extend: Extend, params: dict[str, str], code: str, message: str) -> None:
    assert xml_error(extend.xml(SIP_INFO, params)) == (code, message)


def test_get_info_reads_back_an_uploaded_title_and_location(extend: Extend) -> None:
    csv = (
        b"ext,fname,lname,email,password,voicemail_password,phone_password,title,location\n"
        b"220,Kim,Park,kpark@example.com,kimpw,2200,pp220x,Engineer,Lisbon\n"
    )
    extend.upload_xml(csv, {"extension_type": "sip", "dupe_process": "1", "template_account_id": "1"})
    ext = extend.result(GET_INFO, {"extensions": ["220"]})["extensions"]["extension"]
    assert (ext["title"], ext["location"], ext["lang_locale"]) == ("Engineer", "Lisbon", "en_US")


def test_password_scores_grow_with_length_and_kinds_of_character() -> None:
    from sandbox.switchvox.models.extensions import password_score

    assert password_score("") == 0
    assert password_score("abcdef") < password_score("abcdefg") < password_score("abcdeF1")
    assert password_score("aB3$" * 10) == 100
