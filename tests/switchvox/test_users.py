"""Extension logins and the users.* account methods: getMyInfo and phones.getList."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.switchvox.conftest import (
    BOB,
    Extend,
    json_error,
    state,
    xml_body,
    xml_error,
)

MY_INFO = "switchvox.users.getMyInfo"
PHONES = "switchvox.users.phones.getList"
CSV = (
    b"ext,fname,lname,email,password,voicemail_password,phone_password,title,location\n"
    b"210,Ann,Lee,alee@example.com,annpw,2100,pp210x,Head of Sales,Boston\n"
)


def test_get_my_info_answers_the_logged_in_extension(jane: Extend) -> None:
    ext = jane.result(MY_INFO)["extension"]
    assert (ext["number"], ext["account_id"], ext["display"]) == ("100", "1101", "Jane Smith")


def test_get_my_info_in_xml_is_one_extension_directly_under_result(client: FlaskClient) -> None:
    body = xml_body(Extend(client, BOB).xml(MY_INFO))
    assert list(body["result"]) == ["extension"]
    assert body["result"]["extension"]["@account_id"] == "1102"


def test_get_my_info_by_digest(client: FlaskClient) -> None:
    from tests.switchvox.test_auth import challenge, digest_header

    body = '<request method="switchvox.users.getMyInfo"><parameters/></request>'
    header = digest_header(challenge(client), "100", "web100", "/switchvox/xml", qop=True)
    response = client.post("/switchvox/xml", data=body, headers={"Authorization": header})
    assert xml_body(response)["result"]["extension"]["@number"] == "100"


def test_an_uploaded_extension_logs_in_with_its_csv_password_and_reads_its_title(
    client: FlaskClient, extend: Extend
) -> None:
    extend.upload_xml(CSV, {"extension_type": "sip", "dupe_process": "1", "template_account_id": "1"})
    ext = Extend(client, ("210", "annpw")).result(MY_INFO)["extension"]
    assert (ext["first_name"], ext["title"], ext["location"]) == ("Ann", "Head of Sales", "Boston")


def test_a_wrong_extension_password_is_the_401_challenge(client: FlaskClient) -> None:
    response = Extend(client, ("100", "web101")).json(MY_INFO)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Digest realm="switchvox_api_auth"')


def test_an_extension_without_a_web_password_cannot_log_in(client: FlaskClient) -> None:
    records = state(client)["extensions"]
    records[0]["password"] = ""
    client.put("/__sandbox/state", json={"switchvox": {"extensions": records}})
    assert Extend(client, ("100", "")).json(MY_INFO).status_code == 401


def test_get_my_info_as_an_admin_account_is_27168(extend: Extend) -> None:
    assert json_error(extend.json(MY_INFO)) == ("27168", "Your account is not permitted to run this action.")


@pytest.mark.parametrize(
    "method",
    [
        "switchvox.extensions.getInfo",
        "switchvox.extensions.search",
        "switchvox.extensions.phones.bulk.upload",
        "switchvox.call",
        "switchvox.currentCalls.getList",
        "switchvox.currentCalls.hangUp",
        "switchvox.callLogs.search",
        "switchvox.extensionGroups.getList",
        "switchvox.extensionGroups.getInfo",
        "switchvox.extensions.settings.getInfo",
    ],
)
def test_an_extension_login_gets_the_access_fault_for_admin_methods(jane: Extend, method: str) -> None:
    assert xml_error(jane.xml(method)) == (
        "10403",
        f"Permission denied: your access level does not allow {method}.",
    )


def test_phones_get_list_for_its_own_account(jane: Extend) -> None:
    assert jane.result(PHONES, {"account_id": "1101"}) == {"phones": {"phone": {"phone_config_id": "1101"}}}


def test_phones_of_another_account_is_27168(jane: Extend) -> None:
    assert json_error(jane.json(PHONES, {"account_id": "1102"}))[0] == "27168"


def test_phones_of_an_unknown_account_is_27168_for_an_extension(jane: Extend) -> None:
    assert json_error(jane.json(PHONES, {"account_id": "9999"}))[0] == "27168"


def test_an_admin_reads_any_accounts_phones(readonly: Extend) -> None:
    assert readonly.result(PHONES, {"account_id": "1102"})["phones"]["phone"]["phone_config_id"] == "1102"


def test_an_admin_naming_no_such_account_gets_84711(extend: Extend) -> None:
    assert json_error(extend.json(PHONES, {"account_id": "9999"})) == ("84711", "That account_id is invalid.")


def test_phones_account_id_is_required(jane: Extend) -> None:
    assert json_error(jane.json(PHONES)) == ("10011", "Missing required parameter (account_id)")


def test_phones_account_id_must_be_digits(jane: Extend) -> None:
    assert json_error(jane.json(PHONES, {"account_id": "11a"})) == (
        "10014",
        "Invalid account_id (11a). Account_ids may only contain digits.",
    )


def test_a_digium_phone_extension_has_no_other_phones(client: FlaskClient, jane: Extend) -> None:
    records = state(client)["extensions"]
    records[0]["digium_phone_mac_address"] = "000FD3123456"
    client.put("/__sandbox/state", json={"switchvox": {"extensions": records}})
    assert jane.result(PHONES, {"account_id": "1101"}) == {"phones": {}}


def test_the_readonly_account_may_not_place_a_users_call(readonly: Extend) -> None:
    params = {"dial_first": "100", "dial_second": "101", "account_id": "1101"}
    assert json_error(readonly.json("switchvox.users.call", params))[0] == "10403"


def test_an_extension_logs_in_only_in_the_tenant_that_has_it(client: FlaskClient) -> None:
    admin = Extend(client, base="/t/one/switchvox")
    admin.upload_xml(CSV, {"extension_type": "sip", "dupe_process": "1", "template_account_id": "1"})
    assert Extend(client, ("210", "annpw"), base="/t/one/switchvox").json(MY_INFO).status_code == 200
    assert Extend(client, ("210", "annpw"), base="/t/two/switchvox").json(MY_INFO).status_code == 401
