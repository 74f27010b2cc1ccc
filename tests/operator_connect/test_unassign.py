"""POST /api/v2/oc/numbers/action/unassign: a `tsk_msjob_` task that leaves numbers Unassigned."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER, OTHER_CUSTOMER, OcClient


def test_doc_example_unassigns_the_number(oc: OcClient) -> None:
    assert oc.numbers()["+61398675570"]["assignmentStatus"] == "UserAssigned"
    response = oc.unassign(["+61398675570"])
    assert response.status_code == 200
    task_id = response.json["taskId"]
    assert re.fullmatch(r"tsk_msjob_[0-9a-f-]{36}", task_id)
    assert oc.numbers()["+61398675570"]["assignmentStatus"] == "UserAssigned"
    task = oc.finish(task_id)
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["NumbersUnassigned"]
    assert task["outputData"]["MsTenantId"] == CUSTOMER
    assert oc.numbers()["+61398675570"]["assignmentStatus"] == "Unassigned"


def test_number_of_another_customer_is_400(oc: OcClient) -> None:
    response = oc.unassign(["+14155550100"])
    assert response.status_code == 400
    assert "not found for the customer" in response.json["errors"]["TelephoneNumbers"][0]
    assert oc.numbers(OTHER_CUSTOMER)["+14155550100"]["assignmentStatus"] == "Unassigned"


def test_non_e164_number_is_400(oc: OcClient) -> None:
    response = oc.unassign(["0398675570"])
    assert response.status_code == 400
    assert "E.164" in response.json["errors"]["TelephoneNumbers[0]"][0]


def test_empty_list_is_400(oc: OcClient) -> None:
    response = oc.unassign([])
    assert response.status_code == 400
    assert "At least one phone number" in response.json["errors"]["TelephoneNumbers"][0]


def test_number_in_an_in_flight_task_is_400(oc: OcClient) -> None:
    first = oc.unassign(["+61398675570"]).json["taskId"]
    response = oc.unassign(["+61398675570"])
    assert response.status_code == 400
    assert first in response.json["errors"]["TelephoneNumbers"][0]


def test_refused_unassign_changes_nothing(client: FlaskClient, oc: OcClient) -> None:
    before = client.get("/__sandbox/state").json["operator-connect"]
    oc.unassign(["+61398675570", "+14155550100"])
    assert client.get("/__sandbox/state").json["operator-connect"] == before
