"""Schemathesis over the numbers-set and CSV paths of the Omilia contract: stateless, then stateful.

The stateful run walks the contract's OpenAPI links: create a set, add numbers, attach the set,
export it as CSV, import the export back (and the other links on the way). Authenticated as
`support` (Owner; groups ocp-qa and ocp) with a real token; the tenant's clock is frozen.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.generation.stateful.state_machine import StepOutput

from tests.omilia.contract_support import CHECKS, frozen_app, token_auth

SET_OPERATIONS = [
    "createNumbersSet",
    "getNumbersSets",
    "getNumbersSetsForGroup",
    "getNumbersSet",
    "updateNumbersSet",
    "deleteNumbersSet",
    "getNumbersInSet",
    "addNumbersToSet",
    "removeNumbersFromSet",
    "attachNumbersSet",
    "detachNumbersSet",
    "deletePurchasedNumbersInSet",
]
CSV_OPERATIONS = ["exportNumbersCsv", "importNumbersCsv"]


@schemathesis.deserializer("text/csv")
def read_csv_text(ctx: Any, response: Any) -> str:
    """A CSV body is a string (the contract's schema); links read it with a regex extractor."""
    return response.content.decode("utf-8")  # type: ignore[no-any-return]


APP = frozen_app()
contract = schemathesis.openapi.from_wsgi("/__sandbox/contracts/omilia.yaml", APP)
schema = contract.include(operation_id=SET_OPERATIONS + CSV_OPERATIONS)
schema.config.generation.update(modes=[GenerationMode.POSITIVE])
SupportToken = schema.auth()(token_auth(APP, "support"))


@schema.include(operation_id=SET_OPERATIONS).parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_set_operations_keep_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)


class SetsWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Create a set -> add numbers -> attach -> export CSV -> import it back, through the links."""

    def setup(self) -> None:
        """Every walk starts from the default world (replays must see the same state)."""
        client = APP.test_client()
        client.post("/__sandbox/reset")
        client.post("/__sandbox/clock", json={"freeze": True})

    def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
        """Run the contract checks on every step."""
        case.validate_response(response, checks=CHECKS)


TestSetsWorkflow = SetsWorkflow.TestCase
TestSetsWorkflow.settings = settings(
    max_examples=40, stateful_step_count=6, deadline=None, suppress_health_check=list(HealthCheck)
)


def bearer() -> dict[str, str]:
    """The Authorization header of `support`."""
    return {"Authorization": "Bearer " + SupportToken().get(None, None)}


def step(case: schemathesis.Case) -> StepOutput:
    """Call `case`, check it against the contract, and keep its output for the next link."""
    response = case.call()
    case.validate_response(response, checks=CHECKS)
    assert response.status_code == 200, response.text
    return StepOutput(response, case)


def follow(output: StepOutput, link_name: str) -> schemathesis.Case:
    """The case the contract's link `link_name` builds from `output` (its parameters and body)."""
    outgoing = SetsWorkflow._transitions.operations[output.case.operation.label].outgoing
    (link,) = [link for link in outgoing if link.name == link_name]
    transition = link.extract(output)
    path = {name: p.value.ok() for name, p in transition.parameters.get("path_parameters", {}).items()}
    kwargs: dict[str, Any] = {"path_parameters": path, "headers": bearer()}
    if transition.request_body is not None:
        kwargs["body"] = transition.request_body.value.ok()
        kwargs["media_type"] = next(iter(link.target.body)).media_type
    return link.target.Case(**kwargs)


def test_links_walk_create_add_attach_export_import() -> None:
    APP.test_client().post("/__sandbox/reset")
    create = schema.find_operation_by_id("createNumbersSet")
    body = {"name": "link walk", "groupId": "ocp-qa"}
    created = step(create.Case(body=body, media_type="application/json", headers=bearer()))
    set_id = created.response.json()["id"]
    added = step(follow(created, "AddNumbersToCreatedSet"))
    step(follow(added, "AttachTheSet"))
    exported = step(follow(added, "ExportTheSet"))
    rows = exported.response.text.strip().split("\r\n")
    assert len(rows) == 3
    assert all(set_id in row for row in rows[1:])
    imported = step(follow(exported, "ImportTheExportBack"))
    assert imported.response.json() == {"success": True, "message": "CSV file processed: 1 updated"}
    listed = step(follow(created, "ListNumbersOfCreatedSet")).response.json()
    assert {n["locale"] for n in listed} == {"en-US"}
    step(follow(created, "ImportIntoCreatedSet"))
    step(follow(created, "DeleteCreatedSet"))
