"""Root listeners pinned to a tenant: every request is in that tenant, whatever it names."""

from __future__ import annotations

import pytest
from flask import Flask

from sandbox import create_app
from sandbox.app import root_listener

OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}


def pinned(tenant: str = "pinned") -> Flask:
    """A sandbox whose listener serves omilia at its root, in `tenant`."""
    return create_app({"TESTING": True, "VENDOR": "omilia", "TENANT": tenant})


def test_a_pinned_listener_puts_every_request_in_its_tenant() -> None:
    client = pinned().test_client()
    client.post("/__sandbox/clock", json={"freeze": True})
    headed = client.get("/__sandbox/clock", headers={"X-Sandbox-Tenant": "other"}).json
    assert headed["frozen"] is True
    assert client.get("/__sandbox/requests").json["total"] == 0
    client.post("/auth/realms/master/protocol/openid-connect/token", data=OWNER)
    (entry,) = client.get("/__sandbox/requests").json["requests"]
    assert entry["path"] == "/auth/realms/master/protocol/openid-connect/token"


def test_a_path_prefix_does_not_move_a_pinned_request_to_another_tenant() -> None:
    client = pinned().test_client()
    response = client.get("/t/other/__sandbox/clock")
    assert response.status_code == 404
    assert client.get("/t/other/integrations/api/numbers").status_code == 404


def test_root_listeners_of_one_app_share_its_state_by_tenant() -> None:
    app = create_app({"TESTING": True})
    for tenant in ("a", "b"):
        view = Flask(tenant)
        view.wsgi_app = root_listener(app, "switchvox", tenant)  # type: ignore[method-assign]
        view.test_client().post("/__sandbox/clock", json={"advance_s": 3600 if tenant == "a" else 0})
    main = app.test_client()
    assert main.get("/t/a/__sandbox/clock").json["now"] > main.get("/t/b/__sandbox/clock").json["now"]


@pytest.mark.parametrize(
    ("vendor", "tenant", "message"),
    [
        ("nope", None, "unknown vendor 'nope': one of omilia, mor, switchvox, operator-connect"),
        ("entra", None, "unknown vendor 'entra'"),
        ("omilia", "bad/name", "invalid tenant name 'bad/name'"),
    ],
)
def test_a_root_listener_names_what_is_wrong(vendor: str, tenant: str | None, message: str) -> None:
    app = create_app({"TESTING": True})
    with pytest.raises(ValueError, match=message):
        root_listener(app, vendor, tenant)
