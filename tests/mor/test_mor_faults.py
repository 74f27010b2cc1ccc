"""Fault support: MOR's own errors by message, and the operation named by the path."""

from __future__ import annotations

import pytest
from flask import Flask

from sandbox.mor import render
from sandbox.mor.exceptions import IncorrectHash, coded_error
from sandbox.mor.transport import function_name


def test_coded_error_is_the_documented_error() -> None:
    error = coded_error("Incorrect hash")
    assert isinstance(error, IncorrectHash)
    assert error.status == 200


def test_coded_error_renders_as_mor_does(app: Flask) -> None:
    with app.test_request_context("/mor/billing/api/autodialer_upload_numbers"):
        response = render.render_error(coded_error("Campaign was not found"))
    assert response.status_code == 200
    assert b"<error>Campaign was not found</error>" in response.data


def test_unknown_code_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown MOR error"):
        coded_error("Something else")


def test_operation_is_the_function_in_the_path(app: Flask) -> None:
    with app.test_request_context("/mor/billing/api/autodialer_upload_numbers"):
        from flask import request

        assert function_name(request) == "autodialer_upload_numbers"


def test_fault_rule_renders_mors_error(app: Flask) -> None:
    client = app.test_client()
    rule = {
        "match": {"vendor": "mor", "operation": "autodialer_upload_numbers"},
        "action": {"type": "vendor_error", "code": "Incorrect hash"},
    }
    created = client.post("/__sandbox/faults", json=rule)
    if created.status_code == 404:
        pytest.skip("the fault control plane is not in this build")
    assert created.status_code == 201
    response = client.post("/mor/billing/api/autodialer_upload_numbers")
    assert response.status_code == 200
    assert b"<error>Incorrect hash</error>" in response.data


def test_journal_names_the_mor_function(app: Flask) -> None:
    client = app.test_client()
    client.post("/mor/billing/api/autodialer_change_campaign_status?u=nobody")
    entry = client.get("/__sandbox/requests").get_json()["requests"][-1]
    assert entry["operation"] == "autodialer_change_campaign_status"
    assert entry["vendor"] == "mor"


def test_unknown_fault_code_is_refused_by_the_control_plane(app: Flask) -> None:
    rule = {"match": {"vendor": "mor"}, "action": {"type": "vendor_error", "code": "Bogus"}}
    response = app.test_client().post("/__sandbox/faults", json=rule)
    assert response.status_code == 400
    assert response.get_json()["field"] == "action.code"
