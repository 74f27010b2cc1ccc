"""The per-tenant store: collections, indexes, transactions."""

from __future__ import annotations

import threading

import pytest

from sandbox.core.store import Store, TenantState
from sandbox.core.store.tenant import StateError
from sandbox.core.vendor import CollectionSpec

SCHEMA = {
    ("v", "items"): CollectionSpec(key="id", indexes=("group",)),
    ("v", "other"): CollectionSpec(key="id"),
}


def tenant() -> TenantState:
    return TenantState("t", SCHEMA)


def test_put_then_get_returns_the_record() -> None:
    items = tenant().collection("v", "items")
    items.put({"id": "a", "group": "g1"})
    assert items.get("a") == {"id": "a", "group": "g1"}


def test_put_stores_a_copy_so_the_callers_dict_cannot_change_it() -> None:
    items = tenant().collection("v", "items")
    doc = {"id": "a", "group": "g1"}
    items.put(doc)
    doc["group"] = "changed"
    assert items.get("a")["group"] == "g1"


def test_index_follows_updates_and_deletes() -> None:
    items = tenant().collection("v", "items")
    items.put({"id": "a", "group": "g1"})
    items.put({"id": "b", "group": "g1"})
    items.update("a", group="g2")
    assert [d["id"] for d in items.find("group", "g1")] == ["b"]
    assert [d["id"] for d in items.find("group", "g2")] == ["a"]
    items.delete("b")
    assert items.find("group", "g1") == []
    assert items.count("group", "g2") == 1


def test_non_string_key_is_refused() -> None:
    items = tenant().collection("v", "items")
    with pytest.raises(TypeError):
        items.put({"id": 1})


def test_a_transaction_that_raises_undoes_every_write() -> None:
    state = tenant()
    items = state.collection("v", "items")
    items.put({"id": "keep", "group": "g"})
    with pytest.raises(RuntimeError), state.transaction():
        items.put({"id": "new", "group": "g"})
        items.update("keep", group="changed")
        items.delete("keep")
        raise RuntimeError("refused")
    assert items.keys() == ["keep"]
    assert items.get("keep") == {"id": "keep", "group": "g"}
    assert [d["id"] for d in items.find("group", "g")] == ["keep"]


def test_a_rolled_back_delete_goes_back_to_its_place_in_the_order() -> None:
    state = tenant()
    items = state.collection("v", "items")
    for key in "abcd":
        items.put({"id": key})
    with pytest.raises(RuntimeError), state.transaction():
        items.delete("b")
        items.delete("a")
        items.put({"id": "e"})
        raise RuntimeError
    assert items.keys() == ["a", "b", "c", "d"]
    items.put({"id": "f"})
    assert items.keys() == ["a", "b", "c", "d", "f"]


def test_an_inner_transaction_rolls_back_only_its_own_writes() -> None:
    state = tenant()
    items = state.collection("v", "items")
    with state.transaction():
        items.put({"id": "outer"})
        with pytest.raises(ValueError), state.transaction():
            items.put({"id": "inner"})
            raise ValueError
    assert items.keys() == ["outer"]


def test_concurrent_read_modify_write_in_transactions_loses_no_update() -> None:
    state = tenant()
    items = state.collection("v", "items")
    items.put({"id": "counter", "n": 0})

    def bump() -> None:
        for _ in range(200):
            with state.transaction():
                items.update("counter", n=items.get("counter")["n"] + 1)

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert items.get("counter")["n"] == 1600


def test_snapshot_then_load_restores_exactly() -> None:
    state = tenant()
    items = state.collection("v", "items")
    items.put({"id": "a", "group": "g"})
    snap = state.snapshot()
    items.delete("a")
    items.put({"id": "b"})
    state.load(snap)
    assert state.snapshot() == snap == {"v": {"items": [{"id": "a", "group": "g"}], "other": []}}


@pytest.mark.parametrize(
    ("world", "message"),
    [
        ({"v": {"nope": []}}, "v.nope: no such collection"),
        ({"v": {"items": {}}}, "v.items: must be a list of records"),
        ({"v": {"items": [{"group": "g"}]}}, "v.items[0].id: required, a string"),
        ({"v": {"items": [{"id": "a"}, {"id": "a"}]}}, "v.items[1].id: duplicate key 'a'"),
        ([], "state must be an object of namespaces"),
    ],
)
def test_load_refuses_a_bad_document_and_changes_nothing(world: object, message: str) -> None:
    state = tenant()
    state.collection("v", "items").put({"id": "keep"})
    with pytest.raises(StateError, match=message.replace("[", r"\[").replace("]", r"\]")):
        state.load(world)  # type: ignore[arg-type]
    assert state.collection("v", "items").keys() == ["keep"]


def test_store_creates_tenants_from_the_initial_world_and_resets_them() -> None:
    store = Store(SCHEMA, {"v": {"items": [{"id": "seed"}]}})
    a = store.tenant("a")
    a.collection("v", "items").put({"id": "extra"})
    assert store.tenant("b").collection("v", "items").keys() == ["seed"]
    store.reset("a")
    assert store.tenant("a").collection("v", "items").keys() == ["seed"]
