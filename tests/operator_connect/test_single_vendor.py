"""`serve --vendor operator-connect`: the API at the listener's root, Entra's token endpoint too."""

from __future__ import annotations

import requests

from sandbox import create_app
from sandbox.testing import ServerThread
from tests.operator_connect.conftest import CREDENTIALS, CUSTOMER, DOC_SINGLE, SP_TENANT


def test_doc_example_end_to_end_over_a_real_socket() -> None:
    app = create_app({"TESTING": True, "VENDOR": "operator-connect"})
    with ServerThread(app) as server, requests.Session() as http:
        token = http.post(f"{server.url}/{SP_TENANT}/oauth2/v2.0/token", data=CREDENTIALS, timeout=10)
        assert token.status_code == 200
        http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        upload = http.post(
            f"{server.url}/api/v2/oc/numbers/action/upload",
            params={"msTenantId": CUSTOMER},
            json=DOC_SINGLE,
            timeout=10,
        )
        assert upload.status_code == 200
        task_url = f"{server.url}/api/v2/task/{upload.json()['taskId']}"
        statuses = [http.get(task_url, timeout=10).json()["status"] for _ in range(2)]
        assert statuses == ["InProgress", "CompletedSuccess"]
        number = http.get(f"{server.url}/api/v2/oc/numbers/%2B61395556880", timeout=10)
        assert number.json()["tenantId"] == CUSTOMER
        missing = http.get(f"{server.url}/api/v2/nowhere", timeout=10)
        assert missing.status_code == 404
        assert missing.headers["Content-Type"].startswith("application/problem+json")
