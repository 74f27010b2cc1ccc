"""Schemathesis, stateless, over POST and PUT /api/numbers/csv (text/csv and multipart bodies)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from tests.omilia.contract_support import CHECKS, frozen_app, token_auth
from tests.omilia.test_sets_contract import CSV_OPERATIONS

APP = frozen_app()
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/omilia.yaml", APP).include(
    operation_id=CSV_OPERATIONS
)

schema.auth()(token_auth(APP, "owner"))


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_csv_operations_keep_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
