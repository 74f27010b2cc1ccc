"""The production server is not frozen by idle or slow clients (more of them than worker threads)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest
import requests

from sandbox.gunicorn_worker import BODY_BUFFER_BYTES, request_ready
from sandbox.testing import ServeProcess

THREADS = 4


@pytest.fixture(scope="module")
def server() -> Iterator[ServeProcess]:
    """`serve` with its default server and only a few threads."""
    with ServeProcess("--threads", str(THREADS)) as process:
        yield process


def connect(server: ServeProcess) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    return sock


def read_response(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(
            line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        )
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def test_the_default_server_is_gunicorn(server: ServeProcess) -> None:
    assert requests.get(server.url + "/__sandbox/health", timeout=10).status_code == 200
    server.stop()
    assert "(gunicorn)" in server.output
    server.start()


def test_stalled_connections_beyond_the_thread_count_do_not_stop_answers(server: ServeProcess) -> None:
    stalled = []
    try:
        for i in range(4 * THREADS):
            sock = connect(server)
            if i % 3 == 0:
                sock.sendall(b"GET /__sandbox/health HTTP/1.1\r\nHost: loc")  # half a header line
            elif i % 3 == 1:
                body_head = b"POST /omilia/integrations/api/numbers HTTP/1.1\r\nHost: x\r\n"
                sock.sendall(body_head + b"Content-Length: 1000\r\n\r\n" + b"x" * 10)  # a body that stops
            stalled.append(sock)  # the rest connect and say nothing
        time.sleep(0.3)  # let the server see every one of them
        for _ in range(3):
            response = requests.get(server.url + "/__sandbox/health", timeout=5)
            assert response.status_code == 200
            assert response.json()["status"] == "ok"
    finally:
        for sock in stalled:
            sock.close()


def test_a_request_sent_slowly_in_pieces_is_answered(server: ServeProcess) -> None:
    with connect(server) as sock:
        for piece in (b"GET /__sandbox/hea", b"lth HTTP/1.1\r\nHo", b"st: x\r\n", b"\r\n"):
            sock.sendall(piece)
            time.sleep(0.05)
        response = read_response(sock)
    assert response.startswith(b"HTTP/1.1 200")
    assert json.loads(response.partition(b"\r\n\r\n")[2])["status"] == "ok"


def test_a_body_in_pieces_reaches_the_view_whole_and_the_connection_is_reused(server: ServeProcess) -> None:
    form = b"client_id=ocp&grant_type=password&username=owner&password=sandbox"
    head = (
        b"POST /omilia/auth/realms/ocp/protocol/openid-connect/token HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(form)
    )
    with connect(server) as sock:
        sock.sendall(head + form[:10])
        time.sleep(0.1)
        sock.sendall(form[10:])
        first = read_response(sock)
        sock.sendall(head + form)  # the same connection, kept alive
        second = read_response(sock)
    for response in (first, second):
        assert response.startswith(b"HTTP/1.1 200")
        assert json.loads(response.partition(b"\r\n\r\n")[2])["token_type"] == "bearer"


@pytest.mark.parametrize(
    ("data", "ready"),
    [
        (b"GET / HTTP/1.1\r\nHost: x", False),
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc", False),
        (b"POST / HTTP/1.1\r\ncontent-length:5\r\n\r\nabcde", True),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % (BODY_BUFFER_BYTES + 1), True),
    ],
)
def test_a_request_gets_a_thread_once_its_head_and_short_body_are_in(data: bytes, ready: bool) -> None:
    assert request_ready(data) is ready
