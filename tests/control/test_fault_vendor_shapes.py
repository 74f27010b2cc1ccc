"""Faults answer in each vendor's own shape: rendered through the vendor's http_error / coded_error."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.http import HTTP_STATUS_CODES

from sandbox.core.context import current_sandbox
from tests.control.support import add_rule
from tests.operator_connect.conftest import DOC_SINGLE, OcClient

NOT_ROUTES = {
    "omilia": "/omilia/integrations/api/nowhere",
    "mor": "/mor/nowhere",
    "switchvox": "/switchvox/nowhere",
    "operator-connect": "/operator-connect/nowhere",
    "entra": "/entra/nowhere",
}


VOLATILE = {"traceId", "trace_id", "correlation_id", "timestamp"}


def stable(data: bytes, mimetype: str) -> Any:
    """A body without its per-response ids and times (JSON), or as it is (XML)."""
    if "json" not in mimetype:
        return data
    body = json.loads(data)
    if isinstance(body.get("error_description"), str):
        body["error_description"] = body["error_description"].split("\r\n")[0]
    return {k: v for k, v in body.items() if k not in VOLATILE}


def expected(app: Flask, vendor: str, path: str, status: int, message: str) -> tuple[int, Any, str]:
    """What the vendor itself answers for a bare `status`."""
    with app.test_request_context(path):
        v = current_sandbox().vendors[vendor]
        response = v.render_error(v.http_error(status, message))
        return response.status_code, stable(response.get_data(), response.mimetype), response.mimetype


@pytest.mark.parametrize("status", [200, 400, 401, 418, 500, 503, 599])
@pytest.mark.parametrize(("vendor", "path"), NOT_ROUTES.items())
def test_error_is_the_vendors_envelope_for_that_status(
    app: Flask, client: FlaskClient, vendor: str, path: str, status: int
) -> None:
    add_rule(client, {"match": {"vendor": vendor}, "action": {"type": "error", "status": status}})
    response = client.get(path)
    got = (response.status_code, stable(response.data, response.mimetype), response.mimetype)
    assert got == expected(app, vendor, path, status, HTTP_STATUS_CODES.get(status, "Error"))


@pytest.mark.parametrize(("vendor", "path"), NOT_ROUTES.items())
def test_rate_limit_is_the_vendors_429_with_retry_after(
    app: Flask, client: FlaskClient, vendor: str, path: str
) -> None:
    add_rule(
        client, {"match": {"vendor": vendor}, "action": {"type": "rate_limit", "limit": 0, "window_s": 30}}
    )
    response = client.get(path)
    got = (response.status_code, stable(response.data, response.mimetype))
    assert got == expected(app, vendor, path, 429, "Too Many Requests")[:2]
    assert response.headers["Retry-After"] == "30"


@pytest.mark.parametrize(
    ("vendor", "path", "code", "status", "fragment"),
    [
        (
            "mor",
            "/mor/billing/api/autodialer_upload_numbers",
            "Incorrect hash",
            200,
            b"<error>Incorrect hash</error>",
        ),
        ("switchvox", "/switchvox/xml", "70674", 200, b'code="70674"'),
        (
            "operator-connect",
            "/operator-connect/api/v2/oc/numbers",
            "Invalid CallingProfileId!",
            400,
            b"Invalid",
        ),
    ],
)
def test_vendor_error_is_the_documented_error(
    client: FlaskClient, vendor: str, path: str, code: str, status: int, fragment: bytes
) -> None:
    add_rule(client, {"match": {"vendor": vendor}, "action": {"type": "vendor_error", "code": code}})
    response = client.post(path)
    assert response.status_code == status
    assert fragment in response.data


def test_task_failure_makes_the_next_operator_connect_task_fail(client: FlaskClient) -> None:
    oc = OcClient(client)
    add_rule(
        client,
        {
            "match": {"vendor": "operator-connect", "operation": "uploadNumbers"},
            "action": {"type": "task_failure", "message": "MS job failed"},
            "times": 1,
        },
    )
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["status"] == "CompletedFailure"
    assert {"level": "Error", "message": "MS job failed"} in [
        {"level": m["level"], "message": m["message"]} for m in task["executionMessages"]
    ]
