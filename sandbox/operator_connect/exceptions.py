"""Operator Connect errors: ASP.NET Core problem details."""

from __future__ import annotations

from sandbox.core.errors import VendorError


class OperatorConnectError(VendorError):
    """Any Operator Connect error."""

    status = 400
    message = "One or more validation errors occurred."


def http_error(status: int, description: str) -> OperatorConnectError:
    """Operator Connect's answer to a bare HTTP status."""
    return OperatorConnectError(description, status=status)
