"""Operator Connect errors: ASP.NET Core problem details (the Upload page's error examples).

Validation failures are `ValidationProblemDetails` (`errors` by field); other statuses are the plain
problem details ASP.NET Core writes for a bare status code, with the RFC section as `type`.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.core.errors import VendorError

PROBLEM_TYPES: dict[int, tuple[str, str]] = {
    400: ("https://tools.ietf.org/html/rfc7231#section-6.5.1", "Bad Request"),
    401: ("https://tools.ietf.org/html/rfc7235#section-3.1", "Unauthorized"),
    403: ("https://tools.ietf.org/html/rfc7231#section-6.5.3", "Forbidden"),
    404: ("https://tools.ietf.org/html/rfc7231#section-6.5.4", "Not Found"),
    405: ("https://tools.ietf.org/html/rfc7231#section-6.5.5", "Method Not Allowed"),
    406: ("https://tools.ietf.org/html/rfc7231#section-6.5.6", "Not Acceptable"),
    409: ("https://tools.ietf.org/html/rfc7231#section-6.5.8", "Conflict"),
    413: ("https://tools.ietf.org/html/rfc7231#section-6.5.11", "Payload Too Large"),
    415: ("https://tools.ietf.org/html/rfc7231#section-6.5.13", "Unsupported Media Type"),
    422: ("https://tools.ietf.org/html/rfc4918#section-11.2", "Unprocessable Entity"),
    429: ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
    500: (
        "https://tools.ietf.org/html/rfc7231#section-6.6.1",
        "An error occurred while processing your request.",
    ),
    502: ("https://tools.ietf.org/html/rfc7231#section-6.6.3", "Bad Gateway"),
    503: ("https://tools.ietf.org/html/rfc7231#section-6.6.4", "Service Unavailable"),
    504: ("https://tools.ietf.org/html/rfc7231#section-6.6.5", "Gateway Timeout"),
}
VALIDATION_TITLE = "One or more validation errors occurred."


class OperatorConnectError(VendorError):
    """Any Operator Connect error: a problem-details body; `detail` (optional) explains it."""

    status = 400
    message = "Bad Request"

    @property
    def detail(self) -> str | None:
        """The problem's `detail` member, if any."""
        value = self.details.get("detail")
        return str(value) if value is not None else None


class ValidationProblem(OperatorConnectError):
    """400 with `errors: {Field: [message, ...]}` (the doc's three examples)."""

    status = 400
    message = VALIDATION_TITLE

    def __init__(self, errors: dict[str, list[str]], **kwargs: Any) -> None:
        super().__init__(VALIDATION_TITLE, **kwargs)
        self.errors = errors


def invalid(field: str, message: str) -> ValidationProblem:
    """A validation problem on one field."""
    return ValidationProblem({field: [message]})


class Unauthorized(OperatorConnectError):
    """401 from the JwtBearer handler; `WWW-Authenticate` says why."""

    status = 401
    message = "Unauthorized"

    def __init__(self, reason: str | None = None) -> None:
        challenge = (
            "Bearer" if reason is None else f'Bearer error="invalid_token", error_description="{reason}"'
        )
        super().__init__("Unauthorized", headers={"WWW-Authenticate": challenge})


class NotFound(OperatorConnectError):
    """404: no such task or number."""

    status = 404
    message = "Not Found"


class TooManyRequests(OperatorConnectError):
    """429 from the release rate limiter."""

    status = 429
    message = "Too Many Requests"


class UnsupportedMediaType(OperatorConnectError):
    """415: a body that is not JSON."""

    status = 415
    message = "Unsupported Media Type"


def http_error(status: int, description: str) -> OperatorConnectError:
    """Operator Connect's answer to a bare HTTP status: ASP.NET Core's problem details for it."""
    title = PROBLEM_TYPES.get(status, ("", description))[1]
    return OperatorConnectError(title, status=status)


DOCUMENTED: dict[str, tuple[str, str]] = {
    "invalid callingprofileid!": ("CallingProfile", "Invalid CallingProfileId!"),
    "there are no sbcs assigned to this calling profile!": (
        "CallingProfile",
        "There are no SBCs assigned to this calling profile!",
    ),
}


def coded_error(code: str) -> OperatorConnectError:
    """A documented error by its message (fault `vendor_error`), or a bare status given as digits.

    Anything else is a ValueError, so a misspelt message is refused when the rule is set.
    """
    text = str(code).strip()
    if re.fullmatch(r"[1-5][0-9][0-9]", text):
        return http_error(int(text), text)
    if text.lower() in DOCUMENTED:
        field, message = DOCUMENTED[text.lower()]
        return invalid(field, message)
    documented = [m for _, m in DOCUMENTED.values()]
    raise ValueError(f"unknown Operator Connect error {code!r}; documented: {documented} or an HTTP status")
