"""Omilia OCP numbers management (Integrations API) with its Keycloak token endpoint."""

from __future__ import annotations

from flask import request

from sandbox.core.vendor import CollectionSpec, Vendor
from sandbox.omilia import exceptions, render, routes, world

PREFIX = "/omilia"


def http_error(status: int, description: str) -> exceptions.OmiliaError:
    """Keycloak's shape under /auth, Omilia's elsewhere."""
    if request.path.startswith(PREFIX + "/auth/"):
        codes = {404: "Unable to find matching target resource method", 405: "HTTP 405 Method Not Allowed"}
        return exceptions.KeycloakError(
            "For more on this error consult the server log.",
            status=status,
            code=codes.get(status, "invalid_request" if status < 500 else "unknown_error"),
        )
    return exceptions.http_error(status, description)


vendor = Vendor(
    name="omilia",
    prefix=PREFIX,
    blueprint=routes.blueprint,
    error=exceptions.OmiliaError,
    render_error=render.render_error,
    http_error=http_error,
    collections={
        "users": CollectionSpec(key="username"),
        "logouts": CollectionSpec(key="sid"),
        "groups": CollectionSpec(key="id"),
        "miniapps": CollectionSpec(key="miniAppId", indexes=("group",)),
        "numbers": CollectionSpec(key="number", indexes=("groupId", "phoneNumberSetId", "miniAppId")),
        "sets": CollectionSpec(key="id", indexes=("groupId",)),
        "routers": CollectionSpec(key="id", indexes=("number",)),
        "inventory": CollectionSpec(key="number", indexes=("country",)),
        "settings": CollectionSpec(key="id"),
    },
    seed=world.seed,
    contract="omilia",
)
