"""Running a sandbox on a real socket in a background thread (tests, the pytest plugin)."""

from __future__ import annotations

import ssl
import threading
from typing import Any

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server


class ServerThread:
    """A threaded werkzeug server for `app` on host:port (port 0 picks a free one)."""

    def __init__(
        self, app: Flask, host: str = "127.0.0.1", port: int = 0, ssl_context: ssl.SSLContext | None = None
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
