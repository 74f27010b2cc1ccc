"""Microsoft identity platform errors (`{"error", "error_description", "error_codes", ...}`)."""

from __future__ import annotations

from sandbox.core.errors import VendorError


class EntraError(VendorError):
    """Any token endpoint error; `code` is the OAuth error code."""

    status = 400
    code = "invalid_request"
    message = "AADSTS900144: The request body must contain the following parameter: 'grant_type'."


def http_error(status: int, description: str) -> EntraError:
    """The identity platform's answer to a bare HTTP status."""
    return EntraError(description, status=status)
