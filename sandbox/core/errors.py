"""The base of every vendor-named error."""

from __future__ import annotations

from typing import Any


class VendorError(Exception):
    """An error as a vendor reports it: its HTTP status, its own code and its message.

    Each vendor subclasses this once (OmiliaError, MorError, ...) and names its documented errors
    after the vendor's wording; that vendor's renderer turns them into bytes on the wire.
    """

    status: int = 400
    code: Any = None
    message: str = "Bad Request"

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        code: Any = None,
        headers: dict[str, str] | None = None,
        **details: Any,
    ) -> None:
        if message is not None:
            self.message = message
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code
        self.headers: dict[str, str] = dict(headers or {})
        self.details: dict[str, Any] = details
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, code={self.code!r}, message={self.message!r})"
