"""The journal keeps no secret in clear: passwords, client secrets, tokens, MOR hashes, in every format."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox.control.redact import is_secret, redact_body, redact_csv
from tests.control.support import OWNER_FORM, TOKEN_PATH

ENTRA_TOKEN = "/entra/00000000-0000-4000-8000-000000000001/oauth2/v2.0/token"
MOR_UPLOAD = "/mor/billing/api/autodialer_upload_numbers"
HASH = "bc2f114099d16656d37e45fd9e8744cb9386d462"


def last_entry(client: FlaskClient) -> dict[str, Any]:
    return dict(client.get("/__sandbox/requests").json["requests"][-1])


def test_an_omilia_password_grant_keeps_the_user_not_the_password(client: FlaskClient) -> None:
    client.post(TOKEN_PATH, data=OWNER_FORM)
    body = last_entry(client)["body"]
    assert "username=owner" in body
    assert "password=[redacted]" in body
    assert "sandbox" not in body.replace("grant_type=password", "")


def test_an_omilia_refresh_token_is_redacted(client: FlaskClient) -> None:
    refresh = client.post(TOKEN_PATH, data=OWNER_FORM).json["refresh_token"]
    client.post(
        TOKEN_PATH, data={"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": refresh}
    )
    entry = last_entry(client)
    assert entry["status"] == 200
    assert refresh not in entry["body"]
    assert entry["body"].endswith("refresh_token=[redacted]")


def test_an_entra_client_secret_is_redacted(client: FlaskClient) -> None:
    form = {
        "grant_type": "client_credentials",
        "client_id": "sandbox-client",
        "client_secret": "sandbox-secret",
        "scope": "api://x/.default",
    }
    client.post(ENTRA_TOKEN, data=form)
    body = last_entry(client)["body"]
    assert "client_id=sandbox-client" in body
    assert "client_secret=[redacted]" in body
    assert "sandbox-secret" not in body


def test_a_mor_hash_in_the_query_is_redacted(client: FlaskClient) -> None:
    client.post(f"{MOR_UPLOAD}?u=campgain_user&id=1&hash={HASH}")
    entry = last_entry(client)
    assert entry["query"] == {"u": "campgain_user", "id": "1", "hash": "[redacted]"}


def test_a_mor_hash_in_multipart_fields_is_redacted(client: FlaskClient) -> None:
    data = {"u": "campgain_user", "id": "1", "hash": HASH, "file": (io.BytesIO(b"37011111111\n"), "n.csv")}
    client.post(MOR_UPLOAD, data=data, content_type="multipart/form-data")
    body = last_entry(client)["body"]
    assert HASH not in body
    assert "[redacted]" in body and "campgain_user" in body and "37011111111" in body


def test_a_mor_hash_and_password_in_a_json_body_are_redacted(client: FlaskClient) -> None:
    client.post("/mor/billing/api/user_login", json={"u": "campgain_user", "p": "pw-1", "hash": HASH})
    body = json.loads(last_entry(client)["body"])
    assert body == {"u": "campgain_user", "p": "[redacted]", "hash": "[redacted]"}


def test_switchvox_xml_passwords_are_redacted_as_elements_and_attributes(client: FlaskClient) -> None:
    xml = (
        '<request method="switchvox.extensions.search"><parameters voicemail_password="1234">'
        "<password>hunter2</password><min_extension>100</min_extension></parameters></request>"
    )
    client.post("/switchvox/xml", data=xml, auth=("admin", "admin"))
    body = last_entry(client)["body"]
    assert "hunter2" not in body and "1234" not in body
    assert "<password>[redacted]</password>" in body
    assert 'voicemail_password="[redacted]"' in body
    assert "<min_extension>100</min_extension>" in body


def test_switchvox_json_passwords_are_redacted(client: FlaskClient) -> None:
    envelope = {
        "request": {"method": "switchvox.extensions.search", "parameters": {"phone_password": "9876"}}
    }
    client.post("/switchvox/json", json=envelope, auth=("admin", "admin"))
    body = json.loads(last_entry(client)["body"])
    assert body["request"]["parameters"] == {"phone_password": "[redacted]"}


def test_switchvox_csv_password_columns_are_redacted_in_a_bulk_upload(client: FlaskClient) -> None:
    csv_file = b"ext,fname,password,voicemail_password\r\n200,Ann,s3cret,4321\r\n201,Bob,,\r\n"
    request_xml = '<request method="switchvox.extensions.phones.bulk.upload"><parameters/></request>'
    data = {"request": request_xml, "csv_file": (io.BytesIO(csv_file), "extensions.csv")}
    client.post("/switchvox/xml", data=data, auth=("admin", "admin"), content_type="multipart/form-data")
    body = last_entry(client)["body"]
    assert "s3cret" not in body and "4321" not in body
    assert "200,Ann,[redacted],[redacted]\r\n201,Bob,,\r\n" in body


def test_a_personal_access_token_header_is_redacted(client: FlaskClient) -> None:
    client.get("/omilia/integrations/api/numbers", headers={"X-OCP-PERSONAL-ACCESS-TOKEN": "pat-123"})
    assert last_entry(client)["headers"]["X-Ocp-Personal-Access-Token"] == "[redacted]"


@pytest.mark.parametrize(
    ("name", "vendor", "secret"),
    [
        ("password", None, True),
        ("Voicemail Password", None, True),
        ("client_secret", "entra", True),
        ("refresh_token", "omilia", True),
        ("hash", "mor", True),
        ("p", "mor", True),
        ("p", "switchvox", False),
        ("username", None, False),
        ("token_type", None, False),
    ],
)
def test_what_counts_as_a_secret(name: str, vendor: str | None, secret: bool) -> None:
    assert is_secret(name, vendor) is secret


def test_a_secret_cut_by_the_journal_cap_leaves_nothing_of_it() -> None:
    from sandbox import create_app

    client = create_app({"TESTING": True, "JOURNAL_BODY_BYTES": 60}).test_client()
    client.post(TOKEN_PATH, data={**OWNER_FORM, "password": "x" * 200})
    entry = last_entry(client)
    assert entry["body_truncated"] is True
    assert "xxx" not in entry["body"]


def test_redaction_keeps_the_rest_of_the_body_byte_for_byte() -> None:
    raw = b'{"a": 1,  "password" :"p\\"w", "list": [1, 2], "hash": null}'
    assert (
        redact_body(raw, "application/json")
        == b'{"a": 1,  "password" :"[redacted]", "list": [1, 2], "hash": "[redacted]"}'
    )
    assert redact_body(b"<password><![CDATA[a<b]]></password>") == b"<password>[redacted]</password>"
    assert redact_csv(b"ext,fname\n200,Ann\n") == b"ext,fname\n200,Ann\n"
