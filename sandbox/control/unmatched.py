"""Explaining requests that hit no route: the vendor's closest routes, and why each did not match."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from flask import Flask

from sandbox.core.vendor import Vendor

_PARAM = re.compile(r"<(?:(?P<conv>[A-Za-z_]\w*)(?:\([^)]*\))?:)?(?P<name>[A-Za-z_]\w*)>")
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def vendor_routes(app: Flask, vendor: Vendor) -> list[tuple[str, list[str], re.Pattern[str]]]:
    """The vendor's routes (vendor-relative), each with its methods and a regex of its path."""
    methods: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(vendor.prefix + "/"):
            continue
        route = rule.rule[len(vendor.prefix) :]
        methods.setdefault(route, set()).update((rule.methods or set()) - IGNORED_METHODS)
    return [(route, sorted(ms), _regex(route)) for route, ms in methods.items()]


def _regex(route: str) -> re.Pattern[str]:
    parts: list[str] = []
    last = 0
    for m in _PARAM.finditer(route):
        parts.append(re.escape(route[last : m.start()]))
        parts.append(".+" if m.group("conv") == "path" else "[^/]+")
        last = m.end()
    parts.append(re.escape(route[last:]))
    return re.compile("^" + "".join(parts) + "/?$")


def closest(app: Flask, vendor: Vendor, method: str, path: str, limit: int = 3) -> list[dict[str, Any]]:
    """Up to `limit` routes nearest to `method path`, each with the reason it did not match."""
    scored: list[tuple[float, dict[str, Any]]] = []
    for route, methods, regex in vendor_routes(app, vendor):
        if regex.match(path):
            if method in methods:
                reason = f"matches {method} {route}"
            else:
                reason = f"method {method} doesn't match {', '.join(methods)}"
            scored.append((2.0, {"route": route, "methods": methods, "reason": reason}))
            continue
        ratio = SequenceMatcher(None, path, route).ratio()
        if method in methods:
            ratio += 0.01
        reason = f"path {path} doesn't match {route}"
        scored.append((ratio, {"route": route, "methods": methods, "reason": reason}))
    scored.sort(key=lambda item: -item[0])
    return [item for _, item in scored[:limit]]
