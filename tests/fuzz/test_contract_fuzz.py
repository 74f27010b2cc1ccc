"""More schemathesis over every contract, stateless and stateful, on top of each vendor's contract tests.

Each vendor's contract module checks its answers in detail; this one adds generated requests (fresh
examples, the same auth and checks) so that a full run fuzzes every contract with at least
FUZZ_REQUESTS_REQUIRED requests in all (counted and enforced by tests/conftest.py). Every answer
must conform, and none may be a server error (no fault rule is in force in these tenants).
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.control import test_sandbox_contract as control
from tests.mor import test_mor_contract as mor
from tests.omilia import test_contract as omilia
from tests.omilia import test_sets_contract as sets
from tests.operator_connect import test_contract as operator_connect
from tests.switchvox import test_contract as switchvox

STATELESS = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
STATEFUL = settings(
    max_examples=25,
    stateful_step_count=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)


@omilia.schema.parametrize()
@STATELESS
def test_omilia(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=omilia.CHECKS)


@mor.schema.parametrize()
@STATELESS
def test_mor(case: schemathesis.Case) -> None:
    case.call_and_validate(excluded_checks=[mor.negative_data_rejection])


@switchvox.schema.parametrize()
@STATELESS
def test_switchvox(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=switchvox.CHECKS)


@operator_connect.schema.parametrize()
@STATELESS
def test_operator_connect(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=operator_connect.CHECKS, **operator_connect._kwargs(case))


@control.schema.parametrize()
@STATELESS
def test_control_plane(case: schemathesis.Case) -> None:
    excluded = (
        [control.positive_data_acceptance] if (case.method, case.path) in control.CROSS_FIELD_RULES else []
    )
    case.call_and_validate(excluded_checks=excluded)


def test_omilia_walks() -> None:
    run_state_machine_as_test(omilia.OmiliaWorkflow, settings=STATEFUL)


def test_omilia_sets_walks() -> None:
    run_state_machine_as_test(sets.SetsWorkflow, settings=STATEFUL)


def test_operator_connect_walks() -> None:
    run_state_machine_as_test(operator_connect.Workflow, settings=STATEFUL)


def test_control_plane_walks() -> None:
    run_state_machine_as_test(control.FaultsWorkflow, settings=STATEFUL)
