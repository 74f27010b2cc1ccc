"""The control plane's JSON bodies: anything that is not JSON reads as None (a 400, never a 500)."""

from __future__ import annotations

from typing import Any

from flask import request


def json_body() -> Any:
    """The request's JSON body, or None when it is missing, not JSON, or nested past the parser's depth."""
    try:
        return request.get_json(silent=True)
    except RecursionError:
        return None
