"""The app factory: the one way a sandbox is built (CLI, Docker, pytest plugin, tests)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from sandbox.control import SANDBOX_COLLECTIONS, control_blueprint, install_control, sandbox_seed
from sandbox.core import answer_cache, jwt, limits, pipeline
from sandbox.core.runtime import Sandbox
from sandbox.core.store import Store
from sandbox.core.store.persist import Persistence
from sandbox.core.store.registry import TENANT_NAME
from sandbox.core.tenancy import TenantMiddleware, WSGIApp
from sandbox.core.vendor import CollectionSpec
from sandbox.core.world import default_world, overlay, read_document, read_pem, take_signing_key
from sandbox.early_auth import EARLY_AUTH
from sandbox.schemas import with_schemas
from sandbox.vendors import load_vendors

DEFAULTS: dict[str, Any] = {
    "DATA": None,  # path of the TinyDB file; None keeps state in memory
    "WORLD": None,  # a world file (snapshot format) overlaid on the default world
    "FAULTS": None,  # a fault file ({"seed": N, "rules": [...]}) in every tenant's initial world
    "SEED": 0,  # default seed of fault probabilities
    "SIGNING_KEY": None,  # a PEM RSA private key (text or file) for tokens; else one made per process
    "VENDOR": None,  # serve one vendor at the root of the listener
    "TENANT": None,  # every request of the listener is in this tenant (no /t/ prefix, no header)
    "JOURNAL_SIZE": 10_000,  # requests kept per tenant (0: no journal)
    "JOURNAL_BODY_BYTES": 16_384,  # request body bytes kept per journal entry
    "JOURNAL_BYTES": 12 * 1024 * 1024,  # memory (estimated) the journal of one tenant may hold
    "HANG_CAP_S": 300.0,  # the longest a `hang` fault holds a connection
    **answer_cache.DEFAULTS,  # ANSWER_CACHE, ANSWER_CACHE_BYTES, ANSWER_CACHE_CHECK (README)
    **limits.DEFAULTS,  # MAX_CONTENT_LENGTH, MAX_TENANTS, XML_MAX_DEPTH, ... (README "Limits")
    "JSON_SORT_KEYS": False,
    # No automatic OPTIONS answers (an empty text/html 200): vendors don't document OPTIONS, so it
    # gets the vendor's own 405 like any other method a route does not take.
    "PROVIDE_AUTOMATIC_OPTIONS": False,
}


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build a sandbox: defaults, then SANDBOX_* environment variables, then `test_config`."""
    app = pipeline.SandboxFlask("sandbox")
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("SANDBOX")
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False  # type: ignore[attr-defined]

    vendors = load_vendors()

    schema: dict[tuple[str, str], CollectionSpec] = {}
    for vendor in vendors:
        for name, spec in vendor.collections.items():
            schema[(vendor.name, name)] = spec
    for name, spec in SANDBOX_COLLECTIONS.items():
        schema[("sandbox", name)] = spec
    schema = with_schemas(schema)

    world = default_world(vendors)
    world["sandbox"] = sandbox_seed(app.config)
    pem = app.config["SIGNING_KEY"]
    if app.config["WORLD"]:
        document = read_document(app.config["WORLD"])
        pem = pem or take_signing_key(document)
        world = overlay(world, document)
    if pem:
        try:
            jwt.use_private_key(read_pem(str(pem)))
        except jwt.TokenError as exc:
            raise ValueError(f"signing key: {exc}") from None
    persistence = Persistence(app.config["DATA"]) if app.config["DATA"] else None
    max_tenants = limits.Limits.from_config(app.config).max_tenants
    sandbox = Sandbox(vendors, Store(schema, world, persistence, max_tenants), dict(app.config))
    sandbox.early_auth.update(EARLY_AUTH)
    app.extensions["sandbox"] = sandbox
    install_control(app, sandbox)

    pipeline.install(app)
    app.register_blueprint(control_blueprint())
    for vendor in vendors:
        app.register_blueprint(vendor.blueprint(), url_prefix=vendor.prefix)

    inner = answer_cache.AnswerCacheMiddleware(app.wsgi_app, sandbox, sandbox.replayed)
    app.extensions["sandbox.inner_wsgi"] = inner
    if app.config["VENDOR"]:
        app.wsgi_app = root_listener(app, app.config["VENDOR"], app.config["TENANT"])  # type: ignore[method-assign]
    else:
        app.wsgi_app = TenantMiddleware(inner, tenant=app.config["TENANT"])  # type: ignore[method-assign]
    return app


def root_listener(app: Flask, vendor: str, tenant: str | None = None) -> WSGIApp:
    """A WSGI app serving `vendor` of `app` at the root, every request in `tenant` when one is given."""
    sandbox = app.extensions["sandbox"]
    if vendor not in sandbox.vendors or vendor == "entra":
        raise ValueError(f"unknown vendor {vendor!r}: one of {', '.join(root_vendors(sandbox))}")
    if tenant is not None and not TENANT_NAME.match(tenant):
        raise ValueError(f"invalid tenant name {tenant!r}: use letters, digits, '.', '_', '~' or '-'")
    root_routes = {}
    if vendor == "operator-connect":
        # Operator Connect clients get their Entra token from the same host.
        entra = sandbox.vendors["entra"].prefix
        root_routes[r"^/[^/]+/oauth2/v2\.0/token$"] = entra
        root_routes[r"^/[^/]+/v2\.0/\.well-known/openid-configuration$"] = entra
        root_routes[r"^/[^/]+/discovery/v2\.0/keys$"] = entra
    inner = app.extensions["sandbox.inner_wsgi"]
    return TenantMiddleware(inner, sandbox.vendors[vendor].prefix, root_routes, tenant)


def root_vendors(sandbox: Sandbox) -> list[str]:
    """The vendors a root listener can serve (entra comes with operator-connect)."""
    return [name for name in sandbox.vendors if name != "entra"]
