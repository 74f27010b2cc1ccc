"""`/__sandbox/ui`: the dashboard, one page and its script and style, built on the control-plane API only.

The page is static apart from three values the server fills in: the control plane's URL for this
tenant, the listener's root (to switch tenants) and the tenant's name. Everything it shows, it reads
from `/__sandbox/...` with the browser's own requests; nothing is fetched from anywhere else.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from flask import Blueprint, Response, render_template_string, request, send_from_directory

from sandbox.core.context import current_call
from sandbox.core.pipeline import control_error
from sandbox.core.tenancy import CONTROL_PREFIX

ASSETS = {"ui.js": "text/javascript", "ui.css": "text/css"}
"""The files the page loads, by name, with their media types (nothing else is served)."""


def register(bp: Blueprint) -> None:
    """Add the dashboard's routes to the control blueprint."""
    bp.add_url_rule("/ui", view_func=page, methods=["GET"])
    bp.add_url_rule("/ui/", view_func=page, methods=["GET"])
    bp.add_url_rule("/ui/<name>", view_func=asset, methods=["GET"])


def _static_dir() -> str:
    return str(resources.files("sandbox.control").joinpath("static"))


@cache
def _template() -> str:
    return resources.files("sandbox.control").joinpath("static", "dashboard.html").read_text("utf-8")


def _root(script_root: str, tenant: str) -> str:
    """The listener's root: the script root without the `/t/{tenant}` the tenant middleware added."""
    suffix = f"/t/{tenant}"
    return script_root[: -len(suffix)] if script_root.endswith(suffix) else script_root


def page() -> Response:
    """The dashboard page of the request's tenant."""
    tenant = current_call().tenant.name
    root = _root(request.script_root, tenant)
    html = render_template_string(
        _template(), base=request.script_root + CONTROL_PREFIX, root=root, tenant=tenant
    )
    return Response(html, mimetype="text/html", headers={"Cache-Control": "no-store"})


def asset(name: str) -> Response:
    """The page's script or style sheet."""
    if name not in ASSETS:
        return control_error(f"no dashboard file {name!r}; see {CONTROL_PREFIX}/ui", 404)
    return send_from_directory(_static_dir(), name, mimetype=ASSETS[name], max_age=0)
