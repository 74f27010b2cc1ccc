"""What the Omilia schemathesis tests share: the checks every response must pass, and real tokens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from flask import Flask

from sandbox import create_app
from tests.contract_checks import CONFORMANCE_CHECKS
from tests.omilia.conftest import TOKEN_URL

CHECKS = CONFORMANCE_CHECKS


def frozen_app() -> Flask:
    """A fresh sandbox whose default tenant's clock is frozen (tokens never expire during a run)."""
    app = create_app({"TESTING": True})
    app.test_client().post("/__sandbox/clock", json={"freeze": True})
    return app


def token_auth(app: Flask, username: str) -> type:
    """A schemathesis auth class sending a real access token of the default-world user `username`."""

    class RealToken:
        """A real access token from the sandbox's own Keycloak endpoint."""

        def get(self, case: Any, ctx: Any) -> str:
            """Log in with the password grant."""
            form = {"client_id": "ocp", "grant_type": "password", "username": username, "password": "sandbox"}
            return app.test_client().post(TOKEN_URL, data=form).json["access_token"]  # type: ignore[no-any-return]

        def set(self, case: Any, data: str, ctx: Any) -> None:
            """Send it as a bearer token."""
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    return RealToken


CONTRACT = yaml.safe_load((Path(__file__).resolve().parents[2] / "contracts" / "omilia.yaml").read_text())


def operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """(method, path, definition) of an operation of the contract."""
    for path, item in CONTRACT["paths"].items():
        for method, definition in item.items():
            if isinstance(definition, dict) and definition.get("operationId") == operation_id:
                return method.upper(), path, definition
    raise KeyError(operation_id)


def request_example(definition: dict[str, Any]) -> Any:
    """The request body of the operation's `doc` example."""
    content = definition["requestBody"]["content"]
    return next(iter(content.values()))["examples"]["doc"]["value"]
