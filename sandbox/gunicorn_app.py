"""Running the sandbox under gunicorn, its production server (`serve`'s default and the Docker image's).

One worker process (the state lives in it) of `SandboxWorker` threads: gunicorn's gthread worker,
but a connection gets a thread only once its request has arrived (see sandbox.gunicorn_worker).
"""

from __future__ import annotations

import gc
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from sandbox import gunicorn_log


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """gunicorn serving an app that is already built (one worker: the state lives in it)."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Apply the options, and flush the store when the worker exits."""
        for name, value in self.options.items():
            self.cfg.set(name, value)
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn 23+ opens a control socket in the user's home; a sandbox needs none.
            self.cfg.set("control_socket_disable", True)
        store = self.application.extensions["sandbox"].store
        self.cfg.set("worker_exit", lambda server, worker: store.close())
        # The state was built before the fork: frozen, the worker's garbage collector leaves its
        # pages alone, so they stay shared with the master instead of being copied.
        self.cfg.set("pre_fork", lambda server, worker: gc.freeze())

    def load(self) -> Flask:
        """The WSGI app."""
        return self.application


WORKER_CLASS = "sandbox.gunicorn_worker.SandboxWorker"
ACCESS_FORMAT = gunicorn_log.ACCESS_FORMAT


def options(
    app: Flask, host: str, port: int, threads: int, cert: str | None, key: str | None
) -> dict[str, Any]:
    """gunicorn's settings for serving `app` on host:port."""
    settings: dict[str, Any] = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": 1,  # state lives in this process: one worker, many threads
        "threads": max(1, threads),
        "worker_class": WORKER_CLASS,
        "timeout": int(app.config["HANG_CAP_S"]) + 30,
        "graceful_timeout": 5,
        "keepalive": 5,
        "accesslog": "-",  # one line per request on stdout, as `docker logs` shows it
        "access_log_format": ACCESS_FORMAT,  # the path without its query (a query may carry a secret)
        "logger_class": "sandbox.gunicorn_log.SandboxLogger",
    }
    if cert:
        settings.update(certfile=cert, keyfile=key)
    return settings


def serve(app: Flask, host: str, port: int, threads: int, cert: str | None, key: str | None) -> int:
    """Serve `app` until SIGTERM or SIGINT; the store is flushed when the worker exits."""
    GunicornServer(app, options(app, host, port, threads, cert, key)).run()
    return 0
