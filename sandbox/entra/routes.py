"""Entra's routes."""

from __future__ import annotations

from flask import Blueprint


def blueprint() -> Blueprint:
    """The Entra blueprint (mounted at /entra)."""
    return Blueprint("entra", __name__)
