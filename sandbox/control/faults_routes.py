"""`/__sandbox/faults`: the tenant's fault rules, as records of the `sandbox.faults` collection."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from sandbox.control.body import json_body, no_content
from sandbox.core.context import current_call, current_sandbox
from sandbox.core.pipeline import control_error
from sandbox.core.store.collection import Collection
from sandbox.faults.actions import coded_error
from sandbox.faults.engine import ordered
from sandbox.faults.rules import (
    MAX_RULES,
    READ_ONLY_FIELDS,
    RULE_FIELDS,
    RuleError,
    check_rule,
    check_rule_set,
    number_rules,
)


def register(bp: Blueprint) -> None:
    """Add the fault routes to the control blueprint."""
    bp.add_url_rule("/faults", view_func=list_faults, methods=["GET"])
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


def _vendors() -> list[str]:
    return list(current_sandbox().vendors)


def _seed() -> int:
    return int(current_sandbox().config.get("SEED") or 0)


def list_faults() -> Response:
    """Every rule, in the order they are tried."""
    return jsonify({"rules": ordered(_rules())})


def add_faults() -> Response:
    """One rule (201, the stored rule), or `{"seed": N, "rules": [...]}` replacing them all (201)."""
    body = json_body()
    if not isinstance(body, dict):
        return rule_error(RuleError("body", "must be a JSON object: a rule, or {seed, rules}"))
    tenant = current_call().tenant
    now = current_call().clock.time()
    rules = _rules()
    if "rules" in body:
        try:
            checked = check_rule_set(body, _vendors(), _seed(), check_code)
        except RuleError as exc:
            return rule_error(exc)
        records = number_rules(checked, (), 0, now)
        with tenant.transaction():
            rules.replace_all(records)
        response = jsonify({"rules": records})
        response.status_code = 201
        return response
    try:
        rule = check_rule(body, _vendors(), _seed(), check_code)
    except RuleError as exc:
        return rule_error(exc)
    with tenant.transaction():
        if rule["id"] is not None and rule["id"] in rules:
            return control_error(f"id: a rule {rule['id']!r} exists; PATCH or DELETE it", 409)
        if len(rules) >= MAX_RULES:
            return rule_error(RuleError("rules", f"the tenant holds {MAX_RULES} rules, the most it may"))
        position = max((r.get("position", 0) for r in rules.values()), default=-1) + 1
        (record,) = number_rules([rule], rules.keys(), position, now)
        rules.put(record)
    response = jsonify(record)
    response.status_code = 201
    response.headers["Location"] = request.base_url.rstrip("/") + "/" + record["id"]
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
    body = json_body()
    if not isinstance(body, dict):
        return rule_error(RuleError("body", "must be a JSON object of the fields to change"))
    tenant = current_call().tenant
    rules = _rules()
    with tenant.transaction():
        record = rules.get(rule_id)
        if record is None:
            return _missing(rule_id)
        if body.get("id", rule_id) != rule_id:
            return rule_error(RuleError("id", "cannot be changed; DELETE the rule and POST a new one"))
        merged = {k: v for k, v in record.items() if k in RULE_FIELDS}
        for name, value in body.items():
            if name in READ_ONLY_FIELDS:
                continue
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = value
        merged["id"] = rule_id
        try:
            rule = check_rule(merged, _vendors(), _seed(), check_code)
        except RuleError as exc:
            return rule_error(exc)
        updated = {**record, **rule}
        rules.put(updated)
    return jsonify(updated)


def delete_fault(rule_id: str) -> Response:
    """Remove one rule."""
    with current_call().tenant.transaction():
        if rule_id not in _rules():
            return _missing(rule_id)
        _rules().delete(rule_id)
    return no_content()
