"""user_calls_get reports the calls the autodialer placed (the statistics' calls); local_calls_get."""

from __future__ import annotations

from typing import Any

from tests.mor.conftest import Mor, page, sign
from tests.mor.test_mor_dialing import WHOLE_PERIOD, run_all, stats


def calls(mor: Mor, **params: str) -> dict[str, Any]:
    return page(mor.call("user_calls_get", {"u": "campgain_user", **WHOLE_PERIOD, **params}))


def listed(body: dict[str, Any]) -> list[dict[str, str]]:
    found = body["calls_stat"]["calls"]
    if not found:
        return []
    rows = found["call"]
    return rows if isinstance(rows, list) else [rows]


def test_the_statistics_count_the_failed_calls_after_busy(mor: Mor) -> None:
    run_all(mor)
    numbers = stats(mor)["status"]["campaign_statistics"]
    assert list(numbers)[-2:] == ["busy", "fail"]
    assert numbers["fail"] == {"fail_calls": "1", "fail_percent": "25%"}


def test_user_calls_are_the_autodialers_calls(mor: Mor) -> None:
    run_all(mor)
    rows = listed(calls(mor, s_user="2"))
    assert [(r["dst"], r["disposition"], r["billsec"]) for r in rows] == [
        ("123456789", "FAILED", "0"),
        ("222222222", "ANSWERED", "15"),
        ("666666666", "NO ANSWER", "0"),
        ("888888888", "BUSY", "0"),
    ]
    assert {r["user_id"] for r in rows} == {"2"}
    body = calls(mor, s_user="2")["calls_stat"]
    assert (body["total_calls"], body["total_billsec"]) == ("4", "15")
    counts = stats(mor)["status"]["campaign_statistics"]
    assert int(counts["total_call_time"]) == int(body["total_billsec"])


def test_calls_appear_as_the_clock_moves_without_touching_the_campaign(mor: Mor) -> None:
    mor.freeze()
    mor.upload(b"111\n222\n333\n")
    mor.status()
    assert len(listed(calls(mor))) == 1
    mor.advance(10)
    assert len(listed(calls(mor))) == 2


def test_filters_and_order(mor: Mor) -> None:
    run_all(mor)
    assert [r["dst"] for r in listed(calls(mor, s_call_type="answered"))] == ["222222222"]
    assert [r["dst"] for r in listed(calls(mor, s_call_type="missed"))] == [
        "123456789",
        "666666666",
        "888888888",
    ]
    assert [r["dst"] for r in listed(calls(mor, s_destination="66"))] == ["666666666"]
    assert listed(calls(mor, order_desc="1"))[0]["dst"] == "888888888"
    one = listed(calls(mor))[1]["uniqueid"]
    assert [r["uniqueid"] for r in listed(calls(mor, s_uniqueid=one))] == [one]


def test_no_calls_is_an_empty_list(mor: Mor) -> None:
    body = calls(mor)
    assert listed(body) == []
    assert body["calls_stat"]["total_calls"] == "0"


def test_another_users_calls_are_not_found_but_the_admin_reads_them(mor: Mor) -> None:
    run_all(mor)
    assert calls(mor, s_user="3") == {"status": {"error": "User was not found"}}
    assert len(listed(calls(mor, u="admin", s_user="2"))) == 4
    assert len(listed(calls(mor, u="admin"))) == 4


def test_errors_are_inside_status(mor: Mor) -> None:
    assert calls(mor, hash="0" * 40) == {"status": {"error": "Incorrect hash"}}
    assert calls(mor, period_start="10", period_end="5") == {
        "status": {"error": "Date from is greater than date till"}
    }


def test_an_injected_vendor_error_uses_the_functions_envelope(mor: Mor) -> None:
    rule = {
        "match": {"vendor": "mor", "operation": "user_calls_get"},
        "action": {"type": "vendor_error", "code": "Access Denied"},
    }
    assert mor.client.post("/__sandbox/faults", json=rule).status_code == 201
    assert calls(mor) == {"status": {"error": "Access Denied"}}
    entry = mor.client.get("/__sandbox/requests", query_string={"vendor": "mor"}).get_json()["requests"][-1]
    assert (entry["operation"], entry["fault"] is not None) == ("user_calls_get", True)


LOCAL = {
    "id": "L1",
    "calldate": 1_700_000_000,
    "originator_user": "2",
    "originator_device": "SIP/101",
    "originator_caller_id": "101",
    "orignator_ip": "10.0.0.1",
    "orignator_channel": "SIP/101-0001",
    "terminator_user": "3",
    "terminator_device": "SIP/102",
    "terminator_ip": "10.0.0.2",
}


def local(mor: Mor, **params: str) -> dict[str, Any]:
    return page(mor.call("local_calls_get", {"u": "campgain_user", "s_user": "2", **params}))


def test_local_calls_of_the_period(mor: Mor) -> None:
    assert (
        mor.client.put(
            "/__sandbox/state",
            json={"mor": {**mor.client.get("/__sandbox/state").get_json()["mor"], "local_calls": [LOCAL]}},
        ).status_code
        == 200
    )
    call = local(mor, **{"from": "1699999999", "till": "1700000001"})["local_calls"]["call"]
    assert call["calldate"] == {"date": "2023-11-14 22:13:20", "timezone": "UTC"}
    assert (call["orignator_ip"], call["terminator_device"]) == ("10.0.0.1", "SIP/102")
    assert local(mor)["local_calls"] is None  # today has none


def test_local_calls_need_an_own_user(mor: Mor) -> None:
    assert local(mor, s_user="") == {"status": {"error": "User was not found"}}
    assert local(mor, s_user="3") == {"status": {"error": "User was not found"}}
    assert local(mor, u="admin", s_user="3")["local_calls"] is None


def test_another_tenant_sees_none_of_these_calls(mor: Mor) -> None:
    run_all(mor)
    response = mor.client.post(
        "/t/elsewhere/mor/billing/api/user_calls_get",
        query_string={"u": "campgain_user", **WHOLE_PERIOD, "hash": sign("user_calls_get", WHOLE_PERIOD)},
    )
    assert listed(page(response)) == []
