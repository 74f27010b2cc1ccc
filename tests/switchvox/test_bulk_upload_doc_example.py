"""The doc's own example (the switchvox.extensions.phones.bulk.upload method page), replayed."""

from __future__ import annotations

import io
from xml.etree.ElementTree import canonicalize

import xmltodict
from flask.testing import FlaskClient

from tests.switchvox.conftest import DOC_CSV, Extend

DOC_REQUEST = """<request method="switchvox.extensions.phones.bulk.upload">
    <parameters>
\t<dupe_process>1</dupe_process>
\t<extension_type>sip</extension_type>
\t<template_account_id>1</template_account_id>
    </parameters>
</request>"""

DOC_RESPONSE = """<response method="switchvox.extensions.phones.bulk.upload">
\t<result>
\t\t<bulk_creation_report dupe_process="1" extension_type="SIP Extension">
\t\t\t<create_failed>
\t\t\t\t<extension extension="301" first_name="Joey" last_name="Johnson" email="jjohn@test.com">
\t\t\t\t\t<error text="Phone password is required to create a sip extension."/>
\t\t\t\t</extension>
\t\t\t\t<extension extension="304" first_name="" last_name="last" email="last@test.com">
\t\t\t\t\t<error text="First name is required and must be 1 - 32 characters in length."/>
\t\t\t\t\t<error text="Phone password cannot be the same as the extension."/>
\t\t\t\t</extension>
\t\t\t</create_failed>
\t\t\t<created>
\t\t\t\t<extension extension="302" first_name="Freddy" last_name="Mercury" email="fmerc@test.com"/>
\t\t\t\t<extension extension="303" first_name="John" last_name="Doe" email="jdoe@test.com"/>
\t\t\t\t<extension extension="305" first_name="Mike" last_name="Mitchell" email="mmitch@test.com"/>
\t\t\t</created>
\t\t\t<replaced></replaced>
\t\t\t<updated></updated>
\t\t\t<skipped></skipped>
\t\t</bulk_creation_report>
\t</result>
</response>"""


def canonical_lines(document: str | bytes) -> list[str]:
    """C14N with whitespace-only text dropped, one element per line."""
    text = document.decode() if isinstance(document, bytes) else document
    return canonicalize(text, strip_text=True).replace("><", ">\n<").splitlines()


def post_doc_example(client: FlaskClient) -> bytes:
    """POST /xml as the doc shows it: `request` and `csv_file` (C:\\extensions.csv, image/jpeg)."""
    data = {
        "request": DOC_REQUEST,
        "csv_file": (io.BytesIO(DOC_CSV), "C:\\extensions.csv", "image/jpeg"),
    }
    response = client.post(
        "/switchvox/xml", data=data, auth=("admin", "admin"), content_type="multipart/form-data"
    )
    assert response.status_code == 200
    return response.data


def test_doc_example_reproduces_the_report_line_for_line(client: FlaskClient) -> None:
    assert canonical_lines(post_doc_example(client)) == canonical_lines(DOC_RESPONSE)


def test_doc_example_creates_only_the_three_valid_extensions(client: FlaskClient, extend: Extend) -> None:
    post_doc_example(client)
    numbers = extend.numbers()
    assert {"302", "303", "305"} <= set(numbers)
    assert "301" not in numbers and "304" not in numbers
    assert numbers["302"]["display"] == "Freddy Mercury"
    assert numbers["302"]["template_name"] == "Default"


def test_doc_example_twice_skips_what_the_first_created(client: FlaskClient) -> None:
    post_doc_example(client)
    report = xmltodict.parse(post_doc_example(client))["response"]["result"]["bulk_creation_report"]
    assert [e["@extension"] for e in report["skipped"]["extension"]] == ["302", "303", "305"]
    assert report["created"] is None
