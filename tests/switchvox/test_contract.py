"""Schemathesis over contracts/switchvox.yaml: XML (through tests/xml_support.py) and JSON answers.

Schemathesis 4.32 writes XML request bodies from the schema's `xml` keywords but ships no XML
response deserializer (an XML answer would go unvalidated), hence tests.xml_support.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from sandbox import create_app
from tests import xml_support
from tests.contract_checks import CONFORMANCE_CHECKS
from tests.switchvox.test_contract_examples import CONTRACT, STORY, examples, start_story

xml_support.register()

CHECKS = CONFORMANCE_CHECKS
BASIC = "Basic " + base64.b64encode(b"admin:admin").decode()

APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/switchvox.yaml", APP)
METHODS = CONTRACT["components"]["schemas"]["Method"]["enum"]


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


def _basic(login: tuple[str, str]) -> str:
    return "Basic " + base64.b64encode(":".join(login).encode()).decode()


@pytest.mark.parametrize("endpoint", ["/json", "/xml"])
def test_the_story_examples_keep_the_contract(endpoint: str) -> None:
    app = create_app({"TESTING": True})
    operation = schemathesis.openapi.from_wsgi("/__sandbox/contracts/switchvox.yaml", app)[endpoint]["POST"]
    tenant = {"X-Sandbox-Tenant": "story"}
    start_story(app.test_client(), "story")
    media = "application/json" if endpoint == "/json" else "application/xml"
    requests = examples(endpoint, "request", media)
    for name, login, advance in STORY:
        case = operation.Case(
            body=requests[name], media_type=media, headers={**tenant, "Authorization": _basic(login)}
        )
        response = case.call_and_validate(checks=CHECKS)
        assert b"<errors>" not in response.content and b'"errors"' not in response.content, name
        app.test_client().post("/__sandbox/clock", json={"advance_s": advance}, headers=tenant)


@pytest.mark.parametrize("endpoint", ["/json", "/xml"])
@pytest.mark.parametrize("method", METHODS)
def test_every_methods_errors_keep_the_contract(endpoint: str, method: str) -> None:
    operation = schema[endpoint]["POST"]
    media = "application/json" if endpoint == "/json" else "application/xml"
    body: Any = {"request": {"method": method, "parameters": {"account_id": "x"}}}
    if endpoint == "/xml":
        body = body["request"]
    for login in (("admin", "admin"), ("readonly", "readonly"), ("100", "web100")):
        case = operation.Case(body=body, media_type=media, headers={"Authorization": _basic(login)})
        case.call_and_validate(checks=CHECKS)
