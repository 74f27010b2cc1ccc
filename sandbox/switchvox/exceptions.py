"""Switchvox Extend API errors: numeric codes with messages, sent with HTTP 200."""

from __future__ import annotations

from sandbox.core.errors import VendorError


class SwitchvoxError(VendorError):
    """Any Extend API error."""

    status = 200
    code = 10000
    message = "Error"


def http_error(status: int, description: str) -> SwitchvoxError:
    """Switchvox's answer to a bare HTTP status."""
    return SwitchvoxError(description, status=status)
