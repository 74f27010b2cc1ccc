"""Bodies no control-plane route can use are a 400 that changes nothing; an empty answer is a bare 204."""

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


@pytest.mark.parametrize("path", ["/__sandbox/faults", "/__sandbox/faults/kept", "/__sandbox/requests"])
def test_a_204_has_no_body_and_no_html_content_type(client: FlaskClient, path: str) -> None:
    client.post("/__sandbox/faults", json={"id": "kept", "action": {"type": "error", "status": 503}})
    response = client.delete(path)
    assert (response.status_code, response.data) == (204, b"")
    assert "Content-Type" not in response.headers


@pytest.mark.parametrize("namespace", ["nope", "Omilia"])
def test_a_state_naming_an_unknown_namespace_is_400_and_changes_nothing(
    client: FlaskClient, namespace: str
) -> None:
    before = client.get("/__sandbox/state").json
    response = client.put("/__sandbox/state", json={namespace: {}, "omilia": {"numbers": []}})
    assert response.status_code == 400
    assert response.json["error"].startswith(f"{namespace}: no such namespace")
    assert client.get("/__sandbox/state").json == before
