"""`/__sandbox/requests`: the tenant's request journal, newest last."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from sandbox.control.body import no_content
from sandbox.control.journal import FILTERS, journal_of, select
from sandbox.control.unmatched import closest
from sandbox.core.context import current_call, current_sandbox
from sandbox.core.pipeline import control_error

MAX_LIMIT = 1_000_000
MAX_ID = 2**62


def register(bp: Blueprint) -> None:
    """Add the journal routes to the control blueprint."""
    bp.add_url_rule("/requests", view_func=list_requests, methods=["GET"])
    bp.add_url_rule("/requests", view_func=clear_requests, methods=["DELETE"])
    bp.add_url_rule("/requests/count", view_func=count_requests, methods=["GET"])
    bp.add_url_rule("/requests/unmatched", view_func=unmatched_requests, methods=["GET"])


def _journal():  # type: ignore[no-untyped-def]
    sandbox = current_sandbox()
    config = sandbox.config
    return journal_of(
        current_call().tenant, int(config.get("JOURNAL_SIZE") or 10_000), int(config["JOURNAL_BYTES"])
    )


def _filters() -> dict[str, str] | Response:
    filters = {name: request.args[name] for name in FILTERS if name in request.args}
    vendor = filters.get("vendor")
    if vendor is not None and vendor not in current_sandbox().vendors:
        return control_error(f"vendor: unknown vendor {vendor!r}", 400)
    return filters


def _count(name: str, high: int) -> int | Response | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()) or not 0 <= int(raw) <= high:
        return control_error(f"{name}: must be an integer from 0 to {high}", 400)
    return int(raw)


def _chosen(unmatched: bool = False) -> tuple[list[dict], int] | Response:
    filters = _filters()
    if isinstance(filters, Response):
        return filters
    limit = _count("limit", MAX_LIMIT)
    if isinstance(limit, Response):
        return limit
    before = _count("before", MAX_ID)
    if isinstance(before, Response):
        return before
    entries = select(_journal().entries(), filters)
    if before is not None:
        # A page further back: the entries older than the oldest one a client already shows.
        entries = [e for e in entries if e["id"] < before]
    if unmatched:
        entries = [e for e in entries if not e["route_matched"]]
    total = len(entries)
    if limit is not None:
        entries = entries[len(entries) - limit :] if limit else []
    return entries, total


def list_requests() -> Response:
    """The journal, filtered (vendor, method, path glob, operation, status, fault, before), newest last."""
    chosen = _chosen()
    if isinstance(chosen, Response):
        return chosen
    entries, total = chosen
    return jsonify({"requests": entries, "total": total})


def count_requests() -> Response:
    """How many entries `/requests` gives for the same filters (`limit` included)."""
    chosen = _chosen()
    if isinstance(chosen, Response):
        return chosen
    entries, _ = chosen
    return jsonify({"count": len(entries)})


def clear_requests() -> Response:
    """Empty the tenant's journal."""
    _journal().clear()
    return no_content()


def unmatched_requests() -> Response:
    """Requests that hit no route, each with its vendor's closest routes and why they did not match."""
    chosen = _chosen(unmatched=True)
    if isinstance(chosen, Response):
        return chosen
    entries, total = chosen
    sandbox = current_sandbox()
    for entry in entries:
        vendor = sandbox.vendors[entry["vendor"]]
        entry["closest"] = closest(current_app, vendor, entry["method"], entry["path"])
    return jsonify({"requests": entries, "total": total})
