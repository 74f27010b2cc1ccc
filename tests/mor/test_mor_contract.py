"""Schemathesis over contracts/mor.yaml, XML bodies checked against the schemas.

MOR answers every request it can route with HTTP 200 and its verdict in the XML body (an invalid
request gets `<page><error>...`), so the check that schema-violating requests get a 4xx does not
apply; every other check does.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from sandbox import create_app
from tests import xml_support

xml_support.register()

app = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/mor.yaml", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_mor_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(excluded_checks=[negative_data_rejection])


def test_xml_bodies_are_checked_against_the_schema() -> None:
    operation = schema["/billing/api/autodialer_upload_numbers"]["POST"]
    response = app.test_client().post("/mor/billing/api/autodialer_upload_numbers")
    assert operation.validate_response(response) is None
    response.set_data(b'<?xml version="1.0"?><page><status><success>yes</success></status></page>')
    with pytest.raises(AssertionError):
        operation.validate_response(response)
