"""Driving the dashboard: its URL, the tenant's control plane and vendors spoken to with `requests`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
from flask.testing import FlaskClient
from playwright.sync_api import Page

from sandbox.testing import ServerThread

OMILIA_TOKEN = "/omilia/auth/realms/master/protocol/openid-connect/token"
OMILIA_NUMBERS = "/omilia/integrations/api/numbers"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
VIEWS = ("journal", "unmatched", "records", "faults", "clock")


class Dash:
    """One tenant's dashboard in a browser page, and that tenant over HTTP."""

    def __init__(self, page: Page, server: ServerThread, tenant: str, artifacts: Path) -> None:
        self.page = page
        self.server = server
        self.tenant = tenant
        self.base = f"{server.url}/t/{tenant}"
        self.artifacts = artifacts

    def open(self, view: str = "journal") -> Page:
        """Load the dashboard on `view` and wait until its first reads are done."""
        self.page.goto(f"{self.base}/__sandbox/ui#{view}")
        self.page.wait_for_selector("body[data-ready=true]")
        return self.page

    def control(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """A control-plane call of the tenant."""
        return requests.request(method, f"{self.base}/__sandbox{path}", timeout=10, **kwargs)

    def omilia_token(self) -> str:
        """An Omilia access token of `owner`."""
        response = requests.post(self.base + OMILIA_TOKEN, data=OWNER, timeout=10)
        return str(response.json()["access_token"])

    def list_numbers(self, token: str) -> requests.Response:
        """The Omilia numbers call a client makes."""
        headers = {"Authorization": f"Bearer {token}"}
        return requests.get(self.base + OMILIA_NUMBERS, headers=headers, timeout=10)

    def in_process(self) -> FlaskClient:
        """A test client of the same app, naming this tenant (for filling the journal fast)."""
        client = self.server.app.test_client()
        client.environ_base["HTTP_X_SANDBOX_TENANT"] = self.tenant
        return client

    def shoot(self, name: str) -> Path:
        """Save a full-page screenshot as a test artifact."""
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path
