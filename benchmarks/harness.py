"""What every benchmark needs: servers as child processes, the load generator (wrk), memory readings.

Servers listen on 127.0.0.1 only; every run of wrk is bounded in time.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "telephony-sandbox-benchmarks"
WIREMOCK_VERSION = "3.13.2"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ensure_wrk() -> str:
    """The path of wrk, installed from Debian's packages when missing."""
    found = shutil.which("wrk")
    if found:
        return found
    print("installing wrk (apt-get)...", file=sys.stderr, flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk") or "wrk"


def ensure_wiremock() -> Path:
    """WireMock's standalone jar, from the `wiremock` npm package (installed into a cache folder)."""
    jar = CACHE / "node_modules" / "wiremock" / "build" / f"wiremock-standalone-{WIREMOCK_VERSION}.jar"
    if not jar.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print("installing wiremock (npm)...", file=sys.stderr, flush=True)
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(CACHE), f"wiremock@{WIREMOCK_VERSION}"], check=True
        )
    return jar


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
    """One request; the response body (an error status raises)."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()  # type: ignore[no-any-return]


@dataclass
class Server:
    """A server running as a child process (its process group is ended on stop)."""

    name: str
    process: subprocess.Popen[bytes]
    url: str
    started: float
    log: Path
    """What the server printed (a file: a pipe nobody drains would stop a server that logs each request)."""
    ready_s: float = 0.0

    def wait(self, path: str = "/", timeout: float = 60.0) -> float:
        """Poll `path` until it answers (any HTTP status); seconds from process start to first answer."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(self.url + path, timeout=1).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    out = self.log.read_text(errors="replace")
                    raise RuntimeError(f"{self.name} did not start: {out[-2000:]}") from None
                time.sleep(0.005)
        self.ready_s = time.perf_counter() - self.started
        return self.ready_s

    def rss_mb(self) -> float:
        """Memory of the process and its children, in MB: their PSS (a page a fork shares counts once)."""
        return sum(_pss_kb(pid) for pid in [self.process.pid, *_children(self.process.pid)]) / 1024.0

    def cpu_s(self) -> float:
        """CPU seconds (user and system) the process and its children have used so far."""
        return sum(_cpu_s(pid) for pid in [self.process.pid, *_children(self.process.pid)])

    def stop(self) -> None:
        """SIGTERM the process group, then wait (SIGKILL after 20 s)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.unlink(missing_ok=True)


def start(name: str, argv: Sequence[str], port: int, env: dict[str, str] | None = None) -> Server:
    """Start `argv` in a process group of its own; the server is at http://127.0.0.1:port."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SANDBOX_")}
    environment.update({"PYTHONPATH": str(ROOT), **(env or {})})
    fd, log = tempfile.mkstemp(prefix="bench-server-", suffix=".log")
    started = time.perf_counter()
    with os.fdopen(fd, "wb") as out:
        process = subprocess.Popen(
            list(argv),
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Server(name, process, f"http://127.0.0.1:{port}", started, Path(log))


def _children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except OSError:
        return []
    kids = [int(p) for p in out.split()]
    return kids + [g for k in kids for g in _children(k)]


def _cpu_s(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE)
    return int(match.group(1)) if match else 0


@dataclass
class Load:
    """What one wrk run measured."""

    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(
    url: str,
    connections: int,
    seconds: float,
    script: str | None = None,
    headers: dict[str, str] | None = None,
) -> Load:
    """Run wrk against `url`; requests per second and latency percentiles."""
    threads = max(1, min(2, connections))
    whole = max(1, math.ceil(seconds))  # wrk takes whole seconds
    argv = [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{whole}s", "--latency"]
    argv += ["--timeout", "10s"]
    for name, value in (headers or {}).items():
        argv += ["-H", f"{name}: {value}"]
    with tempfile.TemporaryDirectory() as tmp:
        if script:
            lua = Path(tmp) / "load.lua"
            lua.write_text(script)
            argv += ["-s", str(lua)]
        run = subprocess.run([*argv, url], capture_output=True, text=True, timeout=whole + 60)
    if run.returncode != 0:
        raise RuntimeError(f"wrk failed: {run.stderr.strip() or run.stdout.strip()}")
    return _parse(run.stdout)


def _parse(out: str) -> Load:
    def latency(pct: str) -> float:
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
        return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = int(errors.group(1)) if errors else 0
    if socket_errors:
        failed += sum(int(g) for g in socket_errors.groups())
    return Load(
        rps=float(rps.group(1)) if rps else 0.0,
        p50_ms=latency("50"),
        p99_ms=latency("99"),
        requests=int(total.group(1)) if total else 0,
        errors=failed,
    )
