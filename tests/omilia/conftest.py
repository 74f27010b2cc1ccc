"""Omilia fixtures: tokens per default-world user and a small JSON client that sends them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from sandbox.omilia.world import DOC_MINIAPP

TOKEN_URL = "/omilia/auth/realms/master/protocol/openid-connect/token"
API = "/omilia/integrations/api"
# The doc's example number exactly as GET /api/numbers prints it (sic: phoneNumbersSetId/-Name).
DOC_ITEM = {
    "number": "+12012049893",
    "country": "US",
    "groupId": "ocp-qa",
    "miniAppId": DOC_MINIAPP,
    "miniAppName": "SND_dmt_test_app_vp",
    "miniAppType": "Flow",
    "miniAppDiamantAppName": "ocp-qa@SND_dmt_test_app_vp",
    "miniAppGroup": "ocp-qa",
    "locale": "en-US",
    "note": "DiaManT - vpolitis",
    "applicationTag": None,
    "phoneNumbersSetId": None,
    "phoneNumbersSetName": None,
}
# The same number as search and set listings print it (phoneNumberSetId, no set name).
SEARCHED_DOC_ITEM = {
    **{k: v for k, v in DOC_ITEM.items() if not k.startswith("phoneNumbersSet")},
    "phoneNumberSetId": None,
}


def password_grant(client: FlaskClient, username: str, realm: str = "master") -> TestResponse:
    """POST the Keycloak password grant for a default-world user."""
    form = {"client_id": "ocp", "grant_type": "password", "username": username, "password": "sandbox"}
    return client.post(f"/omilia/auth/realms/{realm}/protocol/openid-connect/token", data=form)


class OmiliaClient:
    """Calls /omilia/integrations/api/... as one user, with that user's bearer token."""

    def __init__(self, client: FlaskClient, username: str) -> None:
        self.client = client
        self.username = username
        self.headers = {"Authorization": "Bearer " + password_grant(client, username).json["access_token"]}

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
        """`method` on API + `path` with the token, `body` as JSON when given."""
        if body is not None:
            kwargs["json"] = body
        return self.client.open(API + path, method=method, headers=self.headers, **kwargs)

    def numbers(self) -> dict[str, dict[str, Any]]:
        """Every number this user sees, by number (through GET /api/numbers)."""
        page = self.call("GET", "/numbers", query_string={"pageSize": 1000}).json
        return {item["number"]: item for item in page["numbers"]}


@pytest.fixture
def omilia(client: FlaskClient) -> Callable[[str], OmiliaClient]:
    """A factory: `omilia("owner")` is a client acting as the default-world user `owner`."""
    cache: dict[str, OmiliaClient] = {}

    def make(username: str) -> OmiliaClient:
        if username not in cache:
            cache[username] = OmiliaClient(client, username)
        return cache[username]

    return make


@pytest.fixture
def owner(omilia: Callable[[str], OmiliaClient]) -> OmiliaClient:
    """The default world's `owner` (Owner; groups ocp-qa and ocp)."""
    return omilia("owner")


@pytest.fixture
def state(client: FlaskClient) -> Callable[[], Any]:
    """A function returning the tenant's whole state (to prove a refused request changed nothing)."""
    return lambda: client.get("/__sandbox/state").json
