"""The issue's done-check over a real socket: curl gets a token as owner and lists the doc's number."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from sandbox.testing import ServerThread
from tests.omilia.conftest import DOC_ITEM

CURL = shutil.which("curl")


def curl(*args: str) -> dict:
    done = subprocess.run(
        [CURL or "curl", "-sS", *args], capture_output=True, text=True, timeout=30, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(CURL is None, reason="curl is not installed on this machine")
def test_curl_token_as_owner_then_list_shows_the_doc_number(live_server: ServerThread) -> None:
    token = curl(
        "-X",
        "POST",
        f"{live_server.url}/omilia/auth/realms/master/protocol/openid-connect/token",
        "-H",
        "Content-Type: application/x-www-form-urlencoded",
        "-d",
        "client_id=ocp&grant_type=password&username=owner&password=sandbox",
    )["access_token"]
    listing = curl(
        f"{live_server.url}/omilia/integrations/api/numbers?pageSize=50&searchTerm=%25",
        "-H",
        f"Authorization: Bearer {token}",
    )
    assert DOC_ITEM in listing["numbers"]
