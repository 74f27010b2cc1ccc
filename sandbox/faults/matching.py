"""Matchers of fault rules, each answering `(matched, reason)` where the reason reads "X doesn't match Y"."""

from __future__ import annotations

from collections.abc import Mapping

from sandbox.core.context import Call


def glob_match(pattern: str, text: str) -> bool:
    """Whether `text` matches the glob `pattern`, whose only wildcard `*` matches any characters.

    Linear in the text (each literal piece is found once, leftmost first), never a backtracking
    regex: a hostile pattern like `*a*a*a*...b` must not hold a server thread.
    """
    pieces = pattern.split("*")
    if len(pieces) == 1:
        return text == pattern
    first, *middle, last = pieces
    if len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
        return False
    position, end = len(first), len(text) - len(last)
    for piece in middle:
        found = text.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def task_call(call: Call) -> tuple[bool, str]:
    """Whether a request starts or polls a task of its vendor (`task_operations`), as `task_failure` needs."""
    vendor = call.vendor
    if vendor is not None and call.operation in vendor.task_operations:
        return True, "starts or polls a task"
    name = vendor.name if vendor is not None else None
    return False, f"{name} {call.operation} starts or polls no Operator Connect task (task_failure)"


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
