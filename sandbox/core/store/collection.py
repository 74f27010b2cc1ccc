"""One collection of JSON records held in memory, keyed by a field, with secondary indexes.

Records are never changed in place: a write stores a new dict. That is what makes single-record
writes O(1) at any size, undo logs cheap (the old dict is kept as it was) and snapshots consistent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox.core.store.tenant import TenantState

Record = dict[str, Any]


class Collection:
    """A keyed set of records of one tenant. Returned records are read-only: write with `put`."""

    def __init__(self, tenant: TenantState, name: str, key: str, indexes: Iterable[str] = ()) -> None:
        self.tenant = tenant
        self.name = name
        self.key = key
        self._docs: dict[str, Record] = {}
        self._seq: dict[str, int] = {}  # insertion order, so a rolled-back delete goes back in place
        self._next_seq = 0
        self.version = 0
        """Counts the changes of the collection (so a derived view can tell that it is stale)."""
        self._indexes: dict[str, dict[Any, dict[str, None]]] = {field: {} for field in indexes}

    # -- reading -------------------------------------------------------------------------------
    def get(self, key: str) -> Record | None:
        """The record with this key, or None."""
        return self._docs.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._docs

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Record]:
        return iter(list(self._docs.values()))

    def scan(self, reverse: bool = False) -> Iterator[Record]:
        """Every record in insertion order (or its reverse), without a copy: only inside the tenant's lock."""
        return reversed(self._docs.values()) if reverse else iter(self._docs.values())

    def values(self) -> list[Record]:
        """Every record, in insertion order."""
        return list(self._docs.values())

    def keys(self) -> list[str]:
        """Every key, in insertion order."""
        return list(self._docs)

    def find(self, field: str, value: Any) -> list[Record]:
        """Records whose `field` equals `value` (an index lookup when the field is indexed)."""
        index = self._indexes.get(field)
        if index is not None:
            return [self._docs[k] for k in index.get(_hashable(value), ())]
        return [doc for doc in self._docs.values() if doc.get(field) == value]

    def count(self, field: str, value: Any) -> int:
        """How many records have `field` equal to `value`."""
        index = self._indexes.get(field)
        if index is not None:
            return len(index.get(_hashable(value), ()))
        return sum(1 for doc in self._docs.values() if doc.get(field) == value)

    # -- writing -------------------------------------------------------------------------------
    def put(self, doc: Record) -> Record:
        """Insert or replace the record with `doc[key]`; returns the stored record."""
        key = doc[self.key]
        if not isinstance(key, str):
            raise TypeError(f"{self.name}: key {self.key!r} must be a string, got {key!r}")
        old = self._docs.get(key)
        seq = self._seq.get(key)
        self._set(key, dict(doc))
        self.tenant._wrote(self, key, old, seq)
        return self._docs[key]

    def update(self, key: str, **changes: Any) -> Record:
        """Replace the record `key` by a copy with `changes` applied; KeyError if absent."""
        return self.put({**self._docs[key], **changes})

    def delete(self, key: str) -> Record | None:
        """Remove the record `key`; returns what was removed, or None."""
        old = self._docs.get(key)
        if old is None:
            return None
        seq = self._seq.get(key)
        self._set(key, None)
        self.tenant._wrote(self, key, old, seq)
        return old

    def replace_all(self, docs: Iterable[Record]) -> None:
        """Make the collection exactly `docs` (used by reset and by PUT /__sandbox/state)."""
        for key in list(self._docs):
            self.delete(key)
        for doc in docs:
            self.put(doc)

    def _load(self, docs: Iterable[Record]) -> None:
        """Fill an empty collection at start (no transaction, no log): one pass per index."""
        assert not self._docs, "only an empty collection is loaded"
        self._docs = {doc[self.key]: doc for doc in docs}
        self._seq = {key: seq for seq, key in enumerate(self._docs)}
        self._next_seq = len(self._docs)
        self.version += 1
        self.tenant.version += 1
        for field, index in self._indexes.items():
            for key, doc in self._docs.items():
                value = doc.get(field)
                if isinstance(value, (list, dict)):
                    value = _hashable(value)
                index.setdefault(value, {})[key] = None

    # -- internals used by the tenant's transactions --------------------------------------------
    def _restore(self, key: str, doc: Record | None, seq: int | None) -> bool:
        """Undo one write: put back `doc` (None: absent); True if the order must be mended."""
        present = key in self._docs
        self._set(key, doc)
        if doc is not None and not present and seq is not None:
            self._seq[key] = seq
            return True
        return False

    def _reorder(self) -> None:
        """Put the records back in insertion order (after deletes were rolled back)."""
        self._docs = dict(sorted(self._docs.items(), key=lambda item: self._seq[item[0]]))

    def _set(self, key: str, doc: Record | None) -> None:
        self.version += 1
        self.tenant.version += 1
        old = self._docs.get(key)
        if old is not None:
            for field, index in self._indexes.items():
                bucket = index.get(_hashable(old.get(field)))
                if bucket is not None:
                    bucket.pop(key, None)
                    if not bucket:
                        del index[_hashable(old.get(field))]
            if doc is None:
                del self._docs[key]
                del self._seq[key]
        if doc is not None:
            if old is None:
                self._seq[key] = self._next_seq
                self._next_seq += 1
            self._docs[key] = doc
            for field, index in self._indexes.items():
                index.setdefault(_hashable(doc.get(field)), {})[key] = None


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return value
