"""A journal entry carries every field DESIGN.md promises, for a tenant named by its path prefix too."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CREDENTIALS, SP_TENANT

PROMISED = {
    "id",
    "time",
    "vendor",
    "operation",
    "method",
    "path",
    "query",
    "headers",
    "body",
    "status",
    "duration_ms",
    "fault",
}


def oc_token(client: FlaskClient, tenant: str) -> str:
    response = client.post(f"/t/{tenant}/entra/{SP_TENANT}/oauth2/v2.0/token", data=CREDENTIALS)
    return str(response.json["access_token"])


def test_an_operator_connect_entry_under_a_tenant_prefix_has_every_promised_field(
    client: FlaskClient,
) -> None:
    token = oc_token(client, "acme")
    client.get(
        "/t/acme/operator-connect/api/v2/oc/callingprofile?x=1",
        headers={"Authorization": f"Bearer {token}"},
    )
    entries = client.get("/t/acme/__sandbox/requests?vendor=operator-connect").json["requests"]
    (entry,) = entries
    assert set(entry) >= PROMISED
    assert isinstance(entry["id"], int)
    assert (entry["vendor"], entry["method"], entry["path"]) == (
        "operator-connect",
        "GET",
        "/api/v2/oc/callingprofile",
    )
    assert entry["operation"] == "listCallingProfiles"  # its operationId in the contract
    assert entry["query"] == {"x": "1"}
    assert entry["headers"]["Authorization"] == "Bearer [redacted]"
    assert token not in str(entry)
    assert (entry["status"], entry["fault"], entry["body"]) == (200, None, "")


def test_the_entra_token_request_is_entras_with_the_secret_in_the_body_as_sent(client: FlaskClient) -> None:
    oc_token(client, "acme")
    (entry,) = client.get("/t/acme/__sandbox/requests").json["requests"]
    assert (entry["vendor"], entry["path"]) == ("entra", f"/{SP_TENANT}/oauth2/v2.0/token")
    assert "client_id=sandbox-client" in entry["body"]


def test_control_plane_calls_under_a_tenant_prefix_are_never_recorded(client: FlaskClient) -> None:
    for path in ("health", "faults", "clock", "state", "requests", "contracts"):
        client.get(f"/t/acme/__sandbox/{path}")
    client.post("/t/acme/__sandbox/reset")
    client.post("/t/acme/__sandbox/clock", json={"advance_s": 1})
    assert client.get("/t/acme/__sandbox/requests/count").json == {"count": 0}
    assert client.get("/t/acme/__sandbox/requests").json == {"requests": [], "total": 0}
