"""A tenant's whole state: its collections, one lock, and transactions that commit or roll back."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sandbox.core.store.collection import Collection, Record
from sandbox.core.store.schema import check_record

if TYPE_CHECKING:
    from sandbox.core.store.persist import Op, Persistence
    from sandbox.core.vendor import CollectionSpec

World = dict[str, dict[str, list[Record]]]
"""Records by namespace (a vendor, or `sandbox`) and collection: the format of snapshots and world files."""


class StateError(ValueError):
    """A state document (snapshot or world file) that does not fit the schema."""


class TenantState:
    """Everything one tenant holds. Every request of the tenant runs inside `transaction()`.

    A transaction holds the tenant's lock, so concurrent requests of one tenant are serialised and
    never lose an update; if it raises, every write it made is undone, so a refused request
    changes nothing; on success its writes are handed to the persistence layer in one batch.
    """

    def __init__(
        self,
        name: str,
        schema: Mapping[tuple[str, str], CollectionSpec],
        persistence: Persistence | None = None,
    ) -> None:
        self.name = name
        self.lock = threading.RLock()
        self.persistence = persistence
        self.schema = schema
        self.collections: dict[tuple[str, str], Collection] = {
            (ns, coll): Collection(self, f"{ns}.{coll}", spec.key, spec.indexes)
            for (ns, coll), spec in schema.items()
        }
        self.version = 0
        """Counts every change of any of its collections, undone ones too (it never goes back): an
        answer computed at one version is still right while the version is the same."""
        self.extras: dict[str, Any] = {}
        """Per-tenant objects that are not records (rate-limit windows, the journal...), keyed by owner."""
        self._depth = 0
        self._undo: list[tuple[Collection, str, Record | None, int | None]] = []
        self._ops: list[Op] = []

    def collection(self, namespace: str, name: str) -> Collection:
        """The collection `namespace.name` (KeyError if the schema has none)."""
        return self.collections[(namespace, name)]

    # -- transactions ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[TenantState]:
        """Hold the tenant; undo this block's writes if it raises; persist them when the outermost ends."""
        with self.lock:
            undo_mark, ops_mark = len(self._undo), len(self._ops)
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._rollback(undo_mark, ops_mark)
                raise
            finally:
                self._depth -= 1
            if self._depth == 0:
                self._commit()

    def _wrote(self, coll: Collection, key: str, old: Record | None, seq: int | None) -> None:
        if self._depth == 0:
            with self.transaction():
                self._wrote(coll, key, old, seq)
            return
        self._undo.append((coll, key, old, seq))
        new = coll.get(key)
        self._ops.append(("put", coll.name, new) if new is not None else ("del", coll.name, key))

    def _rollback(self, undo_mark: int, ops_mark: int) -> None:
        reorder: dict[int, Collection] = {}
        while len(self._undo) > undo_mark:
            coll, key, old, seq = self._undo.pop()
            if coll._restore(key, old, seq):
                reorder[id(coll)] = coll
        for coll in reorder.values():
            coll._reorder()
        del self._ops[ops_mark:]

    def _commit(self) -> None:
        ops, self._ops, self._undo = self._ops, [], []
        if ops and self.persistence is not None:
            self.persistence.append(self.name, ops)

    # -- whole-state documents --------------------------------------------------------------------
    def snapshot(self) -> World:
        """The tenant's records as a JSON-ready document (what GET /__sandbox/state returns)."""
        with self.lock:
            world: World = {}
            for (ns, coll), collection in self.collections.items():
                world.setdefault(ns, {})[coll] = collection.values()
            return world

    def load(self, world: World) -> None:
        """Make every collection exactly what `world` says (a collection it omits becomes empty)."""
        check_world(world, self.schema)
        with self.transaction():
            ops_mark = len(self._ops)
            for (ns, coll), collection in self.collections.items():
                collection.replace_all(world.get(ns, {}).get(coll, []))
            # One "load" op persists the whole replacement instead of a put per record.
            del self._ops[ops_mark:]
            self._ops.append(("load", "", self.copy_records()))

    def copy_records(self) -> dict[str, list[Record]]:
        """A consistent copy of every record by collection name (for the persistence snapshot)."""
        with self.lock:
            return {c.name: c.values() for c in self.collections.values()}


def check_world(world: Any, collections: Mapping[tuple[str, str], CollectionSpec]) -> None:
    """StateError (naming the record and field) unless `world` is {namespace: {collection: [record]}}
    of known collections whose every record fits its collection's schema."""
    if not isinstance(world, dict):
        raise StateError("state must be an object of namespaces")
    for ns, colls in world.items():
        if not isinstance(colls, dict):
            raise StateError(f"{ns}: must be an object of collections")
        for coll, docs in colls.items():
            where = f"{ns}.{coll}"
            if (ns, coll) not in collections:
                raise StateError(f"{where}: no such collection")
            if not isinstance(docs, list):
                raise StateError(f"{where}: must be a list of records")
            spec = collections[(ns, coll)]
            key = spec.key
            seen: set[str] = set()
            for i, doc in enumerate(docs):
                if not isinstance(doc, dict):
                    raise StateError(f"{where}[{i}]: must be an object")
                if not isinstance(doc.get(key), str):
                    raise StateError(f"{where}[{i}].{key}: required, a string")
                if doc[key] in seen:
                    raise StateError(f"{where}[{i}].{key}: duplicate key {doc[key]!r}")
                seen.add(doc[key])
                try:
                    bad = check_record(doc, spec.fields)
                except RecursionError:
                    bad = ("", "nested too deeply")
                if bad is not None:
                    field, why = bad
                    raise StateError(f"{where}[{i}] ({key} {doc[key][:64]!r}).{field}: {why}")
