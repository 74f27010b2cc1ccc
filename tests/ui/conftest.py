"""Browser fixtures: Debian's chromium driven by playwright, a sandbox on a real socket, a tenant per test.

No browser is downloaded: the tests launch /usr/bin/chromium (`.ci/run` installs it). Where it is
missing they fail, saying how to install it; they never skip.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from sandbox import create_app
from sandbox.browser import launch
from sandbox.testing import ServerThread
from tests.ui.support import Dash

WAIT_MS = 20_000
"""How long a step may wait for the page (a shared machine can be slow; nothing here times anything)."""
expect.set_options(timeout=WAIT_MS)
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "ui-screenshots"
"""Where the views' screenshots are saved (a test artifact; build/ is not committed)."""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless chromium for the session."""
    with sync_playwright() as playwright:
        try:
            launched = launch(playwright)
        except FileNotFoundError as missing:
            pytest.fail(str(missing), pytrace=False)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    """A sandbox on 127.0.0.1 at a free port, shared by a module's tests (each has its own tenant)."""
    with ServerThread(create_app({"TESTING": True})) as running:
        yield running


@pytest.fixture
def tenant(request: pytest.FixtureRequest) -> str:
    """A tenant name of this test's own."""
    return re.sub(r"[^A-Za-z0-9-]", "-", request.node.name)[:60] + "-" + uuid.uuid4().hex[:6]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser page at 1280x900 that takes downloads; a script error fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(WAIT_MS)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], f"script errors on the page: {errors}"


@pytest.fixture
def dash(page: Page, server: ServerThread, tenant: str) -> Dash:
    """The dashboard of this test's tenant, and a client of its vendors and control plane."""
    return Dash(page, server, tenant, ARTIFACTS)
