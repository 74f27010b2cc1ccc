"""The doc's examples, replayed as the contract records them, against a fresh default world."""

from __future__ import annotations

import pytest
import yaml
from flask.testing import FlaskClient

from tests.omilia.conftest import OmiliaClient
from tests.omilia.contract_support import CONTRACT, operation, request_example

MY_OPERATIONS = (
    "listAvailableNumbers",
    "buyNumbers",
    "updateNumbersGroup",
    "detachNumbers",
    "attachNumbers",
    "updateNumberNote",
    "searchNumbers",
    "addNumbersDirect",
)


def test_token_example_issues_a_token(client: FlaskClient) -> None:
    _, _, definition = operation("issueToken")
    form = next(iter(definition["requestBody"]["content"].values()))["examples"]["password"]["value"]
    response = client.post("/omilia/auth/realms/master/protocol/openid-connect/token", data=form)
    assert response.status_code == 200
    assert set(response.json) == set(
        definition["responses"]["200"]["content"]["application/json"]["examples"]["doc"]["value"]
    )


def test_list_example_item_is_served_as_printed(owner: OmiliaClient) -> None:
    _, _, definition = operation("listNumbers")
    doc = definition["responses"]["200"]["content"]["application/json"]["examples"]["doc"]["value"]
    body = owner.call("GET", "/numbers").json
    assert doc["numbers"][0] in body["numbers"]
    assert list(body) == list(doc)


@pytest.mark.parametrize("operation_id", MY_OPERATIONS)
def test_request_example_succeeds(client: FlaskClient, operation_id: str) -> None:
    method, path, definition = operation(operation_id)
    response = OmiliaClient(client, "support").call(
        method, path.removeprefix("/integrations/api"), request_example(definition)
    )
    assert response.status_code == 200, response.json
    assert response.json is not None


def test_search_example_finds_the_doc_number(owner: OmiliaClient) -> None:
    _, _, definition = operation("searchNumbers")
    body = owner.call("POST", "/numbers/search", request_example(definition)).json
    assert [item["number"] for item in body["numbers"]] == ["+12012049893"]


def test_buy_example_buys_the_number_the_for_sale_example_lists(owner: OmiliaClient) -> None:
    _, _, offer = operation("listAvailableNumbers")
    _, _, purchase = operation("buyNumbers")
    listed = owner.call("POST", "/numbers", request_example(offer)).json
    bought = owner.call("PUT", "/numbers", request_example(purchase)).json
    assert bought["purchasedNumbers"][0]["number"] == listed[0]["number"]


def test_delete_example_deletes(owner: OmiliaClient) -> None:
    _, _, definition = operation("deleteNumber")
    number = definition["parameters"][0]["examples"]["doc"]["value"]
    response = owner.call("DELETE", "/numbers/delete/" + number)
    assert response.status_code == 200
    assert number not in owner.numbers()


def test_every_error_example_has_the_error_shape() -> None:
    for name, response in CONTRACT["components"]["responses"].items():
        for example in response["content"]["application/json"].get("examples", {}).values():
            value = example["value"]
            if name == "KeycloakError":
                assert "error" in value
            else:
                assert set(value) == {"success", "message"}, name


def test_served_contract_is_the_file_and_covers_every_route(client: FlaskClient) -> None:
    response = client.get("/__sandbox/contracts/omilia.yaml")
    assert response.status_code == 200
    served = yaml.safe_load(response.get_data(as_text=True))
    assert served == CONTRACT
    assert served["openapi"].startswith("3.1")
    ids = {
        d["operationId"] for item in served["paths"].values() for d in item.values() if isinstance(d, dict)
    }
    assert {"issueToken", "listNumbers", "deleteNumber", *MY_OPERATIONS} <= ids
