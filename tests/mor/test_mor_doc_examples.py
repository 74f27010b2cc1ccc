"""Both examples of wiki.kolmisoft.com's MOR_API_autodialer_upload_numbers, as written, against a sandbox."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from sandbox.testing import ServerThread
from tests.mor.conftest import DOC_NUMBERS

DOC_HOST = "http://192.168.99.100"
CURL_LINE = (
    'curl  -F "file=@numbers.csv" "http://192.168.99.100/billing/api/autodialer_upload_numbers'
    '?u=campgain_user&id=1&hash=bc2f114099d16656d37e45fd9e8744cb9386d462"'
)
SUCCESS = b"<success>7 out of 7 numbers were imported</success>"


@pytest.fixture
def numbers_csv(tmp_path: Path) -> Path:
    """The doc's numbers.csv in a scratch directory."""
    path = tmp_path / "numbers.csv"
    path.write_bytes(DOC_NUMBERS)
    return path


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_doc_curl_example_verbatim(live_server: ServerThread, numbers_csv: Path) -> None:
    command = CURL_LINE.replace(DOC_HOST, live_server.url + "/mor")
    result = subprocess.run(
        command, shell=True, cwd=numbers_csv.parent, capture_output=True, timeout=30, check=True
    )
    assert result.stdout.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert SUCCESS in result.stdout


def test_doc_nodejs_form_replayed(live_server: ServerThread, numbers_csv: Path) -> None:
    # request.post({url, formData: {file: fs.createReadStream('numbers.csv'), u, id: 1, hash}}):
    # the `request` library sends every field as a multipart part, the file as text/csv.
    with numbers_csv.open("rb") as stream:
        response = requests.post(
            f"{live_server.url}/mor/billing/api/autodialer_upload_numbers",
            files={
                "file": ("numbers.csv", stream, "text/csv"),
                "u": (None, "campgain_user"),
                "id": (None, "1"),
                "hash": (None, "bc2f114099d16656d37e45fd9e8744cb9386d462"),
            },
            timeout=30,
        )
    assert response.status_code == 200
    assert SUCCESS in response.content
