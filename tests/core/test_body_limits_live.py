"""Over a real socket, under both servers: a chunked body past the cap is a 413, not cut and processed."""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Iterator

import pytest

from sandbox import create_app
from sandbox.testing import ServeProcess, ServerThread

CAP = 1024 * 1024
TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
FORM = b"client_id=ocp&grant_type=password&username=owner&password=sandbox&pad="


@pytest.fixture(params=["werkzeug", "gunicorn"], scope="module")
def url(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "werkzeug":
        with ServerThread(create_app({"MAX_CONTENT_LENGTH": CAP})) as server:
            yield server.url
    else:
        with ServeProcess("--server", "gunicorn", env={"SANDBOX_MAX_CONTENT_LENGTH": str(CAP)}) as process:
            yield process.url


def send_chunked(url: str, total: int) -> tuple[int, dict[str, object]]:
    """POST a chunked form of `total` bytes to Omilia's token endpoint; the status and JSON body answered."""
    host, port = url.rsplit("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(
            f"POST {TOKEN_PATH} HTTP/1.1\r\nHost: {host}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        body = FORM + b"x" * (total - len(FORM))
        with contextlib.suppress(OSError):  # the server may close once it has answered
            for start in range(0, len(body), 64 * 1024):
                piece = body[start : start + 64 * 1024]
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            sock.sendall(b"0\r\n\r\n")
        reply = b""
        while b"\r\n\r\n" not in reply or len(reply.split(b"\r\n\r\n", 1)[1]) < content_length(reply):
            data = sock.recv(65536)
            if not data:
                break
            reply += data
    head, _, payload = reply.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(payload)


def content_length(reply: bytes) -> int:
    for line in reply.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def test_a_chunked_body_past_the_cap_is_omilias_413(url: str) -> None:
    status, body = send_chunked(url, 3 * CAP)
    assert status == 413
    assert body["error"] == "invalid_request"


def test_a_chunked_body_within_the_cap_is_served(url: str) -> None:
    status, body = send_chunked(url, CAP // 2)
    assert status == 200
    assert body["token_type"] == "bearer"
