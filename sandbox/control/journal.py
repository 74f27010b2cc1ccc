"""The request journal: every vendor request of a tenant, in a bounded ring (memory stays flat).

The ring is bounded twice: by entries (`JOURNAL_SIZE`) and by bytes (`JOURNAL_BYTES`, an estimate
of what its entries take in memory), so a long load test with large bodies reaches a plateau too;
each entry's body is cut at `JOURNAL_BODY_BYTES`. The oldest entries go first.

The ring lives in `tenant.extras`, not in the store: it is history, not state, so snapshots don't
carry it and a reset starts it afresh. Control-plane calls never reach it (they have no vendor).
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from flask import Request, Response, request

from sandbox.control.redact import REDACTED, SECRET_HEADERS, is_secret, redact_body
from sandbox.core import body as body_reader
from sandbox.core.clock import isoformat
from sandbox.core.context import Call
from sandbox.core.store.tenant import TenantState
from sandbox.faults.actions import ANSWERED, CUT, ON_CUT
from sandbox.faults.matching import glob_match

EXTRAS_KEY = "sandbox.journal"
REDACTED_HEADERS = SECRET_HEADERS
VALUE_CHARS = 2048
"""Characters kept of each header or query value (memory per entry stays bounded)."""
VALUES_KEPT = 100
"""Values kept of a query parameter given many times."""
TRACE_KEPT = 40
"""Rules an entry's `fault_trace` explains at most, so every entry stays small."""
REDACT_MARGIN = 65_536
"""Body bytes past the cap that redaction still reads, for a secret that straddles the cut."""
FILTERS = ("vendor", "method", "path", "operation", "status", "fault")
BUDGET_BYTES = 8 * 1024 * 1024
"""The default byte budget of one tenant's journal (config `JOURNAL_BYTES`)."""
ENTRY_BYTES = 1000
"""What an entry kept as a dict takes besides its characters (its dicts and small values; measured)."""
ITEM_BYTES = 60
"""What each header or query item adds besides its characters."""

Entry = dict[str, Any]


def entry_cost(entry: Entry) -> int:
    """An estimate, in bytes, of the memory `entry` holds."""
    cost = ENTRY_BYTES + len(entry.get("body") or "") + len(entry.get("path") or "")
    for part in ("headers", "query"):
        for name, value in (entry.get(part) or {}).items():
            values = value if isinstance(value, list) else (value,)
            cost += ITEM_BYTES + len(name) + sum(len(v) + ITEM_BYTES for v in values)
    return cost + ITEM_BYTES * len(entry.get("fault_trace") or ())


PACKED_BYTES = 90
"""What a packed entry takes besides its JSON text (the bytes object and its place in the ring)."""


class Journal:
    """One tenant's most recent requests, oldest first, at most `size` of them in `budget_bytes`.

    An entry is kept as its JSON text (bytes): compact, and nothing for the garbage collector to
    walk, so a full journal does not make collections (and the requests they pause) slow. An entry
    still to be finished (a cut or dribbled response, whose duration comes later) stays a dict.
    """

    def __init__(self, size: int, budget_bytes: int = BUDGET_BYTES) -> None:
        self.size = max(size, 1)
        self.budget_bytes = max(budget_bytes, 1)
        self._entries: deque[bytes | Entry] = deque()
        self._costs: deque[int] = deque()
        self._bytes = 0
        self._lock = threading.Lock()
        self._next_id = 1

    def add(self, entry: Entry, pending: bool = False) -> Entry:
        """Append `entry`, giving it the next id; the oldest entries go while over a bound.

        A `pending` entry may still be changed by the caller; any other is stored as it is now.
        """
        with self._lock:
            entry["id"] = self._next_id
            self._next_id += 1
            if pending:
                item: bytes | Entry = entry
                cost = entry_cost(entry)
            else:
                item = json.dumps(entry, separators=(",", ":"), ensure_ascii=False).encode()
                cost = len(item) + PACKED_BYTES
            self._entries.append(item)
            self._costs.append(cost)
            self._bytes += cost
            while len(self._entries) > 1 and (
                len(self._entries) > self.size or self._bytes > self.budget_bytes
            ):
                self._entries.popleft()
                self._bytes -= self._costs.popleft()
        return entry

    @property
    def bytes(self) -> int:
        """The estimated memory its entries hold."""
        return self._bytes

    def entries(self) -> list[Entry]:
        """A copy of the ring, oldest first."""
        with self._lock:
            items = list(self._entries)
        return [json.loads(item) if isinstance(item, bytes) else dict(item) for item in items]

    def clear(self) -> None:
        """Forget every entry (ids keep counting)."""
        with self._lock:
            self._entries.clear()
            self._costs.clear()
            self._bytes = 0


def journal_of(tenant: TenantState, size: int, budget_bytes: int = BUDGET_BYTES) -> Journal:
    """The tenant's journal, made on first use."""
    journal = tenant.extras.get(EXTRAS_KEY)
    if journal is None:
        journal = tenant.extras.setdefault(EXTRAS_KEY, Journal(size, budget_bytes))
    return journal  # type: ignore[no-any-return]


