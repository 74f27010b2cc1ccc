"""Schemathesis over contracts/mor.yaml, XML bodies checked against the schemas.

MOR answers every request it can route with HTTP 200 and its verdict in the XML body (an invalid
request gets `<page><error>...`), so the check that schema-violating requests get a 4xx does not
apply; every other check does.
"""

from __future__ import annotations

import io

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection
from werkzeug.test import TestResponse

from sandbox import create_app
from tests import xml_support
from tests.mor.conftest import Mor

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


def test_success_answers_conform() -> None:
    fresh = create_app({"TESTING": True})
    mor = Mor(fresh.test_client())
    mor.freeze()

    def conforms(function: str, response: TestResponse) -> None:
        schema[f"/billing/api/{function}"]["POST"].validate_response(response)

    conforms("autodialer_upload_numbers", mor.upload())
    conforms("autodialer_change_campaign_status", mor.status())
    mor.advance(3600)
    period = {"u": "campgain_user", "id": "1", "period_start": "0", "period_end": "4102444800"}
    statistics = mor.call("autodialer_get_campaign_statistics", period)
    assert b"<campaign_statistics>" in statistics.data
    conforms("autodialer_get_campaign_statistics", statistics)
    ivr = mor.call("autodialer_get_campaign_ivr_poll_results", {"u": "campgain_user", "id": "1"})
    assert b"222222222,2," in ivr.data
    conforms("autodialer_get_campaign_ivr_poll_results", ivr)
    conforms("autodialer_redial_all_failed_calls", mor.call("autodialer_redial_all_failed_calls", period))
    conforms("autodialer_change_campaign_status", mor.status())


def test_a_body_over_the_size_limit_conforms() -> None:
    small = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 1024})
    response = small.test_client().post(
        "/mor/billing/api/autodialer_upload_numbers",
        data={"file": (io.BytesIO(b"1\n" * 1024), "n.csv")},
    )
    assert response.status_code == 413
    assert b"<page>" in response.data
    for path, methods in schema.raw_schema["paths"].items():
        for method, operation in methods.items():
            assert "default" in operation["responses"], f"{method.upper()} {path}: bare HTTP errors"
    schema["/billing/api/autodialer_upload_numbers"]["POST"].validate_response(response)
