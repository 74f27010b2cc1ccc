"""gunicorn's threaded worker, made safe against idle and slow clients.

The stock gthread worker gives a thread to a connection as soon as its first bytes arrive (a new
one even before, for up to 5 s); the thread then blocks until the request head is complete. Sixteen
clients that each send half a header line and wait hold sixteen threads, and the server answers no
one. In this worker a thread never waits for a client: a new connection waits in the event loop
until it is readable, and a thread reads only what has arrived, without blocking; while the head
(and a body of known, moderate length) is incomplete, the connection goes back to the event loop,
holding no thread. A client that has not completed its head `HEAD_TIMEOUT_S` after starting it is
disconnected; a thread that still has to read from the client (a large or chunked body, TLS) does
so with `READ_TIMEOUT_S`. (An earlier version read in the event loop itself: each read there
released the GIL and waited up to a switch interval to get it back from busy threads, which halved
the sandbox's throughput.)

The thread serves the request on the client's own socket (`environ["gunicorn.socket"]`), which the
connection-level fault actions (reset, empty, hang, dribble) need.
"""

from __future__ import annotations

import contextlib
import errno
import re
import selectors
import socket
import time
from functools import partial
from typing import Any

from gunicorn.workers.gthread import _DEFER, TConn, ThreadWorker

HEAD_TIMEOUT_S = 10.0
"""How long a client has, from its connection or the first bytes of a request, to send the whole head."""
READ_TIMEOUT_S = 30.0
"""The longest a thread waits for the client's next bytes (a body it reads itself)."""
BODY_BUFFER_BYTES = 1024 * 1024
"""Bodies of known length up to this size are read, without blocking, before the request is served."""
HEAD_LIMIT_BYTES = 256 * 1024
"""A head longer than this is handed on unfinished: gunicorn's parser refuses it."""
RECV_BYTES = 256 * 1024

_HEAD_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"\ncontent-length[ \t]*:[ \t]*(\d+)", re.IGNORECASE)
_NEEDS_THREAD = re.compile(rb"\n(transfer-encoding[ \t]*:|expect[ \t]*:[ \t]*100-continue)", re.IGNORECASE)


def request_state(buffer: bytes | bytearray) -> str:
    """`partial` (wait for more), `whole` (head and body are in), or `streamed` (a thread reads the rest)."""
    end = _HEAD_END.search(buffer)
    if end is None:
        return "streamed" if len(buffer) > HEAD_LIMIT_BYTES else "partial"
    head = bytes(buffer[: end.start()])
    if _NEEDS_THREAD.search(head):
        return "streamed"  # a chunked body or a client awaiting 100 Continue: the thread reads it
    length = _CONTENT_LENGTH.search(head)
    if length is None:
        return "whole"
    size = int(length.group(1))
    if size > BODY_BUFFER_BYTES:
        return "streamed"
    return "whole" if len(buffer) - end.end() >= size else "partial"


def request_ready(buffer: bytes | bytearray) -> bool:
    """Whether `buffer` holds enough of a request to give it a thread without risking a stall."""
    return request_state(buffer) != "partial"


class BufferedConn(TConn):  # type: ignore[misc]
    """A connection whose request bytes may already have been read, without blocking, by a thread."""

    def __init__(self, cfg: Any, sock: Any, client: Any, server: Any) -> None:
        super().__init__(cfg, sock, client, server)
        self.buffer = bytearray()
        self.deadline = time.monotonic() + HEAD_TIMEOUT_S
        self.whole = False
        """Whether the request being served was read whole (then no read can stall the thread)."""

    def init(self) -> None:
        """Set up the parser (gunicorn's), then give it what was read so far."""
        super().init()
        if not self.whole:
            with contextlib.suppress(OSError):
                self.sock.settimeout(READ_TIMEOUT_S)
        if self.buffer:
            self.parser.unreader.unread(bytes(self.buffer))
            self.buffer.clear()
        self.whole = False

    def fill(self) -> bool | None:
        """Read what has arrived, without blocking: True once a request can be served, None at EOF."""
        if self.parser is not None and self.parser.unreader.buf.getvalue():
            return True  # bytes read ahead already (a pipelined request): the parser has them
        if not self.buffer:
            self.deadline = time.monotonic() + HEAD_TIMEOUT_S
        try:
            while True:
                data = self.sock.recv(RECV_BYTES, socket.MSG_DONTWAIT)
                if not data:
                    return None
                self.buffer += data
                state = request_state(self.buffer)
                if state != "partial":
                    self.whole = state == "whole"
                    return True
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            return None


class SandboxWorker(ThreadWorker):  # type: ignore[misc]
    """gthread, but a thread never waits for a client to finish sending its request."""

    def accept(self, listener: Any) -> None:
        """Accept a connection; it gets a thread once it has something to read."""
        try:
            client_sock, client_addr = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = BufferedConn(self.cfg, client_sock, client_addr, listener.getsockname())
        conn.timeout = conn.deadline
        self.pending_conns.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn))

    def handle(self, conn: Any) -> Any:
        """Serve the connection's request once it has arrived; until then, give it back to the loop."""
        if isinstance(conn, BufferedConn) and not self.cfg.is_ssl:
            ready = conn.fill()
            if ready is None:
                return False  # the client went away
            if not ready:
                return _DEFER
        return super().handle(conn)

    def murder_pending(self) -> None:
        """Close connections whose request head is overdue (gunicorn closes those idle too long)."""
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.pending_conns if getattr(c, "deadline", now + 1) <= now]:
            self.pending_conns.remove(conn)
            with contextlib.suppress(OSError, KeyError, ValueError):
                self.poller.unregister(conn.sock)
            self.nr_conns -= 1
            conn.close()
