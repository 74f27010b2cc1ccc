"""Data files for the restart benchmark, as a crash leaves them: records after logged writes; many tenants."""

from __future__ import annotations

from pathlib import Path

from benchmarks.fixtures import number_record
from sandbox.app import create_app


def numbers_after_writes(path: Path, records: int, writes: int) -> None:
    """`records` Omilia numbers in one tenant, then `writes` single-number writes; no clean shutdown."""
    store = create_app({"DATA": str(path)}).extensions["sandbox"].store
    tenant = store.tenant("bench")
    state = tenant.snapshot()
    state["omilia"]["numbers"] = [number_record(i) for i in range(records)]
    tenant.load(state)
    numbers = tenant.collection("omilia", "numbers")
    for i in range(writes):
        key = number_record(i % records)["number"]
        numbers.update(key, note=f"write {i}")
    _wait_for_compaction(store)


def many_tenants(path: Path, tenants: int, writes_each: int = 5) -> None:
    """`tenants` tenants of the default world, each with a few writes; no clean shutdown."""
    store = create_app({"DATA": str(path), "MAX_TENANTS": max(tenants, 1000)}).extensions["sandbox"].store
    for t in range(tenants):
        numbers = store.tenant(f"tenant-{t}").collection("omilia", "numbers")
        key = numbers.keys()[0]
        for i in range(writes_each):
            numbers.update(key, note=f"write {i}")
    _wait_for_compaction(store)


def _wait_for_compaction(store: object) -> None:
    """Let a compaction the writes started finish (a crash can come at any time; this one comes after)."""
    persistence = store.persistence  # type: ignore[attr-defined]
    with persistence._compacting:
        pass
