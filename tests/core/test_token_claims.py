"""Token time claims of a wrong type or out of range are refused where tokens are decoded (a 401)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox.core import jwt

OMILIA_TOKEN = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
SP_TENANT = "00000000-0000-4000-8000-000000000001"
CUSTOMER = "11111111-1111-4111-8111-111111111111"
ENTRA = {
    "grant_type": "client_credentials",
    "client_id": "sandbox-client",
    "client_secret": "sandbox-secret",
    "scope": "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default",
}
BAD_TIMES: list[Any] = [
    float("nan"),
    float("inf"),
    float("-inf"),
    "abc",
    "9999999999",
    [1],
    {"a": 1},
    True,
    None,
    -1,
    10**20,
    253_402_300_800,
]


def claims_of(token: str) -> dict[str, Any]:
    return json.loads(jwt._unb64(token.split(".")[1]))  # type: ignore[no-any-return]


@pytest.mark.parametrize("claim", jwt.TIME_CLAIMS)
@pytest.mark.parametrize("value", BAD_TIMES)
def test_decode_refuses_a_time_claim_that_is_not_a_numeric_date(claim: str, value: Any) -> None:
    token = jwt.encode({"sub": "x", claim: value})
    with pytest.raises(jwt.TokenError, match=claim):
        jwt.decode(token)


def test_decode_takes_integer_and_fractional_numeric_dates() -> None:
    claims = {"exp": 4_102_444_800, "nbf": 0, "iat": 1_700_000_000.5}
    assert jwt.decode(jwt.encode(claims)) == claims


@pytest.mark.parametrize("value", BAD_TIMES)
def test_omilia_bearer_with_a_bad_exp_is_its_401(client: FlaskClient, value: Any) -> None:
    token = client.post(OMILIA_TOKEN, data=OWNER).json["access_token"]
    forged = jwt.encode({**claims_of(token), "exp": value})
    response = client.get("/omilia/integrations/api/numbers", headers={"Authorization": f"Bearer {forged}"})
    assert (response.status_code, response.json) == (
        401,
        {"success": False, "message": "No valid API key provided"},
    )


@pytest.mark.parametrize("value", BAD_TIMES)
def test_omilia_refresh_with_a_bad_exp_is_invalid_grant(client: FlaskClient, value: Any) -> None:
    refresh = client.post(OMILIA_TOKEN, data=OWNER).json["refresh_token"]
    forged = jwt.encode({**claims_of(refresh), "exp": value})
    form = {"client_id": "ocp", "grant_type": "refresh_token", "refresh_token": forged}
    response = client.post(OMILIA_TOKEN, data=form)
    assert (response.status_code, response.json["error"]) == (400, "invalid_grant")
    assert response.json["error_description"] == "Invalid refresh token"


@pytest.mark.parametrize("claim", ["exp", "nbf"])
@pytest.mark.parametrize("value", BAD_TIMES)
def test_operator_connect_token_with_a_bad_time_claim_is_its_401(
    client: FlaskClient, claim: str, value: Any
) -> None:
    token = client.post(f"/entra/{SP_TENANT}/oauth2/v2.0/token", data=ENTRA).json["access_token"]
    forged = jwt.encode({**claims_of(token), claim: value})
    response = client.get(
        "/operator-connect/api/v2/oc/numbers",
        query_string={"msTenantId": CUSTOMER},
        headers={"Authorization": f"Bearer {forged}"},
    )
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
