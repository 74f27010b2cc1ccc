"""Kolmisoft MOR's errors: the message is the whole error (`<page><error>MSG</error></page>`)."""

from __future__ import annotations

from sandbox.core.errors import VendorError


class MorError(VendorError):
    """Any MOR API error. MOR answers errors with HTTP 200 (VENDOR-FACTS §2.3, assumed)."""

    status = 200
    message = "Access Denied"


def http_error(status: int, description: str) -> MorError:
    """MOR's answer to a bare HTTP status."""
    return MorError(description, status=status)
