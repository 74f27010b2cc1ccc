"""`/__sandbox/faults`: the tenant's fault rules, as records of the `sandbox.faults` collection."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from sandbox.control.body import json_body, no_content
from sandbox.core.context import current_call, current_sandbox
from sandbox.core.pipeline import control_error
from sandbox.core.store.collection import Collection
from sandbox.faults.action_rules import describe_actions
from sandbox.faults.actions import coded_error
from sandbox.faults.checks import RuleError
from sandbox.faults.engine import ordered
from sandbox.faults.registry import NoSuchRule, RuleChecks, RuleExists, add_rule, patch_rule, replace_rules
from sandbox.faults.rules import METHODS, RULE_PARAMS


def register(bp: Blueprint) -> None:
    """Add the fault routes to the control blueprint."""
    bp.add_url_rule("/faults", view_func=list_faults, methods=["GET"])
    bp.add_url_rule("/fault-actions", view_func=fault_actions, methods=["GET"])
    bp.add_url_rule("/faults", view_func=add_faults, methods=["POST"])
    bp.add_url_rule("/faults", view_func=delete_faults, methods=["DELETE"])
    bp.add_url_rule("/faults/<rule_id>", view_func=get_fault, methods=["GET"])
    bp.add_url_rule("/faults/<rule_id>", view_func=patch_fault, methods=["PATCH"])
    bp.add_url_rule("/faults/<rule_id>", view_func=delete_fault, methods=["DELETE"])


def rule_error(exc: RuleError) -> Response:
    """400 naming the field: `{"error": "action.status: ...", "field": "action.status"}`."""
    response = jsonify({"error": str(exc), "status": 400, "field": exc.field})
    response.status_code = 400
    return response


def check_code(vendor_name: str, code: Any) -> str | None:
    """None when the vendor has a documented error for `code`, else why not."""
    try:
        coded_error(current_sandbox().vendors[vendor_name], code)
    except Exception:
        return f"{code!r} is not a documented {vendor_name} error code in the sandbox"
    return None


def _rules() -> Collection:
    return current_call().tenant.collection("sandbox", "faults")


def _checks() -> RuleChecks:
    sandbox = current_sandbox()
    return RuleChecks(list(sandbox.vendors), int(sandbox.config.get("SEED") or 0), check_code)


def fault_actions() -> Response:
    """What a rule may say: each action type and its parameters, the rule's fields, the match's choices."""
    return jsonify(
        {
            "actions": describe_actions(),
            "rule": [param.describe() for param in RULE_PARAMS],
            "match": {"vendors": list(current_sandbox().vendors), "methods": list(METHODS)},
        }
    )


def list_faults() -> Response:
    """Every rule, in the order they are tried."""
    return jsonify({"rules": ordered(_rules())})


def add_faults() -> Response:
    """One rule (201, the stored rule), or `{"seed": N, "rules": [...]}` replacing them all (201)."""
    body = json_body()
    if not isinstance(body, dict):
        return rule_error(RuleError("body", "must be a JSON object: a rule, or {seed, rules}"))
    now = current_call().clock.time()
    try:
        with current_call().tenant.transaction():
            if "rules" in body:
                records = replace_rules(_rules(), body, _checks(), now)
                return _created({"rules": records})
            record = add_rule(_rules(), body, _checks(), now)
    except RuleExists as exc:
        return control_error(str(exc), 409)
    except RuleError as exc:
        return rule_error(exc)
    response = _created(record)
    response.headers["Location"] = request.base_url.rstrip("/") + "/" + record["id"]
    return response


def _created(document: dict[str, Any]) -> Response:
    response = jsonify(document)
    response.status_code = 201
    return response


def delete_faults() -> Response:
    """Remove every rule."""
    with current_call().tenant.transaction():
        _rules().replace_all([])
    return no_content()


def _missing(rule_id: str) -> Response:
    return control_error(f"no fault rule {rule_id!r}", 404)


def get_fault(rule_id: str) -> Response:
    """One rule, with its counters."""
    record = _rules().get(rule_id)
    return jsonify(record) if record is not None else _missing(rule_id)


def patch_fault(rule_id: str) -> Response:
    """Change some of a rule's fields: each one given replaces it whole; null puts back its default."""
    try:
        with current_call().tenant.transaction():
            updated = patch_rule(_rules(), rule_id, json_body(), _checks())
    except NoSuchRule:
        return _missing(rule_id)
    except RuleError as exc:
        return rule_error(exc)
    return jsonify(updated)


def delete_fault(rule_id: str) -> Response:
    """Remove one rule."""
    with current_call().tenant.transaction():
        if rule_id not in _rules():
            return _missing(rule_id)
        _rules().delete(rule_id)
    return no_content()
