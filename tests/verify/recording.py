"""Helpers of the record tests: a recording proxy on a free port, and the stand-in's credentials."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sandbox.testing import ServerThread
from sandbox.verify.record import Recorder

OMILIA_PASSWORD = "Omilia-Owner-Pa55phrase"
MOR_SECRET = "mor-api-Secret-Key-77"
SWITCHVOX_PASSWORD = "Pbx-Admin-Pa55word"


def recording_proxy(vendor: str, target: str, cassette: Path) -> ServerThread:
    """A started recording proxy in front of `target`."""
    return ServerThread(Recorder(vendor, target, str(cassette))).start()  # type: ignore[arg-type]


def exchanges(cassette: Path) -> list[dict[str, Any]]:
    """The cassette's lines, parsed."""
    return [json.loads(line) for line in cassette.read_text().splitlines()]


def set_credentials(state: dict[str, Any]) -> dict[str, Any]:
    """The state with passwords and secrets no default world holds (so the tests can look for them)."""
    for user in state["omilia"]["users"]:
        if user["username"] == "owner":
            user["password"] = OMILIA_PASSWORD
    for settings in state["mor"]["settings"]:
        if settings["id"] == "api":
            settings["api_secret_key"] = MOR_SECRET  # the system's one key
    for admin in state["switchvox"]["admins"]:
        if admin["username"] == "admin":
            admin["password"] = SWITCHVOX_PASSWORD
    return state
