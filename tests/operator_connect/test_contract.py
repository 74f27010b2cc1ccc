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
from tests.operator_connect.conftest import (
    CREDENTIALS,
    CUSTOMER,
    CUSTOMER_GUID,
    DOC_SINGLE,
    LEAD,
    OTHER_GUID,
    SP_TENANT,
    TOKEN_URL,
)

CHECKS = CONFORMANCE_CHECKS
app = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/operator-connect.yaml", app)
TOKEN = app.test_client().post(TOKEN_URL, data=CREDENTIALS).json["access_token"]
HEADERS = {"Authorization": f"Bearer {TOKEN}"}


ENTRA_OPERATIONS = ("issueEntraToken", "getOpenIdConfiguration", "getEntraSigningKeys")


def _kwargs(case: schemathesis.Case) -> dict[str, Any]:
    """The bearer token for the Live Platform API; Entra's routes take none."""
    if case.operation.definition.raw.get("operationId") in ENTRA_OPERATIONS:
        return {}
    return {"headers": HEADERS}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_stateless(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, **_kwargs(case))


def test_every_path_is_written_where_it_is_served() -> None:
    """The contract's paths name the real routes: Entra's token endpoint is under /entra, not the API."""
    for path, item in schema.raw_schema["paths"].items():
        assert path.startswith(("/operator-connect/api/", "/entra/")), path
        assert "servers" not in item, path
    assert schema.raw_schema["servers"] == [
        {"url": "/", "description": schema.raw_schema["servers"][0]["description"]}
    ]
    response = app.test_client().post(f"/entra/{SP_TENANT}/oauth2/v2.0/token", data=CREDENTIALS)
    assert response.status_code == 200
    assert app.test_client().post(f"/operator-connect/{SP_TENANT}/oauth2/v2.0/token").status_code == 404


def _drop_generated_headers(case: schemathesis.Case) -> None:
    """A walk sends the test's token and sees every channel (fuzzing those is the stateless run's job)."""
    if case.headers:
        for name in [h for h in case.headers if h.lower() in ("authorization", "x-ovoc-channel-id")]:
            del case.headers[name]


NUMBER_LIFECYCLE = (
    "validateNumbers", "uploadNumbers", "uploadNumbersV3", "getTask", "getDialPlan", "listNumbers",
    "unassignNumbers", "releaseNumbers",
)  # fmt: skip
CUSTOMER_LIFECYCLE = ("createCustomerFromLead", "getTask", "getCustomerV3", "deleteSipConnection")


class Workflow(schema.include(operation_id=list(NUMBER_LIFECYCLE)).as_state_machine()):  # type: ignore[misc]
    """Validate, upload, poll, dial plan, list, unassign, dial plan, release, following the links."""

    def setup(self) -> None:
        """Every run starts from the default world (so runs replay identically)."""
        app.test_client().post("/__sandbox/reset")

    def before_call(self, case: schemathesis.Case) -> None:
        """Steer generated data into the default world so the workflow gets past validation.

        Validations and uploads name the default customer, uploads its calling profile and AU numbers
        derived from the generated ones; the links then carry those numbers on to unassign and
        release; dial plans are the customer's OCDialPlan.
        """
        operation = case.operation.definition.raw.get("operationId")
        _drop_generated_headers(case)
        if case.query and "msTenantId" in case.query:
            case.query["msTenantId"] = CUSTOMER
        if operation == "validateNumbers" and isinstance(case.body, dict):
            case.body = {**case.body, "msTenantId": CUSTOMER}
        if operation in ("uploadNumbers", "uploadNumbersV3"):
            numbers = case.body.get("phoneNumbers") if isinstance(case.body, dict) else None
            numbers = [f"+6139{zlib.crc32(str(n).encode()) % 10**6:06d}" for n in numbers or ["+1"]]
            case.body = {**DOC_SINGLE, "phoneNumbers": numbers}
        if operation == "getDialPlan":
            case.path_parameters = {
                "customerId": CUSTOMER_GUID,
                "siteLocationId": CUSTOMER_GUID,
                "dialplanId": "OCDialPlan",
            }

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        return _kwargs(case)

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        case.validate_response(response, checks=CHECKS)


class CustomerWorkflow(schema.include(operation_id=list(CUSTOMER_LIFECYCLE)).as_state_machine()):  # type: ignore[misc]
    """Convert the lead, poll the conversion, read the customer, delete a SIP Connection, poll that."""

    def setup(self) -> None:
        """Every run starts from the default world."""
        app.test_client().post("/__sandbox/reset")

    def before_call(self, case: schemathesis.Case) -> None:
        """Conversions name the default world's lead; deletions one of its SIP Connections."""
        operation = case.operation.definition.raw.get("operationId")
        _drop_generated_headers(case)
        if operation == "createCustomerFromLead" and isinstance(case.body, dict):
            case.body = {**case.body, "msTenantId": LEAD, "configurationName": "OcEssential_TENANT_TYPE"}
        if operation == "deleteSipConnection":
            case.path_parameters = {"siteLocationId": OTHER_GUID}

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        return _kwargs(case)

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        case.validate_response(response, checks=CHECKS)


WALK_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    stateful_step_count=6,
    suppress_health_check=list(HealthCheck),
    database=None,  # a replayed example from an older world is not a failure of this one
)
TestWorkflow = Workflow.TestCase
TestWorkflow.settings = WALK_SETTINGS
TestCustomerWorkflow = CustomerWorkflow.TestCase
TestCustomerWorkflow.settings = WALK_SETTINGS


def _walk(machine: type, steps: list[tuple[str, int]]) -> collections.Counter[tuple[str, int]]:
    """Run a seeded walk of `machine`, recording each step's operation and status in order."""
    seen: collections.Counter[tuple[str, int]] = collections.Counter()

    class Counting(machine):  # type: ignore[misc, valid-type]
        def after_call(self, response: Any, case: schemathesis.Case) -> None:
            step = (case.operation.definition.raw["operationId"], response.status_code)
            seen[step] += 1
            steps.append(step)

    run_state_machine_as_test(Counting, settings=settings(WALK_SETTINGS, derandomize=True, database=None))
    return seen


def test_workflow_walks_reach_every_step_of_the_number_lifecycle() -> None:
    """The links chain validate -> upload -> task polls -> dial plan -> unassign -> dial plan (seeded run)."""
    steps: list[tuple[str, int]] = []
    seen = _walk(Workflow, steps)
    for operation in NUMBER_LIFECYCLE:
        if operation != "uploadNumbersV3":
            assert seen[(operation, 200)] > 0, repr(sorted(seen.items()))
    ok = [op for op, status in steps if status == 200]
    chain = ["validateNumbers", "uploadNumbers", "getDialPlan", "unassignNumbers", "getDialPlan"]
    assert _in_order(ok, chain), ok


def _in_order(steps: list[str], wanted: list[str]) -> bool:
    """Whether `wanted` occurs in `steps` as a subsequence."""
    it = iter(steps)
    return all(any(step == op for step in it) for op in wanted)


def test_customer_walks_convert_the_lead_and_clean_up_a_site() -> None:
    """The links chain the conversion and the SIP Connection deletion to their tasks (seeded run)."""
    seen = _walk(CustomerWorkflow, [])
    for operation in ("createCustomerFromLead", "getTask", "deleteSipConnection"):
        assert seen[(operation, 200)] > 0, repr(sorted(seen.items()))
