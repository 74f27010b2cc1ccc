"""The request journal: every vendor request of a tenant, in a bounded ring (memory stays flat).

The ring is bounded twice: by entries (`JOURNAL_SIZE`) and by bytes (`JOURNAL_BYTES`, an estimate
of what its entries take in memory), so a long load test with large bodies reaches a plateau too;
each entry's body is cut at `JOURNAL_BODY_BYTES`. The oldest entries go first.

The ring lives in `tenant.extras`, not in the store: it is history, not state, so snapshots don't
carry it and a reset starts it afresh. Control-plane calls never reach it (they have no vendor).
"""

from __future__ import annotations

import base64
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl

from flask import Request, Response, request
from werkzeug.datastructures import EnvironHeaders, MultiDict

from sandbox.control.redact import REDACTED, SECRET_HEADERS, is_secret, redact_body
from sandbox.core import body as body_reader
from sandbox.core.answer_cache import JOURNAL_COST, JOURNAL_RAW
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
BUDGET_BYTES = 12 * 1024 * 1024
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


RAW_BYTES = 400
"""What a raw entry takes besides its characters (its tuples and small values; measured)."""

Raw = tuple[Any, ...]
"""An entry as the request left it (see `capture`): made into a dict only when read."""


class Journal:
    """One tenant's most recent requests, oldest first, at most `size` of them in `budget_bytes`.

    Entries are kept as a request leaves them, in a tuple of plain values: recording one costs a
    few microseconds, and the garbage collector soon stops walking it, so a full journal does not
    make collections (and the requests they pause) slow. Reading makes them the entries of the API.
    """

    def __init__(self, size: int, budget_bytes: int = BUDGET_BYTES) -> None:
        self.size = max(size, 1)
        self.budget_bytes = max(budget_bytes, 1)
        self._entries: deque[tuple[int, Raw | list[Any] | Entry]] = deque()
        self._costs: deque[int] = deque()
        self._bytes = 0
        self._lock = threading.Lock()
        self._next_id = 1

    def add(self, entry: Raw | list[Any] | Entry, cost: int | None = None) -> int:
        """Append an entry (a dict, or a raw one, whose `cost` may be known); its id. The oldest go
        while over a bound."""
        if cost is None:
            cost = raw_cost(entry) if not isinstance(entry, dict) else entry_cost(entry)
        with self._lock:
            entry_id = self._next_id
            self._next_id += 1
            self._entries.append((entry_id, entry))
            self._costs.append(cost)
            self._bytes += cost
            while len(self._entries) > 1 and (
                len(self._entries) > self.size or self._bytes > self.budget_bytes
            ):
                self._entries.popleft()
                self._bytes -= self._costs.popleft()
        return entry_id

    @property
    def bytes(self) -> int:
        """The estimated memory its entries hold."""
        return self._bytes

    def entries(self) -> list[Entry]:
        """A copy of the ring, oldest first."""
        with self._lock:
            items = list(self._entries)
        return [{**e, "id": i} if isinstance(e, dict) else materialize(i, e) for i, e in items]

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


def _redact_header(value: str) -> str:
    scheme = value.split(" ", 1)[0] if " " in value else ""
    # Keep the scheme only when it looks like one: a token sent without a scheme stays secret.
    scheme = scheme if scheme.isascii() and scheme.isalpha() and len(scheme) <= 16 else ""
    return f"{scheme} [redacted]".strip()


def _headers(environ: Mapping[str, Any], vendor: str) -> dict[str, str]:
    """The headers as werkzeug names them (Authorization and the like were redacted when taken)."""
    headers: dict[str, str] = {}
    for name, value in EnvironHeaders(environ).items():
        if name.lower() not in REDACTED_HEADERS and is_secret(name, vendor):
            value = REDACTED
        headers[name] = _capped(value)
    return headers


def _query(query_string: str, vendor: str) -> dict[str, Any]:
    """The query string parsed as werkzeug parses `request.args`, secrets redacted."""
    text = query_string.encode("latin-1", "replace").decode("utf-8", "replace")
    pairs = parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote")
    query: dict[str, Any] = {}
    for key, values in MultiDict(pairs).to_dict(flat=False).items():
        secret = is_secret(key, vendor)
        kept = [REDACTED if secret else _capped(v) for v in values[:VALUES_KEPT]]
        query[_capped(key)] = kept[0] if len(kept) == 1 else kept
    return query


def _kept_body(req: Request, cap: int, vendor: str) -> tuple[bytes, int, bool]:
    """The body as the journal keeps it: redacted then capped, its size, whether it was cut."""
    try:
        # A request answered before its body was read (413, or a 401 checked first) keeps none of it.
        raw = b"" if body_reader.is_unread(req) else req.get_data(cache=True)
    except Exception:
        raw = b""
    if not raw:
        return b"", 0, False
    # Secrets go before the cap (so a cut cannot leave half of one), over what the cap can keep.
    redacted = redact_body(raw[: cap + REDACT_MARGIN], req.content_type or "", vendor)
    return redacted[:cap], len(raw), len(raw) > cap or len(redacted) > cap


