"""Matchers of fault rules, each answering `(matched, reason)` where the reason reads "X doesn't match Y"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from sandbox.core.context import Call


@lru_cache(maxsize=1024)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob whose only wildcard is `*`, matching any characters, `/` included."""
    return re.compile("^" + ".*".join(re.escape(part) for part in pattern.split("*")) + "$", re.DOTALL)


def glob_match(pattern: str, text: str) -> bool:
    """Whether `text` matches the glob `pattern`."""
    return glob_regex(pattern).match(text) is not None


def match_call(match: Mapping[str, str], call: Call, method: str) -> tuple[bool, str]:
    """Whether a rule's `match` covers this request, and why (not)."""
    vendor = call.vendor.name if call.vendor is not None else None
    if "vendor" in match and match["vendor"] != vendor:
        return False, f"vendor {vendor} doesn't match {match['vendor']}"
    if "method" in match and match["method"] != method:
        return False, f"method {method} doesn't match {match['method']}"
    if "path" in match and not glob_match(match["path"], call.path):
        return False, f"path {call.path} doesn't match {match['path']}"
    if "operation" in match and match["operation"] != call.operation:
        return False, f"operation {call.operation} doesn't match {match['operation']}"
    return True, "matches " + (", ".join(f"{k} {v}" for k, v in match.items()) or "every vendor request")
