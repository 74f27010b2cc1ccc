"""XML depth and element count are limited while parsing: a document past either is refused at that point."""

from __future__ import annotations

import base64
import tracemalloc

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core import xmlio
from sandbox.core.limits import Limits

ADMIN = {"Authorization": "Basic " + base64.b64encode(b"admin:admin").decode(), "Content-Type": "text/xml"}


def request_xml(parameters: str) -> str:
    return f"<request method='switchvox.extensions.getInfo'><parameters>{parameters}</parameters></request>"


def test_a_deep_document_is_refused_at_the_depth_limit_with_memory_flat() -> None:
    deep = "<a>" * 2_000_000 + "</a>" * 2_000_000  # 14 MB
    tracemalloc.start()
    try:
        with pytest.raises(xmlio.XmlLimitError, match="nested deeper than 64 levels"):
            xmlio.parse(deep)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024  # the 14 MB document is never built into a tree


def test_a_document_with_too_many_elements_is_refused() -> None:
    wide = "<r>" + "<a/>" * (Limits().xml_max_elements + 1) + "</r>"
    with pytest.raises(xmlio.XmlLimitError, match="more than 100000 elements"):
        xmlio.parse(wide)


def test_a_document_at_the_limits_parses() -> None:
    limits = Limits()
    deep = "<a>" * limits.xml_max_depth + "x" + "</a>" * limits.xml_max_depth
    assert xmlio.parse(deep)["a"]["a"]["a"]
    wide = "<r>" + "<a/>" * (limits.xml_max_elements - 1) + "</r>"
    assert len(xmlio.parse(wide)["r"]["a"]) == limits.xml_max_elements - 1


@pytest.mark.parametrize(
    "document",
    ['<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', '<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>', "<r>", ""],
)
def test_dtds_entities_and_broken_documents_are_still_refused(document: str) -> None:
    with pytest.raises(xmlio.XmlParseError):
        xmlio.parse(document)


def test_switchvox_answers_a_deep_request_with_its_parse_error(client: FlaskClient) -> None:
    response = client.post(
        "/switchvox/xml", data=request_xml("<a>" * 100_000 + "</a>" * 100_000), headers=ADMIN
    )
    assert response.status_code == 200
    assert (
        b'<error code="10002" message="The request could not be parsed (XML: elements nested deeper'
        in response.data
    )


def test_the_limits_come_from_the_apps_config() -> None:
    client = create_app({"TESTING": True, "XML_MAX_DEPTH": 5, "XML_MAX_ELEMENTS": 8}).test_client()
    ok = client.post(
        "/switchvox/xml",
        data=request_xml("<extensions><extension>100</extension></extensions>"),
        headers=ADMIN,
    )
    assert b'number="100"' in ok.data
    deep = client.post("/switchvox/xml", data=request_xml("<a><b><c><d>1</d></c></b></a>"), headers=ADMIN)
    assert b"nested deeper than 5 levels" in deep.data
    wide = client.post("/switchvox/xml", data=request_xml("<e>1</e>" * 7), headers=ADMIN)
    assert b"more than 8 elements" in wide.data
