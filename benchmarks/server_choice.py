"""Which WSGI server the sandbox runs on: each candidate measured the same way, in one run.

    python -m benchmarks.server_choice [--seconds S]

For each server: a bare Flask app's and the sandbox's throughput at 16 connections (the same page
of numbers), whether a `reset` fault reaches the client as a TCP reset (the connection-level faults
need the client's socket), and whether 64 stalled clients (half a header line, a body that stops,
nothing at all) keep it from answering a health check.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import time
from pathlib import Path

import requests

from benchmarks import fixtures, servers
from benchmarks.harness import Server, http, wrk

CANDIDATES = ("gunicorn", "gunicorn-gthread", "waitress", "granian")
STALLED = 64


def resets(server: Server) -> str:
    """Whether a `reset` rule reaches the client as a connection reset."""
    rule = b'{"match": {"vendor": "omilia"}, "action": {"type": "reset"}}'
    http("POST", f"{server.url}/t/probe/__sandbox/faults", rule, {"Content-Type": "application/json"})
    try:
        response = requests.get(f"{server.url}/t/probe/omilia/integrations/api/numbers", timeout=10)
    except requests.RequestException as exc:
        return "yes" if "reset" in repr(exc).lower() else f"no ({type(exc).__name__})"
    return f"no (answered {response.status_code})"


def stalls(server: Server, path: str) -> str:
    """Whether the server still answers while STALLED clients hold connections open."""
    host, port = server.url.rsplit("//", 1)[1].split(":")
    held = []
    try:
        for i in range(STALLED):
            sock = socket.create_connection((host, int(port)), timeout=10)
            if i % 3 == 0:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: lo")
            elif i % 3 == 1:
                sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab")
            held.append(sock)
        time.sleep(0.5)
        started = time.perf_counter()
        try:
            requests.get(server.url + path, timeout=15)
        except requests.RequestException:
            return "frozen (no answer in 15 s)"
        return f"answers ({time.perf_counter() - started:.2f} s)"
    finally:
        for sock in held:
            sock.close()


def measure(name: str, page_file: Path, seconds: float) -> list[str]:
    """The row of one server."""
    bare = servers.bare(page_file, "application/json", name)
    bare.wait("/")
    try:
        wrk(bare.url + fixtures.NUMBERS_PAGE, 16, 1)
        bare_rps = wrk(bare.url + fixtures.NUMBERS_PAGE, 16, seconds).rps
    finally:
        bare.stop()
    sandbox = servers.wsgi("benchmarks.sandbox_wsgi:app", name)
    sandbox.wait("/__sandbox/health")
    try:
        fixtures.freeze(sandbox.url, "bench")
        headers = {"Authorization": fixtures.omilia_bearer(sandbox.url, "bench")}
        url = f"{sandbox.url}/t/bench{fixtures.NUMBERS_PAGE}"
        wrk(url, 16, 1, headers=headers)
        mine = wrk(url, 16, seconds, headers=headers)
        reset = resets(sandbox)
        stalled = stalls(sandbox, "/__sandbox/health")
    finally:
        sandbox.stop()
    ratio = mine.rps / bare_rps if bare_rps else 0.0
    return [name, f"{bare_rps:,.0f}", f"{mine.rps:,.0f} ({ratio:.2f})", f"{mine.p99_ms:.1f}", reset, stalled]


def main(argv: list[str] | None = None) -> int:
    """Measure every candidate; print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--servers", nargs="*", default=list(CANDIDATES))
    args = parser.parse_args(argv)
    probe = servers.sandbox()
    probe.wait("/__sandbox/health")
    try:
        fixtures.freeze(probe.url, "bench")
        bearer = fixtures.omilia_bearer(probe.url, "bench")
        page = http("GET", f"{probe.url}/t/bench{fixtures.NUMBERS_PAGE}", headers={"Authorization": bearer})
    finally:
        probe.stop()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "page.json"
        page_file.write_bytes(page)
        print("| server | bare Flask req/s | sandbox req/s (/bare) | p99 ms | reset fault | 64 stalled |")
        print("|---|---|---|---|---|---|")
        for name in args.servers:
            print("| " + " | ".join(measure(name, page_file, args.seconds)) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
