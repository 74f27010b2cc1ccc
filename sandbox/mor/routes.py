"""MOR's routes."""

from __future__ import annotations

from flask import Blueprint


def blueprint() -> Blueprint:
    """The MOR blueprint (mounted at /mor)."""
    return Blueprint("mor", __name__)
