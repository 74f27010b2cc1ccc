"""The page and its files as served: tenant-scoped, shipped in the package, nothing from another host."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def test_the_page_is_served_for_the_default_tenant(client: FlaskClient) -> None:
    for path in ("/__sandbox/ui", "/__sandbox/ui/"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.mimetype == "text/html"
        html = response.get_data(as_text=True)
        assert 'data-base="/__sandbox"' in html and 'data-tenant="default"' in html


def test_the_page_of_a_tenant_names_its_control_plane(client: FlaskClient) -> None:
    html = client.get("/t/team-a/__sandbox/ui").get_data(as_text=True)
    assert 'data-base="/t/team-a/__sandbox"' in html
    assert 'data-root=""' in html
    assert '<script src="/t/team-a/__sandbox/ui/ui.js">' in html


def test_a_tenant_named_by_header_gets_its_own_page(client: FlaskClient) -> None:
    html = client.get("/__sandbox/ui", headers={"X-Sandbox-Tenant": "by-header"}).get_data(as_text=True)
    assert 'data-tenant="by-header"' in html


def test_the_script_and_style_are_served(client: FlaskClient) -> None:
    script = client.get("/__sandbox/ui/ui.js")
    assert (script.status_code, script.mimetype) == (200, "text/javascript")
    style = client.get("/__sandbox/ui/ui.css")
    assert (style.status_code, style.mimetype) == (200, "text/css")


def test_nothing_else_is_served_from_the_package(client: FlaskClient) -> None:
    for name in ("dashboard.html", "__init__.py", "nothing.js"):
        response = client.get(f"/__sandbox/ui/{name}")
        assert response.status_code == 404
        assert response.json["error"] == f"no dashboard file {name!r}; see /__sandbox/ui"
    escaping = client.get("/__sandbox/ui/..%2F..%2Fui.py")
    assert (escaping.status_code, escaping.json) == (404, {"error": "Not Found", "status": 404})


def test_the_page_loads_nothing_from_another_host(client: FlaskClient) -> None:
    texts = [client.get(p).get_data(as_text=True) for p in ("/__sandbox/ui", "/__sandbox/ui/ui.js",
                                                               "/__sandbox/ui/ui.css")]
    for text in texts:
        assert not re.search(r"https?://", text), "the dashboard must work offline"
        assert "@import" not in text and "url(" not in text
    links = re.findall(r'(?:src|href)="([^"]*)"', texts[0])
    assert links and all(link.startswith(("/__sandbox/ui/", "#", "data:")) for link in links)
