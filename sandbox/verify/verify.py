"""`telephony-sandbox verify`: the contract's example requests sent to a target and to a sandbox.

Each case is sent to both sides, signed with each side's credentials. The target's answer is
checked against the contract; the sandbox's answer is compared with the target's (`compare`).
Read-only cases only, unless `write`: then every case, in the order the links allow, a
destructive case only to remove what this run created (its values handed on by a link).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import unquote

import requests

from sandbox.verify import links
from sandbox.verify.compare import Normaliser, compare
from sandbox.verify.conform import conform
from sandbox.verify.contract import Case, Contract, Operation
from sandbox.verify.exchange import Request
from sandbox.verify.report import DRIFT, ERROR, SKIPPED, Result, outcome_of
from sandbox.verify.signing import Side, bases, credentials_for


@dataclass
class Options:
    """What one verify run does."""

    vendor: str
    target: str
    auth: dict[str, str] = field(default_factory=dict)
    operations: str = "*"
    write: bool = False
    mode: str = "shape"
    volatile: tuple[str, ...] = ()
    insecure: bool = False
    params: dict[str, str] = field(default_factory=dict)  # the target's own ids, in place of examples


def needs_auth(contract: Contract, operation: Operation) -> bool:
    """Whether the operation's security asks for credentials (an empty list means none)."""
    security = operation.spec.get("security", contract.document.get("security"))
    return bool(security)


def path_values(operation: Operation, path: str) -> dict[str, str]:
    """The path parameters a concrete path gives the operation's template."""
    names = re.findall(r"\{([^}]+)\}", operation.path)
    pattern = re.escape(operation.path)
    for name in names:
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<p{names.index(name)}>[^/]+)")
    match = re.fullmatch(pattern, path)
    if not match:
        return {}
    return {name: unquote(match.group(f"p{n}")) for n, name in enumerate(names)}


@contextmanager
def in_process_sandbox(world: str | None = None) -> Iterator[str]:
    """A fresh sandbox on a free local port; yields its root URL."""
    from sandbox.app import create_app
    from sandbox.testing import ServerThread

    config: dict[str, Any] = {"TESTING": True}
    if world:
        config["WORLD"] = world
    app = create_app(config)
    log = logging.getLogger("werkzeug")
    level = log.level
    log.setLevel(logging.ERROR)  # no access log lines among the report's
    try:
        with ServerThread(app) as server:
            yield server.url
    finally:
        log.setLevel(level)
        app.extensions["sandbox"].store.close()


def make_side(
    contract: Contract, vendor: str, base: str, given: dict[str, str], insecure: bool = False
) -> Side:
    """One side of a comparison: its vendor base URL, other servers' bases, and credentials."""
    creds = credentials_for(vendor, given)
    servers = {op.server for op in contract.operations()}
    return Side(
        vendor, base.rstrip("/"), bases(vendor, contract.server, base, servers, creds), creds, not insecure
    )


def select(cases: list[Case], pattern: str) -> list[Case]:
    """The cases whose name or operationId matches one of the comma-separated globs."""
    globs = [g.strip() for g in pattern.split(",") if g.strip()] or ["*"]
    return [c for c in cases if any(fnmatchcase(c.name, g) or fnmatchcase(c.operation.id, g) for g in globs)]


def plan(cases: list[Case], write: bool) -> list[Case]:
    """The order cases run in: the contract's for reads; with writes, the links' order."""
    return links.write_order(cases) if write else cases


NEEDS_WRITE = "a write: needs --write"
NOTHING_TO_REMOVE = "removes nothing this run created"


def run(options: Options, sandbox_root: str) -> list[Result]:
    """Verify every selected case against the target and the sandbox at `sandbox_root`."""
    contract = Contract(options.vendor)
    sandbox = make_side(contract, options.vendor, sandbox_root + contract.server, {})
    sandbox.servers = {server: sandbox_root + server for server in sandbox.servers}
    sides = {
        "target": make_side(contract, options.vendor, options.target, options.auth, options.insecure),
        "sandbox": sandbox,
    }
    normaliser = Normaliser().with_keys(options.volatile)
    ran: dict[str, list[links.Ran]] = {label: [] for label in sides}
    cases = plan(select(contract.all_cases(), options.operations), options.write)
    targeted = {case.name: case.request for case in contract.all_cases(options.params)}
    return [run_case(contract, case, targeted[case.name], sides, ran, options, normaliser) for case in cases]


def skip_reason(case: Case, write: bool) -> str:
    """Why a case is not sent ("" when it is)."""
    if case.request is None:
        return case.skipped
    if not case.read_only and not write:
        return NEEDS_WRITE
    return ""


def run_case(
    contract: Contract,
    case: Case,
    target_request: Request | None,
    sides: dict[str, Side],
    ran: dict[str, list[links.Ran]],
    options: Options,
    normaliser: Normaliser,
) -> Result:
    """Send one case to both sides; the target's conformance and the sandbox's differences."""
    op = case.operation
    reason = skip_reason(case, options.write)
    if reason or case.request is None:
        return Result(case.name, op.method, op.path, SKIPPED, reason=reason)
    cleaning = case.destructive and options.write
    prepared = {}
    for label in sides:
        example = target_request if label == "target" and target_request else case.request
        request, values, source = links.apply(case, example, ran[label], writes_only=cleaning)
        if cleaning and source is None:
            return Result(case.name, op.method, op.path, SKIPPED, reason=NOTHING_TO_REMOVE)
        prepared[label] = (request, values or path_values(op, request.path))
    path = prepared["target"][0].path
    answers = {}
    for label, side in sides.items():
        request, values = prepared[label]
        try:
            answers[label] = side.send(request, needs_auth(contract, op))
        except requests.RequestException as exc:
            return Result(
                case.name, op.method, path, ERROR, reason=f"{label} unreachable: {type(exc).__name__}"
            )
        ran[label].append(links.Ran(case, request, values, answers[label]))
    found = conform(op, answers["target"])
    differences = compare(answers["target"], answers["sandbox"], options.mode, normaliser)
    status = f"{answers['target'].status}/{answers['sandbox'].status}"
    return Result(
        case.name, op.method, path, outcome_of(found, differences), found, differences, status=status
    )


def verify(options: Options, world: str | None = None) -> list[Result]:
    """Verify against an in-process sandbox started for the run."""
    with in_process_sandbox(world) as root:
        return run(options, root)


def drifted(results: list[Result]) -> bool:
    """Whether any case drifted or failed."""
    return any(r.outcome in (DRIFT, ERROR) for r in results)
