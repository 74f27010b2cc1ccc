"""Fixtures of the verify tests: a second sandbox process plays the real vendor."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from sandbox.cli import main
from sandbox.testing import ServeProcess

VENDOR_PREFIX = {
    "omilia": "/omilia",
    "mor": "/mor",
    "switchvox": "/switchvox",
    "operator-connect": "/operator-connect",
}


class Vendor:
    """One tenant of the "real vendor" process."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.tenant = uuid.uuid4().hex[:12]
        self.url = f"{root}/t/{self.tenant}"

    def base(self, vendor: str) -> str:
        """A vendor's base URL in this tenant, as its client is told it."""
        return self.url + VENDOR_PREFIX[vendor]

    def state(self) -> dict[str, Any]:
        """The tenant's whole state."""
        response = requests.get(self.url + "/__sandbox/state", timeout=10)
        assert response.status_code == 200
        return dict(response.json())

    def load(self, state: dict[str, Any]) -> None:
        """Put a state back."""
        response = requests.put(self.url + "/__sandbox/state", json=state, timeout=10)
        assert response.status_code in (200, 204), response.text


def drain(process: ServeProcess) -> threading.Thread:
    """Read the child's output as it comes, so its access log never fills the pipe and blocks it."""

    def read() -> None:
        stream = process.process.stdout if process.process else None
        try:
            while stream is not None and stream.read1(65536):
                pass
        except (ValueError, OSError):
            pass  # closed by ServeProcess.stop

    thread = threading.Thread(target=read, name="vendor-process-output", daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="package")
def vendor_process() -> Iterator[ServeProcess]:
    """A sandbox in a process of its own, the stand-in for the vendor's real service."""
    with ServeProcess() as process:
        drain(process)
        yield process


@pytest.fixture
def real(vendor_process: ServeProcess) -> Vendor:
    """A fresh tenant of the stand-in vendor."""
    return Vendor(vendor_process.url)


def run_with_report(tmp_path: Path, *args: str) -> tuple[int, dict[str, dict[str, Any]]]:
    """Run the CLI with a JSON report; its exit code and the results by name, in order."""
    report = tmp_path / "report.json"
    code = main([*args, "--report", str(report)])
    return code, {r["name"]: r for r in json.loads(report.read_text())["results"]}
