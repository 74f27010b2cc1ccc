"""Schemathesis, stateless, over POST and PUT /api/numbers/csv (text/csv and multipart bodies)."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from sandbox import create_app
from tests.omilia.conftest import TOKEN_URL
from tests.omilia.test_sets_contract import CHECKS, CSV_OPERATIONS

APP = create_app({"TESTING": True})
APP.test_client().post("/__sandbox/clock", json={"freeze": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/omilia.yaml", APP).include(
    operation_id=CSV_OPERATIONS
)


@schema.auth()
class OwnerToken:
    """A real access token of `owner`."""

    def get(self, case: Any, ctx: Any) -> str:
        """Log in as `owner` with the password grant."""
        form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
        return APP.test_client().post(TOKEN_URL, data=form).json["access_token"]  # type: ignore[no-any-return]

    def set(self, case: Any, data: str, ctx: Any) -> None:
        """Send it as a bearer token."""
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_csv_operations_keep_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
