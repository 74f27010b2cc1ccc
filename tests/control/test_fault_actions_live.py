"""Every fault action over a real socket with a real client, under werkzeug and under gunicorn."""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlsplit

import pytest
import requests

from sandbox.faults import stream
from tests.control.support import FILE_RULE_PATH, NOTE_PATH, NUMBERS_PATH, Live


def cause_of(exc: BaseException) -> str:
    """The names of the errors a requests exception wraps (urllib3 keeps the socket error in args)."""
    names = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if isinstance(item, BaseException):
            names.append(type(item).__name__)
            todo.extend(item.args)
            todo.extend(x for x in (item.__cause__, item.__context__) if x is not None)
    return " ".join(names)


def test_reset_is_seen_by_the_client_as_a_connection_reset(live: Live) -> None:
    live.rule({"type": "reset"})
    with pytest.raises(requests.ConnectionError) as caught:
        live.get(NUMBERS_PATH)
    assert "ConnectionResetError" in cause_of(caught.value)


def test_empty_closes_without_a_response(live: Live) -> None:
    live.rule({"type": "empty"})
    with pytest.raises(requests.ConnectionError) as caught:
        live.get(NUMBERS_PATH)
    assert "RemoteDisconnected" in cause_of(caught.value)


def test_hang_without_ms_outlasts_the_clients_patience(live: Live) -> None:
    live.rule({"type": "hang"})
    with pytest.raises(requests.ReadTimeout):
        live.get(NUMBERS_PATH, timeout=0.5)


def test_hang_with_ms_ends_in_a_close_without_a_response(live: Live) -> None:
    live.rule({"type": "hang", "ms": 200})
    with pytest.raises(requests.ConnectionError) as caught:
        live.get(NUMBERS_PATH, timeout=10)
    assert "RemoteDisconnected" in cause_of(caught.value)
    (entry,) = live.journal()
    assert entry["cut"] == "hang"
    assert entry["duration_ms"] >= 200


def test_fixed_delay_holds_the_answer_at_least_that_long(live: Live) -> None:
    live.rule({"type": "delay", "ms": 150})
    response = live.get(NUMBERS_PATH)
    assert response.status_code == 401  # the vendor still answers: no token was sent
    (entry,) = live.journal()
    assert entry["fault_type"] == "delay"
    assert entry["duration_ms"] >= 150


@pytest.mark.parametrize(
    ("action", "quantile"),
    [
        ({"distribution": "uniform", "min_ms": 50, "max_ms": 150}, lambda u: 50 + u * 100),
        (
            {"distribution": "lognormal", "median_ms": 80, "sigma": 0.5},
            lambda u: stream.lognormal_ms(80, 0.5, u),
        ),
    ],
)
def test_random_delays_draw_from_the_rules_seeded_stream(live: Live, action: dict, quantile) -> None:  # type: ignore[no-untyped-def]
    rule = live.rule({"type": "delay", **action}, seed=11, id="jitter")
    live.get(NUMBERS_PATH)
    expected_ms = quantile(stream.uniform(11, rule["id"], 0))
    (entry,) = live.journal()
    assert entry["duration_ms"] >= expected_ms


def test_error_answers_in_the_vendors_envelope(live: Live) -> None:
    live.rule({"type": "error", "status": 503})
    response = live.get(NUMBERS_PATH)
    assert response.status_code == 503
    assert response.json() == {"success": False, "message": "Service Unavailable"}


def test_error_with_a_body_sends_that_body(live: Live) -> None:
    live.rule({"type": "error", "status": 502, "body": "<html>bad gateway</html>"})
    response = live.get(NUMBERS_PATH)
    assert (response.status_code, response.text) == (502, "<html>bad gateway</html>")


def test_vendor_error_is_the_vendors_documented_error(live: Live) -> None:
    live.rule({"type": "vendor_error", "code": "Incorrect hash"}, match={"vendor": "mor"})
    response = live.get("/mor/billing/api/autodialer_upload_numbers")
    assert response.status_code == 200  # MOR reports errors with HTTP 200
    assert "<error>Incorrect hash</error>" in response.text


def test_rate_limit_answers_429_with_retry_after(live: Live) -> None:
    live.rule({"type": "rate_limit", "limit": 2, "window_s": 60})
    statuses = [live.get(NUMBERS_PATH).status_code for _ in range(3)]
    refused = live.get(NUMBERS_PATH)
    assert statuses == [401, 401, 429]
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.json() == {"success": False, "message": "Too Many Requests"}


