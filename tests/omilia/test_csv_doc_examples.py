"""The contract's request examples for the numbers-set and CSV operations, replayed on a fresh world."""

from __future__ import annotations

import io

import pytest

from tests.omilia.conftest import OmiliaClient
from tests.omilia.contract_support import operation, request_example
from tests.omilia.sets_csv_support import make_set, parse


@pytest.mark.parametrize(
    "operation_id",
    ["createNumbersSet", "updateNumbersSet", "addNumbersToSet", "removeNumbersFromSet", "attachNumbersSet"],
)
def test_set_request_example_succeeds(owner: OmiliaClient, operation_id: str) -> None:
    created = make_set(owner, "example", "ocp-qa", ["+12012049894"])
    method, path, definition = operation(operation_id)
    api_path = path.removeprefix("/integrations/api").replace("{setId}", created["id"])
    response = owner.call(method, api_path, request_example(definition))
    assert response.status_code == 200, response.json
    assert response.json.get("success", True) is True


def test_export_request_example(owner: OmiliaClient) -> None:
    _, _, definition = operation("exportNumbersCsv")
    response = owner.call("POST", "/numbers/csv", request_example(definition))
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert [row["NUMBER"] for row in parse(response.text)] == ["+12012049893", "+302107654321"]


def test_export_response_example_has_the_served_header(owner: OmiliaClient) -> None:
    _, _, definition = operation("exportNumbersCsv")
    example = definition["responses"]["200"]["content"]["text/csv"]["examples"]["doc"]["value"]
    served = owner.call("POST", "/numbers/csv", {}).text
    assert example.split("\r\n")[0] == served.split("\r\n")[0]


def test_import_request_example(owner: OmiliaClient) -> None:
    _, _, definition = operation("importNumbersCsv")
    content = request_example(definition)["File"].encode()
    response = owner.call("PUT", "/numbers/csv", data={"File": (io.BytesIO(content), "numbers.csv")})
    assert response.status_code == 200, response.json
    assert response.json["message"] == "CSV file processed: 1 created, 1 updated, 1 attached, 1 detached"
    assert owner.numbers()["+12012049894"]["note"] == 'desk "A", floor 2'


def test_import_refusal_examples_match_the_served_messages(owner: OmiliaClient) -> None:
    _, _, definition = operation("importNumbersCsv")
    examples = definition["responses"]["400"]["content"]["application/json"]["examples"]
    content = "OPERATION,NUMBER,GROUP_ID\r\nupsert,+12012049894,\r\nupdate,+12012049893,\r\n"
    content += "create,+12015551000,ocp\r\n"
    response = owner.call("PUT", "/numbers/csv", data={"File": (io.BytesIO(content.encode()), "n.csv")})
    assert response.json == examples["rows"]["value"]
    header_only = b"NUMBER\r\n+12012049894\r\n"
    response = owner.call("PUT", "/numbers/csv", data={"File": (io.BytesIO(header_only), "n.csv")})
    assert response.json == examples["header"]["value"]
