"""Fault support: `vendor_error` renders a documented Switchvox error; `operation` is the method name."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox.switchvox.faults import coded_error
from sandbox.switchvox.methods import METHODS
from tests.switchvox.conftest import DOC_CSV, SIP, UPLOAD, Extend, json_error, state, xml_error


def add_rule(client: FlaskClient, rule: dict[str, Any]) -> Any:
    """POST one fault rule."""
    return client.post("/__sandbox/faults", json=rule)


def upload_fault(code: str) -> dict[str, Any]:
    """A rule that answers every bulk upload with Switchvox error `code`."""
    return {
        "match": {"vendor": "switchvox", "operation": UPLOAD},
        "action": {"type": "vendor_error", "code": code},
    }


def test_vendor_error_renders_the_documented_error(client: FlaskClient, extend: Extend) -> None:
    assert add_rule(client, upload_fault("70674")).status_code == 201
    before = state(client)
    assert xml_error(extend.upload_xml(DOC_CSV, SIP)) == ("70674", "Problems uploading your CSV file.")
    assert state(client) == before


def test_an_injected_401_carries_the_digest_challenge(client: FlaskClient, extend: Extend) -> None:
    add_rule(client, upload_fault("10401"))
    response = extend.upload_xml(DOC_CSV, SIP)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Digest realm="switchvox_api_auth", qop="auth"')
    assert b'code="10401"' in response.data


def test_vendor_error_in_json_fills_the_message_from_the_request(client: FlaskClient, extend: Extend) -> None:
    add_rule(client, upload_fault("86173"))
    response = extend.upload_json(DOC_CSV, {**SIP, "template_account_id": "1"})
    assert json_error(response) == ("86173", "Invalid template account ID (1)")
    assert response.get_json()["response"]["method"] == UPLOAD


def test_operation_match_leaves_other_methods_alone(client: FlaskClient, extend: Extend) -> None:
    add_rule(client, upload_fault("70674"))
    info = extend.result("switchvox.extensions.getInfo", {"extensions": ["100"]})
    assert info["extensions"]["extension"]["number"] == "100"


def test_journal_records_the_method_as_operation(client: FlaskClient, extend: Extend) -> None:
    extend.xml("switchvox.extensions.search")
    entries = client.get("/__sandbox/requests", query_string={"vendor": "switchvox"}).get_json()["requests"]
    assert entries[-1]["operation"] == "switchvox.extensions.search"


def test_unknown_code_is_refused_by_the_control_plane(client: FlaskClient) -> None:
    response = add_rule(client, upload_fault("12345"))
    assert response.status_code == 400


@pytest.mark.parametrize(
    "code", ["86161", "86162", "61987", "95106", "96463", "38297", "94772", "51132", "32334"]
)
def test_every_documented_upload_code_is_a_vendor_error(code: str) -> None:
    error = coded_error(code)
    assert (error.code, error.status) == (int(code), 200)
    assert "%1" not in error.message


def test_operation_never_raises_on_a_body_that_is_not_a_request(client: FlaskClient) -> None:
    add_rule(
        client,
        {"match": {"vendor": "switchvox", "operation": UPLOAD}, "action": {"type": "error", "status": 503}},
    )
    response = client.post("/switchvox/xml", data=b"\xff<<not xml", auth=("admin", "admin"))
    assert xml_error(response)[0] == "10002"


def test_the_body_is_parsed_once_per_request(client: FlaskClient, extend: Extend, monkeypatch: Any) -> None:
    from sandbox.switchvox import envelope

    calls = []
    original = envelope._parse
    monkeypatch.setattr(envelope, "_parse", lambda req: calls.append(1) or original(req))
    extend.upload_json(DOC_CSV, SIP)
    assert len(calls) == 1


def test_journal_names_a_multipart_upload_by_its_method(client: FlaskClient, extend: Extend) -> None:
    extend.upload_xml(DOC_CSV, SIP)
    entries = client.get("/__sandbox/requests", query_string={"vendor": "switchvox"}).get_json()["requests"]
    assert entries[-1]["operation"] == UPLOAD


@pytest.mark.parametrize(
    ("method", "code", "params", "message"),
    [
        ("switchvox.users.getMyInfo", "27168", {}, "Your account is not permitted to run this action."),
        ("switchvox.users.call", "10011", {}, "Missing required parameter (parameter)"),
        (
            "switchvox.users.callLogs.search",
            "77534",
            {"start_date": "yesterday"},
            "Invalid date (yesterday). Date and time format is (YYYY-MM-DD HH:MM:SS)",
        ),
        (
            "switchvox.currentCalls.hangUp",
            "10016",
            {"current_call_id": "SIP/1"},
            "Invalid current_call_id (SIP/1). No such call is in progress.",
        ),
        (
            "switchvox.extensionGroups.getInfo",
            "10017",
            {"extension_group_id": "1"},
            "Invalid extension_group_id (1).",
        ),
        ("switchvox.call", "84711", {}, "That account_id is invalid."),
    ],
)
def test_faults_apply_to_the_new_methods_by_name(
    client: FlaskClient, method: str, code: str, params: dict[str, Any], message: str
) -> None:
    rule = {
        "match": {"vendor": "switchvox", "operation": method},
        "action": {"type": "vendor_error", "code": code},
    }
    assert add_rule(client, rule).status_code == 201
    before = state(client)
    login = ("100", "web100") if method.startswith("switchvox.users.") else ("admin", "admin")
    assert json_error(Extend(client, login).json(method, params)) == (code, message)
    assert state(client) == before
    other = Extend(client).result("switchvox.extensions.settings.getInfo")
    assert "extensions_settings" in other


def test_a_faulted_call_places_nothing(client: FlaskClient, extend: Extend) -> None:
    rule = {
        "match": {"vendor": "switchvox", "operation": "switchvox.call"},
        "action": {"type": "vendor_error", "code": "10015"},
    }
    add_rule(client, rule)
    extend.json("switchvox.call", {"dial_first": "100", "dial_second": "101", "dial_as_account_id": "1101"})
    assert state(client)["calls"] == []


def test_journal_records_an_extensions_users_call_by_its_method(client: FlaskClient) -> None:
    Extend(client, ("100", "web100")).json(
        "switchvox.users.call", {"dial_first": "100", "dial_second": "101"}
    )
    entries = client.get("/__sandbox/requests", query_string={"vendor": "switchvox"}).get_json()["requests"]
    assert entries[-1]["operation"] == "switchvox.users.call"


@pytest.mark.parametrize("method", sorted(METHODS))
def test_an_operation_rule_reaches_every_method(client: FlaskClient, method: str) -> None:
    rule = {
        "match": {"vendor": "switchvox", "operation": method},
        "action": {"type": "vendor_error", "code": "10001"},
    }
    add_rule(client, rule)
    login = ("100", "web100") if method.startswith("switchvox.users.") else ("admin", "admin")
    assert json_error(Extend(client, login).json(method)) == ("10001", "The request was empty.")
