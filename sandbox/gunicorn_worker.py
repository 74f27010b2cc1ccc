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

An answer whose whole body comes in one piece of its declared length goes out with its head in one
system call (`OneWriteResponse`); gunicorn sends the head and the body apart. Any other answer (a
dribbled body, chunked) is sent as gunicorn sends it.

A request on a kept-alive connection that the answer cache can answer (sandbox.core.answer_cache)
is answered in the event loop itself (`answer_in_loop`): handing it to a thread and the connection
back to the loop costs ten times what answering it does. Only a whole request, alone in what was
read, of HTTP/1.1 without `Connection: close` is; anything else (a miss, a partial or pipelined
request, TLS, a stopping worker, an answer the socket cannot take at once) goes to a thread as
before, with the bytes already read.
"""

from __future__ import annotations

import contextlib
import errno
import io
import re
import selectors
import socket
import time
from datetime import datetime
from functools import partial
from typing import Any

from gunicorn import util
from gunicorn.http import wsgi
from gunicorn.http.errors import ParseException
from gunicorn.http.parser import RequestParser
from gunicorn.workers.gthread import _DEFER, TConn, ThreadWorker

from sandbox.core.answer_cache import ANSWER_ONLY, MISS

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
        if self.buffer and request_state(self.buffer) != "partial":
            self.whole = request_state(self.buffer) == "whole"
            return True  # the event loop read the request already
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


class _Bytes:
    """A socket-like source of bytes already read, for gunicorn's parser."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def recv(self, size: int) -> bytes:
        data, self.data = self.data[:size], self.data[size:]
        return data


_LOOP_UNSAFE = re.compile(rb"\n(upgrade|transfer-encoding|expect)[ \t]*:", re.IGNORECASE)
"""Headers of a request the loop leaves to a thread (`Connection: close` the parser sees)."""


class OneWriteResponse(wsgi.Response):  # type: ignore[misc]
    """gunicorn's Response; a body written whole, of its declared length, goes out with the head."""

    def write(self, arg: bytes) -> None:
        """Send the head and `arg` together when `arg` is the whole body; else as gunicorn does."""
        whole = (
            not self.headers_sent
            and not self.chunked
            and isinstance(arg, bytes)
            and self.response_length is not None
            and len(arg) == self.response_length
            and not self._omits_body
        )
        if not whole:
            super().write(arg)
            return
        self.headers_sent = True
        self.sent += len(arg)
        util.write(self.sock, head_bytes(self) + arg)


def head_bytes(response: Any) -> bytes:
    """The status line and headers gunicorn's `send_headers` would send for `response`."""
    head = response.default_headers()
    head.extend(f"{name}: {value}\r\n" for name, value in response.headers)
    return util.to_bytestring("".join(head) + "\r\n", "latin-1")  # type: ignore[no-any-return]


def _one_write(app: Any) -> Any:
    """`app`, its answers sent by OneWriteResponse (the response is `start_response`'s object)."""

    def serve(environ: dict[str, Any], start_response: Any) -> Any:
        response = getattr(start_response, "__self__", None)
        if type(response) is wsgi.Response:
            response.__class__ = OneWriteResponse
        return app(environ, start_response)

    return serve


