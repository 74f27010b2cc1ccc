"""The contracts served say where each operation really is: behind a tenant prefix, and at the root of a
single-vendor listener (server URLs and paths alike)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core.contracts import CONTRACT_NAMES, contracts_dir

PREFIXES = {
    "omilia": "/omilia",
    "mor": "/mor",
    "switchvox": "/switchvox",
    "operator-connect": "/operator-connect",
}
SP_TENANT = "00000000-0000-4000-8000-000000000001"


def served(client: FlaskClient, name: str, prefix: str = "") -> dict[str, Any]:
    response = client.get(f"{prefix}/__sandbox/contracts/{name}.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    return yaml.safe_load(response.data)  # type: ignore[no-any-return]


def where(document: dict[str, Any]) -> dict[str, str]:
    """Each operation's full path: its (operation's, else path's, else document's) server URL + its path."""
    located = {}
    top = document["servers"][0]["url"]
    for path, item in document["paths"].items():
        path_url = (item.get("servers") or [{"url": top}])[0]["url"]
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                url = (operation.get("servers") or [{"url": path_url}])[0]["url"]
                located[f"{method.upper()} {operation.get('operationId')}"] = url.rstrip("/") + path
    return located


def on_file(name: str) -> dict[str, Any]:
    return yaml.safe_load(Path(contracts_dir(), f"{name}.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", CONTRACT_NAMES)
def test_behind_a_tenant_prefix_every_operation_carries_it(client: FlaskClient, name: str) -> None:
    shared = where(on_file(name))
    tenant = where(served(client, name, "/t/alpha"))
    assert tenant == {operation: "/t/alpha" + path for operation, path in shared.items()}
    assert served(client, name) == on_file(name)  # without a prefix: the file as written


def test_the_operator_connect_contracts_entra_operations_stay_under_entra(client: FlaskClient) -> None:
    located = where(served(client, "operator-connect", "/t/alpha"))
    entra = [path for operation, path in located.items() if "oauth2" in path]
    assert entra
    assert all(path.startswith("/t/alpha/entra/") for path in entra)


@pytest.mark.parametrize("vendor", list(PREFIXES))
def test_in_single_vendor_mode_every_operation_is_at_the_root(vendor: str) -> None:
    client = create_app({"TESTING": True, "VENDOR": vendor}).test_client()
    located = where(served(client, vendor))
    shared = where(on_file(vendor))
    assert located.keys() == shared.keys()
    for operation, path in located.items():
        assert not path.startswith((PREFIXES[vendor] + "/", "/entra/")), operation
        assert shared[operation].endswith(path), operation
    assert set(where(served(client, "sandbox")).values()) == set(where(on_file("sandbox")).values())


@pytest.mark.parametrize(
    ("vendor", "operation", "answer"),
    [
        ("omilia", "GET listNumbers", 401),
        ("operator-connect", "POST issueEntraToken", 400),
    ],
)
def test_a_single_vendor_operation_is_served_where_the_contract_says(
    vendor: str, operation: str, answer: int
) -> None:
    client = create_app({"TESTING": True, "VENDOR": vendor}).test_client()
    method, _ = operation.split(" ")
    path = where(served(client, vendor))[operation].replace("{tenantId}", SP_TENANT)
    response = client.open(path, method=method)
    assert response.status_code == answer  # the vendor's own refusal, not a routing 404
