"""Concurrent clients on a real socket: a number sold once is bought once, whoever races for it."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sandbox.testing import ServerThread

NUMBER = "+12015551002"


def call(url: str, method: str, body: Any = None, token: str | None = None, form: bytes | None = None) -> Any:
    data = form if form is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/x-www-form-urlencoded" if form else "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_parallel_buyers_get_the_number_exactly_once(live_server: ServerThread) -> None:
    base = live_server.url + "/omilia"
    form = b"client_id=ocp&grant_type=password&username=owner&password=sandbox"
    token = call(f"{base}/auth/realms/master/protocol/openid-connect/token", "POST", form=form)[
        "access_token"
    ]
    body = {"provider": "Twilio", "numbers": [NUMBER], "group": "ocp"}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(lambda _: call(f"{base}/integrations/api/numbers", "PUT", body, token), range(16))
        )
    assert sum(len(r["purchasedNumbers"]) for r in results) == 1
    assert sum(len(r["failedNumbers"]) for r in results) == 15
    listing = call(f"{base}/integrations/api/numbers?searchTerm=%2B12015551002", "GET", token=token)
    assert [item["number"] for item in listing["numbers"]] == [NUMBER]
