"""Where the OpenAPI contracts are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

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
