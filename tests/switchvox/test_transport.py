"""The Extend transport: envelopes, parameters, content types, generic errors, the root mount."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from tests.switchvox.conftest import ADMIN, Extend, json_error, xml_body, xml_error

GET_INFO = "switchvox.extensions.getInfo"
BODY_XML = (
    '<request method="switchvox.extensions.getInfo">'
    "<parameters><extensions><extension>100</extension></extensions></parameters></request>"
)


@pytest.mark.parametrize(
    "content_type",
    [
        "application/xml; encoding='utf8'",
        "text/xml",
        "application/x-www-form-urlencoded",
        "application/json",
        None,
    ],
)
def test_xml_is_parsed_whatever_the_content_type(client: FlaskClient, content_type: str | None) -> None:
    response = client.post("/switchvox/xml", data=BODY_XML, auth=ADMIN, content_type=content_type)
    assert xml_body(response)["result"]["extensions"]["extension"]["@number"] == "100"


@pytest.mark.parametrize("content_type", ["application/json", "text/json", "text/plain", None])
def test_json_is_parsed_whatever_the_content_type(client: FlaskClient, content_type: str | None) -> None:
    body = json.dumps({"request": {"method": GET_INFO, "parameters": {"extensions": ["100"]}}})
    response = client.post("/switchvox/json", data=body, auth=ADMIN, content_type=content_type)
    assert response.get_json()["response"]["result"]["extensions"]["extension"]["number"] == "100"


def test_json_extra_keys_are_ignored(client: FlaskClient) -> None:
    body = {
        "request": {"method": GET_INFO, "version": "17487", "parameters": {"extensions": ["100"], "x": 1}}
    }
    response = client.post("/switchvox/json", json=body, auth=ADMIN)
    assert response.get_json()["response"]["method"] == GET_INFO
    assert "result" in response.get_json()["response"]


def test_xml_answer_has_no_declaration(extend: Extend) -> None:
    assert extend.xml(GET_INFO, {"extensions": {"extension": "100"}}).data.startswith(b"<response method=")


@pytest.mark.parametrize("path", ["/switchvox/xml", "/switchvox/json"])
def test_empty_request(client: FlaskClient, path: str) -> None:
    response = client.post(path, data=b"", auth=ADMIN)
    error = xml_error(response) if path.endswith("xml") else json_error(response)
    assert error == ("10001", "The request was empty.")


def test_empty_json_object_is_an_empty_request(client: FlaskClient) -> None:
    assert json_error(client.post("/switchvox/json", data=b"{}", auth=ADMIN))[0] == "10001"


def test_xml_that_does_not_parse(client: FlaskClient) -> None:
    code, message = xml_error(client.post("/switchvox/xml", data=b"<request method=", auth=ADMIN))
    assert code == "10002" and message.startswith("The request could not be parsed (XML:")


def test_json_that_does_not_parse(client: FlaskClient) -> None:
    code, message = json_error(client.post("/switchvox/json", data=b"{nope", auth=ADMIN))
    assert code == "10002" and message.startswith("The request could not be parsed (JSON:")


def test_xml_parameters_nested_too_deeply_are_a_parse_error(client: FlaskClient) -> None:
    nested = "<a>" * 20_000 + "x" + "</a>" * 20_000
    body = f'<request method="{GET_INFO}"><parameters>{nested}</parameters></request>'
    response = client.post("/switchvox/xml", data=body, auth=ADMIN)
    assert xml_error(response) == (
        "10002",
        "The request could not be parsed (XML: elements nested deeper than 64 levels"
        " (SANDBOX_XML_MAX_DEPTH)).",
    )


def test_json_nested_too_deeply_is_a_parse_error(client: FlaskClient) -> None:
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/switchvox/json", data=body, auth=ADMIN)
    assert json_error(response) == ("10002", "The request could not be parsed (JSON: nested too deeply).")


def test_request_without_method(client: FlaskClient) -> None:
    response = client.post("/switchvox/xml", data=b"<request><parameters/></request>", auth=ADMIN)
    assert xml_error(response) == ("10004", "Missing method: the request names no method.")


def test_unknown_method(extend: Extend) -> None:
    response = extend.json("switchvox.nope.getList")
    assert json_error(response) == ("10003", "Invalid method (switchvox.nope.getList).")
    assert response.get_json()["response"]["method"] == "switchvox.nope.getList"


def test_browser_get_with_credentials_gets_the_empty_request_error(client: FlaskClient) -> None:
    assert xml_error(client.get("/switchvox/xml", auth=ADMIN))[0] == "10001"


def test_wrong_path_gets_the_extend_envelope(client: FlaskClient) -> None:
    response = client.post("/switchvox/soap", auth=ADMIN)
    assert response.status_code == 404
    assert xml_body_any(response.data)["errors"]["error"]["@code"] == "10404"


def xml_body_any(data: bytes) -> dict[str, object]:
    """The `<response>` element whatever the status."""
    import xmltodict

    return xmltodict.parse(data)["response"]  # type: ignore[no-any-return]


def test_single_vendor_listener_serves_xml_and_json_at_the_root() -> None:
    client = create_app({"TESTING": True, "VENDOR": "switchvox"}).test_client()
    root = Extend(client, base="")
    assert xml_body(root.xml(GET_INFO, {"extensions": {"extension": "101"}}))["@method"] == GET_INFO
    assert root.result(GET_INFO, {"extensions": ["101"]})["extensions"]["extension"]["number"] == "101"


def test_tenants_do_not_see_each_others_uploads(client: FlaskClient) -> None:
    csv = (
        b"ext,fname,lname,email,password,voicemail_password,phone_password\n700,A,B,a@example.com,pw,1,pp7\n"
    )
    params = {"extension_type": "sip", "dupe_process": "1", "template_account_id": "1"}
    Extend(client, base="/t/one/switchvox").upload_json(csv, params)
    assert "700" in Extend(client, base="/t/one/switchvox").numbers()
    assert "700" not in Extend(client, base="/t/two/switchvox").numbers()
