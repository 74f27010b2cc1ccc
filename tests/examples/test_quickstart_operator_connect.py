"""README quick start: AudioCodes Live Platform Operator Connect, its token from the sandbox's Entra."""

from __future__ import annotations

import requests

from sandbox.handle import SandboxHandle

SP_TENANT = "00000000-0000-4000-8000-000000000001"
CUSTOMER = "11111111-1111-4111-8111-111111111111"


def test_operator_connect_quick_start(sandbox: SandboxHandle) -> None:
    base = sandbox.url("operator-connect")  # the client's baseUrl
    authority = sandbox.url("entra")  # instead of https://login.microsoftonline.com
    token = requests.post(
        f"{authority}/{SP_TENANT}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "sandbox-client",
            "client_secret": "sandbox-secret",
            "scope": "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default",
        },
        timeout=10,
    ).json()["access_token"]
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"

    numbers = http.get(f"{base}/api/v2/oc/numbers", params={"msTenantId": CUSTOMER}, timeout=10)
    assert numbers.status_code == 200

    sandbox.add_fault(
        {
            "match": {"vendor": "operator-connect"},
            "action": {"type": "rate_limit", "limit": 1, "window_s": 10},
        }
    )
    statuses = [
        http.get(f"{base}/api/v2/oc/numbers", params={"msTenantId": CUSTOMER}, timeout=10) for _ in "ab"
    ]
    assert [s.status_code for s in statuses] == [200, 429]
    assert "Retry-After" in statuses[1].headers

    calls = sandbox.requests(vendor="operator-connect", method="GET")
    assert [c["status"] for c in calls] == [200, 200, 429]
    assert sandbox.requests(vendor="entra")[0]["body"].count("[redacted]") == 1  # the client secret
