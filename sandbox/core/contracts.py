"""Where the OpenAPI contracts are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def relocated(path: Path, script_root: str, at_root: tuple[str, ...]) -> str:
    """The contract at `path` as YAML, saying where each operation is for a client of this listener.

    The files are written for the shared listener without a tenant prefix (`servers: /omilia`, or
    `/` with the prefix in each path). Behind `/t/{tenant}` every server URL gains that prefix; on a
    single-vendor listener the prefixes `at_root` (the vendor's, and Entra's beside Operator
    Connect) are served at the root, so they leave the server URLs and the paths.
    """
    served = copy.deepcopy(_load(path, path.stat().st_mtime_ns))

    def locate(url: str) -> str:
        if not url.startswith("/"):
            return url
        for prefix in at_root:
            if url == prefix or url.startswith(prefix + "/"):
                url = url[len(prefix) :] or "/"
        return (script_root + url).rstrip("/") or "/" if script_root else url

    _map_servers(served, locate)
    paths = served.get("paths") or {}
    moved: dict[str, Any] = {}
    for key, item in paths.items():
        for prefix in at_root:
            if key.startswith(prefix + "/"):
                key = key[len(prefix) :]
        moved[key] = item
        if isinstance(item, dict):
            _map_servers(item, locate)
            for operation in item.values():
                if isinstance(operation, dict):
                    _map_servers(operation, locate)
    served["paths"] = moved
    import yaml  # deferred: loaded when a contract is first served, not at start

    return yaml.safe_dump(served, sort_keys=False, allow_unicode=True, width=110)


def _map_servers(node: dict[str, Any], locate: Callable[[str], str]) -> None:
    for server in node.get("servers") or []:
        if isinstance(server, dict) and isinstance(server.get("url"), str):
            server["url"] = locate(server["url"])


@functools.lru_cache(maxsize=16)
def _load(path: Path, _mtime: int) -> dict[str, Any]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
