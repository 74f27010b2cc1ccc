"""The dialer on the sandbox clock: statistics, redial of failed calls, IVR poll results."""

from __future__ import annotations

from typing import Any

from sandbox.mor.models.reports import to_i
from tests.mor.conftest import Mor, page, sign

STATS = "autodialer_get_campaign_statistics"


WHOLE_PERIOD = {"period_start": "0", "period_end": "4102444800"}


def stats(mor: Mor, user: str = "campgain_user", campaign: str = "1", **period: str) -> dict[str, Any]:
    """Statistics over the whole epoch unless a period is given (today's default could cross midnight)."""
    params = {"u": user, "id": campaign, **(period or WHOLE_PERIOD)}
    return page(mor.call(STATS, params))


def run_all(mor: Mor, content: bytes = b"123456789\n222222222\n666666666\n888888888\n") -> None:
    """Upload, start, and let the dialer place every call (10 s apart)."""
    mor.freeze()
    mor.upload(content)
    assert page(mor.status()) == {"status": {"success": "Campaign started"}}
    mor.advance(3600)


def test_statistics_after_the_campaign_ran(mor: Mor) -> None:
    run_all(mor)
    body = stats(mor)["status"]
    assert body["campaign_name"] == "Campaign Nr 1"
    numbers = body["campaign_statistics"]
    assert numbers["total_numbers"] == "4"
    assert numbers["completed"] == "1"
    assert numbers["failed"] == "3"
    assert numbers["answered"] == {"answered_calls": "1", "answered_percent": "25%"}
    assert numbers["no_answer"] == {"no_answer_calls": "1", "no_answer_percent": "25%"}
    assert numbers["busy"] == {"busy_calls": "1", "busy_percent": "25%"}
    assert numbers["total_call_time"] == "15"  # last digit 2: billsec 5 * 3
    assert numbers["total_call_time_longer_than_10s"] == "15"


def test_calls_are_placed_one_per_wait_time(mor: Mor) -> None:
    mor.freeze()
    mor.upload(b"111\n222\n333\n")
    mor.status()
    mor.advance(10)  # calls at t0 and t0 + 10
    assert stats(mor)["status"]["campaign_statistics"]["answered"]["answered_calls"] == "2"


def test_statistics_without_numbers(mor: Mor) -> None:
    assert stats(mor) == {"error": "Campaign does not have any Numbers"}


def test_statistics_without_calls_in_the_period(mor: Mor) -> None:
    mor.upload()
    assert stats(mor) == {"error": "Campaign does not have any Calls in selected time period"}


def test_statistics_with_a_reversed_period(mor: Mor) -> None:
    mor.upload()
    assert stats(mor, period_start="200", period_end="100") == {
        "error": "Date from is greater than date till"
    }


def test_statistics_period_is_printed(mor: Mor) -> None:
    run_all(mor)
    body = stats(mor, period_start="0", period_end="4102444800")
    assert body["status"]["campaign_statistics"]["period"] == {
        "period_start": "1970-01-01 00:00:00",
        "period_end": "2100-01-01 00:00:00",
    }


def test_statistics_of_another_users_campaign_are_refused(mor: Mor) -> None:
    assert stats(mor, campaign="2") == {"error": "Campaign was not found"}


def test_admin_reads_any_campaigns_statistics(mor: Mor) -> None:
    run_all(mor)
    params = {"u": "admin", "id": "1", **WHOLE_PERIOD}
    body = page(mor.call(STATS, {**params, "hash": sign(STATS, params)}))
    assert body["status"]["campaign_statistics"]["total_numbers"] == "4"


def test_redial_all_failed_calls_uses_the_next_digit(mor: Mor) -> None:
    run_all(mor, b"13\n")  # attempt 1: last digit 3, ANSWERED
    run_params = {"u": "campgain_user", "id": "1"}
    assert page(mor.call("autodialer_redial_all_failed_calls", run_params)) == {
        "status": {"success": "All failed calls will be redialed"}
    }
    # 13 was answered on its first attempt: nothing to redial, still one call.
    assert stats(mor)["status"]["campaign_statistics"]["answered"]["answered_calls"] == "1"


