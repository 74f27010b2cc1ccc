"""The README's Switchvox example (extension logins, calls and call logs), run as written."""

from __future__ import annotations

from typing import Any

import requests
from requests.auth import HTTPDigestAuth

from sandbox.handle import SandboxHandle

ADMIN, JANE = ("admin", "admin"), ("100", "web100")  # extension 100 logs in with its web password
ALL_TIME = {"start_date": "2000-01-01 00:00:00", "end_date": "2099-12-31 23:59:59"}


def extend(base: str, login: tuple[str, str], method: str, **parameters: str) -> dict[str, Any]:
    body = {"request": {"method": method, "parameters": parameters}}
    answer = requests.post(f"{base}/json", json=body, auth=HTTPDigestAuth(*login), timeout=10)
    return answer.json()["response"]["result"]  # type: ignore[no-any-return]


def test_click_to_call_and_the_call_log(sandbox: SandboxHandle) -> None:
    base = sandbox.url("switchvox")  # e.g. http://127.0.0.1:PORT/t/<test>/switchvox
    sandbox.freeze()
    me = extend(base, JANE, "switchvox.users.getMyInfo")["extension"]
    extend(base, JANE, "switchvox.users.call", dial_first="100", dial_second="101")
    live = extend(base, ADMIN, "switchvox.currentCalls.getList")["current_calls"]["current_call"]
    assert live["state"] == "ringing"
    sandbox.advance(65)  # by default a call rings 5 s, then talks 60 s
    logs = extend(base, JANE, "switchvox.users.callLogs.search", account_id=me["account_id"], **ALL_TIME)
    assert (logs["calls"]["call"]["to"], logs["calls"]["call"]["talk_duration"]) == ("Bob Jones <101>", "60")


def test_a_test_picks_the_call_path(sandbox: SandboxHandle) -> None:
    sandbox.load({"switchvox": {"settings": [{"id": "system", "calls": {"outcome": "busy"}}]}})
    base = sandbox.url("switchvox")
    extend(base, ADMIN, "switchvox.call", dial_first="100", dial_second="101", dial_as_account_id="1101")
    logs = extend(base, ADMIN, "switchvox.callLogs.search", **ALL_TIME)
    assert logs["calls"]["call"]["events"]["event"][-1]["display"] == "Busy"
