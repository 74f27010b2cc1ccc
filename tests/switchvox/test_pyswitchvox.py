"""Digium's own client, pyswitchvox 0.0.1, unchanged, against a TLS single-vendor listener.

It posts JSON to https://<address>/json with HTTPDigestAuth and verify=False, treats only HTTP 200
as success, and raises ExtendAPIError for `response.errors`.
"""

from __future__ import annotations

import io
import json

import pytest
import requests
from pyswitchvox.client import Client, ExtendAPIError
from requests.auth import HTTPDigestAuth

from sandbox.testing import ServerThread
from tests.switchvox.conftest import DOC_CSV, UPLOAD

pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")


@pytest.fixture
def tenant(pbx: ServerThread, request: pytest.FixtureRequest) -> str:
    """A tenant of its own per test (the client only changes its address: host:port/t/<name>)."""
    return f"pyswitchvox-{request.node.name}".replace("[", "-").replace("]", "")


def address(pbx: ServerThread, tenant: str) -> str:
    """What pyswitchvox is given as the PBX address."""
    return f"{pbx.host}:{pbx.port}/t/{tenant}"


def upload_doc_csv(pbx: ServerThread, tenant: str) -> None:
    """The doc's bulk upload, multipart to https://.../xml with Digest (as the Perl client would)."""
    request_xml = (
        f'<request method="{UPLOAD}"><parameters><dupe_process>1</dupe_process>'
        "<extension_type>sip</extension_type><template_account_id>1</template_account_id>"
        "</parameters></request>"
    )
    response = requests.post(
        f"https://{address(pbx, tenant)}/xml",
        files={
            "request": (None, request_xml),
            "csv_file": ("C:\\extensions.csv", io.BytesIO(DOC_CSV), "image/jpeg"),
        },
        auth=HTTPDigestAuth("admin", "admin"),
        verify=False,
        timeout=30,
    )
    assert response.status_code == 200 and b"<created>" in response.content


def test_pyswitchvox_reads_back_an_uploaded_extension(pbx: ServerThread, tenant: str) -> None:
    upload_doc_csv(pbx, tenant)
    with Client(address(pbx, tenant), "admin", "admin") as client:
        answer = client.extensions.getInfo(extensions=["302"])
    extension = answer["result"]["extensions"]["extension"]
    assert (extension["number"], extension["first_name"], extension["last_name"]) == (
        "302",
        "Freddy",
        "Mercury",
    )


def test_pyswitchvox_search_sees_the_upload(pbx: ServerThread, tenant: str) -> None:
    upload_doc_csv(pbx, tenant)
    with Client(address(pbx, tenant), "readonly", "readonly") as client:
        answer = client.extensions.search(min_extension="300", max_extension="399")
    assert [e["number"] for e in answer["result"]["extensions"]["extension"]] == ["302", "303", "305"]


def test_pyswitchvox_raises_the_extend_error(pbx: ServerThread, tenant: str) -> None:
    with Client(address(pbx, tenant), "admin", "admin") as client, pytest.raises(ExtendAPIError) as raised:
        client.extensions.getInfo(extensions=["asdf"])
    assert raised.value.error_code == 10010
    assert str(raised.value) == "Invalid extension (asdf). Extensions may only contain digits or *."


def test_pyswitchvox_readonly_upload_is_refused(pbx: ServerThread, tenant: str) -> None:
    with (
        Client(address(pbx, tenant), "readonly", "readonly") as client,
        pytest.raises(ExtendAPIError) as raised,
    ):
        client.extensions.phones.bulk.upload(extension_type="sip", dupe_process=1, template_account_id=1)
    assert raised.value.error_code == 10403


def test_json_multipart_upload_over_tls(pbx: ServerThread, tenant: str) -> None:
    body = json.dumps(
        {
            "request": {
                "method": UPLOAD,
                "parameters": {"extension_type": "sip", "dupe_process": "1", "template_account_id": "1"},
            }
        }
    )
    response = requests.post(
        f"https://{address(pbx, tenant)}/json",
        files={"file": ("extensions.csv", io.BytesIO(DOC_CSV), "text/csv"), "request": (None, body + "\r\n")},
        auth=HTTPDigestAuth("admin", "admin"),
        verify=False,
        timeout=30,
    )
    report = response.json()["response"]["result"]["bulk_creation_report"]
    assert [e["extension"] for e in report["created"]["extension"]] == ["302", "303", "305"]
