"""The dashboard with a full journal: how long chromium takes to show it, and to page back.

Fills one tenant's journal with ENTRIES requests (4 KiB bodies, through the app in-process), then
loads `/__sandbox/ui` in Debian's headless chromium (playwright, /usr/bin/chromium) ROUNDS times,
timing from navigation to the first page of rows being shown, and the "Older requests" click to
the next page. Exits 1 when the slowest load is over the 5 s target.
"""

from __future__ import annotations

import statistics
import time

from playwright.sync_api import sync_playwright

from sandbox import create_app
from sandbox.browser import launch
from sandbox.testing import ServerThread

ENTRIES = 10_000
ROUNDS = 5
TARGET_S = 5.0
TENANT = "bench"


def fill(app: object) -> None:
    """ENTRIES requests into the tenant's journal."""
    client = app.test_client()  # type: ignore[attr-defined]
    client.environ_base["HTTP_X_SANDBOX_TENANT"] = TENANT
    body = b"x" * 4096
    for _ in range(ENTRIES):
        client.post("/omilia/integrations/api/numbers/search", data=body, content_type="application/json")


def main() -> int:
    """Print the load and page-back times; 1 when a load misses the target."""
    app = create_app({"JOURNAL_SIZE": ENTRIES})
    fill(app)
    loads: list[float] = []
    pages: list[float] = []
    with ServerThread(app) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        for _ in range(ROUNDS):
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            started = time.perf_counter()
            page.goto(f"{server.url}/t/{TENANT}/__sandbox/ui")
            page.wait_for_function("document.querySelectorAll('#journal-table tbody tr').length === 50")
            loads.append(time.perf_counter() - started)
            oldest = page.locator("#journal-table tbody tr").last.get_attribute("data-id")
            started = time.perf_counter()
            page.get_by_role("button", name="Older requests", exact=True).click()
            page.wait_for_function(
                f"document.querySelector('#journal-table tbody tr').dataset.id === '{int(oldest or 0) - 1}'"
            )
            pages.append(time.perf_counter() - started)
            page.context.close()
        browser.close()
    print(f"journal: {ENTRIES:,} entries with 4 KiB bodies; {ROUNDS} rounds")
    print(f"page load to 50 rows: median {statistics.median(loads):.3f} s, max {max(loads):.3f} s")
    print(f"older page: median {statistics.median(pages):.3f} s, max {max(pages):.3f} s")
    print(f"target: under {TARGET_S:.0f} s -> {'met' if max(loads) < TARGET_S else 'MISSED'}")
    return 0 if max(loads) < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