def test_malformed_body_does_not_parse(live: Live) -> None:
    live.rule({"type": "malformed"})
    response = live.get(NUMBERS_PATH)
    assert response.status_code == 401
    with pytest.raises(requests.JSONDecodeError):
        response.json()


def test_dribble_sends_the_whole_body_in_small_pieces(live: Live) -> None:
    expected = live.get(NUMBERS_PATH).content
    live.rule({"type": "dribble", "chunk_bytes": 8, "interval_ms": 60})
    parts = urlsplit(live.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(
            f"GET {parts.path}{NUMBERS_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
        )
        pieces = []
        while chunk := sock.recv(65536):
            pieces.append(chunk)
    body = b"".join(pieces).split(b"\r\n\r\n", 1)[1]
    assert body == expected
    assert len(pieces) >= 3  # 8-byte pieces 60 ms apart cannot all arrive in one read


def test_task_failure_waits_for_a_task_and_lets_other_requests_through(live: Live) -> None:
    live.rule({"type": "task_failure", "message": "MS job failed"})
    response = live.get(NUMBERS_PATH)
    assert response.status_code == 401
    (entry,) = live.journal()
    assert (entry["fault"], entry["applied"]) == (None, True)
    assert "starts or polls no Operator Connect task" in entry["fault_trace"][-1]["reason"]


def test_fault_file_rules_are_in_force_from_the_start(live: Live) -> None:
    response = live.get("/omilia" + FILE_RULE_PATH)
    assert response.status_code == 418


def test_a_request_cut_before_the_view_is_not_applied(live: Live) -> None:
    headers = {"Authorization": "Bearer " + live.token(), "Connection": "close"}
    live.rule({"type": "reset"}, match={"vendor": "omilia", "method": "PUT"})
    with pytest.raises(requests.ConnectionError):
        requests.put(live.url + NOTE_PATH, json={"number": "+12012049894", "note": "cut"}, headers=headers)
    listed = live.get(NUMBERS_PATH, headers=headers, params={"pageSize": 1000}).json()["numbers"]
    assert {n["number"]: n["note"] for n in listed}["+12012049894"] != "cut"
    (entry,) = live.journal(method="PUT")
    assert (entry["cut"], entry["applied"], entry["status"]) == ("reset", False, None)


def test_a_request_cut_after_the_view_is_applied(live: Live) -> None:
    headers = {"Authorization": "Bearer " + live.token(), "Connection": "close"}
    live.rule({"type": "empty", "when": "after"}, match={"vendor": "omilia", "method": "PUT"})
    with pytest.raises(requests.ConnectionError):
        requests.put(live.url + NOTE_PATH, json={"number": "+12012049894", "note": "cut"}, headers=headers)
    listed = live.get(NUMBERS_PATH, headers=headers, params={"pageSize": 1000}).json()["numbers"]
    assert {n["number"]: n["note"] for n in listed}["+12012049894"] == "cut"
    (entry,) = live.journal(method="PUT")
    assert (entry["cut"], entry["applied"]) == ("empty", True)


def test_the_server_keeps_serving_after_every_kind_of_cut(live: Live) -> None:
    for kind in ("reset", "empty"):
        rule = live.rule({"type": kind}, times=1)
        with pytest.raises(requests.ConnectionError):
            live.get(NUMBERS_PATH)
        assert live.http.delete(f"{live.url}/__sandbox/faults/{rule['id']}").status_code == 204
    assert live.get(NUMBERS_PATH).status_code == 401


def test_a_hanging_request_does_not_hold_up_its_tenant(live: Live) -> None:
    live.rule({"type": "hang", "ms": 2000}, match={"vendor": "omilia", "method": "PUT"})
    outcome: list[BaseException] = []

    def hang() -> None:
        try:
            requests.put(live.url + NUMBERS_PATH, timeout=10, headers={"Connection": "close"})
        except requests.RequestException as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=hang)
    waiter.start()
    try:
        assert live.get(NUMBERS_PATH).status_code == 401  # same tenant, answered meanwhile
        assert waiter.is_alive()
    finally:
        waiter.join(timeout=15)
    assert isinstance(outcome[0], requests.ConnectionError)
