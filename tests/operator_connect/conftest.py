"""Operator Connect fixtures: an Entra token of the service provider and a JSON client that sends it."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

SP_TENANT = "00000000-0000-4000-8000-000000000001"
CUSTOMER = "11111111-1111-4111-8111-111111111111"
OTHER_CUSTOMER = "33333333-3333-4333-8333-333333333333"
PROFILE = "5f3fbb3b-df9b-483d-b294-c7eb01e22aac"
PROFILE_NO_SBC = "22222222-2222-4222-8222-222222222222"
SCOPE = "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default"
TOKEN_URL = f"/entra/{SP_TENANT}/oauth2/v2.0/token"
API = "/operator-connect/api"
CREDENTIALS = {
    "grant_type": "client_credentials",
    "client_id": "sandbox-client",
    "client_secret": "sandbox-secret",
    "scope": SCOPE,
}
DOC_SINGLE: dict[str, Any] = {
    "callingProfile": PROFILE,
    "usage": "CallingUserAssignment",
    "capabilities": ["InboundCalling", "OutboundCalling"],
    "phoneNumbers": ["+61395556880"],
    "workflowVersion": "3",
    "country": "AU",
}
DOC_RANGE: dict[str, Any] = {
    "callingProfile": PROFILE,
    "usage": "CallingUserAssignment",
    "additionalUsages": ["FirstPartyAppAssignment"],
    "capabilities": ["InboundCalling", "OutboundCalling"],
    "phoneNumbers": ["+97239764533", "+97239764535"],
    "phoneNumberRanges": [{"start": "+97239764660", "end": "+97239764670"}],
    "workflowVersion": 3,
}


def get_token(client: FlaskClient, prefix: str = "", **overrides: str) -> TestResponse:
    """POST the client-credentials grant (the default world's credentials, with overrides)."""
    tenant = overrides.pop("tenant", SP_TENANT)
    return client.post(f"{prefix}/entra/{tenant}/oauth2/v2.0/token", data={**CREDENTIALS, **overrides})


class OcClient:
    """Calls /operator-connect/api/... with a service-provider bearer token (of one sandbox tenant)."""

    def __init__(self, client: FlaskClient, tenant: str | None = None) -> None:
        self.client = client
        self.prefix = f"/t/{tenant}" if tenant else ""
        self.headers = {"Authorization": "Bearer " + get_token(client, self.prefix).json["access_token"]}

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
        """`method` on API + `path` with the token, `body` as JSON when given."""
        if body is not None:
            kwargs["json"] = body
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return self.client.open(self.prefix + API + path, method=method, headers=headers, **kwargs)

    def state(self) -> dict[str, Any]:
        """This tenant's Operator Connect records (GET /__sandbox/state)."""
        return self.client.get(self.prefix + "/__sandbox/state").json["operator-connect"]

    def upload(self, body: Any, customer: str = CUSTOMER, version: str = "v2") -> TestResponse:
        """POST the upload for `customer`."""
        return self.call(
            "POST", f"/{version}/oc/numbers/action/upload", body, query_string={"msTenantId": customer}
        )

    def task(self, task_id: str) -> TestResponse:
        """GET /api/v2/task/{task_id} (one poll)."""
        return self.call("GET", f"/v2/task/{task_id}")

    def finish(self, task_id: str, limit: int = 10) -> dict[str, Any]:
        """Poll until the task leaves InProgress; its final body."""
        for _ in range(limit):
            body = self.task(task_id).json
            if body["status"] != "InProgress":
                return body
        raise AssertionError(f"task {task_id} still in progress after {limit} polls")

    def numbers(self, customer: str = CUSTOMER) -> dict[str, dict[str, Any]]:
        """The customer's numbers (GET /api/v2/oc/numbers), by telephone number."""
        items = self.call("GET", "/v2/oc/numbers", query_string={"msTenantId": customer}).json
        return {item["telephoneNumber"]: item for item in items}

    def unassign(self, numbers: list[str], customer: str = CUSTOMER) -> TestResponse:
        """POST the unassign action."""
        path = "/v2/oc/numbers/action/unassign"
        return self.call("POST", path, {"telephoneNumbers": numbers}, query_string={"msTenantId": customer})

    def release(self, body: Any, customer: str = CUSTOMER) -> TestResponse:
        """POST the release action with `body` as given."""
        return self.call("POST", "/v2/oc/numbers/action/release", body, query_string={"msTenantId": customer})


LEAD = "55555555-5555-4555-8555-555555555555"
CUSTOMER_GUID = str(uuid.uuid5(uuid.NAMESPACE_URL, f"operator-connect:customer:{CUSTOMER}"))
OTHER_GUID = str(uuid.uuid5(uuid.NAMESPACE_URL, f"operator-connect:customer:{OTHER_CUSTOMER}"))


def assert_problem(response: TestResponse, status: int, field: str | None, fragment: str) -> None:
    """An ASP.NET problem of `status`; with `field`, a validation error on it containing `fragment`."""
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    assert response.json["status"] == status
    if field is None:
        assert fragment in response.json.get("detail", ""), response.json
    else:
        assert any(fragment in m for m in response.json["errors"][field]), response.json


@pytest.fixture
def oc(client: FlaskClient) -> OcClient:
    """A client of the Operator Connect API holding a valid token."""
    return OcClient(client)


def settings(client: FlaskClient, **changes: Any) -> None:
    """Change the tenant's `tasks` settings record through GET/PUT /__sandbox/state."""
    state = client.get("/__sandbox/state").json
    records = state["operator-connect"]["settings"]
    state["operator-connect"]["settings"] = [{**r, **changes} if r["id"] == "tasks" else r for r in records]
    assert client.put("/__sandbox/state", json=state).status_code in (200, 204)
