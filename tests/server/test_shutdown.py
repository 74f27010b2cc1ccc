"""Stopping the production server flushes `--data`: the data file alone holds every write."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from sandbox.testing import ServeProcess


def test_sigterm_compacts_the_log_into_the_data_file(tmp_path: Path) -> None:
    data = tmp_path / "state.json"
    with ServeProcess("--data", str(data)) as server:
        rule = {"id": "kept", "match": {"vendor": "mor"}, "action": {"type": "error", "status": 503}}
        assert (
            requests.post(f"{server.url}/t/flushed/__sandbox/faults", json=rule, timeout=10).status_code
            == 201
        )
        assert data.with_name("state.json.wal").stat().st_size > 0  # written behind, to the log
    assert "(gunicorn)" in server.output
    wal = data.with_name("state.json.wal")
    assert not wal.exists() or wal.stat().st_size == 0
    tables = json.loads(data.read_text())
    assert [r["id"] for r in tables["flushed|sandbox.faults"].values()] == ["kept"]
