"""The sandbox's resource limits, read once from the app's config (`SANDBOX_*` or `create_app`).

Each limit keeps one hostile client from taking the process's memory or time; each is refused in
the vendor's own error shape where it is hit. README "Limits" lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app, has_app_context

DEFAULTS: dict[str, int] = {
    "MAX_CONTENT_LENGTH": 64 * 1024 * 1024,  # request body bytes, chunked bodies included
    "AUTH_BEFORE_BODY_BYTES": 1024 * 1024,  # a larger (or chunked) body is authenticated before it is read
    "MAX_TENANTS": 1000,  # tenants in memory: idle ones are evicted (in memory) or new ones refused (--data)
    "XML_MAX_DEPTH": 64,  # element nesting of an XML body
    "XML_MAX_ELEMENTS": 100_000,  # elements of an XML body
    "CSV_MAX_ROWS": 100_000,  # data rows of one CSV import or upload
    "CSV_MAX_LINE_CHARS": 64 * 1024,  # characters of one line of a CSV file
}


@dataclass(frozen=True)
class Limits:
    """Every limit, as numbers."""

    max_content_length: int = DEFAULTS["MAX_CONTENT_LENGTH"]
    auth_before_body_bytes: int = DEFAULTS["AUTH_BEFORE_BODY_BYTES"]
    max_tenants: int = DEFAULTS["MAX_TENANTS"]
    xml_max_depth: int = DEFAULTS["XML_MAX_DEPTH"]
    xml_max_elements: int = DEFAULTS["XML_MAX_ELEMENTS"]
    csv_max_rows: int = DEFAULTS["CSV_MAX_ROWS"]
    csv_max_line_chars: int = DEFAULTS["CSV_MAX_LINE_CHARS"]

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Limits:
        """The limits a config names (ValueError naming the setting when one is not a positive integer)."""
        values: dict[str, int] = {}
        for name, default in DEFAULTS.items():
            raw = config.get(name, default)
            try:
                whole = not isinstance(raw, bool) and (not isinstance(raw, float) or raw.is_integer())
                value = int(raw) if whole else -1
            except (TypeError, ValueError):
                value = -1
            if value < 1:
                raise ValueError(f"SANDBOX_{name}: must be a positive whole number, got {raw!r}")
            values[name.lower()] = value
        return cls(**values)


def current() -> Limits:
    """The limits of the running app (the defaults outside one)."""
    if has_app_context():
        sandbox = current_app.extensions.get("sandbox")
        limits = getattr(sandbox, "limits", None)
        if isinstance(limits, Limits):
            return limits
    return Limits()
