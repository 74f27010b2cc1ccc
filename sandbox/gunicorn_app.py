"""Running the sandbox under gunicorn (the production server of the Docker image)."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication


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

    def load(self) -> Flask:
        """The WSGI app."""
        return self.application
