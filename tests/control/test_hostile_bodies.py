"""Bodies no control-plane route can use: a 400 in the control plane's shape, and nothing changes."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

DEEP_ARRAY = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000
ROUTES = [
    ("POST", "/__sandbox/faults"),
    ("PATCH", "/__sandbox/faults/kept"),
    ("PUT", "/__sandbox/state"),
    ("POST", "/__sandbox/clock"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT, "\xff\xfe", "nan]", ""])
def test_a_body_nested_too_deep_or_not_json_is_400_and_changes_nothing(
    client: FlaskClient, method: str, path: str, body: str
) -> None:
    client.post("/__sandbox/faults", json={"id": "kept", "action": {"type": "error", "status": 503}})
    before = client.get("/__sandbox/state").json
    response = client.open(path, method=method, data=body, content_type="application/json")
    assert response.status_code == 400
    assert "must" in response.json["error"] or "send" in response.json["error"]
    assert client.get("/__sandbox/state").json == before
