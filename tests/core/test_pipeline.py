"""The request pipeline: views run in a tenant transaction; every error comes out in the vendor's format."""

from __future__ import annotations

from flask import Blueprint, Flask

from sandbox import create_app
from sandbox.core.context import current_tenant
from sandbox.omilia.exceptions import Conflict


def app_with_probe_routes() -> Flask:
    """A sandbox with two extra routes under the Omilia prefix: one refuses, one crashes."""
    app = create_app({"TESTING": True})
    probe = Blueprint("probe", __name__)

    def refuse() -> str:
        numbers = current_tenant().collection("omilia", "numbers")
        numbers.put({**numbers.get("+12012049893"), "note": "half-done"})
        numbers.delete("+12012049894")
        raise Conflict("refused after writing")

    def crash() -> str:
        current_tenant().collection("omilia", "numbers").delete("+12012049893")
        raise RuntimeError("a bug")

    probe.add_url_rule("/refuse", "refuse", refuse, methods=["POST"])
    probe.add_url_rule("/crash", "crash", crash, methods=["POST"])
    app.register_blueprint(probe, url_prefix="/omilia/probe")
    return app


def test_a_refused_request_changes_nothing_that_was_stored() -> None:
    client = app_with_probe_routes().test_client()
    before = client.get("/__sandbox/state").json
    response = client.post("/omilia/probe/refuse")
    assert response.status_code == 409
    assert response.json == {"success": False, "message": "refused after writing"}
    assert client.get("/__sandbox/state").json == before


def test_an_unexpected_error_is_a_vendor_shaped_500_and_changes_nothing() -> None:
    client = app_with_probe_routes().test_client()
    before = client.get("/__sandbox/state").json
    response = client.post("/omilia/probe/crash")
    assert response.status_code == 500
    assert response.is_json and response.json["success"] is False
    assert b"<html" not in response.data.lower()
    assert client.get("/__sandbox/state").json == before


def test_wrong_method_is_a_vendor_shaped_405_with_allow(client) -> None:  # type: ignore[no-untyped-def]
    response = client.delete("/omilia/integrations/api/numbers")
    assert response.status_code == 405
    assert response.json == {"success": False, "message": "Method Not Allowed"}
    assert "GET" in response.headers["Allow"]


def test_options_is_a_vendor_shaped_405_not_an_empty_html_answer(client) -> None:  # type: ignore[no-untyped-def]
    response = client.options("/omilia/integrations/api/numbers")
    assert response.status_code == 405
    assert response.json == {"success": False, "message": "Method Not Allowed"}


def test_a_body_over_the_size_limit_is_refused_in_the_vendors_format() -> None:
    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 1024}).test_client()
    response = client.post(
        "/omilia/auth/realms/master/protocol/openid-connect/token",
        data=b"username=" + b"x" * 4096,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert response.is_json and "error" in response.json


def test_a_path_outside_every_vendor_gets_a_json_404(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.json == {"error": "Not Found", "status": 404}
