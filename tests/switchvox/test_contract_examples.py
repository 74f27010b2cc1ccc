"""The contract's per-method examples, replayed in both envelopes as one click-to-call story.

Each step names a contract example (request and response share its name) and who sends it; the
story runs in a fresh tenant whose clock is frozen at STORY_START, once over /json (the JSON
examples) and once over /xml (the XML examples), so the call ids and times the examples print hold.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import xmltodict
import yaml
from flask.testing import FlaskClient

from sandbox.core import xmlio
from tests import xml_support

CONTRACT = yaml.safe_load((Path(__file__).parents[2] / "contracts" / "switchvox.yaml").read_text())
STORY_START = datetime(2024, 3, 1, 10, 0, 0, tzinfo=timezone.utc)
JANE = ("100", "web100")
ADMIN = ("admin", "admin")

# (example name, who sends it, seconds the clock moves on afterwards)
STORY: list[tuple[str, tuple[str, str], int]] = [
    ("extensionsGetInfo", ADMIN, 0),
    ("extensionsSearch", ADMIN, 0),
    ("sipGetInfo", ADMIN, 0),
    ("getMyInfo", JANE, 0),
    ("usersPhonesGetList", JANE, 0),
    ("extensionsSettingsGetInfo", ADMIN, 0),
    ("extensionGroupsGetList", ADMIN, 0),
    ("extensionGroupsGetInfo", ADMIN, 0),
    ("call", ADMIN, 10),
    ("currentCallsGetList", ADMIN, 0),
    ("currentCallsHangUp", ADMIN, 0),
    ("callLogsSearch", ADMIN, 0),
    ("usersCall", JANE, 120),
    ("usersCallLogsSearch", JANE, 0),
]


def examples(path: str, part: str, media: str) -> dict[str, Any]:
    post = CONTRACT["paths"][path]["post"]
    body = post["requestBody"] if part == "request" else post["responses"]["200"]
    return {name: e["value"] for name, e in body["content"][media]["examples"].items()}


def xml_text(example: dict[str, Any]) -> str:
    """An XmlRequest example as XML: lists wrapped the way the Parameters schema's `xml` says."""
    properties = CONTRACT["components"]["schemas"]["Parameters"]["properties"]
    params: dict[str, Any] = {}
    for name, value in (example.get("parameters") or {}).items():
        if isinstance(value, list):
            params[name] = {properties[name]["items"]["xml"]["name"]: value}
        else:
            params[name] = value
    return xmlio.render({"request": {"@method": example["method"], "parameters": params}}, declaration=False)


def start_story(client: FlaskClient, tenant: str) -> str:
    """A tenant of its own with its clock frozen at STORY_START; its Switchvox base path."""
    clock = {"id": "clock", "offset_s": 0.0, "frozen_at": STORY_START.timestamp()}
    response = client.put(f"/t/{tenant}/__sandbox/state", json={"sandbox": {"clock": [clock]}})
    assert response.status_code == 200
    return f"/t/{tenant}/switchvox"


def test_every_method_has_a_request_and_response_example_in_both_envelopes() -> None:
    methods = set(CONTRACT["components"]["schemas"]["Method"]["enum"])
    json_requests = examples("/json", "request", "application/json")
    xml_requests = examples("/xml", "request", "application/xml")
    assert {e["request"]["method"] for e in json_requests.values()} == methods
    assert {e["method"] for e in xml_requests.values()} == methods
    for name, _, _ in STORY:
        assert name in json_requests and name in xml_requests
        assert name in examples("/json", "response", "application/json")
        assert name in examples("/xml", "response", "text/xml")


def test_the_json_examples_are_what_the_sandbox_answers(client: FlaskClient) -> None:
    base = start_story(client, "examples-json")
    requests = examples("/json", "request", "application/json")
    answers = examples("/json", "response", "application/json")
    for name, auth, advance in STORY:
        response = client.post(f"{base}/json", data=json.dumps(requests[name]), auth=auth)
        assert response.get_json() == answers[name], name
        client.post("/t/examples-json/__sandbox/clock", json={"advance_s": advance})


def test_the_xml_examples_are_what_the_sandbox_answers(client: FlaskClient) -> None:
    base = start_story(client, "examples-xml")
    requests = examples("/xml", "request", "application/xml")
    answers = examples("/xml", "response", "text/xml")
    for name, auth, advance in STORY:
        response = client.post(f"{base}/xml", data=xml_text(requests[name]), auth=auth)
        assert response.mimetype == "text/xml"
        xmltodict.parse(response.data)  # well-formed
        assert xml_support.parse_document(response.data) == answers[name], name
        client.post("/t/examples-xml/__sandbox/clock", json={"advance_s": advance})


@pytest.mark.parametrize("name", [n for n, _, _ in STORY])
def test_json_and_xml_examples_name_the_same_call(name: str) -> None:
    as_json = examples("/json", "request", "application/json")[name]["request"]
    as_xml = examples("/xml", "request", "application/xml")[name]
    assert as_json["method"] == as_xml["method"]
    assert as_json.get("parameters", {}) == as_xml.get("parameters", {})


def test_the_contract_names_exactly_the_methods_the_registry_serves() -> None:
    from sandbox.switchvox.methods import METHODS

    assert set(CONTRACT["components"]["schemas"]["Method"]["enum"]) == set(METHODS)