class SandboxWorker(ThreadWorker):  # type: ignore[misc]
    """gthread, but a thread never waits for a client to finish sending its request."""

    answers_in_loop = False
    """Whether the app is a sandbox with its answer cache on (then kept answers are given in the loop)."""
    sandbox: Any = None

    def load_wsgi(self) -> None:
        """The app, its whole answers sent with their heads in one write."""
        super().load_wsgi()
        # Only the sandbox's app knows ANSWER_ONLY; any other app is served by threads alone.
        self.sandbox = getattr(self.wsgi, "extensions", {}).get("sandbox")
        self.answers_in_loop = self.sandbox is not None and self.sandbox.answer_config.size > 0
        self.wsgi = _one_write(self.wsgi)

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

    def on_client_socket_readable(self, conn: Any, client: Any) -> None:
        """A kept-alive connection has bytes: answer in the loop if the cache can, else as gthread does."""
        loop = self.answers_in_loop and self.sandbox.answers_kept and self.alive
        if loop and isinstance(conn, BufferedConn) and not self.cfg.is_ssl:
            ready = conn.fill()  # what has arrived, read without blocking
            if ready is False:
                return  # a partial request: the connection waits in the loop (its keep-alive timeout runs)
            if ready and conn.whole and self.answer_in_loop(conn):
                return
        super().on_client_socket_readable(conn, client)

    def answer_in_loop(self, conn: BufferedConn) -> bool:
        """Answer the buffered request from the answer cache, in the loop; False if it cannot be."""
        raw = bytes(conn.buffer)
        end = raw.find(b"\r\n\r\n")
        if end < 0 or not raw.startswith((b"GET ", b"POST ")) or _LOOP_UNSAFE.search(raw, 0, end + 2):
            return False
        if self.nr + 1 >= self.max_requests or conn.parser is None or conn.parser.unreader.buf.getvalue():
            return False
        try:
            source = _Bytes(raw)
            parser = RequestParser(self.cfg, source, conn.client)
            req = next(parser)
            if req.version != (1, 1) or req.should_close():
                return False
            body = req.body.read()
            declared = next((value for name, value in req.headers if name == "CONTENT-LENGTH"), "0")
            if source.data or parser.unreader.buf.getvalue() or len(body) != int(declared):
                return False  # a pipelined request follows, or the body is not all here
            started = datetime.now()
            resp, environ = wsgi.create(req, conn.sock, conn.client, conn.server, self.cfg)
            environ["wsgi.multithread"] = True
            environ["wsgi.input"] = io.BytesIO(body)
            environ[ANSWER_ONLY] = True
            resp.__class__ = OneWriteResponse
            result = self.wsgi(environ, resp.start_response)
            if result is MISS or not resp.status:
                return False
            payload = b"".join(result)
        except (ParseException, OSError, ValueError):
            return False  # gunicorn's thread path answers it (its 400 for a bad request)
        except Exception:
            self.log.exception("answering from the answer cache in the event loop")
            return False
        return self._send_in_loop(conn, req, resp, environ, payload, started)

    def _send_in_loop(
        self, conn: BufferedConn, req: Any, resp: Any, environ: dict[str, Any], payload: bytes, started: Any
    ) -> bool:
        """Send a cached answer without blocking; what the socket cannot take, a thread sends."""
        conn.buffer.clear()
        self.nr += 1
        data = head_bytes(resp) + (b"" if resp._omits_body else payload)
        resp.headers_sent = True
        resp.sent = len(payload)
        try:
            sent = conn.sock.send(data)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._drop(conn)
            return True
        self.log.access(resp, req, environ, datetime.now() - started)
        if sent < len(data):
            self.poller.unregister(conn.sock)
            self.keepalived_conns.remove(conn)
            future = self.tpool.submit(self._send_rest, conn, data[sent:])
            future.add_done_callback(lambda fut: self.method_queue.defer(self.finish_request, conn, fut))
            return True
        conn.set_timeout()
        self.keepalived_conns.remove(conn)  # kept in timeout order: murder_keepalived reads the oldest first
        self.keepalived_conns.append(conn)
        return True

    def _send_rest(self, conn: BufferedConn, rest: bytes) -> bool:
        """In a thread: send what the socket could not take at once (True: keep the connection)."""
        try:
            conn.sock.settimeout(READ_TIMEOUT_S)
            conn.sock.sendall(rest)
        except OSError:
            return False
        return True

    def _drop(self, conn: BufferedConn) -> None:
        with contextlib.suppress(OSError, KeyError, ValueError):
            self.poller.unregister(conn.sock)
        with contextlib.suppress(ValueError):
            self.keepalived_conns.remove(conn)
        self.nr_conns -= 1
        conn.close()

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
