"""Entra's default world."""

from __future__ import annotations

from typing import Any


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    return {}
