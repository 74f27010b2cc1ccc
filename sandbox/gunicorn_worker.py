"""gunicorn's threaded worker, made safe against idle and slow clients.

The stock gthread worker gives a thread to a connection as soon as its first bytes arrive; the
thread then blocks until the request head is complete. Sixteen clients that each send half a
header line and wait hold sixteen threads, and the server answers no one. This worker reads each
request in its event loop instead, without a thread, until the head is complete (and a body of
known, moderate length with it), then hands the bytes to a thread, which parses them as usual.
A client that does not complete its head within `HEAD_TIMEOUT_S` is disconnected; a thread that
still has to read from the client (a large or chunked body, TLS) does so with `READ_TIMEOUT_S`.

The thread serves the request on the client's own socket (`environ["gunicorn.socket"]`), which the
connection-level fault actions (reset, empty, hang, dribble) need.
"""

from __future__ import annotations

import contextlib
import errno
import re
import selectors
import time
from functools import partial
from typing import Any

from gunicorn.workers.gthread import TConn, ThreadWorker

HEAD_TIMEOUT_S = 10.0
"""How long a client has, from its connection (or its previous answer), to send a whole request head."""
READ_TIMEOUT_S = 30.0
"""The longest a thread waits for the client's next bytes (a body it reads itself)."""
BODY_BUFFER_BYTES = 1024 * 1024
"""Bodies of known length up to this size are read in the event loop, before a thread is given."""
HEAD_LIMIT_BYTES = 256 * 1024
"""A head longer than this is handed on unfinished: gunicorn's parser refuses it."""
RECV_BYTES = 256 * 1024

_HEAD_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"\ncontent-length[ \t]*:[ \t]*(\d+)", re.IGNORECASE)
_NEEDS_THREAD = re.compile(rb"\n(transfer-encoding[ \t]*:|expect[ \t]*:[ \t]*100-continue)", re.IGNORECASE)


def request_ready(buffer: bytes | bytearray) -> bool:
    """Whether `buffer` holds enough of a request to give it a thread without risking a stall."""
    end = _HEAD_END.search(buffer)
    if end is None:
        return len(buffer) > HEAD_LIMIT_BYTES
    head = bytes(buffer[: end.start()])
    if _NEEDS_THREAD.search(head):
        return True  # a chunked body or a client awaiting 100 Continue: the thread reads it
    length = _CONTENT_LENGTH.search(head)
    if length is None:
        return True
    size = int(length.group(1))
    return size > BODY_BUFFER_BYTES or len(buffer) - end.end() >= size


class BufferedConn(TConn):  # type: ignore[misc]
    """A connection whose request bytes may already have been read by the event loop."""

    def __init__(self, cfg: Any, sock: Any, client: Any, server: Any) -> None:
        super().__init__(cfg, sock, client, server)
        self.buffer = bytearray()
        self.deadline = time.monotonic() + HEAD_TIMEOUT_S

    def init(self) -> None:
        """Set up the parser (gunicorn's), then give it what the event loop read."""
        super().init()
        with contextlib.suppress(OSError):
            self.sock.settimeout(READ_TIMEOUT_S)
        if self.buffer:
            self.parser.unreader.unread(bytes(self.buffer))
            self.buffer.clear()


class SandboxWorker(ThreadWorker):  # type: ignore[misc]
    """gthread, but a connection gets a thread only once its request has arrived."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reading: dict[BufferedConn, None] = {}

    def accept(self, listener: Any) -> None:
        """Accept a connection and read its first request in the event loop."""
        try:
            client_sock, client_addr = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = BufferedConn(self.cfg, client_sock, client_addr, listener.getsockname())
        if self.cfg.is_ssl:
            # The TLS handshake happens in the thread (gunicorn's own wait for the first bytes).
            self.enqueue_req(conn)
            return
        self._read_request(conn)

    def on_client_socket_readable(self, conn: BufferedConn, client: Any) -> None:
        """A kept-alive connection speaks again: read its request in the event loop."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        if self.cfg.is_ssl or not isinstance(conn, BufferedConn):
            self.enqueue_req(conn)
            return
        conn.deadline = time.monotonic() + HEAD_TIMEOUT_S
        self._read_request(conn)

    def _read_request(self, conn: BufferedConn) -> None:
        conn.sock.setblocking(False)
        self.reading[conn] = None
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))

    def _on_readable(self, conn: BufferedConn, sock: Any) -> None:
        try:
            data = sock.recv(RECV_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away before finishing its request
            self._drop(conn)
            return
        conn.buffer += data
        if request_ready(conn.buffer):
            self.poller.unregister(sock)
            del self.reading[conn]
            conn.data_ready = True
            self.enqueue_req(conn)

    def _drop(self, conn: BufferedConn) -> None:
        self.reading.pop(conn, None)
        with contextlib.suppress(OSError, KeyError, ValueError):
            self.poller.unregister(conn.sock)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        """Close connections whose request head is overdue, or all still reading once stopping."""
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.reading if c.deadline <= now or not self.alive]:
            self._drop(conn)
