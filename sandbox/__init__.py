"""telephony-sandbox: faithful, stateful stand-ins for telephony vendor APIs."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "create_app"]


def create_app(config: dict | None = None):  # type: ignore[no-untyped-def]
    """Build the sandbox WSGI application (see sandbox.app.create_app)."""
    from sandbox.app import create_app as _create_app

    return _create_app(config)
