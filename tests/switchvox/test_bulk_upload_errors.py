"""Every documented error of bulk.upload, each reachable, and a refused upload changes nothing."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.switchvox.conftest import DOC_CSV, SIP, Extend, json_error, set_settings, state, xml_error

ROW = b"ext,fname,lname,email,password,voicemail_password,phone_password\n"
GOOD = ROW + b"500,Ok,Row,ok@example.com,pw,5000,pp500\n"


@pytest.mark.parametrize(
    ("params", "code", "message"),
    [
        (
            {**SIP, "extension_type": "analog"},
            "61987",
            "Invalid extension type. Only SIP and Virtual extensions can be created in bulk.",
        ),
        (
            {**SIP, "dupe_process": "4"},
            "95106",
            "Invalid dupe process (4). Valid options are: 1 (Skip), 2 (Replace), and 3 (Update).",
        ),
        ({**SIP, "template_account_id": "77"}, "86173", "Invalid template account ID (77)"),
        ({**SIP, "template_account_id": "x"}, "86173", "Invalid template account ID (x)"),
        (
            {"dupe_process": "1", "template_account_id": "1"},
            "10011",
            "Missing required parameter (extension_type)",
        ),
        ({**SIP, "report_only": "yes"}, "10015", "Invalid value for parameter report_only (yes)."),
    ],
)
def test_parameter_errors(extend: Extend, params: dict[str, str], code: str, message: str) -> None:
    assert xml_error(extend.upload_xml(GOOD, params)) == (code, message)


def test_no_csv_part_is_an_upload_problem(extend: Extend) -> None:
    assert xml_error(extend.upload_xml(None, SIP)) == ("70674", "Problems uploading your CSV file.")


def test_empty_csv_file_is_an_upload_problem(extend: Extend) -> None:
    assert xml_error(extend.upload_xml(b"", SIP))[0] == "70674"


def test_header_only_csv_has_no_extension_data(extend: Extend) -> None:
    assert xml_error(extend.upload_xml(ROW, SIP)) == ("51132", "Your CSV file contained no extension data.")


def test_blank_lines_only_have_no_extension_data(extend: Extend) -> None:
    assert xml_error(extend.upload_xml(b"\r\n , \r\n", SIP))[0] == "51132"


def test_csv_without_ext_column_is_not_in_the_correct_format(extend: Extend) -> None:
    code, message = xml_error(extend.upload_xml(b"fname,lname\nA,B\n", SIP))
    assert code == "94772"
    assert message.startswith("Your CSV file is not in the correct format.")


def test_row_longer_than_header_is_not_in_the_correct_format(extend: Extend) -> None:
    assert xml_error(extend.upload_xml(b"ext,fname\n502,A,extra\n", SIP))[0] == "94772"


def test_extension_array_that_is_not_an_array(extend: Extend) -> None:
    response = extend.json("switchvox.extensions.phones.bulk.upload", {**SIP, "extension_array": "502"})
    assert json_error(response) == ("96463", "The extension_array parameter is not an array.")


def test_template_without_values(client: FlaskClient, extend: Extend) -> None:
    templates = [{"id": "1", "name": "Default", "settings": None}]
    client.put("/__sandbox/state", json={"switchvox": {"templates": templates}})
    assert xml_error(extend.upload_xml(GOOD, SIP)) == (
        "38297",
        "Error getting template values for template with id 1.",
    )


def test_no_temporary_storage(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, temp_storage_available=False)
    assert xml_error(extend.upload_xml(GOOD, SIP)) == (
        "32334",
        "Error creating temporary file for bulk extension creation.",
    )


def test_unregistered_system_cap(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, registered=False, unregistered_extension_limit=4)
    assert xml_error(extend.upload_xml(DOC_CSV, SIP)) == (
        "86161",
        "Your phone system has not yet been registered and is limited to 4 extensions.",
    )


def test_unregistered_system_within_its_cap_uploads(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, registered=False, unregistered_extension_limit=5)
    assert "errors" not in extend.upload_json(DOC_CSV, SIP).get_json()["response"]


def test_phone_extension_licences_exhausted(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, phone_extension_limit=2)
    code, message = xml_error(extend.upload_xml(GOOD, SIP))
    assert code == "86162"
    assert message.startswith("You have exceeded the number of phone extensions available for your PBX.")


def test_virtual_extensions_need_no_phone_licence(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, phone_extension_limit=2)
    csv = b"ext,fname,lname,email,password,voicemail_password\n503,V,X,v@example.com,pw,1\n"
    assert (
        "errors" not in extend.upload_json(csv, {**SIP, "extension_type": "virtual"}).get_json()["response"]
    )


def test_a_refused_upload_changes_nothing(client: FlaskClient, extend: Extend) -> None:
    set_settings(client, registered=False, unregistered_extension_limit=4)
    before = state(client)
    xml_error(extend.upload_xml(DOC_CSV, SIP))
    assert state(client) == before


def test_readonly_admin_may_not_upload(client: FlaskClient, readonly: Extend) -> None:
    before = state(client)
    assert xml_error(readonly.upload_xml(GOOD, SIP)) == (
        "10403",
        "Permission denied: your access level does not allow switchvox.extensions.phones.bulk.upload.",
    )
    assert state(client) == before
