"""Schemathesis over contracts/operator-connect.yaml: stateless per operation, and stateful via links."""

from __future__ import annotations

import collections
import zlib
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from sandbox import create_app
from tests.contract_checks import CONFORMANCE_CHECKS
from tests.operator_connect.conftest import CREDENTIALS, CUSTOMER, DOC_SINGLE, TOKEN_URL

CHECKS = CONFORMANCE_CHECKS
app = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/operator-connect.yaml", app)
TOKEN = app.test_client().post(TOKEN_URL, data=CREDENTIALS).json["access_token"]
HEADERS = {"Authorization": f"Bearer {TOKEN}"}


def _kwargs(case: schemathesis.Case) -> dict[str, Any]:
    if case.operation.definition.raw.get("operationId") in ("issueEntraToken", "getOpenIdConfiguration"):
        return {"base_url": "http://localhost/entra"}
    return {"headers": HEADERS}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_stateless(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, **_kwargs(case))


class Workflow(schema.as_state_machine()):  # type: ignore[misc]
    """Upload, poll until done, list numbers, unassign, release, following the contract's links."""

    def setup(self) -> None:
        """Every run starts from the default world (so runs replay identically)."""
        app.test_client().post("/__sandbox/reset")

    def before_call(self, case: schemathesis.Case) -> None:
        """Steer generated data into the default world so the workflow gets past validation.

        Uploads name the default customer and calling profile and AU numbers derived from the
        generated ones; the links then carry those numbers on to unassign and release.
        """
        if case.query and "msTenantId" in case.query:
            case.query["msTenantId"] = CUSTOMER
        if case.operation.definition.raw.get("operationId") in ("uploadNumbers", "uploadNumbersV3"):
            numbers = case.body.get("phoneNumbers") if isinstance(case.body, dict) else None
            numbers = [f"+6139{zlib.crc32(str(n).encode()) % 10**6:06d}" for n in numbers or ["+1"]]
            case.body = {**DOC_SINGLE, "phoneNumbers": numbers}

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        return _kwargs(case)

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        case.validate_response(response, checks=CHECKS)


TestWorkflow = Workflow.TestCase
TestWorkflow.settings = settings(
    max_examples=25,
    deadline=None,
    stateful_step_count=6,
    suppress_health_check=list(HealthCheck),
    database=None,  # a replayed example from an older world is not a failure of this one
)


def test_workflow_walks_reach_every_step_of_the_number_lifecycle() -> None:
    """The links really chain upload -> task polls -> listing -> unassign -> release (seeded run)."""
    seen: collections.Counter[tuple[str, int]] = collections.Counter()

    class Counting(Workflow):
        def after_call(self, response: Any, case: schemathesis.Case) -> None:
            seen[(case.operation.definition.raw["operationId"], response.status_code)] += 1

    run_state_machine_as_test(
        Counting, settings=settings(TestWorkflow.settings, derandomize=True, database=None)
    )
    for operation in ("uploadNumbers", "getTask", "listNumbers", "unassignNumbers", "releaseNumbers"):
        assert seen[(operation, 200)] > 0, seen
