"""Where the OpenAPI contracts are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

CONTRACT_NAMES = ("omilia", "mor", "switchvox", "operator-connect", "sandbox")


def contracts_dir() -> Path:
    """The folder holding `{name}.yaml` for every contract."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "contracts", package.parent / "contracts"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("contracts/ not found beside the sandbox package")


def contract_path(name: str) -> Path | None:
    """The file of contract `name`, or None when there is no such contract."""
    if name not in CONTRACT_NAMES:
        return None
    path = contracts_dir() / f"{name}.yaml"
    return path if path.is_file() else None


def with_servers(path: Path, locate: Callable[[str], str]) -> str:
    """The contract at `path` as YAML, every `servers` URL (document, path, operation) mapped by `locate`.

    The files say where each operation is on the shared listener (`/omilia`, `/entra`); served,
    each URL becomes where it really is for the client asking: its host, its tenant prefix, and the
    root of a single-vendor listener.
    """
    document = _load(path, path.stat().st_mtime_ns)
    served = copy.deepcopy(document)
    _map_servers(served, locate)
    for item in (served.get("paths") or {}).values():
        if isinstance(item, dict):
            _map_servers(item, locate)
            for operation in item.values():
                if isinstance(operation, dict):
                    _map_servers(operation, locate)
    return yaml.safe_dump(served, sort_keys=False, allow_unicode=True, width=110)


def _map_servers(node: dict[str, Any], locate: Callable[[str], str]) -> None:
    for server in node.get("servers") or []:
        if isinstance(server, dict) and isinstance(server.get("url"), str):
            server["url"] = locate(server["url"])


@functools.lru_cache(maxsize=16)
def _load(path: Path, _mtime: int) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
