"""Running a sandbox on a real socket in a background thread (tests, the pytest plugin)."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from typing import Any

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

from sandbox.core.tenancy import WSGIApp


class ServerThread:
    """A threaded werkzeug server for `app` on host:port (port 0 picks a free one)."""

    def __init__(
        self,
        app: Flask | WSGIApp,
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.app = app
        self.server: BaseWSGIServer = make_server(host, port, app, threaded=True, ssl_context=ssl_context)
        self.server.daemon_threads = True
        self.host = host
        self.port = self.server.server_port
        self.scheme = "https" if ssl_context else "http"
        self._thread = threading.Thread(target=self.server.serve_forever, name="sandbox-server", daemon=True)

    @property
    def url(self) -> str:
        """The listener's base URL, e.g. http://127.0.0.1:54321."""
        return f"{self.scheme}://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        """Start serving in the background."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the socket."""
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class RootListeners:
    """Root listeners of one app, each pinned to a tenant: one per (vendor, tenant, tls), made on first use.

    They serve the same state as the app's main listener (another WSGI entry into the same app), on
    127.0.0.1 at free ports, TLS with this process's self-signed certificate. `close()` stops them all.
    """

    def __init__(self, app: Flask, host: str = "127.0.0.1") -> None:
        self.app = app
        self.host = host
        self._servers: dict[tuple[str, str, bool], ServerThread] = {}
        self._lock = threading.Lock()
        self._context: ssl.SSLContext | None = None

    @property
    def ca_bundle(self) -> str:
        """The PEM file of the CA that signed the TLS listeners' certificate."""
        from sandbox.tls import process_certificate

        return process_certificate().ca

    def address(self, vendor: str, tenant: str, tls: bool = True) -> str:
        """`"127.0.0.1:PORT"` of the listener serving `vendor` at its root, in `tenant`."""
        key = (vendor, tenant, tls)
        with self._lock:
            server = self._servers.get(key)
            if server is None:
                server = self._servers[key] = self._start(vendor, tenant, tls)
        return f"{server.host}:{server.port}"

    def _start(self, vendor: str, tenant: str, tls: bool) -> ServerThread:
        from sandbox.app import root_listener
        from sandbox.tls import process_certificate, server_context

        wsgi = root_listener(self.app, vendor, tenant)
        if tls and self._context is None:
            made = process_certificate()
            self._context = server_context(made.cert, made.key)  # one for every TLS listener
        return ServerThread(wsgi, self.host, 0, ssl_context=self._context if tls else None).start()

    def close(self) -> None:
        """Stop every listener."""
        with self._lock:
            servers, self._servers = list(self._servers.values()), {}
        for server in servers:
            server.stop()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on `host` right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class ServeProcess:
    """`python -m sandbox serve ARGS` as a child process on a free port, for tests of the real CLI.

    The environment's SANDBOX_* variables are dropped unless given in `env`. Leaving the `with`
    block sends SIGTERM (the server flushes its data file) and waits for the process to end. What the
    child prints goes to a temporary file, not a pipe, so a chatty server (its request log) never
    blocks on a full pipe nobody reads.
    """

    def __init__(
        self, *args: str, env: dict[str, str] | None = None, tls: bool = False, timeout: float = 30
    ) -> None:
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.args = [sys.executable, "-m", "sandbox", "serve", "--port", str(self.port), *args]
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SANDBOX_")}
        self.env.update(env or {})
        self.timeout = timeout
        self.process: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    def start(self) -> ServeProcess:
        """Start the process and wait until its health check answers."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop(), after the child ends)
        self.process = subprocess.Popen(self.args, env=self.env, stdout=self._log, stderr=subprocess.STDOUT)
        context = ssl._create_unverified_context()
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/__sandbox/health", timeout=1, context=context).close()
                return self
            except (OSError, http.client.HTTPException):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"the sandbox did not start: {self.output}") from None
                time.sleep(0.1)

    @property
    def output(self) -> str:
        """What the process printed (once it has ended)."""
        return self._output

    _output = ""

    def stop(self) -> None:
        """SIGTERM, then wait (SIGKILL after 15 s)."""
        proc = self.process
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if self._log is not None:
            self._log.seek(0)
            self._output = self._log.read().decode(errors="replace")
            self._log.close()
            self._log = None
        self.process = None

    def __enter__(self) -> ServeProcess:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
