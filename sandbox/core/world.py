"""The initial world every tenant starts from: the vendors' seeds, overlaid by a user's world file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sandbox.core.store.tenant import StateError, World
from sandbox.core.vendor import Vendor


def default_world(vendors: Iterable[Vendor]) -> World:
    """Every vendor's seed records."""
    return {v.name: v.seed() for v in vendors}


def read_document(path: str | Path) -> Any:
    """Read a YAML or JSON file (JSON is YAML, but JSON errors read better from json)."""
    text = Path(path).read_text(encoding="utf-8")
    if str(path).endswith(".json"):
        return json.loads(text)
    import yaml  # deferred: a start without a YAML world file never loads it

    return yaml.safe_load(text)


SIGNING_KEY = "signing_key"
"""`sandbox.signing_key` in a world file: a PEM RSA private key that signs every token (not a collection)."""


def take_signing_key(document: Any) -> str | None:
    """Remove and return the world file's `sandbox.signing_key` PEM, if it has one."""
    sandbox = document.get("sandbox") if isinstance(document, dict) else None
    if not isinstance(sandbox, dict) or SIGNING_KEY not in sandbox:
        return None
    pem = sandbox.pop(SIGNING_KEY)
    if not isinstance(pem, str):
        raise StateError("sandbox.signing_key: must be a PEM private key (a string)")
    return pem


def read_pem(value: str) -> str:
    """A PEM given as text, or the text of the file it names."""
    if "-----BEGIN" in value:
        return value
    return Path(value).read_text(encoding="ascii")


def overlay(base: World, update: Any) -> World:
    """`base` with each collection that `update` names replaced whole; the rest stays as it was."""
    if not isinstance(update, dict):
        raise StateError("a world must be an object of namespaces")
    merged: World = {ns: dict(colls) for ns, colls in base.items()}
    for ns, colls in update.items():
        if not isinstance(colls, dict):
            raise StateError(f"{ns}: must be an object of collections")
        merged.setdefault(ns, {}).update(colls)
    return merged
