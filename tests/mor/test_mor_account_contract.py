"""The account functions' successes and errors conform to contracts/mor.yaml (XML checked by schema)."""

from __future__ import annotations

import schemathesis
from werkzeug.test import TestResponse

from sandbox import create_app
from tests import xml_support
from tests.mor.conftest import Mor
from tests.mor.test_mor_dialing import WHOLE_PERIOD

xml_support.register()

app = create_app({"TESTING": True})

schema = schemathesis.openapi.from_wsgi("/__sandbox/contracts/mor.yaml", app)


def conforms(function: str, response: TestResponse) -> None:
    assert response.status_code == 200
    schema[f"/billing/api/{function}"]["POST"].validate_response(response)


def test_successes_conform() -> None:
    mor = Mor(create_app({"TESTING": True}).test_client())
    mor.freeze()
    mor.upload(b"123456789\n222222222\n")
    mor.status()
    mor.advance(3600)
    own = {"u": "campgain_user"}
    conforms("user_details_get", mor.call("user_details_get", {**own, "user_id": "2"}))
    conforms("user_details_get", mor.call("user_details_get", {"u": "admin", "username": "admin"}))
    conforms(
        "user_balance_get",
        mor.call("user_balance_get", {**own, "username": "campgain_user", "user_currency": "1"}),
    )
    conforms("user_simple_balance_get", mor.call("user_simple_balance_get", {**own, "id": "c4mpg41n02"}))
    conforms("system_version_get", mor.call("system_version_get", {"u": "admin"}))
    conforms(
        "user_login", mor.client.post("/mor/billing/api/user_login", data={"u": "admin", "p": "sandbox"})
    )
    conforms("user_login", mor.client.post("/mor/billing/api/user_login", data={"u": "admin", "p": "x"}))
    conforms("user_calls_get", mor.call("user_calls_get", {**own, **WHOLE_PERIOD}))
    conforms("user_calls_get", mor.call("user_calls_get", {**own, **WHOLE_PERIOD, "s_call_type": "answered"}))
    conforms("local_calls_get", mor.call("local_calls_get", {**own, "s_user": "2"}))
    stats = mor.call("autodialer_get_campaign_statistics", {**own, "id": "1", **WHOLE_PERIOD})
    conforms("autodialer_get_campaign_statistics", stats)


def test_errors_conform() -> None:
    mor = Mor(app.test_client())
    conforms("user_details_get", mor.call("user_details_get", {"u": "campgain_user", "user_id": "3"}))
    conforms("system_version_get", mor.call("system_version_get", {"u": "campgain_user"}))
    conforms("user_calls_get", mor.call("user_calls_get", {"u": "campgain_user", "hash": "0" * 40}))
    conforms("local_calls_get", mor.call("local_calls_get", {"u": "campgain_user"}))