def _body(kept: bytes, size: int, truncated: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {"body_bytes": size, "body_truncated": truncated}
    for trim in range(4 if truncated else 1):
        try:
            fields["body"] = kept[: len(kept) - trim].decode("utf-8")
            return fields
        except UnicodeDecodeError:
            continue
    fields["body"] = base64.b64encode(kept).decode("ascii")
    fields["body_encoding"] = "base64"
    return fields


HEADER_KEYS = ("CONTENT_TYPE", "CONTENT_LENGTH")
SECRET_KEYS = frozenset("HTTP_" + name.upper().replace("-", "_") for name in REDACTED_HEADERS)
DURATION = 9
"""The place of `duration_ms` in a raw entry (a cut or dribbled response sets it when it is done)."""


def capture(call: Call, req: Request, response: Response, body_cap: int) -> list[Any]:
    """What the journal keeps of a request, as cheaply as it can be taken (see `materialize`)."""
    assert call.vendor is not None
    vendor = call.vendor.name
    environ = req.environ
    headers = tuple(  # flat: name, value, name, value... (a tuple per pair would double its cost)
        item
        for key, value in environ.items()
        if key.startswith("HTTP_") or (key in HEADER_KEYS and value)
        for item in (sys.intern(key), _redact_header(value) if key in SECRET_KEYS else value)
    )
    body, size, truncated = _kept_body(req, body_cap, vendor)
    cut = call.notes.get(CUT)
    trace = call.notes.get("fault.trace")
    return [
        call.notes.get("journal.time") or call.clock.time(),
        vendor,
        call.operation,
        req.method,
        call.path,
        environ.get("QUERY_STRING", ""),
        headers,
        body,
        size,
        _elapsed_ms(call),
        None if cut else response.status_code,
        call.fault,
        call.notes.get("fault.type"),
        # (rule, reason) pairs, not dicts: an entry of plain values is soon untracked by the collector
        tuple((step["rule"], step["reason"]) for step in _trace(trace)) if trace else (),
        cut,
        req.url_rule is not None and not call.notes.get(ANSWERED),
        req.url_rule is not None,
        truncated,
    ]


def materialize(entry_id: int, raw: Raw | list[Any]) -> Entry:
    """The API's entry for a raw one."""
    (moment, vendor, operation, method, path, query, headers, body, size, duration,
     status, fault, fault_type, trace, cut, applied, matched, truncated) = raw  # fmt: skip
    return {
        "id": entry_id,
        "time": isoformat(datetime.fromtimestamp(moment, tz=timezone.utc)),
        "vendor": vendor,
        "operation": operation,
        "method": method,
        "path": path,
        "query": _query(query, vendor),
        "headers": _headers(dict(zip(headers[::2], headers[1::2], strict=True)), vendor),
        **_body(body, size, truncated),
        "status": status,
        "duration_ms": duration,
        "fault": fault,
        "fault_type": fault_type,
        "fault_trace": [{"rule": rule, "reason": reason} for rule, reason in trace],
        "cut": cut,
        "applied": applied,
        "route_matched": matched,
    }


def raw_cost(raw: Raw | list[Any]) -> int:
    """An estimate, in bytes, of the memory a raw entry holds."""
    headers = sum(len(item) + ITEM_BYTES // 2 for item in raw[6])
    return RAW_BYTES + len(raw[4]) + len(raw[5]) + headers + len(raw[7]) + ITEM_BYTES * len(raw[13])


class JournalHook:
    """Records every vendor request of a tenant in that tenant's journal."""

    def __init__(self, size: int, body_bytes: int, budget_bytes: int = BUDGET_BYTES) -> None:
        self.size = size
        self.body_bytes = body_bytes
        self.budget_bytes = budget_bytes

    def before(self, call: Call) -> Response | None:
        """Note the time the request arrived (on the tenant's clock)."""
        call.notes["journal.time"] = call.clock.time()
        return None

    def after(self, call: Call, response: Response) -> Response:
        """Write the entry; requests whose delivery outlasts the view get their duration when done."""
        raw = capture(call, request, response, self.body_bytes)
        cost = raw_cost(raw)
        call.notes[JOURNAL_RAW], call.notes[JOURNAL_COST] = raw, cost
        cut = call.notes.get(CUT)
        dribble = call.notes.get("fault.type") == "dribble"
        journal = journal_of(call.tenant, self.size, self.budget_bytes)
        if not (cut or dribble):
            journal.add(tuple(raw), cost)
            return response
        journal.add(raw, cost)  # kept mutable: its duration is known once the delivery ends

        def finish() -> None:
            raw[DURATION] = _elapsed_ms(call)

        if cut:
            call.notes.setdefault(ON_CUT, []).append(finish)
        else:
            response.call_on_close(finish)
        return response

    def replayed(self, tenant: TenantState, entry: tuple[Any, ...], cost: int | None = None) -> None:
        """A kept answer was given again: its request's entry, as `after` would have written it."""
        journal_of(tenant, self.size, self.budget_bytes).add(entry, cost)


def _trace(trace: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules tried, at most TRACE_KEPT: the first ones and the last (the one that fired, if any)."""
    if len(trace) <= TRACE_KEPT:
        return list(trace)
    half = TRACE_KEPT // 2
    skipped = {"rule": None, "reason": f"{len(trace) - 2 * half} more rules tried"}
    return [*trace[:half], skipped, *trace[-half:]]


def _elapsed_ms(call: Call) -> float:
    return round((time.perf_counter() - call.started) * 1000.0, 3)
