"""The contracts served say where each operation really is: host, tenant prefix, single-vendor root."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core.contracts import CONTRACT_NAMES

PREFIXES = {
    "omilia": "/omilia",
    "mor": "/mor",
    "switchvox": "/switchvox",
    "operator-connect": "/operator-connect",
}


def served(client: FlaskClient, name: str, prefix: str = "") -> dict[str, Any]:
    response = client.get(f"{prefix}/__sandbox/contracts/{name}.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    return yaml.safe_load(response.data)  # type: ignore[no-any-return]


def server_urls(document: dict[str, Any]) -> dict[str, str]:
    """Every operation's server URL: its own, else its path's, else the document's."""
    urls = {}
    top = document["servers"][0]["url"]
    for path, item in document["paths"].items():
        path_url = (item.get("servers") or [{"url": top}])[0]["url"]
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                urls[f"{method.upper()} {path}"] = (operation.get("servers") or [{"url": path_url}])[0]["url"]
    return urls


@pytest.mark.parametrize("name", CONTRACT_NAMES)
def test_on_the_shared_listener_servers_carry_the_host_and_the_tenant(client: FlaskClient, name: str) -> None:
    urls = server_urls(served(client, name, "/t/alpha"))
    assert urls
    for url in urls.values():
        assert url.startswith("http://localhost/t/alpha/")
    header = server_urls(served(client, name))
    assert all(url.startswith("http://localhost/") and "/t/" not in url for url in header.values())


def test_entra_operations_of_the_operator_connect_contract_are_under_entra(client: FlaskClient) -> None:
    urls = server_urls(served(client, "operator-connect", "/t/alpha"))
    assert urls["POST /{tenantId}/oauth2/v2.0/token"] == "http://localhost/t/alpha/entra"
    assert urls["GET /api/v2/oc/numbers"] == "http://localhost/t/alpha/operator-connect"


@pytest.mark.parametrize("vendor", list(PREFIXES))
def test_in_single_vendor_mode_every_operation_is_at_the_root(vendor: str) -> None:
    client = create_app({"TESTING": True, "VENDOR": vendor}).test_client()
    urls = server_urls(served(client, vendor))
    assert set(urls.values()) == {"http://localhost"}
    for operation, url in urls.items():
        method, path = operation.split(" ", 1)
        target = urlsplit(url).path + path.replace("{tenantId}", "00000000-0000-4000-8000-000000000001")
        answer = client.open(target.replace("{", "").replace("}", ""), method=method)
        assert answer.status_code < 500, operation
    control = server_urls(served(client, "sandbox"))
    assert set(control.values()) == {"http://localhost/__sandbox"}


def test_a_single_vendor_contract_operation_reaches_the_vendor_not_a_routing_404() -> None:
    client = create_app({"TESTING": True, "VENDOR": "omilia"}).test_client()
    url = server_urls(served(client, "omilia"))["GET /integrations/api/numbers"]
    response = client.get(urlsplit(url).path + "/integrations/api/numbers")
    assert response.status_code == 401  # Omilia's own answer: no token
    assert response.json == {"success": False, "message": "No valid API key provided"}
