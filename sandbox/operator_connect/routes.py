"""Operator Connect's routes."""

from __future__ import annotations

from flask import Blueprint


def blueprint() -> Blueprint:
    """The Operator Connect blueprint (mounted at /operator-connect)."""
    return Blueprint("operator_connect", __name__)