def select(entries: Iterable[Entry], filters: Mapping[str, str]) -> list[Entry]:
    """The entries that every given filter accepts (`path` is a glob, `method` any case)."""
    chosen = []
    for entry in entries:
        if "vendor" in filters and entry["vendor"] != filters["vendor"]:
            continue
        if "method" in filters and entry["method"] != filters["method"].upper():
            continue
        if "path" in filters and not glob_match(filters["path"], entry["path"]):
            continue
        if "operation" in filters and entry["operation"] != filters["operation"]:
            continue
        if "status" in filters and str(entry["status"]) != filters["status"]:
            continue
        if "fault" in filters and entry["fault"] != filters["fault"]:
            continue
        chosen.append(entry)
    return chosen


def _capped(value: str) -> str:
    """A header or query value kept whole up to VALUE_CHARS characters, else cut with a note."""
    if len(value) <= VALUE_CHARS:
        return value
    return f"{value[:VALUE_CHARS]}...[{len(value) - VALUE_CHARS} more characters]"


def _headers(req: Request, vendor: str) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in req.headers.items():
        if name.lower() not in REDACTED_HEADERS and is_secret(name, vendor):
            value = REDACTED
        elif name.lower() in REDACTED_HEADERS:
            scheme = value.split(" ", 1)[0] if " " in value else ""
            # Keep the scheme only when it looks like one: a token sent without a scheme stays secret.
            scheme = scheme if scheme.isascii() and scheme.isalpha() and len(scheme) <= 16 else ""
            value = f"{scheme} [redacted]".strip()
        headers[name] = _capped(value)
    return headers


def _query(req: Request, vendor: str) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for key, values in req.args.to_dict(flat=False).items():
        secret = is_secret(key, vendor)
        kept = [REDACTED if secret else _capped(v) for v in values[:VALUES_KEPT]]
        query[_capped(key)] = kept[0] if len(kept) == 1 else kept
    return query


def _body(req: Request, cap: int, vendor: str) -> dict[str, Any]:
    try:
        # A request answered before its body was read (413, or a 401 checked first) keeps none of it.
        raw = b"" if body_reader.is_unread(req) else req.get_data(cache=True)
    except Exception:
        raw = b""
    # Secrets go before the cap (so a cut cannot leave half of one), over what the cap can keep.
    redacted = redact_body(raw[: cap + REDACT_MARGIN], req.content_type or "", vendor)
    kept = redacted[:cap]
    fields: dict[str, Any] = {"body_bytes": len(raw), "body_truncated": len(raw) > cap or len(redacted) > cap}
    for trim in range(4 if fields["body_truncated"] else 1):
        try:
            fields["body"] = kept[: len(kept) - trim].decode("utf-8")
            return fields
        except UnicodeDecodeError:
            continue
    fields["body"] = base64.b64encode(kept).decode("ascii")
    fields["body_encoding"] = "base64"
    return fields


class JournalHook:
    """Records every vendor request of a tenant in that tenant's journal."""

    def __init__(self, size: int, body_bytes: int, budget_bytes: int = BUDGET_BYTES) -> None:
        self.size = size
        self.body_bytes = body_bytes
        self.budget_bytes = budget_bytes

    def before(self, call: Call) -> Response | None:
        """Note the time the request arrived (on the tenant's clock)."""
        call.notes["journal.time"] = isoformat(call.clock.now())
        return None

    def after(self, call: Call, response: Response) -> Response:
        """Write the entry; requests whose delivery outlasts the view get their duration when done."""
        assert call.vendor is not None
        cut = call.notes.get(CUT)
        entry: Entry = {
            "id": 0,
            "time": call.notes.get("journal.time") or isoformat(call.clock.now()),
            "vendor": call.vendor.name,
            "operation": call.operation,
            "method": request.method,
            "path": call.path,
            "query": _query(request, call.vendor.name),
            "headers": _headers(request, call.vendor.name),
            **_body(request, self.body_bytes, call.vendor.name),
            "status": None if cut else response.status_code,
            "duration_ms": _elapsed_ms(call),
            "fault": call.fault,
            "fault_type": call.notes.get("fault.type"),
            "fault_trace": _trace(call.notes.get("fault.trace") or []),
            "cut": cut,
            "applied": request.url_rule is not None and not call.notes.get(ANSWERED),
            "route_matched": request.url_rule is not None,
        }
        pending = bool(cut) or call.notes.get("fault.type") == "dribble"
        journal_of(call.tenant, self.size, self.budget_bytes).add(entry, pending)

        def finish() -> None:
            entry["duration_ms"] = _elapsed_ms(call)

        if cut:
            call.notes.setdefault(ON_CUT, []).append(finish)
        elif call.notes.get("fault.type") == "dribble":
            response.call_on_close(finish)
        return response


def _trace(trace: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules tried, at most TRACE_KEPT: the first ones and the last (the one that fired, if any)."""
    if len(trace) <= TRACE_KEPT:
        return list(trace)
    half = TRACE_KEPT // 2
    skipped = {"rule": None, "reason": f"{len(trace) - 2 * half} more rules tried"}
    return [*trace[:half], skipped, *trace[-half:]]


def _elapsed_ms(call: Call) -> float:
    return round((time.perf_counter() - call.started) * 1000.0, 3)
