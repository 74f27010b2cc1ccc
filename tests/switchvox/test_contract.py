"""Schemathesis over contracts/switchvox.yaml: XML (through tests/xml_support.py) and JSON answers.

Schemathesis 4.32 writes XML request bodies from the schema's `xml` keywords but ships no XML
response deserializer (an XML answer would go unvalidated), hence tests.xml_support.
"""

from __future__ import annotations

import base64
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from sandbox import create_app
from tests import xml_support
from tests.contract_checks import CONFORMANCE_CHECKS

xml_support.register()

CHECKS = CONFORMANCE_CHECKS
BASIC = "Basic " + base64.b64encode(b"admin:admin").decode()

APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/switchvox.yaml", APP)


@schema.auth()
class AdminBasic:
    """Preemptive Basic as `admin` (Digest is exercised in test_auth.py)."""

    def get(self, case: Any, ctx: Any) -> str:
        """The header value."""
        return BASIC

    def set(self, case: Any, data: str, ctx: Any) -> None:
        """Send it."""
        case.headers = {**(case.headers or {}), "Authorization": data}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)


def test_the_xml_deserializer_reads_switchvox_answers() -> None:
    response = APP.test_client().post(
        "/switchvox/xml",
        data='<request method="switchvox.extensions.getInfo"><parameters><extensions>'
        "<extension>100</extension></extensions></parameters></request>",
        headers={"Authorization": BASIC},
    )
    document = xml_support.parse_document(response.data)
    assert document["method"] == "switchvox.extensions.getInfo"
    assert document["result"]["extensions"]["extension"]["number"] == "100"
