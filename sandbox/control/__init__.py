"""The control plane, `/__sandbox`: health, reset, state, clock, contracts, faults and the journal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from sandbox.control.faults_routes import check_code
from sandbox.control.journal import JournalHook
from sandbox.control.routes import control_blueprint
from sandbox.core import clock
from sandbox.core.runtime import Sandbox
from sandbox.core.tenancy import CONTROL_PREFIX
from sandbox.core.vendor import CollectionSpec
from sandbox.core.world import read_document
from sandbox.faults.hook import FaultHook
from sandbox.faults.rules import RuleError, check_fault_records, check_rule_set, number_rules

SANDBOX_COLLECTIONS: dict[str, CollectionSpec] = {
    **clock.COLLECTIONS,
    "faults": CollectionSpec(key="id"),
}
"""The sandbox's own per-tenant records (namespace `sandbox` in snapshots)."""


def _vendor_names() -> list[str]:
    from sandbox.vendors import load_vendors

    return [v.name for v in load_vendors()]


def load_fault_file(path: str, default_seed: int) -> list[dict[str, Any]]:
    """The rules of a fault file (`{"seed": N, "rules": [...]}`, YAML or JSON) as fresh records."""
    document = read_document(path)
    if isinstance(document, list):
        document = {"rules": document}
    try:
        rules = check_rule_set(document, _vendor_names(), default_seed)
    except RuleError as exc:
        raise ValueError(f"fault file {path}: {exc}") from None
    # created_at stays null: a rule's ttl starts when it first sees a request in its tenant.
    return number_rules(rules, (), 0, None)


def sandbox_seed(config: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The sandbox's part of the initial world: a running clock and the fault file's rules."""
    seed = int(config.get("SEED") or 0)
    faults = load_fault_file(str(config["FAULTS"]), seed) if config.get("FAULTS") else []
    return {"clock": [clock.default_record()], "faults": faults}


def install_control(app: Flask, sandbox: Sandbox) -> None:
    """Attach the journal and the fault injector to the sandbox (in that order: the journal sees faults)."""
    config = sandbox.config
    world = sandbox.store.initial_world.setdefault("sandbox", {})
    seed = int(config.get("SEED") or 0)
    try:
        # A vendor's documented errors are built as in a request: check the codes inside one.
        with app.test_request_context(CONTROL_PREFIX + "/faults"):
            world["faults"] = check_fault_records(
                world.get("faults", []), list(sandbox.vendors), seed, "sandbox.faults", check_code
            )
    except RuleError as exc:
        raise ValueError(f"initial world: {exc}") from None
    if int(config["JOURNAL_SIZE"]) > 0:  # JOURNAL_SIZE 0 turns the journal off
        sandbox.hooks.append(
            JournalHook(
                int(config["JOURNAL_SIZE"]), int(config["JOURNAL_BODY_BYTES"]), int(config["JOURNAL_BYTES"])
            )
        )
    sandbox.hooks.append(FaultHook(float(config["HANG_CAP_S"])))


__all__ = ["SANDBOX_COLLECTIONS", "control_blueprint", "install_control", "sandbox_seed"]
