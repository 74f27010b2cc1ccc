"""The sandbox as a WSGI module, for other servers than its own: `granian benchmarks.sandbox_wsgi:app`."""

from __future__ import annotations

from sandbox.app import create_app

app = create_app()
