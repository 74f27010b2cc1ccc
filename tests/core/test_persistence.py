"""--data PATH: every tenant persists in a TinyDB file; crashes never leave a file that fails to load."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from tinydb import TinyDB

from sandbox.core.store import Store
from sandbox.core.store.persist import AtomicJSONStorage, Persistence
from sandbox.core.vendor import CollectionSpec

SCHEMA = {("v", "items"): CollectionSpec(key="id", indexes=("group",))}
WORLD = {"v": {"items": [{"id": "seed", "group": "g"}]}}


def open_store(path: Path, compact_after: int = 20_000) -> Store:
    return Store(SCHEMA, WORLD, Persistence(path, compact_after=compact_after))


def test_a_restart_finds_every_tenant_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    store.tenant("a").collection("v", "items").put({"id": "x", "group": "g2"})
    store.tenant("b").collection("v", "items").delete("seed")
    store.close()
    again = open_store(path)
    assert again.tenant("a").collection("v", "items").keys() == ["seed", "x"]
    assert again.tenant("a").collection("v", "items").find("group", "g2") == [{"id": "x", "group": "g2"}]
    assert again.tenant("b").collection("v", "items").keys() == []


def test_writes_survive_a_crash_without_close(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    store.tenant("a").collection("v", "items").put({"id": "x"})
    # no close(): the process "dies"; the log holds the write
    again = open_store(path)
    assert "x" in again.tenant("a").collection("v", "items")


def test_the_file_is_a_tinydb_database(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    store.tenant("a").collection("v", "items").put({"id": "x", "group": "g"})
    store.close()
    db = TinyDB(str(path), storage=AtomicJSONStorage)
    assert sorted(d["id"] for d in db.table("a|v.items").all()) == ["seed", "x"]
    db.close()


def test_a_torn_last_log_line_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    store.tenant("a").collection("v", "items").put({"id": "x"})
    wal = path.with_name(path.name + ".wal")
    with wal.open("a", encoding="utf-8") as fh:
        fh.write('{"t": "a", "ops": [["put", "v.items", {"id": "torn"')  # crash mid-append
    again = open_store(path)
    keys = again.tenant("a").collection("v", "items").keys()
    assert "x" in keys and "torn" not in keys


def test_a_garbled_log_line_is_skipped_and_the_lines_after_it_replayed(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    items = store.tenant("a").collection("v", "items")
    items.put({"id": "before"})
    wal = path.with_name(path.name + ".wal")
    with wal.open("a", encoding="utf-8") as fh:
        fh.write('{"t": "a", "ops": [["put", "v.items", {"id": "garbled"\n')
    items.put({"id": "after"})
    again = open_store(path)
    assert again.tenant("a").collection("v", "items").keys() == ["seed", "before", "after"]


def test_a_crash_during_compaction_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    items = store.tenant("a").collection("v", "items")
    items.put({"id": "before"})
    store.persistence.compact()  # type: ignore[union-attr]
    items.put({"id": "after", "v": 1})
    wal = path.with_name(path.name + ".wal")
    # Simulate a crash right after the log was set aside, before the new file was written.
    wal.rename(path.with_name(path.name + ".wal.old"))
    items.put({"id": "after", "v": 2})
    again = open_store(path)
    assert again.tenant("a").collection("v", "items").get("after") == {"id": "after", "v": 2}
    assert "before" in again.tenant("a").collection("v", "items")


def test_compaction_runs_after_many_writes_and_empties_the_log(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path, compact_after=10)
    items = store.tenant("a").collection("v", "items")
    for i in range(25):
        items.put({"id": f"n{i}"})
    store.persistence.compact()  # type: ignore[union-attr]
    wal = path.with_name(path.name + ".wal")
    assert not wal.exists() or wal.read_text() == ""
    tables = json.loads(path.read_text())
    assert len(tables["a|v.items"]) == 26


def test_a_rolled_back_transaction_is_not_persisted(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    tenant = store.tenant("a")
    try:
        with tenant.transaction():
            tenant.collection("v", "items").put({"id": "ghost"})
            raise RuntimeError
    except RuntimeError:
        pass
    again = open_store(path)
    assert "ghost" not in again.tenant("a").collection("v", "items")


def test_atomic_storage_leaves_no_partial_file_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    storage = AtomicJSONStorage(str(path))
    storage.write({"t": {"1": {"id": "ok"}}})
    with contextlib.suppress(TypeError):
        storage.write({"t": {"1": {"id": object()}}})  # not JSON: the write fails midway
    assert storage.read() == {"t": {"1": {"id": "ok"}}}
    assert list(tmp_path.iterdir()) == [path]


def test_temporary_files_a_crash_left_behind_are_removed_at_start(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    open_store(path).close()
    stale = tmp_path / "data.json.k2j4h1.tmp"
    stale.write_text('{"half": ')  # a crash mid-write: the real file was never replaced
    other = tmp_path / "other.json.abc.tmp"
    other.write_text("not ours")
    again = open_store(path)
    assert not stale.exists()
    assert other.exists()
    assert again.tenant("a").collection("v", "items").keys() == ["seed"]


def test_writes_after_a_torn_line_survive_the_next_restart(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    store.tenant("a").collection("v", "items").put({"id": "x"})
    wal = path.with_name(path.name + ".wal")
    with wal.open("a", encoding="utf-8") as fh:
        fh.write('{"t": "a", "ops": [["put", "v.items", {"id": "torn"')  # crash mid-append
    again = open_store(path)
    again.tenant("a").collection("v", "items").put({"id": "after-restart"})
    # a second crash: the write acknowledged after the first restart must not be glued to the torn line
    third = open_store(path)
    keys = third.tenant("a").collection("v", "items").keys()
    assert "x" in keys and "after-restart" in keys and "torn" not in keys


def test_a_restart_reads_the_data_file_once_whatever_the_number_of_tenants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.json"
    store = open_store(path)
    for i in range(30):
        store.tenant(f"t{i}").collection("v", "items").put({"id": f"x{i}"})
    store.close()
    reads = []
    real_read = AtomicJSONStorage.read
    monkeypatch.setattr(AtomicJSONStorage, "read", lambda self: reads.append(1) or real_read(self))
    again = open_store(path)
    assert len(reads) == 1
    assert again.tenant("t29").collection("v", "items").keys() == ["seed", "x29"]


def test_a_restart_leaves_a_short_log_alone_and_compacts_a_long_one(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    wal = path.with_name(path.name + ".wal")
    store = open_store(path, compact_after=10)
    items = store.tenant("a").collection("v", "items")
    store.persistence.compact()  # type: ignore[union-attr]
    for i in range(5):
        items.put({"id": f"n{i}"})
    before = path.read_bytes()
    # crash, then restart: five logged writes are replayed, the file is not rewritten
    short = open_store(path, compact_after=10)
    assert path.read_bytes() == before
    assert len(wal.read_text().splitlines()) == 5
    for i in range(5, 9):
        short.tenant("a").collection("v", "items").put({"id": f"n{i}"})
    # nine logged writes: a restart whose limit is eight replays them, then its first write compacts
    again = open_store(path, compact_after=8)
    assert len(wal.read_text().splitlines()) == 9
    again.tenant("a").collection("v", "items").put({"id": "n9"})
    with again.persistence._compacting:  # type: ignore[union-attr]  # the background compaction is done
        pass
    assert not wal.exists() or wal.read_text() == ""
    assert len(json.loads(path.read_text())["a|v.items"]) == 11


def test_a_log_that_grows_past_its_byte_limit_is_compacted(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    store = Store(SCHEMA, WORLD, Persistence(path, compact_bytes=4096))
    items = store.tenant("a").collection("v", "items")
    for i in range(10):
        items.put({"id": f"n{i}", "blob": "x" * 1000})
    store.persistence.compact()  # type: ignore[union-attr]
    wal = path.with_name(path.name + ".wal")
    assert not wal.exists() or wal.stat().st_size < 4096
    again = open_store(path)
    assert len(again.tenant("a").collection("v", "items")) == 11