def test_redial_calls_failed_numbers_again(mor: Mor) -> None:
    run_all(mor, b"19\n")  # attempt 1: digit 9 FAILED; attempt 2: digit 1 ANSWERED
    before = stats(mor)["status"]["campaign_statistics"]
    assert (before["failed"], before["completed"]) == ("1", "0")
    page(mor.call("autodialer_redial_all_failed_calls", {"u": "campgain_user", "id": "1"}))
    mor.advance(60)
    after = stats(mor)["status"]["campaign_statistics"]
    assert (after["failed"], after["completed"]) == ("0", "1")
    assert after["answered"] == {"answered_calls": "1", "answered_percent": "50%"}


def test_redial_of_another_users_campaign_is_refused(mor: Mor) -> None:
    response = mor.call("autodialer_redial_all_failed_calls", {"u": "campgain_user", "id": "2"})
    assert page(response) == {"error": "Campaign was not found"}


def test_ivr_poll_results_list_answered_calls(mor: Mor) -> None:
    run_all(mor, b"41\n52\n69\n")
    body = page(mor.call("autodialer_get_campaign_ivr_poll_results", {"u": "campgain_user", "id": "1"}))
    lines = body["status"]["ivr_poll_results_string"].split("\n")
    assert [line.split(",")[:2] for line in lines] == [["41", "4"], ["52", "5"]]


def test_ivr_poll_results_empty_before_any_call(mor: Mor) -> None:
    body = page(mor.call("autodialer_get_campaign_ivr_poll_results", {"u": "campgain_user", "id": "1"}))
    assert body == {"status": {"ivr_poll_results_string": None}}


def test_stopped_campaign_places_no_more_calls(mor: Mor) -> None:
    mor.freeze()
    mor.upload(b"111\n222\n333\n")
    mor.status()
    mor.status()  # stopped at once: only the call due at the start was placed
    mor.advance(3600)
    assert stats(mor)["status"]["campaign_statistics"]["answered"]["answered_calls"] == "1"


def test_numbers_uploaded_to_a_running_campaign_are_dialed_from_then(mor: Mor) -> None:
    run_all(mor, b"11\n")
    mor.upload(b"22\n33\n")
    mor.advance(5)  # 22 is due at once, 33 ten seconds later
    assert stats(mor)["status"]["campaign_statistics"]["answered"]["answered_calls"] == "2"
    mor.advance(5)
    assert stats(mor)["status"]["campaign_statistics"]["answered"]["answered_calls"] == "3"


def test_default_period_is_today_on_the_sandbox_clock(mor: Mor) -> None:
    mor.freeze()
    now = mor.client.get("/__sandbox/clock").get_json()["now"]
    hour, minute, second = (int(float(part)) for part in now[11:19].split(":"))
    mor.advance(86400 - (hour * 3600 + minute * 60 + second) + 60)  # 00:01 tomorrow, UTC
    mor.upload(b"11\n")
    mor.status()
    mor.advance(60)
    body = page(mor.call(STATS, {"u": "campgain_user", "id": "1"}))["status"]["campaign_statistics"]
    assert body["period"]["period_start"].endswith(" 00:00:00")
    assert body["period"]["period_end"].endswith(" 23:59:59")
    assert body["answered"]["answered_calls"] == "1"


def test_yesterdays_calls_are_outside_the_default_period(mor: Mor) -> None:
    run_all(mor, b"11\n")
    mor.advance(2 * 86400)
    body = page(mor.call(STATS, {"u": "campgain_user", "id": "1"}))
    assert body == {"error": "Campaign does not have any Calls in selected time period"}


def test_absurd_periods_are_clamped_not_a_server_error(mor: Mor) -> None:
    run_all(mor, b"11\n")
    body = stats(mor, period_start="-" + "9" * 400, period_end="9" * 400)
    assert body["status"]["campaign_statistics"]["period"] == {
        "period_start": "0001-01-01 00:00:00",
        "period_end": "9999-12-31 23:59:59",
    }


def test_period_bounds_read_ascii_digits_only() -> None:
    assert to_i("\u0663\u0663", 5) == 0  # Ruby's String#to_i: no leading ASCII digit reads as 0
    assert to_i(" 42abc", 5) == 42
