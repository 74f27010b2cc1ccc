"""Persistence for `--data PATH`: a TinyDB JSON file written behind, plus an append-only log.

A plain TinyDB write rewrites the whole file (hundreds of ms at 100,000 records), so writes are
appended to `PATH.wal`, one JSON line per committed transaction, and the TinyDB file is rewritten
in the background once the log holds `compact_after` transactions or `compact_bytes` bytes
(compaction). Every log entry replaces whole records, so replaying it twice is harmless.

A restart reads the TinyDB file once (one JSON parse, not one per table) and replays the log, which
compaction keeps short: its cost follows the data, not the history of writes. Crash safety:
- the TinyDB file is only ever replaced atomically (temp file, fsync, rename), so it always loads;
  temporary files a crash left behind are removed at start;
- a torn last log line (a crash mid-append) is ignored on load, and cut off, so later appends
  start on a line of their own;
- during compaction the old log is kept as `PATH.wal.old` until the new file is in place, and
  loading replays `.wal.old` then `.wal` over whichever file survived.
"""

from __future__ import annotations

import glob
import json
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

Op = tuple[str, str, Any]
"""("put", "vendor.collection", record) | ("del", "vendor.collection", key) | ("load", "", records)."""

TenantRecords = dict[str, dict[str, dict[str, Any]]]
"""Per tenant, per qualified collection name, records by key."""

TABLE_SEPARATOR = "|"
TEMP_SUFFIX = ".tmp"


