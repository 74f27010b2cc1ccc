"""What record takes out of an exchange before writing it."""

from __future__ import annotations

import base64
import json

from sandbox.verify.redact import REDACTED, Redactor, redact_exchange


def exchange(request: dict, response: dict) -> dict:
    base = {"method": "POST", "path": "/x", "query": {}, "headers": {}, "body": None}
    return {
        "vendor": "omilia",
        "seq": 1,
        "request": {**base, **request},
        "response": {"status": 200, "headers": {}, **response},
    }


def test_authorization_keeps_its_scheme_and_cookies_go() -> None:
    headers = Redactor().headers({"Authorization": "Bearer abc.def", "Cookie": "s=1", "Accept": "text/xml"})
    assert headers == {"Authorization": f"Bearer {REDACTED}", "Cookie": REDACTED, "Accept": "text/xml"}


def test_a_basic_password_is_scrubbed_wherever_it_appears() -> None:
    basic = base64.b64encode(b"admin:Long-Basic-Password").decode()
    line = redact_exchange(
        exchange(
            {"headers": {"Authorization": f"Basic {basic}"}}, {"body": {"text": "echo Long-Basic-Password"}}
        )
    )
    assert "Long-Basic-Password" not in line and basic not in line


def test_form_json_and_query_fields_by_name() -> None:
    line = json.loads(
        redact_exchange(
            exchange(
                {
                    "query": {"u": "campgain_user", "hash": "a" * 40},
                    "body": {"form": {"password": "pw", "username": "me"}},
                },
                {
                    "body": {
                        "json": {
                            "access_token": "t",
                            "refresh_token": "r",
                            "token_type": "bearer",
                            "expires_in": 300,
                        }
                    }
                },
            )
        )
    )
    assert line["request"]["query"] == {"u": "campgain_user", "hash": REDACTED}
    assert line["request"]["body"] == {"form": {"password": REDACTED, "username": "me"}}
    assert line["response"]["body"]["json"] == {
        "access_token": REDACTED,
        "refresh_token": REDACTED,
        "token_type": "bearer",
        "expires_in": 300,
    }


def test_xml_attributes_and_csv_columns_by_name() -> None:
    xml = '<response method="m"><result><sip_phone phone_password="987654" title="t"/></result></response>'
    assert 'phone_password="[REDACTED]"' in Redactor().text(xml) and 'title="t"' in Redactor().text(xml)
    csv_text = "ext,fname,password,voicemail_password\r\n302,Freddy,Sup3rS3cret,1234\r\n"
    assert (
        Redactor().text(csv_text)
        == "ext,fname,password,voicemail_password\r\n302,Freddy,[REDACTED],[REDACTED]\r\n"
    )


def test_a_jwt_is_redacted_anywhere() -> None:
    jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
    assert Redactor().tree({"note": f"token {jwt} here"}) == {"note": f"token {REDACTED} here"}


def test_multipart_fields_and_files() -> None:
    body = {
        "multipart": {
            "fields": {"u": "me", "hash": "b" * 40},
            "files": {"file": {"filename": "n.csv", "text": "1\n"}},
        }
    }
    assert Redactor().body(body) == {
        "multipart": {
            "fields": {"u": "me", "hash": REDACTED},
            "files": {"file": {"filename": "n.csv", "text": "1\n"}},
        }
    }


def test_a_mor_login_password_is_redacted() -> None:
    line = json.loads(redact_exchange(exchange({"query": {"u": "me", "p": "Login-Pa55"}}, {})))
    assert line["request"]["query"] == {"u": "me", "p": REDACTED}
