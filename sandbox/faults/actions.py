"""What a fired rule does to the request, through the generic Vendor interface only.

Answers made before the view (error, vendor_error, rate_limit, and reset/empty/hang with
`"when": "before"`, the default) mean the vendor never handled the request: it is not applied.
`"when": "after"`, `malformed` and `dribble` let the view run (its writes are committed) and then
spoil the delivery: the request is applied. The journal records which (`applied`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from flask import Response, request
from werkzeug.http import HTTP_STATUS_CODES

from sandbox.core.context import Call
from sandbox.core.errors import VendorError
from sandbox.core.pipeline import render_vendor_error
from sandbox.core.vendor import Vendor
from sandbox.faults import connection
from sandbox.faults.engine import Firing

ANSWERED = "fault.answered"
"""call.notes flag: a fault answered before the vendor's view ran."""
CUT = "fault.cut"
"""call.notes: the connection-level action that cut the request (reset, empty, hang)."""
PENDING = "fault.pending"
"""call.notes: an action to apply to the response once the view has run."""
ON_CUT = "fault.on_cut"
"""call.notes: callables to run just before a cut closes the connection (other hooks add to it)."""


def coded_error(vendor: Vendor, code: Any) -> VendorError:
    """The vendor's documented error for `code` (tried as given, then as a string)."""
    if vendor.coded_error is None:
        raise LookupError(f"{vendor.name} has no documented error codes in the sandbox")
    try:
        return vendor.coded_error(code)
    except Exception:
        if isinstance(code, str):
            raise
        return vendor.coded_error(str(code))


def before_view(firing: Firing, call: Call, hang_cap_s: float) -> Response | None:
    """Act before the view: sleep, answer, cut, or leave a note for the view or for `after_view`."""
    action = firing.action
    kind = action["type"]
    vendor = call.vendor
    assert vendor is not None
    if kind == "delay":
        time.sleep(min(firing.delay_ms / 1000.0, hang_cap_s))
        return None
    if kind == "task_failure":
        call.notes["task_failure"] = {"message": action.get("message")}
        return None
    if kind in ("reset", "empty", "hang") and action.get("when", "before") == "before":
        call.notes[ANSWERED] = True
        return cut_response(kind, action, call, hang_cap_s)
    if kind == "error":
        call.notes[ANSWERED] = True
        return error_response(vendor, action)
    if kind == "vendor_error":
        call.notes[ANSWERED] = True
        try:
            error = coded_error(vendor, action["code"])
        except Exception:
            error = vendor.http_error(500, f"vendor error {action['code']}")
        return render_vendor_error(error)
    if kind == "rate_limit":
        call.notes[ANSWERED] = True
        error = vendor.http_error(429, action.get("message") or HTTP_STATUS_CODES[429])
        error.headers["Retry-After"] = str(firing.retry_after_s)
        return render_vendor_error(error)
    call.notes[PENDING] = action
    return None


def after_view(call: Call, response: Response, hang_cap_s: float) -> Response:
    """Spoil the delivery of a response the view made (cut, malformed, dribble)."""
    action = call.notes.get(PENDING)
    if action is None:
        return response
    kind = action["type"]
    if kind in ("reset", "empty", "hang"):
        return cut_response(kind, action, call, hang_cap_s)
    body = response.get_data()
    if kind == "malformed":
        spoiled = action["body"].encode() if "body" in action else body[: len(body) // 2] + b"\x00"
        response.set_data(spoiled)
        return response
    response.response = _dribbled(body, action["chunk_bytes"], action["interval_ms"] / 1000.0)
    response.headers["Content-Length"] = str(len(body))
    return response


def error_response(vendor: Vendor, action: dict[str, Any]) -> Response:
    """The vendor's own error envelope for a status, or the rule's own body."""
    status = action["status"]
    error = vendor.http_error(status, action.get("message") or HTTP_STATUS_CODES.get(status, "Error"))
    error.headers.update(action.get("headers") or {})
    response = render_vendor_error(error)
    if "body" in action:
        body = action["body"]
        if isinstance(body, str):
            response.set_data(body.encode())
        else:
            response.set_data(json.dumps(body).encode())
            response.mimetype = "application/json"
        response.status_code = status
    return response


def cut_response(kind: str, action: dict[str, Any], call: Call, hang_cap_s: float) -> Response:
    """A response that is never sent: its body resets, closes, or holds the connection."""
    call.notes[CUT] = kind
    hang_s = min(action["ms"] / 1000.0, hang_cap_s) if action.get("ms") is not None else hang_cap_s
    sock = connection.client_socket(request.environ)
    callbacks = call.notes.setdefault(ON_CUT, [])

    def on_cut() -> None:
        for callback in callbacks:
            callback()

    return Response(connection.cut_body(kind, sock, hang_s, on_cut))


def _dribbled(body: bytes, chunk: int, interval_s: float) -> Iterator[bytes]:
    for start in range(0, len(body), chunk):
        if start:
            time.sleep(interval_s)
        yield body[start : start + chunk]
