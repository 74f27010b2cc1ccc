"""The README's Operator Connect quick start (token, upload, poll, validate), run as written."""

from __future__ import annotations

import requests

from sandbox.handle import SandboxHandle


def test_operator_connect_upload_poll_validate(sandbox: SandboxHandle) -> None:
    authority, api = sandbox.url("entra"), sandbox.url("operator-connect") + "/api"
    token = requests.post(
        f"{authority}/00000000-0000-4000-8000-000000000001/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "sandbox-client",
            "client_secret": "sandbox-secret",
            "scope": "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default",
        },
        timeout=10,
    ).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    customer = {"msTenantId": "11111111-1111-4111-8111-111111111111"}

    upload = {
        "callingProfile": "5f3fbb3b-df9b-483d-b294-c7eb01e22aac",
        "usage": "CallingUserAssignment",
        "capabilities": ["InboundCalling", "OutboundCalling"],
        "phoneNumbers": ["+61395556880"],
        "workflowVersion": "3",
        "country": "AU",
    }
    task_id = requests.post(
        f"{api}/v2/oc/numbers/action/upload", params=customer, json=upload, headers=auth, timeout=10
    ).json()["taskId"]  # "wup_..."

    for _ in range(10):  # a real client sleeps between polls; the sandbox moves on each poll
        task = requests.get(f"{api}/v2/task/{task_id}", headers=auth, timeout=10).json()
        if task["status"] != "InProgress":
            break
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["NumbersUploaded"]

    status = requests.post(
        f"{api}/v2/oc/numbers/action/number-status",
        json={**customer, "telephoneNumbers": ["+61395556880", "+61395556881"]},
        headers=auth,
        timeout=10,
    ).json()
    found = {
        n["telephoneNumber"]: n["telphoneNumberDetail"]["numberFound"] for n in status["telephoneNumbers"]
    }
    assert found == {"+61395556880": True, "+61395556881": False}
