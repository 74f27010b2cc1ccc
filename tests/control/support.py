"""Helpers of the control-plane tests: an Omilia caller over a real socket, rule shortcuts."""

from __future__ import annotations

import uuid
from typing import Any

import requests
from flask.testing import FlaskClient

TOKEN_PATH = "/omilia/auth/realms/ocp/protocol/openid-connect/token"
NUMBERS_PATH = "/omilia/integrations/api/numbers"
NOTE_PATH = "/omilia/integrations/api/number/note"
OWNER_FORM = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
FILE_RULE_PATH = "/integrations/api/from-the-fault-file"
FAULT_FILE = f"""\
seed: 42
rules:
  - id: from-file
    match: {{vendor: omilia, path: "{FILE_RULE_PATH}"}}
    action: {{type: error, status: 418}}
"""


def omilia_token(client: FlaskClient, tenant: str | None = None) -> str:
    """An Omilia access token of `owner` (test client)."""
    headers = {"X-Sandbox-Tenant": tenant} if tenant else {}
    return str(client.post(TOKEN_PATH, data=OWNER_FORM, headers=headers).json["access_token"])


def add_rule(client: FlaskClient, rule: dict[str, Any], tenant: str | None = None) -> dict[str, Any]:
    """POST one rule (test client); the stored rule."""
    headers = {"X-Sandbox-Tenant": tenant} if tenant else {}
    response = client.post("/__sandbox/faults", json=rule, headers=headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return dict(response.json)


class Live:
    """One tenant of a sandbox on a real socket, spoken to with `requests`."""

    def __init__(self, url: str) -> None:
        self.root = url
        self.url = f"{url}/t/{uuid.uuid4().hex[:12]}"
        self.http = requests.Session()

    def rule(self, action: dict[str, Any], **fields: Any) -> dict[str, Any]:
        """Add a rule matching Omilia by default; the stored rule."""
        body = {"match": {"vendor": "omilia"}, "action": action, **fields}
        response = self.http.post(self.url + "/__sandbox/faults", json=body, timeout=10)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def token(self) -> str:
        """An Omilia access token of `owner`."""
        return str(self.http.post(self.url + TOKEN_PATH, data=OWNER_FORM, timeout=10).json()["access_token"])

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET url + path with a fresh connection (a fault may cut it)."""
        kwargs.setdefault("timeout", 10)
        kwargs.setdefault("headers", {"Connection": "close"})
        return requests.get(self.url + path, **kwargs)

    def journal(self, **filters: Any) -> list[dict[str, Any]]:
        """The tenant's journal entries."""
        return list(
            self.http.get(self.url + "/__sandbox/requests", params=filters, timeout=10).json()["requests"]
        )
