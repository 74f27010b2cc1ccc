"""Results of verify and replay: a table for people, JSON for machines, JUnit XML for CI."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sandbox.core import xmlio
from sandbox.verify.compare import Difference
from sandbox.verify.redact import REDACTED, secret_key

OK, DRIFT, SKIPPED, ERROR = "ok", "drift", "skipped", "error"


@dataclass
class Result:
    """What one operation (or recorded exchange) came to."""

    name: str
    method: str
    path: str
    outcome: str
    conformance: list[Difference] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    reason: str = ""
    status: str = ""

    def __post_init__(self) -> None:
        self.conformance = [masked(d) for d in self.conformance]
        self.differences = [masked(d) for d in self.differences]

    @property
    def failed(self) -> bool:
        """Drift or an error."""
        return self.outcome in (DRIFT, ERROR)

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON object."""
        return {
            "name": self.name,
            "method": self.method,
            "path": self.path,
            "outcome": self.outcome,
            "status": self.status,
            "reason": self.reason,
            "conformance": [d.to_dict() for d in self.conformance],
            "differences": [d.to_dict() for d in self.differences],
        }


def masked(difference: Difference) -> Difference:
    """A difference at a secret field (a password, a token...) without the values."""
    name = re.split(r"[/.\[\]\"@]+", difference.path.strip('/$.[]"'))[-1] if difference.path else ""
    if not secret_key(name) or not (difference.expected or difference.actual):
        return difference
    hide = lambda value: REDACTED if value else ""  # noqa: E731
    return Difference(difference.path, difference.kind, hide(difference.expected), hide(difference.actual))


def outcome_of(conformance: list[Difference], differences: list[Difference]) -> str:
    """Drift when anything departs, else ok."""
    return DRIFT if conformance or differences else OK


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret value replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[REDACTED]")
    return text


def table(results: Sequence[Result], secrets: Iterable[str] = (), reference: str = "target") -> str:
    """A plain-text table: one line per operation, its findings indented below it."""
    secrets = list(secrets)
    width = max([len(r.name) for r in results] + [9])
    lines = [f"{'operation':<{width}}  {'outcome':<7}  {'status':<7}  details"]
    for result in results:
        detail = result.reason or (
            f"{len(result.conformance)} contract, {len(result.differences)} sandbox difference(s)"
            if result.failed
            else ""
        )
        lines.append(f"{result.name:<{width}}  {result.outcome:<7}  {result.status:<7}  {detail}")
        for finding in result.conformance:
            lines.append(f"    contract: {finding}")
        for finding in result.differences:
            lines.append(f"    sandbox vs {reference}: {finding}")
    counts = {kind: sum(1 for r in results if r.outcome == kind) for kind in (OK, DRIFT, SKIPPED, ERROR)}
    lines.append(", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return scrub("\n".join(lines), secrets) + "\n"


def as_json(results: Sequence[Result], meta: dict[str, Any]) -> str:
    """The machine-readable report."""
    summary = {kind: sum(1 for r in results if r.outcome == kind) for kind in (OK, DRIFT, SKIPPED, ERROR)}
    document = {**meta, "summary": summary, "results": [r.to_dict() for r in results]}
    return json.dumps(document, indent=2) + "\n"


def as_junit(results: Sequence[Result], suite: str) -> str:
    """JUnit XML: one testcase per operation, drift as a failure, skipped as skipped."""
    cases = []
    for result in results:
        case: dict[str, Any] = {"@classname": suite, "@name": result.name}
        findings = [f"contract: {f}" for f in result.conformance] + [
            f"sandbox: {f}" for f in result.differences
        ]
        if result.outcome == DRIFT:
            case["failure"] = {"@message": findings[0] if findings else "drift", "#text": "\n".join(findings)}
        elif result.outcome == ERROR:
            case["error"] = {"@message": result.reason or "error", "#text": result.reason}
        elif result.outcome == SKIPPED:
            case["skipped"] = {"@message": result.reason}
        cases.append(case)
    document = {
        "testsuite": {
            "@name": suite,
            "@tests": str(len(results)),
            "@failures": str(sum(1 for r in results if r.outcome == DRIFT)),
            "@errors": str(sum(1 for r in results if r.outcome == ERROR)),
            "@skipped": str(sum(1 for r in results if r.outcome == SKIPPED)),
            "testcase": cases,
        }
    }
    return xmlio.render(document)


def write_report(path: str, results: Sequence[Result], meta: dict[str, Any], secrets: Iterable[str]) -> None:
    """Write JSON (`.json`) or JUnit XML (`.xml`), chosen by the file's extension."""
    suite = f"telephony-sandbox.{meta.get('command', 'verify')}.{meta.get('vendor', '')}"
    text = as_junit(results, suite) if path.lower().endswith(".xml") else as_json(results, meta)
    Path(path).write_text(scrub(text, secrets), encoding="utf-8")
