"""Switchvox's routes."""

from __future__ import annotations

from flask import Blueprint


def blueprint() -> Blueprint:
    """The Switchvox blueprint (mounted at /switchvox)."""
    return Blueprint("switchvox", __name__)
