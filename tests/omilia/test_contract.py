"""Schemathesis over the whole Omilia contract: no server error, no response that breaks it.

Authenticated with a real token of `support` (Owner and SUPPORT, groups ocp-qa and ocp), so every
operation, `numbers/direct` included, is reachable. The tenant's clock is frozen so the token never
expires during the run.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sandbox import create_app
from tests.omilia.conftest import TOKEN_URL

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

APP = create_app({"TESTING": True})
APP.test_client().post("/__sandbox/clock", json={"freeze": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/omilia.yaml", APP)


@schema.auth()
class SupportToken:
    """A real access token from the sandbox's own Keycloak endpoint."""

    def get(self, case: Any, ctx: Any) -> str:
        """Log in as `support` with the password grant."""
        form = {"client_id": "ocp", "grant_type": "password", "username": "support", "password": "sandbox"}
        return APP.test_client().post(TOKEN_URL, data=form).json["access_token"]

    def set(self, case: Any, data: str, ctx: Any) -> None:
        """Send it as a bearer token."""
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)


class OmiliaWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Random walks through the contract's OpenAPI links (for sale -> buy -> note/attach/move/delete...)."""

    def setup(self) -> None:
        """Every scenario starts from the default world (so a scenario replays exactly)."""
        control = APP.test_client()
        assert control.post("/__sandbox/reset").status_code == 200
        control.post("/__sandbox/clock", json={"freeze": True})

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        """Run the contract checks on every step."""
        case.validate_response(response, checks=CHECKS)


TestOmiliaWorkflow = OmiliaWorkflow.TestCase
TestOmiliaWorkflow.settings = settings(
    max_examples=40, stateful_step_count=6, deadline=None, suppress_health_check=list(HealthCheck)
)
