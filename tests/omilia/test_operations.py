"""Each route's journal/fault operation name is its contract operationId; faults answer in Omilia's shape."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from tests.omilia.conftest import OmiliaClient
from tests.omilia.test_doc_examples import operation

ROUTES = [
    ("GET", "/numbers", "listNumbers"),
    ("POST", "/numbers", "listAvailableNumbers"),
    ("PUT", "/numbers", "buyNumbers"),
    ("PUT", "/numbers/group", "updateNumbersGroup"),
    ("PUT", "/numbers/detach", "detachNumbers"),
    ("PUT", "/numbers/attach", "attachNumbers"),
    ("PUT", "/number/note", "updateNumberNote"),
    ("POST", "/numbers/search", "searchNumbers"),
    ("POST", "/numbers/direct", "addNumbersDirect"),
    ("DELETE", "/numbers/delete/+12012049894", "deleteNumber"),
]


@pytest.mark.parametrize(("method", "path", "operation_id"), ROUTES)
def test_journal_names_the_contract_operation(
    client: FlaskClient, omilia: Callable[[str], OmiliaClient], method: str, path: str, operation_id: str
) -> None:
    omilia("support").call(method, path, {})
    entries = client.get("/__sandbox/requests", query_string={"vendor": "omilia"}).json["requests"]
    assert entries[-1]["operation"] == operation_id
    contract_method, contract_path, _ = operation(operation_id)
    assert contract_method == method
    assert contract_path.split("{")[0].removeprefix("/integrations/api") in path


def test_token_endpoint_operation_is_issue_token(client: FlaskClient, owner: OmiliaClient) -> None:
    entries = client.get("/__sandbox/requests", query_string={"vendor": "omilia"}).json["requests"]
    assert entries[0]["operation"] == "issueToken"


def test_error_fault_on_an_operation_answers_omilia_shape(client: FlaskClient, owner: OmiliaClient) -> None:
    rule = {
        "match": {"vendor": "omilia", "operation": "buyNumbers"},
        "action": {"type": "error", "status": 429},
    }
    assert client.post("/__sandbox/faults", json=rule).status_code == 201
    response = owner.call(
        "PUT", "/numbers", {"provider": "Twilio", "numbers": ["+12015551000"], "group": "ocp"}
    )
    assert response.status_code == 429
    assert response.json["success"] is False
    assert "+12015551000" not in owner.numbers()
