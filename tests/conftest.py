"""Shared fixtures: an app per test, its test client, and a live server on a real socket."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.testing import ServerThread


@pytest.fixture
def app() -> Flask:
    """A fresh in-memory sandbox."""
    return create_app({"TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of `app`."""
    return app.test_client()


@pytest.fixture
def live_server(app: Flask) -> Iterator[ServerThread]:
    """`app` served on 127.0.0.1 at a free port, for real HTTP clients."""
    with ServerThread(app) as server:
        yield server
