"""Switchvox helpers: Extend calls over /xml and /json, uploads, and the doc's example CSV."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
import xmltodict
from flask.testing import FlaskClient
from werkzeug.serving import generate_adhoc_ssl_context
from werkzeug.test import TestResponse

from sandbox import create_app
from sandbox.core import xmlio
from sandbox.testing import ServerThread

ADMIN = ("admin", "admin")
READONLY = ("readonly", "readonly")

# The CSV behind the doc's example report: 301 lacks a phone password; 304 has no first name and a
# phone password equal to its extension.
DOC_CSV = (
    b"ext,fname,lname,email,password,voicemail_password,phone_password\r\n"
    b"301,Joey,Johnson,jjohn@test.com,secret301,3010,\r\n"
    b"302,Freddy,Mercury,fmerc@test.com,secret302,3020,pp302x\r\n"
    b"303,John,Doe,jdoe@test.com,secret303,3030,pp303x\r\n"
    b"304,,last,last@test.com,secret304,3040,304\r\n"
    b"305,Mike,Mitchell,mmitch@test.com,secret305,3050,pp305x\r\n"
)
UPLOAD = "switchvox.extensions.phones.bulk.upload"


def xml_request(method: str, params: dict[str, Any] | None = None) -> str:
    """`<request method><parameters>...</parameters></request>` (lists as repeated child elements)."""
    return xmlio.render({"request": {"@method": method, "parameters": params or {}}}, declaration=False)


def xml_body(response: TestResponse) -> dict[str, Any]:
    """The `<response>` element of an XML answer, as xmltodict's dict."""
    assert response.status_code == 200, response.data
    assert response.mimetype == "text/xml"
    return xmltodict.parse(response.data)["response"]  # type: ignore[no-any-return]


def xml_error(response: TestResponse) -> tuple[str, str]:
    """(code, message) of an XML error answer."""
    error = xml_body(response)["errors"]["error"]
    return error["@code"], error["@message"]


def json_error(response: TestResponse) -> tuple[str, str]:
    """(code, message) of a JSON error answer."""
    assert response.status_code == 200, response.data
    error = response.get_json()["response"]["errors"]["error"]
    return error["code"], error["message"]


class Extend:
    """Calls the Switchvox API of a test app as one account."""

    def __init__(self, client: FlaskClient, auth: tuple[str, str] = ADMIN, base: str = "/switchvox") -> None:
        self.client = client
        self.auth = auth
        self.base = base

    def xml(self, method: str, params: dict[str, Any] | None = None, **kwargs: Any) -> TestResponse:
        """POST an XML request to /xml."""
        return self.client.post(
            f"{self.base}/xml", data=xml_request(method, params), auth=self.auth, **kwargs
        )

    def json(self, method: str, params: dict[str, Any] | None = None, **kwargs: Any) -> TestResponse:
        """POST a JSON request to /json."""
        body = {"request": {"method": method, "parameters": params or {}}}
        return self.client.post(f"{self.base}/json", data=json.dumps(body), auth=self.auth, **kwargs)

    def result(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """The JSON `result` of a call that must succeed."""
        response = self.json(method, params)
        assert response.status_code == 200
        body = response.get_json()["response"]
        assert "errors" not in body, body
        return body["result"]  # type: ignore[no-any-return]

    def upload_xml(
        self, csv: bytes | None, params: dict[str, Any], *, filename: str = "C:\\extensions.csv"
    ) -> TestResponse:
        """Multipart to /xml: parts `request` (XML) and `csv_file`, as the doc's example sends them."""
        data: dict[str, Any] = {"request": xml_request(UPLOAD, params)}
        if csv is not None:
            data["csv_file"] = (io.BytesIO(csv), filename, "image/jpeg")
        return self.client.post(
            f"{self.base}/xml", data=data, auth=self.auth, content_type="multipart/form-data"
        )

    def upload_json(self, csv: bytes | None, params: dict[str, Any]) -> TestResponse:
        """Multipart to /json: parts `file` and `request` (JSON, trailing CRLF), as the Ruby gem sends."""
        body = json.dumps({"request": {"method": UPLOAD, "parameters": params}}) + "\r\n"
        data: dict[str, Any] = {"request": body}
        if csv is not None:
            data["file"] = (io.BytesIO(csv), "extensions.csv", "text/csv")
        return self.client.post(
            f"{self.base}/json", data=data, auth=self.auth, content_type="multipart/form-data"
        )

    def numbers(self) -> dict[str, dict[str, Any]]:
        """Every extension, by number (through extensions.search)."""
        found = self.result("switchvox.extensions.search", {"items_per_page": "1000"})["extensions"]
        items = found.get("extension", [])
        items = items if isinstance(items, list) else [items]
        return {item["number"]: item for item in items}


SIP = {"extension_type": "sip", "dupe_process": "1", "template_account_id": "1"}


@pytest.fixture
def extend(client: FlaskClient) -> Extend:
    """The Extend API as admin."""
    return Extend(client)


@pytest.fixture
def readonly(client: FlaskClient) -> Extend:
    """The Extend API as the read-only admin account."""
    return Extend(client, READONLY)


def state(client: FlaskClient) -> dict[str, Any]:
    """The tenant's Switchvox records (to prove a refused request changed nothing)."""
    return client.get("/__sandbox/state").get_json()["switchvox"]  # type: ignore[no-any-return]


def set_settings(client: FlaskClient, **changes: Any) -> None:
    """Change the PBX settings record (limits, switches) through PUT /__sandbox/state."""
    current = state(client)["settings"][0]
    response = client.put("/__sandbox/state", json={"switchvox": {"settings": [{**current, **changes}]}})
    assert response.status_code == 200


JANE = ("100", "web100")
BOB = ("101", "web101")


@pytest.fixture
def jane(client: FlaskClient) -> Extend:
    """The Extend API as extension 100 (account 1101), logged in with its web password."""
    return Extend(client, JANE)


@pytest.fixture
def bob(client: FlaskClient) -> Extend:
    """The Extend API as extension 101 (account 1102)."""
    return Extend(client, BOB)


def freeze(client: FlaskClient) -> None:
    """Stop the tenant's clock (calls then move only when a test advances it)."""
    assert client.post("/__sandbox/clock", json={"freeze": True}).status_code == 200


def advance(client: FlaskClient, seconds: float) -> None:
    """Move the tenant's clock on."""
    assert client.post("/__sandbox/clock", json={"advance_s": seconds}).status_code == 200


def items(node: Any, name: str) -> list[Any]:
    """The `name` children of a JSON node as a list (Switchvox writes one as an object, none as absent)."""
    found = node.get(name, []) if isinstance(node, dict) else []
    return found if isinstance(found, list) else [found]


@pytest.fixture(scope="module")
def pbx() -> Iterator[ServerThread]:
    """A Switchvox-only sandbox on https://127.0.0.1:<port> with a self-signed certificate."""
    app = create_app({"TESTING": True, "VENDOR": "switchvox"})
    with ServerThread(app, ssl_context=generate_adhoc_ssl_context()) as server:
        yield server
