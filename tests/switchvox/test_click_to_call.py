"""The click-to-call story through Digium's own client, pyswitchvox 0.0.1, unchanged, over TLS.

A CRM logs in as the user's extension, asks users.getMyInfo for its account id, places a call with
users.call, an admin watches currentCalls.getList and hangs up, and both pull the call logs.
pyswitchvox sends any method name: `client.users.call(...)` posts `switchvox.users.call`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import requests
from pyswitchvox.client import Client, ExtendAPIError

from sandbox.testing import ServerThread

pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")


@pytest.fixture
def address(pbx: ServerThread, request: pytest.FixtureRequest) -> str:
    """What pyswitchvox is given: host:port/t/<a tenant of this test's own>."""
    return f"{pbx.host}:{pbx.port}/t/click-to-call-{request.node.name}"


def clock(address: str, **change: Any) -> datetime:
    """Change the tenant's clock through the control plane; its time now."""
    url = f"https://{address}/__sandbox/clock"
    answer = requests.post(url, json=change, verify=False, timeout=30) if change else None
    now = (answer or requests.get(url, verify=False, timeout=30)).json()["now"]
    return datetime.fromisoformat(now.replace("Z", "+00:00")).replace(tzinfo=None)


def as_list(node: Any) -> list[Any]:
    """One item (an object) or several (an array) as a list."""
    return node if isinstance(node, list) else [node]


def test_click_to_call_then_hang_up_then_the_call_log(address: str) -> None:
    placed_at = clock(address, freeze=True)
    window = {
        "start_date": (placed_at - timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S"),
        "end_date": (placed_at + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S"),
    }
    with Client(address, "100", "web100") as crm, Client(address, "admin", "admin") as admin:
        me = crm.users.getMyInfo()["result"]["extension"]
        assert (me["number"], me["account_id"]) == ("100", "1101")

        info = crm.users.call(dial_first="100", dial_second="101", account_id=me["account_id"])
        assert info["result"]["call_info"]["dialed_second"] == "101"

        clock(address, advance_s=8)
        (live,) = as_list(admin.currentCalls.getList()["result"]["current_calls"]["current_call"])
        assert (live["state"], live["from_caller_id_number"], live["to_caller_id_number"]) == (
            "talking",
            "100",
            "101",
        )
        admin.currentCalls.hangUp(current_call_id=live["id"])
        assert admin.currentCalls.getList()["result"]["current_calls"] == {"total_items": "0"}

        mine = crm.users.callLogs.search(account_id=me["account_id"], **window)["result"]["calls"]
        (entry,) = as_list(mine["call"])
        assert (entry["to_number"], entry["total_duration"], entry["talk_duration"]) == ("101", "8", "3")
        everyone = admin.callLogs.search(**window)["result"]["calls"]
        assert as_list(everyone["call"])[0]["cdr_call_id"] == entry["id"]


def test_the_extension_is_refused_another_accounts_log(address: str) -> None:
    with Client(address, "100", "web100") as crm, pytest.raises(ExtendAPIError) as raised:
        crm.users.callLogs.search(
            account_id="1102", start_date="2024-01-01 00:00:00", end_date="2024-01-31 23:59:59"
        )
    assert raised.value.error_code == 27168
    assert str(raised.value) == "Your account is not permitted to run this action."


def test_the_extension_is_refused_admin_methods(address: str) -> None:
    with Client(address, "100", "web100") as crm, pytest.raises(ExtendAPIError) as raised:
        crm.currentCalls.getList()
    assert raised.value.error_code == 10403
