"""`telephony-sandbox replay`: a cassette's requests sent again, in order, to a sandbox.

Each recorded request is re-signed with the sandbox's credentials (`signing`: a redacted
Authorization is answered again in its scheme, MOR's `u` and `hash` recomputed, token grants
sent with the sandbox's user or client) and its answer compared with the recorded one by
`compare`, the redacted fields counted as volatile. Exchange n is named `#n METHOD PATH`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from sandbox.verify.compare import Normaliser, compare
from sandbox.verify.contract import Contract
from sandbox.verify.exchange import Answer, Request, header
from sandbox.verify.redact import SECRET_KEYS
from sandbox.verify.report import ERROR, Result, outcome_of
from sandbox.verify.verify import in_process_sandbox, make_side


class CassetteError(ValueError):
    """A cassette that cannot be read."""


@dataclass
class ReplayOptions:
    """What one replay does."""

    cassette: str
    url: str | None = None
    world: str | None = None
    auth: dict[str, str] = field(default_factory=dict)
    mode: str = "values"
    volatile: tuple[str, ...] = ()


def read_cassette(path: str) -> list[dict[str, Any]]:
    """The exchanges of a cassette, in order."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CassetteError(f"cannot read {path}: {exc.strerror}") from exc
    exchanges = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            exchange = json.loads(line)
        except ValueError:
            exchange = None
        if not _is_exchange(exchange):
            raise CassetteError(f"{path} line {number}: not a recorded exchange")
        exchanges.append(exchange)
    if not exchanges:
        raise CassetteError(f"{path}: no exchanges")
    return exchanges


def _is_exchange(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    request, response = value.get("request"), value.get("response")
    return (
        isinstance(request, dict)
        and isinstance(request.get("method"), str)
        and isinstance(request.get("path"), str)
        and isinstance(response, dict)
        and isinstance(response.get("status"), int)
    )


def run(options: ReplayOptions, exchanges: list[dict[str, Any]], base: str, root: str | None) -> list[Result]:
    """Replay the exchanges against a vendor base URL (`root`: the sandbox root, when in-process)."""
    vendor = str(exchanges[0].get("vendor", ""))
    contract = Contract(vendor)
    side = make_side(contract, vendor, base, options.auth)
    if root is not None:
        side.servers = {server: root + server for server in side.servers}
    normaliser = Normaliser().with_keys((*SECRET_KEYS, *options.volatile))
    results = []
    for number, exchange in enumerate(exchanges, start=1):
        request = Request.from_dict(exchange["request"])
        recorded = Answer.from_dict(exchange["response"])
        operation = contract.find(request.method, request.path)
        request.server = operation.server if operation else contract.server
        name = f"#{number} {request.method} {request.path}"
        try:
            answer = side.send(request, header(request.headers, "Authorization") is not None)
        except requests.RequestException as exc:
            results.append(Result(name, request.method, request.path, ERROR, reason=type(exc).__name__))
            continue
        differences = compare(recorded, answer, options.mode, normaliser)
        results.append(
            Result(
                name,
                request.method,
                request.path,
                outcome_of([], differences),
                differences=differences,
                status=f"{recorded.status}/{answer.status}",
            )
        )
    return results


def replay(options: ReplayOptions) -> list[Result]:
    """Replay a cassette against `options.url`, or a fresh in-process sandbox."""
    exchanges = read_cassette(options.cassette)
    if options.url:
        return run(options, exchanges, options.url.rstrip("/"), None)
    vendor = str(exchanges[0].get("vendor", ""))
    with in_process_sandbox(options.world) as root:
        return run(options, exchanges, root + Contract(vendor).server, root)
