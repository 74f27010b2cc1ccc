"""Helpers for the MOR tests: signed calls and parsed `<page>` answers."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from sandbox.core import xmlio

API = "/mor/billing/api"
DOC_NUMBERS = b"123456789\n222222222\n333333333\n444444444\n555555555\n666666666\n777777777\n"
DOC_HASH = "bc2f114099d16656d37e45fd9e8744cb9386d462"
SECRET = "secret"  # the system's one API Secret Key, for every user
HASHED = {
    "autodialer_upload_numbers": ("id",),
    "autodialer_change_campaign_status": ("u", "id"),
    "autodialer_get_campaign_statistics": ("u", "id", "period_start", "period_end"),
    "autodialer_redial_all_failed_calls": ("u", "id"),
    "autodialer_get_campaign_ivr_poll_results": ("u", "id"),
    "user_details_get": ("user_id", "username"),
    "user_balance_get": ("username", "currency"),
    "user_simple_balance_get": ("id", "currency"),
    "system_version_get": ("u",),
    "local_calls_get": ("from", "till", "s_user"),
    "user_calls_get": (
        "period_start",
        "period_end",
        "s_user",
        "s_call_type",
        "s_device",
        "s_provider",
        "s_hgc",
        "s_did",
        "s_destination",
        "order_by",
        "order_desc",
        "only_did",
        "s_uniqueid",
        "s_callback_uniqueid",
        "originator_codec_name",
        "terminator_codec_name",
    ),
}


def sign(function: str, params: dict[str, str], secret: str = SECRET) -> str:
    """The hash MOR expects for `params` (the hashed values in order, then the secret)."""
    key = secret
    joined = "".join(params.get(name, "") for name in HASHED[function])
    return hashlib.sha1((joined + key).encode()).hexdigest()


def page(response: TestResponse) -> dict[str, Any]:
    """The `<page>` element of a MOR answer as xmltodict's dict."""
    assert response.mimetype == "text/xml"
    return xmlio.parse(response.data)["page"]


class Mor:
    """Calls the MOR API of the test app, signed unless told otherwise."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def call(
        self,
        function: str,
        params: dict[str, str] | None = None,
        *,
        signed: bool = True,
        file: tuple[bytes, str] | None = None,
        method: str = "POST",
    ) -> TestResponse:
        """Call `function` with `params` in the query string (and a multipart `file`)."""
        query = dict(params or {})
        if signed and "hash" not in query:
            query["hash"] = sign(function, query)
        data = {"file": (io.BytesIO(file[0]), file[1])} if file is not None else None
        return self.client.open(f"{API}/{function}", method=method, query_string=query, data=data)

    def upload(
        self, content: bytes = DOC_NUMBERS, filename: str = "numbers.csv", **params: str
    ) -> TestResponse:
        """autodialer_upload_numbers for campgain_user's campaign 1 unless told otherwise."""
        query = {"u": "campgain_user", "id": "1", **params}
        return self.call("autodialer_upload_numbers", query, file=(content, filename))

    def status(self, campaign: str = "1", user: str = "campgain_user") -> TestResponse:
        """autodialer_change_campaign_status."""
        return self.call("autodialer_change_campaign_status", {"u": user, "id": campaign})

    def numbers(self, campaign: str = "1") -> list[str]:
        """The numbers a campaign holds, in import order (read through the control plane)."""
        state = self.client.get("/__sandbox/state").get_json()
        recs = [n for n in state["mor"]["numbers"] if n["campaign_id"] == campaign]
        return [n["number"] for n in sorted(recs, key=lambda n: n["position"])]

    def settings(self, **changes: Any) -> None:
        """Change the API settings record through PUT /__sandbox/state."""
        state = self.client.get("/__sandbox/state").get_json()
        record = {**state["mor"]["settings"][0], **changes}
        response = self.client.put("/__sandbox/state", json={"mor": {"settings": [record]}})
        assert response.status_code == 200

    def freeze(self) -> None:
        """Freeze the tenant's clock."""
        assert self.client.post("/__sandbox/clock", json={"freeze": True}).status_code == 200

    def advance(self, seconds: float) -> None:
        """Move the tenant's clock forward."""
        assert self.client.post("/__sandbox/clock", json={"advance_s": seconds}).status_code == 200


@pytest.fixture
def mor(client: FlaskClient) -> Mor:
    """A MOR caller on the test client."""
    return Mor(client)
