"""Routes of the control plane. Every call acts on the request's tenant only."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request, send_file

from sandbox import __version__
from sandbox.control import faults_routes, journal_routes, ui
from sandbox.control.body import json_body
from sandbox.control.clock_change import clock_change
from sandbox.core.clock import isoformat
from sandbox.core.context import current_call, current_sandbox
from sandbox.core.contracts import CONTRACT_NAMES, contract_path, relocated
from sandbox.core.pipeline import control_error
from sandbox.core.store.tenant import StateError
from sandbox.core.tenancy import CONTROL_PREFIX, MOUNT_ENVIRON
from sandbox.core.world import overlay
from sandbox.faults.rules import RuleError, check_fault_records


def control_blueprint() -> Blueprint:
    """The `/__sandbox` blueprint."""
    bp = Blueprint("sandbox", __name__, url_prefix=CONTROL_PREFIX)
    bp.add_url_rule("/health", view_func=health, methods=["GET"])
    bp.add_url_rule("/tenants", view_func=list_tenants, methods=["GET"])
    bp.add_url_rule("/reset", view_func=reset, methods=["POST"])
    bp.add_url_rule("/state", view_func=get_state, methods=["GET"])
    bp.add_url_rule("/state", view_func=put_state, methods=["PUT"])
    bp.add_url_rule("/clock", view_func=get_clock, methods=["GET"])
    bp.add_url_rule("/clock", view_func=set_clock, methods=["POST"])
    bp.add_url_rule("/contracts", view_func=list_contracts, methods=["GET"])
    bp.add_url_rule("/contracts/<name>.yaml", view_func=get_contract, methods=["GET"])
    faults_routes.register(bp)
    journal_routes.register(bp)
    ui.register(bp)
    return bp


def _base_url() -> str:
    """The listener's URL as the client used it, tenant prefix included."""
    return request.host_url.rstrip("/") + request.script_root


def health() -> Response:
    """Liveness, version, and the base URL each vendor's client is to be told."""
    sandbox = current_sandbox()
    base = _base_url()
    mount = request.environ.get(MOUNT_ENVIRON)
    vendors: dict[str, str] = {}
    for vendor in sandbox.vendors.values():
        if mount is None:
            vendors[vendor.name] = base + vendor.prefix + vendor.client_path
        elif vendor.prefix == mount or (
            mount == sandbox.vendors["operator-connect"].prefix and vendor.name == "entra"
        ):
            vendors[vendor.name] = base + vendor.client_path
    return jsonify({"status": "ok", "version": __version__, "vendors": vendors})


def list_tenants() -> Response:
    """The names of the tenants that exist (the caller's own included: naming a tenant makes it)."""
    return jsonify({"tenants": current_sandbox().store.names()})


def reset() -> Response:
    """Bring the tenant back to its initial world."""
    current_sandbox().store.reset(current_call().tenant.name)
    return jsonify({"status": "reset", "tenant": current_call().tenant.name})


def get_state() -> Response:
    """The tenant's whole state."""
    return jsonify(current_call().tenant.snapshot())


def put_state() -> Response:
    """Replace the tenant's state: collections the body names replace the initial world's."""
    body = json_body()
    if not isinstance(body, dict):
        return control_error("the body must be a JSON object: {namespace: {collection: [records]}}", 400)
    sandbox = current_sandbox()
    tenant = current_call().tenant
    fresh = sandbox.store.fresh_world()
    unknown = sorted(ns for ns in body if ns not in fresh)
    if unknown:
        return control_error(f"{unknown[0]}: no such namespace; one of {', '.join(sorted(fresh))}", 400)
    try:
        world = overlay(fresh, body)
        faults = world.get("sandbox", {}).get("faults", [])
        world["sandbox"]["faults"] = check_fault_records(
            faults,
            list(sandbox.vendors),
            int(sandbox.config.get("SEED") or 0),
            "sandbox.faults",
            faults_routes.check_code,
        )
        tenant.load(world)
    except StateError as exc:
        return control_error(str(exc), 400)
    except RuleError as exc:
        return faults_routes.rule_error(exc)
    return jsonify(tenant.snapshot())


def _clock_body() -> Response:
    clock = current_call().clock
    return jsonify({"now": isoformat(clock.now()), "frozen": clock.frozen})


def get_clock() -> Response:
    """The tenant's time, and whether it is frozen."""
    return _clock_body()


def set_clock() -> Response:
    """Freeze, unfreeze or advance the tenant's clock."""
    try:
        clock_change(json_body()).apply(current_call().clock)
    except ValueError as exc:
        return control_error(str(exc), 400)
    return _clock_body()


def list_contracts() -> Response:
    """Where each contract is served."""
    base = _base_url() + CONTROL_PREFIX + "/contracts/"
    names = [n for n in CONTRACT_NAMES if contract_path(n) is not None]
    return jsonify({"contracts": {n: f"{base}{n}.yaml" for n in names}})


def get_contract(name: str) -> Response:
    """One contract, as YAML, saying where each operation is for this listener and tenant."""
    path = contract_path(name)
    if path is None:
        return control_error(f"no contract named {name!r}; see {CONTROL_PREFIX}/contracts", 404)
    mount = request.environ.get(MOUNT_ENVIRON)
    if not request.script_root and mount is None:
        return send_file(path, mimetype="application/yaml", max_age=0)  # the file says it as it is
    at_root: tuple[str, ...] = ()
    if mount is not None:
        at_root = (mount,)
        if mount == current_sandbox().vendors["operator-connect"].prefix:
            at_root += (current_sandbox().vendors["entra"].prefix,)  # its token endpoint is at the root too
    return Response(relocated(path, request.script_root, at_root), mimetype="application/yaml")
