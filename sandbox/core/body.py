"""Reading a request body once, capped: past the limit it is refused without reading the rest.

Werkzeug refuses a declared `Content-Length` over `MAX_CONTENT_LENGTH`, but a chunked body (no
length) it cuts silently at the limit. Here a chunked body is read up to one byte past the limit:
one byte more and the request is a 413; otherwise the body is kept in memory with its length set,
so every reader (the journal, the operation name, the view's form parsing) sees the same bytes.
"""

from __future__ import annotations

import io

from flask import Request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

READ_CHUNK = 64 * 1024
UNREAD_ENVIRON = "sandbox.body_unread"


def mark_unread(request: Request) -> None:
    """Note that the body is not read yet: an answer now must close the connection and read none of it."""
    request.environ[UNREAD_ENVIRON] = True


def is_unread(request: Request) -> bool:
    """Whether the request was answered before its body was read (the journal then keeps no body)."""
    return bool(request.environ.get(UNREAD_ENVIRON))


def too_large() -> RequestEntityTooLarge:
    """The 413 of a body past the limit (werkzeug's own wording, as for a declared length)."""
    return RequestEntityTooLarge()


def unknown_length(request: Request) -> bool:
    """Whether the body has no declared length but a server that ends it (chunked transfer coding)."""
    if request.content_length is not None or not request.environ.get("wsgi.input_terminated"):
        return False
    return "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def declared_over(request: Request, size: int) -> bool:
    """Whether the body is declared larger than `size` bytes, or may be (chunked)."""
    length = request.content_length
    return unknown_length(request) or (length is not None and length > size)


def buffer(request: Request, limit: int) -> None:
    """Read the whole body into memory (RequestEntityTooLarge once it passes `limit`)."""
    length = request.content_length
    if length is not None and length > limit:
        raise too_large()
    if unknown_length(request):
        _dechunk(request, limit)
    request.get_data(cache=True)
    request.environ.pop(UNREAD_ENVIRON, None)


def _dechunk(request: Request, limit: int) -> None:
    environ = request.environ
    stream = environ["wsgi.input"]
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = stream.read(min(READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise too_large()
            chunks.append(chunk)
    except (OSError, ValueError) as exc:
        raise BadRequest("The request body could not be read (a broken chunked transfer coding)") from exc
    environ["wsgi.input"] = io.BytesIO(b"".join(chunks))
    environ["CONTENT_LENGTH"] = str(total)
    request.__dict__.pop("stream", None)  # in case something opened the original stream already
