"""Every Operator Connect route needs a valid Entra token of the service provider (401 otherwise)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from sandbox.core import jwt
from sandbox.operator_connect.models.auth import CLOCK_SKEW_S
from tests.operator_connect.conftest import API, CUSTOMER, CUSTOMER_GUID, DOC_SINGLE, OcClient, get_token
from tests.operator_connect.test_entra_token import claims

ROUTES = [
    ("POST", "/v2/oc/numbers/action/upload"),
    ("POST", "/v3/oc/numbers/action/upload"),
    ("POST", "/v2/oc/numbers/action/unassign"),
    ("POST", "/v2/oc/numbers/action/release"),
    ("GET", "/v2/oc/numbers"),
    ("GET", "/v3/oc/numbers"),
    ("GET", "/v2/oc/numbers/+61398675570"),
    ("GET", "/v2/oc/callingprofile"),
    ("GET", "/v2/task/wup_c14a0a55-fcc5-4598-b405-c978e7da1af4"),
    ("POST", "/v2/oc/numbers/action/number-status"),
    ("GET", f"/v2/customer/{CUSTOMER_GUID}/sitelocation/{CUSTOMER_GUID}/dialplan/OCDialPlan"),
    ("GET", f"/v2/sitelocation/{CUSTOMER_GUID}"),
    ("DELETE", f"/v2/sitelocation/{CUSTOMER_GUID}"),
    ("PATCH", f"/v2/customer/{CUSTOMER_GUID}/sitelocation/"),
    ("GET", "/v2/customer"),
    ("GET", f"/v2/customer/{CUSTOMER_GUID}"),
    ("GET", "/v3/customer"),
    ("POST", "/v3/customer"),
    ("GET", f"/v3/customer/{CUSTOMER_GUID}"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_no_token_is_401_problem_with_bearer_challenge(client: FlaskClient, method: str, path: str) -> None:
    response = client.open(API + path, method=method, query_string={"msTenantId": CUSTOMER}, json=DOC_SINGLE)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.mimetype == "application/problem+json"
    assert response.json["title"] == "Unauthorized"
    assert response.json["status"] == 401


def _call(client: FlaskClient, token: str) -> object:
    return client.get(
        API + "/v2/oc/numbers",
        query_string={"msTenantId": CUSTOMER},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_garbage_token_is_401_invalid_signature(client: FlaskClient) -> None:
    response = _call(client, "abc.def.ghi")
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]  # type: ignore[attr-defined]


def test_expired_token_is_401_after_the_sandbox_clock_moves(client: FlaskClient) -> None:
    token = get_token(client).json["access_token"]
    assert _call(client, token).status_code == 200  # type: ignore[attr-defined]
    client.post("/__sandbox/clock", json={"freeze": True, "advance_s": 3599 + CLOCK_SKEW_S})
    response = _call(client, token)
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert "The token expired at" in response.headers["WWW-Authenticate"]  # type: ignore[attr-defined]


def test_token_past_exp_within_the_clock_skew_is_still_accepted(client: FlaskClient) -> None:
    client.post("/__sandbox/clock", json={"freeze": True})
    token = get_token(client).json["access_token"]
    client.post("/__sandbox/clock", json={"advance_s": 3599 + CLOCK_SKEW_S - 1})
    assert _call(client, token).status_code == 200  # type: ignore[attr-defined]
    client.post("/__sandbox/clock", json={"advance_s": 1})
    assert _call(client, token).status_code == 401  # type: ignore[attr-defined]


def test_token_not_yet_valid_beyond_the_skew_is_401(client: FlaskClient) -> None:
    early = {**claims(get_token(client).json["access_token"])}
    early["nbf"] += CLOCK_SKEW_S + 60
    response = _call(client, jwt.encode(early))
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert "not valid before" in response.headers["WWW-Authenticate"]  # type: ignore[attr-defined]
    early["nbf"] -= 120
    assert _call(client, jwt.encode(early)).status_code == 200  # type: ignore[attr-defined]


def test_token_of_another_tenant_is_401(client: FlaskClient) -> None:
    forged = {**claims(get_token(client).json["access_token"]), "tid": CUSTOMER}
    response = _call(client, jwt.encode(forged))
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert "issuer" in response.headers["WWW-Authenticate"]  # type: ignore[attr-defined]


def test_token_for_another_audience_is_401(client: FlaskClient) -> None:
    forged = {**claims(get_token(client).json["access_token"]), "aud": "https://graph.microsoft.com"}
    response = _call(client, jwt.encode(forged))
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert "audience" in response.headers["WWW-Authenticate"]  # type: ignore[attr-defined]


def test_token_of_another_sandbox_tenant_is_401(client: FlaskClient) -> None:
    token = get_token(client).json["access_token"]
    response = client.get(
        "/t/other/operator-connect/api/v2/oc/callingprofile", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401


def test_refused_upload_without_token_changes_nothing(client: FlaskClient, oc: OcClient) -> None:
    before = client.get("/__sandbox/state").json["operator-connect"]
    client.post(API + "/v2/oc/numbers/action/upload", query_string={"msTenantId": CUSTOMER}, json=DOC_SINGLE)
    assert client.get("/__sandbox/state").json["operator-connect"] == before
