"""gunicorn's logger, with the request log written cheaply: one line, one system call, no lock.

gunicorn's own `access` builds a dict of every atom it knows (each request header, each environ
variable) and passes it through `logging`, whose handler lock every thread waits on: under load a
third of a request's time. The sandbox's line has a fixed format (`ACCESS_FORMAT`), so it is written
directly: `os.write` of a line shorter than a pipe's buffer is atomic, so lines of concurrent
threads never interleave. Any other configuration (another format, a log file) is gunicorn's own.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Any

from gunicorn.glogging import Logger

ACCESS_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'
"""The path without its query: a query may carry a secret (MOR's hash, a password)."""
LINE_CHARS = 2048
"""A longer line (a long path or user agent) is cut, so that it stays one atomic write."""


class SandboxLogger(Logger):  # type: ignore[misc]
    """gunicorn's Logger; the request line of `ACCESS_FORMAT` on stdout goes out in one write."""

    def __init__(self, cfg: Any) -> None:
        super().__init__(cfg)
        self._second = -1
        self._stamp = ""

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        """Log one request (see the module's docstring)."""
        if not self.access_log_enabled:
            return
        if self.cfg.access_log_format != ACCESS_FORMAT or self.cfg.accesslog != "-":
            super().access(resp, req, environ, request_time)
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        sent = getattr(resp, "sent", None)
        ms = request_time.seconds * 1000 + request_time.microseconds // 1000
        line = (
            f"{environ.get('REMOTE_ADDR', '-')} {self._now()} "
            f'"{environ.get("REQUEST_METHOD")} {environ.get("PATH_INFO")} {environ.get("SERVER_PROTOCOL")}" '
            f"{status} {sent if sent is not None else '-'} {ms}ms "
            f'"{environ.get("HTTP_USER_AGENT", "-")}"'
        )
        data = line[:LINE_CHARS].encode("utf-8", "replace") + b"\n"
        with contextlib.suppress(OSError, ValueError):  # stdout closed: the request was served all the same
            os.write(sys.stdout.fileno(), data)

    def _now(self) -> str:
        """The time as Apache's common log format writes it, made once a second."""
        now = int(time.time())
        if now != self._second:
            self._stamp = time.strftime("[%d/%b/%Y:%H:%M:%S %z]", time.localtime(now))
            self._second = now
        return self._stamp
