"""CSV over a real socket: `requests` exports, then uploads the file back as multipart `File`; curl -F too."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from sandbox.testing import ServerThread

CURL = shutil.which("curl")


def token(server: ServerThread) -> str:
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
    url = f"{server.url}/omilia/auth/realms/master/protocol/openid-connect/token"
    return requests.post(url, data=form, timeout=10).json()["access_token"]  # type: ignore[no-any-return]


def test_requests_round_trip(live_server: ServerThread) -> None:
    headers = {"Authorization": f"Bearer {token(live_server)}"}
    url = f"{live_server.url}/omilia/integrations/api/numbers/csv"
    exported = requests.post(url, json={"groups": ["ocp-qa"]}, headers=headers, timeout=10)
    assert exported.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(exported.text, newline="")))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*rows[0], "OPERATION"])
    writer.writerows([*row, "update"] for row in rows[1:])
    files = {"File": ("numbers.csv", out.getvalue().encode(), "text/csv")}
    imported = requests.put(url, files=files, headers=headers, timeout=10)
    assert imported.status_code == 200
    assert imported.json() == {"success": True, "message": f"CSV file processed: {len(rows) - 1} updated"}
    again = requests.post(url, json={"groups": ["ocp-qa"]}, headers=headers, timeout=10)
    assert again.text == exported.text


@pytest.mark.skipif(CURL is None, reason="curl is not installed on this machine")
def test_curl_form_upload_of_a_bad_file(live_server: ServerThread, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"OPERATION,NUMBER\r\nupsert,+12012049894\r\n")
    done = subprocess.run(
        [
            CURL or "curl",
            "-sS",
            "-X",
            "PUT",
            f"{live_server.url}/omilia/integrations/api/numbers/csv",
            "-H",
            f"Authorization: Bearer {token(live_server)}",
            "-F",
            f"File=@{path};type=text/csv",
            "-w",
            "\n%{http_code}",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    body, status = done.stdout.rsplit("\n", 1)
    body = body.strip()
    assert status == "400"
    assert body == (
        '{"success":false,"message":"CSV file rejected, nothing was changed (1 bad row): '
        "line 2: unknown operation 'upsert' (use create, update, attach, detach, delete)\"}"
    )
