"""Debian's chromium, headless, under playwright: for the dashboard's browser tests and benchmarks.

playwright (a test extra) drives the system's /usr/bin/chromium; it never downloads a browser of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
MISSING = f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)"


def launch(playwright: Any) -> Any:
    """A headless chromium from a started `sync_playwright()`; FileNotFoundError when it is not installed."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(MISSING)
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_FLAGS))
