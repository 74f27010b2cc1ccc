"""Connection-level faults: a TCP reset, a close without a response, a connection held open.

Both servers hand the application the client's socket: werkzeug as `environ["werkzeug.socket"]`,
gunicorn as `environ["gunicorn.socket"]`. A reset is SO_LINGER {on, 0} then close: the kernel sends
RST instead of FIN and the client reads ECONNRESET. An empty close is shutdown(SHUT_RDWR): the client
reads end-of-stream before any status line. The close is done by pointing the socket's descriptor
at a dead local socket (dup2): the TCP socket goes away at once, while the server keeps a valid
descriptor that it closes as usual, so no other connection can ever be hit by a reused descriptor
number, and nothing the server (or TLS) writes afterwards reaches the wire. The response iterator
then raises a ConnectionError, which both servers treat as a dropped connection.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import socket
import struct
import time
from collections.abc import Callable, Iterator
from typing import Any

SOCKET_KEYS = ("werkzeug.socket", "gunicorn.socket")


def client_socket(environ: dict[str, Any]) -> socket.socket | None:
    """The client's socket, if the server exposes it (the test client does not)."""
    for key in SOCKET_KEYS:
        sock = environ.get(key)
        if isinstance(sock, socket.socket):
            return sock
    return None


def reset(sock: socket.socket | None) -> None:
    """Abort the connection with a TCP RST, then stop the response."""
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        _drop(sock)
    raise ConnectionResetError(errno.ECONNRESET, "connection reset by fault injection")


def close_empty(sock: socket.socket | None) -> None:
    """Close the connection without a response (FIN, no status line), then stop the response."""
    if sock is not None:
        # An SSLSocket's own shutdown() would drop its TLS state first; the TCP one is what we want.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        _drop(sock)
    raise BrokenPipeError(errno.EPIPE, "connection closed by fault injection")


def _drop(sock: socket.socket) -> None:
    """Close the TCP socket now, leaving the server a dead socket (reads EOF, writes EPIPE) to close later."""
    try:
        dead, peer = socket.socketpair()
        peer.close()
        with dead:
            os.dup2(dead.fileno(), sock.fileno())
    except (OSError, ValueError, AttributeError):  # no descriptors to juggle: the server's close does it
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RD)


def hold(sock: socket.socket | None, seconds: float) -> None:
    """Say nothing for `seconds`, or until the client gives up and closes its end."""
    deadline = time.monotonic() + seconds
    probe = _probe(sock)
    try:
        while (left := deadline - time.monotonic()) > 0:
            if probe is None:
                time.sleep(min(left, 0.05))
                continue
            readable, _, _ = select.select([probe], [], [], min(left, 0.25))
            if readable and _client_gone(probe):
                return
            if readable:
                time.sleep(min(left, 0.05))
    finally:
        if probe is not None:
            probe.close()


def _probe(sock: socket.socket | None) -> socket.socket | None:
    """A plain duplicate of the socket's descriptor, to peek at TCP (a TLS socket refuses MSG_PEEK)."""
    if sock is None:
        return None
    try:
        return socket.fromfd(sock.fileno(), sock.family, sock.type)
    except (OSError, ValueError):
        return None


def _client_gone(probe: socket.socket) -> bool:
    try:
        return probe.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def cut_body(
    kind: str, sock: socket.socket | None, hang_s: float, on_cut: Callable[[], None] = lambda: None
) -> Iterator[bytes]:
    """The body of a cut response: it never yields; it resets, closes, or holds then closes.

    `on_cut` runs just before the connection goes (the journal takes the request's duration then).
    """
    if kind == "hang":
        hold(sock, hang_s)
    on_cut()
    if kind == "reset":
        reset(sock)
    close_empty(sock)
    yield b""  # pragma: no cover - never reached: the calls above raise
