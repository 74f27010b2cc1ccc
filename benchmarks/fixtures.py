"""Worlds and requests the benchmarks send: stored numbers, tokens, wrk scripts."""

from __future__ import annotations

import base64
import json
import urllib.parse
from typing import Any

from benchmarks.harness import http

OMILIA_TOKEN = "/omilia/auth/realms/ocp/protocol/openid-connect/token"
OWNER_FORM = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
NUMBERS_PAGE = "/omilia/integrations/api/numbers?page=1&pageSize=50"
SWITCHVOX_BASIC = "Basic " + base64.b64encode(b"admin:admin").decode()
GET_INFO_XML = (
    '<request method="switchvox.extensions.getInfo"><parameters>'
    "<extensions><extension>100</extension></extensions></parameters></request>"
)


def number_record(i: int) -> dict[str, Any]:
    """The i-th stored Omilia number."""
    return {
        "number": f"+1555{i:07d}",
        "id": f"n{i}",
        "country": "US",
        "groupId": "ocp-qa",
        "miniAppId": None,
        "locale": None,
        "note": None,
        "applicationTag": None,
        "phoneNumberSetId": None,
        "provider": "Twilio",
        "logAni": True,
        "logDnis": True,
    }


def store_numbers(base: str, tenant: str, count: int) -> None:
    """Put `count` Omilia numbers (and a frozen clock, so tokens last) into `tenant`."""
    root = f"{base}/t/{tenant}"
    state = json.loads(http("GET", f"{root}/__sandbox/state"))
    state["omilia"]["numbers"] = [number_record(i) for i in range(count)]
    body = json.dumps(state).encode()
    http("PUT", f"{root}/__sandbox/state", body, _JSON)
    freeze(base, tenant)


def freeze(base: str, tenant: str) -> None:
    """Stop `tenant`'s clock, so the tokens it gives never expire during a run."""
    http("POST", f"{base}/t/{tenant}/__sandbox/clock", b'{"freeze": true}', _JSON)


def omilia_bearer(base: str, tenant: str) -> str:
    """An owner's `Authorization` value for `tenant`."""
    form = urllib.parse.urlencode(OWNER_FORM).encode()
    answer = http("POST", f"{base}/t/{tenant}{OMILIA_TOKEN}", form)
    return "Bearer " + json.loads(answer)["access_token"]


def add_inactive_rules(base: str, tenant: str, count: int) -> None:
    """`count` fault rules that match no request the benchmarks send."""
    for i in range(count):
        rule = {
            "id": f"inactive-{i}",
            "match": {"vendor": "mor", "path": f"/billing/api/never-{i}"},
            "action": {"type": "error", "status": 503},
        }
        http("POST", f"{base}/t/{tenant}/__sandbox/faults", json.dumps(rule).encode(), _JSON)


def post_script(body: str, content_type: str) -> str:
    """A wrk script that POSTs `body`."""
    return (
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        f'wrk.headers["Content-Type"] = "{content_type}"\n'
    )


def tenants_script(tenants: list[str], path: str, bearers: dict[str, str]) -> str:
    """A wrk script whose requests go round the tenants, each with its own token."""
    entries = ",".join(
        "{" + json.dumps(f"/t/{t}{path}") + "," + json.dumps(bearers[t]) + "}" for t in tenants
    )
    return (
        f"local targets = {{{entries}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #targets + 1\n"
        '  return wrk.format("GET", targets[i][1], {["Authorization"] = targets[i][2]})\n'
        "end\n"
    )


_JSON = {"Content-Type": "application/json"}
