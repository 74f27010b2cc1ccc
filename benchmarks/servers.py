"""How each server of the comparison is started: the sandbox, a bare Flask app, WireMock."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from benchmarks.harness import BIN, PYTHON, Server, ensure_wiremock, free_port, http, start

THREADS = 16

BARE_SERVERS: dict[str, list[str]] = {
    "gunicorn": [
        str(BIN / "gunicorn"), "-w", "1", "--threads", str(THREADS),
        "-k", "sandbox.gunicorn_worker.SandboxWorker", "--keep-alive", "5", "-b", "127.0.0.1:{port}", "{app}",
    ],
    "gunicorn-gthread": [
        str(BIN / "gunicorn"), "-w", "1", "--threads", str(THREADS), "-k", "gthread",
        "--keep-alive", "5", "-b", "127.0.0.1:{port}", "{app}",
    ],
    "waitress": [
        str(BIN / "waitress-serve"), f"--threads={THREADS}", "--listen=127.0.0.1:{port}", "{app}",
    ],
    "granian": [
        str(BIN / "granian"), "--interface", "wsgi", "--workers", "1", "--blocking-threads", str(THREADS),
        "--host", "127.0.0.1", "--port", "{port}", "--log-level", "warning", "{app}",
    ],
}  # fmt: skip
"""WSGI servers that can serve a module's `app`, by name (the sandbox's worker first)."""


def sandbox(
    *args: str, server: str = "gunicorn", env: dict[str, str] | None = None, port: int | None = None
) -> Server:
    """`python -m sandbox serve` (its CLI, as users start it) with `--server`."""
    port = port or free_port()
    argv = [PYTHON, "-m", "sandbox", "serve", "--port", str(port), "--server", server, *args]
    return start(f"sandbox ({server})", argv, port, env)


def wsgi(module_app: str, server: str, env: dict[str, str] | None = None) -> Server:
    """A WSGI `module:app` under one of BARE_SERVERS."""
    port = free_port()
    argv = [part.format(port=port, app=module_app) for part in BARE_SERVERS[server]]
    return start(f"{module_app} ({server})", argv, port, env)


def bare(body_file: Path, content_type: str, server: str = "gunicorn") -> Server:
    """The bare Flask app answering the bytes of `body_file`."""
    env = {"BENCH_BODY_FILE": str(body_file), "BENCH_CONTENT_TYPE": content_type}
    return wsgi("benchmarks.bare_app:app", server, env)


def wiremock(extra: Sequence[str] = ()) -> Server:
    """WireMock standalone (Java), with its defaults."""
    port = free_port()
    argv = ["java", "-jar", str(ensure_wiremock()), "--port", str(port), "--disable-banner", *extra]
    return start("wiremock", argv, port)


def stub(server: Server, path: str, body: bytes, content_type: str) -> None:
    """Make WireMock answer GET `path` with `body`, as a static stub."""
    mapping = {
        "request": {"method": "GET", "url": path},
        "response": {"status": 200, "body": body.decode(), "headers": {"Content-Type": content_type}},
    }
    headers = {"Content-Type": "application/json"}
    http("POST", f"{server.url}/__admin/mappings", json.dumps(mapping).encode(), headers)