class AtomicJSONStorage(Storage):
    """TinyDB's JSON storage, but a write never leaves a half-written file behind."""

    def __init__(self, path: str, **_: Any) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The whole database, or None for a missing or empty file."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        return json.loads(text) if text.strip() else None

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Write to a temporary file beside the target, fsync it, then rename it over the target."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=TEMP_SUFFIX, dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class Persistence:
    """Write-behind persistence of every tenant into one TinyDB file."""

    def __init__(
        self, path: str | os.PathLike[str], compact_after: int = 10_000, compact_bytes: int = 64 * 1024 * 1024
    ) -> None:
        self.path = Path(path)
        self.wal_path = self.path.with_name(self.path.name + ".wal")
        self.old_wal_path = self.path.with_name(self.path.name + ".wal.old")
        self.compact_after = compact_after
        self.compact_bytes = compact_bytes
        self._lock = threading.Lock()
        self._compacting = threading.Lock()
        self._pending = 0
        self._pending_bytes = 0
        self._wal: Any = None
        self._collect: Callable[[], dict[str, dict[str, list[dict[str, Any]]]]] | None = None
        self._keys: dict[str, str] = {}

    # -- loading -----------------------------------------------------------------------------
    def load(self, keys: dict[str, str]) -> TenantRecords:
        """Read the file and replay the logs; `keys` maps each qualified collection to its key field."""
        self._keys = dict(keys)
        self.remove_stale_temporaries()
        tenants: TenantRecords = {}
        for table_name, table in (AtomicJSONStorage(str(self.path)).read() or {}).items():
            tenant, _, coll = table_name.partition(TABLE_SEPARATOR)
            if coll not in keys:
                continue
            key = keys[coll]
            docs = tenants.setdefault(tenant, {}).setdefault(coll, {})
            for doc in table.values():
                docs[doc[key]] = doc
        for wal in (self.old_wal_path, self.wal_path):
            self._replay(wal, tenants)
        return tenants

    def remove_stale_temporaries(self) -> list[Path]:
        """Delete the temporary files of writes a crash interrupted (the file they were to replace stands)."""
        removed = []
        if self.path.parent.is_dir():
            for tmp in self.path.parent.glob(f"{glob.escape(self.path.name)}.*{TEMP_SUFFIX}"):
                tmp.unlink(missing_ok=True)
                removed.append(tmp)
        return removed

    def _replay(self, wal: Path, tenants: TenantRecords) -> None:
        """Apply every complete line of `wal`; a torn last line is cut off the file."""
        if not wal.exists():
            return
        data = wal.read_bytes()
        complete = data[: data.rfind(b"\n") + 1]  # a last line without its newline never completed
        entries = _entries(complete)
        if entries is None:
            entries, end = _entries_one_by_one(complete)
        else:
            end = len(complete)
        for entry in entries:
            self._apply(tenants.setdefault(entry["t"], {}), entry["ops"])
        self._pending += len(entries)
        self._pending_bytes += end
        if end < len(data):
            with wal.open("r+b") as fh:
                fh.truncate(end)

    def _apply(self, colls: dict[str, dict[str, Any]], ops: list[list[Any]]) -> None:
        for kind, coll, arg in ops:
            if kind == "load":
                colls.clear()
                for name, docs in arg.items():
                    if name in self._keys:
                        colls[name] = {d[self._keys[name]]: d for d in docs}
            elif coll in self._keys:
                docs = colls.setdefault(coll, {})
                if kind == "put":
                    docs[arg[self._keys[coll]]] = arg
                else:
                    docs.pop(arg, None)

    # -- writing -----------------------------------------------------------------------------
    def attach(self, collect: Callable[[], dict[str, dict[str, list[dict[str, Any]]]]]) -> None:
        """Give the function that returns a consistent copy of every tenant (used to compact)."""
        self._collect = collect

    def append(self, tenant: str, ops: list[Op]) -> None:
        """Log one committed transaction of `tenant`."""
        line = json.dumps({"t": tenant, "ops": ops}, separators=(",", ":")) + "\n"
        with self._lock:
            if self._wal is None:
                self._wal = self.wal_path.open("a", encoding="utf-8")
            self._wal.write(line)
            self._wal.flush()
            self._pending += 1
            self._pending_bytes += len(line)
        self.compact_if_due()

    def compact_if_due(self) -> bool:
        """Start a compaction in the background if the log has grown past its limits."""
        due = self._pending >= self.compact_after or self._pending_bytes >= self.compact_bytes
        if due and self._collect is not None and self._compacting.acquire(blocking=False):
            threading.Thread(target=self._compact_then_release, name="sandbox-compact", daemon=True).start()
            return True
        return False

    def _compact_then_release(self) -> None:
        try:
            self._compact()
        finally:
            self._compacting.release()

    def compact(self) -> None:
        """Rewrite the TinyDB file from memory and drop the logs it now holds."""
        with self._compacting:
            self._compact()

    def _compact(self) -> None:
        if self._collect is None:
            return
        with self._lock:
            if self._wal is not None:
                self._wal.close()
                self._wal = None
            if self.wal_path.exists():
                if self.old_wal_path.exists():
                    # A compaction crashed before: keep every op, oldest first.
                    with self.old_wal_path.open("a", encoding="utf-8") as old:
                        old.write(self.wal_path.read_text(encoding="utf-8"))
                    self.wal_path.unlink()
                else:
                    os.replace(self.wal_path, self.old_wal_path)
            self._pending = self._pending_bytes = 0
        data: dict[str, dict[str, Any]] = {}
        for tenant, colls in self._collect().items():
            for coll, docs in colls.items():
                data[f"{tenant}{TABLE_SEPARATOR}{coll}"] = {str(i): d for i, d in enumerate(docs, 1)}
        AtomicJSONStorage(str(self.path)).write(data)
        self.old_wal_path.unlink(missing_ok=True)

    def close(self) -> None:
        """Compact (so the TinyDB file alone holds everything) and release the log."""
        self.compact()
        with self._lock:
            if self._wal is not None:
                self._wal.close()
                self._wal = None


def _entries(complete: bytes) -> list[dict[str, Any]] | None:
    """Every line of `complete` parsed in one pass (one JSON array), or None if any line is not an entry."""
    if not complete:
        return []
    try:
        entries = json.loads(b"[" + complete.rstrip(b"\n").replace(b"\n", b",") + b"]")
    except ValueError:
        return None
    if all(isinstance(entry, dict) for entry in entries):
        return entries  # type: ignore[no-any-return]
    return None


def _entries_one_by_one(complete: bytes) -> tuple[list[dict[str, Any]], int]:
    """The lines that parse as entries, and the end of the last of them (a bad line is skipped)."""
    entries, end, read = [], 0, 0
    for line in complete.splitlines(keepends=True):
        read += len(line)
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a torn line: that transaction never completed
        if isinstance(entry, dict):
            entries.append(entry)
            end = read
    return entries, end
