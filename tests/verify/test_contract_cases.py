"""Cases are built from whatever a contract holds: examples, links, operationIds."""

from __future__ import annotations

import pytest

from sandbox.core.contracts import CONTRACT_NAMES
from sandbox.verify.contract import Contract
from sandbox.verify.signing import SANDBOX_CREDENTIALS

DOCUMENT = {
    "openapi": "3.1.0",
    "servers": [{"url": "/vendor"}],
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "getThing",
                "parameters": [{"name": "id", "in": "path", "required": True}],
            },
        },
        "/things": {
            "get": {
                "operationId": "listThings",
                "parameters": [
                    {"name": "page", "in": "query", "schema": {"type": "integer", "examples": [2]}}
                ],
            },
            "post": {
                "operationId": "createThing",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Thing"},
                            "examples": {
                                "small": {"value": {"name": "a"}},
                                "big": {"value": {"name": "b" * 9}},
                            },
                        }
                    },
                },
            },
            "put": {
                "operationId": "replaceThings",
                "requestBody": {"required": True, "content": {"application/json": {}}},
            },
        },
        "/rpc": {
            "post": {
                "operationId": "call",
                "requestBody": {
                    "content": {
                        "application/xml": {
                            "schema": {"$ref": "#/components/schemas/Call"},
                            "example": {"method": "things.getInfo", "parameters": {"ids": ["1", "2"]}},
                        }
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Call": {
                "type": "object",
                "xml": {"name": "request"},
                "properties": {
                    "method": {"type": "string", "xml": {"attribute": True}},
                    "parameters": {
                        "type": "object",
                        "properties": {
                            "ids": {
                                "type": "array",
                                "xml": {"wrapped": True},
                                "items": {"xml": {"name": "id"}},
                            }
                        },
                    },
                },
            },
        }
    },
}


def cases() -> dict:
    contract = Contract("synthetic", DOCUMENT)
    return {case.name: case for case in contract.all_cases()}


def test_a_case_per_example_and_skips_without_one() -> None:
    found = cases()
    assert set(found) == {
        "getThing",
        "listThings",
        "createThing[small]",
        "createThing[big]",
        "replaceThings",
        "call",
    }
    assert found["getThing"].skipped == "no example for parameter id"
    assert found["replaceThings"].skipped == "no request body example"
    assert found["listThings"].request.query == {"page": "2"}
    assert found["createThing[big]"].request.body == {"json": {"name": "bbbbbbbbb"}}


def test_reads_and_writes() -> None:
    found = cases()
    assert found["listThings"].read_only and found["call"].read_only  # GET; an RPC named getInfo
    assert not found["createThing[small]"].read_only


def test_an_xml_body_follows_the_schema_hints() -> None:
    request = cases()["call"].request
    assert request.headers["Content-Type"] == "application/xml"
    assert request.body == {
        "text": '<request method="things.getInfo"><parameters>'
        "<ids><id>1</id><id>2</id></ids></parameters></request>\n"
    }


@pytest.mark.parametrize("name", [n for n in CONTRACT_NAMES if n in SANDBOX_CREDENTIALS])
def test_every_vendor_contract_gives_cases(name: str) -> None:
    contract = Contract(name)
    all_cases = contract.all_cases()
    assert {c.operation.id for c in all_cases} == {op.id for op in contract.operations()}
    assert any(c.request is not None and c.read_only for c in all_cases)
    for case in all_cases:
        assert case.request is not None or case.skipped


@pytest.mark.parametrize(
    ("vendor", "name", "read_only"),
    [
        ("omilia", "searchNumbers", True),  # a POST named for reading
        ("omilia", "getNumbersSet", True),
        ("omilia", "issueToken", True),  # a token grant
        ("omilia", "updateNumbersSet", False),
        ("mor", "autodialer_get_campaign_statistics[json]", True),
        ("mor", "autodialer_change_campaign_status_get", False),  # MOR runs functions by GET too
        ("switchvox", "switchvox.extensions.getInfo", True),  # a POST whose body names the method
        ("switchvox", "switchvox.extensions.phones.bulk.upload", False),
        ("operator-connect", "uploadNumbers[single]", False),
    ],
)
def test_read_only_is_read_from_methods_and_names(vendor: str, name: str, read_only: bool) -> None:
    found = [c for c in Contract(vendor).all_cases() if name in (c.name, c.rpc)]
    assert found
    assert {c.read_only for c in found} == {read_only}
