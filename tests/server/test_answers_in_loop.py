"""The production server answers cached reads in its event loop, and everything else as before."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from benchmarks.fixtures import NUMBERS_PAGE, OMILIA_TOKEN, OWNER_FORM, number_record
from sandbox.testing import ServeProcess
from tests.server.test_slow_clients import read_response

TOKEN = "/t/{t}" + OMILIA_TOKEN
PAGE = "/t/{t}" + NUMBERS_PAGE


@pytest.fixture(scope="module")
def server() -> Iterator[ServeProcess]:
    """`serve` (gunicorn) with one thread: what the event loop answers needs no thread."""
    with ServeProcess("--threads", "1") as process:
        yield process


def bearer(server: ServeProcess, tenant: str) -> str:
    answer = requests.post(server.url + TOKEN.format(t=tenant), data=OWNER_FORM, timeout=10)
    return "Bearer " + answer.json()["access_token"]


def raw_get(path: str, token: str, extra: str = "") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {token}\r\n{extra}\r\n".encode()


def count(server: ServeProcess, tenant: str) -> int:
    answer = requests.get(f"{server.url}/t/{tenant}/__sandbox/requests/count?vendor=omilia", timeout=10)
    return int(answer.json()["count"])


def test_repeated_reads_on_one_connection_are_answered_alike_and_journaled(server: ServeProcess) -> None:
    token = bearer(server, "loop-a")
    with requests.Session() as session:
        answers = [
            session.get(server.url + PAGE.format(t="loop-a"), headers={"Authorization": token}, timeout=10)
            for _ in range(20)
        ]
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert answers[-1].headers["Content-Type"] == answers[0].headers["Content-Type"]
    assert count(server, "loop-a") == 21  # and the token


def test_a_cached_read_is_answered_while_the_only_thread_is_held(server: ServeProcess) -> None:
    token = bearer(server, "loop-b")
    url = server.url + PAGE.format(t="loop-b")
    rule = {"match": {"vendor": "omilia"}, "action": {"type": "delay", "ms": 5000}, "times": 1}
    with requests.Session() as session:
        for _ in range(2):  # kept, and the connection kept alive
            assert session.get(url, headers={"Authorization": token}, timeout=10).status_code == 200
        slow_token = bearer(server, "loop-c")
        assert requests.post(f"{server.url}/t/loop-c/__sandbox/faults", json=rule, timeout=10).ok
        done = threading.Event()

        def slow() -> None:
            requests.get(
                server.url + PAGE.format(t="loop-c"), headers={"Authorization": slow_token}, timeout=20
            )
            done.set()

        holder = threading.Thread(target=slow)
        holder.start()
        try:
            time.sleep(0.5)  # let the delayed request take the thread (it holds it for 5 s)
            fast = session.get(url, headers={"Authorization": token}, timeout=10)
            held = not done.is_set()
        finally:
            holder.join()
    assert fast.status_code == 200
    assert held, "the cached read waited for the thread"
    assert done.is_set()


def test_pipelined_requests_are_answered_in_order(server: ServeProcess) -> None:
    token = bearer(server, "loop-d")
    path = PAGE.format(t="loop-d")
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(raw_get(path, token))
        first = read_response(sock)
        sock.sendall(raw_get(path, token) + raw_get("/__sandbox/health", "x"))
        second, third = read_response(sock), read_response(sock)
    assert first.split(b"\r\n\r\n", 1)[1] == second.split(b"\r\n\r\n", 1)[1]
    assert b'"status"' in third.split(b"\r\n\r\n", 1)[1]


def test_a_request_in_pieces_on_a_kept_alive_connection_is_answered(server: ServeProcess) -> None:
    token = bearer(server, "loop-e")
    request = raw_get(PAGE.format(t="loop-e"), token)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(request)
        whole = read_response(sock)
        sock.sendall(request[:40])
        sock.sendall(request[40:])
        pieces = read_response(sock)
    assert pieces.split(b"\r\n\r\n", 1)[1] == whole.split(b"\r\n\r\n", 1)[1]


def test_connection_close_is_honoured(server: ServeProcess) -> None:
    token = bearer(server, "loop-f")
    path = PAGE.format(t="loop-f")
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(raw_get(path, token))
        read_response(sock)
        sock.sendall(raw_get(path, token, "Connection: close\r\n"))
        last = read_response(sock)
        assert b"connection: close" in last.lower()
        assert sock.recv(1024) == b""  # the server closed it


def test_a_write_between_reads_is_seen_through_the_server(server: ServeProcess) -> None:
    token = bearer(server, "loop-g")
    headers = {"Authorization": token}
    url = server.url + PAGE.format(t="loop-g")
    with requests.Session() as session:
        page = session.get(url, headers=headers, timeout=10).json()
        session.get(url, headers=headers, timeout=10)
        note = {"number": page["numbers"][0]["number"], "note": "written"}
        note_url = f"{server.url}/t/loop-g/omilia/integrations/api/number/note"
        assert session.put(note_url, headers=headers, json=note, timeout=10).status_code == 200
        after = session.get(url, headers=headers, timeout=10).json()
    assert after["numbers"][0]["note"] == "written"


def test_every_answer_has_its_request_log_line(server: ServeProcess) -> None:
    token = bearer(server, "loop-h")
    with requests.Session() as session:
        for _ in range(5):
            session.get(server.url + PAGE.format(t="loop-h"), headers={"Authorization": token}, timeout=10)
    server.stop()
    lines = [line for line in server.output.splitlines() if '"GET /omilia/integrations/api/numbers' in line]
    server.start()
    assert len([line for line in lines if " 200 " in line]) >= 5
    assert all("pageSize" not in line and "Bearer" not in line for line in lines)


def test_a_large_kept_answer_to_a_small_receive_window_arrives_whole() -> None:
    with ServeProcess("--threads", "4") as big:
        root = f"{big.url}/t/loop-big"
        state = requests.get(f"{root}/__sandbox/state", timeout=10).json()
        state["omilia"]["numbers"] = [number_record(i) for i in range(800)]  # a page of about 210 KB
        assert requests.put(f"{root}/__sandbox/state", json=state, timeout=30).ok
        token = bearer(big, "loop-big")
        request = raw_get("/t/loop-big/omilia/integrations/api/numbers?page=1&pageSize=800", token)
        with socket.create_connection(("127.0.0.1", big.port), timeout=10) as other:
            other.sendall(request)
            first = read_response(other)  # computed, and kept
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a client that takes little at once
            sock.settimeout(10)
            sock.connect(("127.0.0.1", big.port))
            sock.sendall(raw_get("/__sandbox/health", "x"))
            read_response(sock)  # a small answer: the server's send buffer for this client stays small
            sock.sendall(request)  # kept: answered from the loop
            time.sleep(0.3)
            health = requests.get(big.url + "/__sandbox/health", timeout=5)  # the loop is not held
            second = read_response(sock)
    assert health.status_code == 200
    assert len(first) > 200_000
    assert second.split(b"\r\n\r\n", 1)[1] == first.split(b"\r\n\r\n", 1)[1]


def test_what_the_socket_cannot_take_at_once_a_thread_sends() -> None:
    """The loop's send does not block: the rest of a kept answer goes to a thread (unit-level: a
    localhost TCP socket takes a whole kept answer at once, so a socketpair with a small buffer
    stands in for a client that reads slowly)."""
    import collections
    import selectors
    from concurrent.futures import ThreadPoolExecutor
    from datetime import datetime
    from types import SimpleNamespace

    from sandbox.gunicorn_worker import BufferedConn, SandboxWorker

    server_end, client_end = socket.socketpair()
    server_end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    server_end.setblocking(False)
    conn = BufferedConn.__new__(BufferedConn)
    conn.sock, conn.buffer, conn.cfg = server_end, bytearray(), SimpleNamespace(keepalive=5)
    finished: list[bool] = []
    worker = SandboxWorker.__new__(SandboxWorker)
    worker.nr = 0
    worker.poller = selectors.DefaultSelector()
    worker.poller.register(server_end, selectors.EVENT_READ)
    worker.keepalived_conns = collections.deque([conn])
    worker.tpool = ThreadPoolExecutor(1)
    worker.method_queue = SimpleNamespace(defer=lambda _finish, _conn, fut: finished.append(fut.result()))
    worker.log = SimpleNamespace(access=lambda *args: None)
    payload = b"x" * 1_000_000
    response = SimpleNamespace(
        default_headers=lambda: ["HTTP/1.1 200 OK\r\n"],
        headers=[("Content-Length", str(len(payload)))],
        _omits_body=False,
        headers_sent=False,
        sent=0,
    )
    try:
        assert worker._send_in_loop(conn, None, response, {}, payload, datetime.now())  # returns at once
        assert conn not in worker.keepalived_conns  # a thread has it now
        received = b""
        client_end.settimeout(10)
        while len(received) < len(payload) + 40:
            chunk = client_end.recv(65536)
            if not chunk:
                break
            received += chunk
        worker.tpool.shutdown(wait=True)
    finally:
        server_end.close()
        client_end.close()
    assert received.endswith(payload) and received.startswith(b"HTTP/1.1 200 OK\r\n")
    assert finished == [True]  # the connection goes back to the loop, kept alive


def test_a_broken_request_after_a_kept_answer_gets_the_servers_400_and_changes_nothing(
    server: ServeProcess,
) -> None:
    token = bearer(server, "loop-i")
    path = PAGE.format(t="loop-i")
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(raw_get(path, token))
        before = read_response(sock)
        sock.sendall(raw_get(path, token))
        read_response(sock)  # kept, and answered again
        sock.sendall(b"GET /no spaces allowed here HTTP/1.1\r\nHost: x\r\n\r\n")
        broken = sock.recv(65536)
    assert broken.startswith(b"HTTP/1.1 400")
    with requests.Session() as session:
        after = session.get(server.url + path, headers={"Authorization": token}, timeout=10)
    assert after.status_code == 200
    assert after.content == before.split(b"\r\n\r\n", 1)[1]
