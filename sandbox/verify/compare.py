"""Comparing two answers to one request: parse, normalise volatile values, diff by path.

verify, record/replay and the contract tests use this one module. Bodies are parsed by media
type (JSON; XML as xmltodict's tree, attributes `@name`; CSV as rows; anything else as text).
Volatile values (ids, timestamps, tokens, nonces, hashes) are replaced by a placeholder before
comparing: by key (`VOLATILE_KEYS`, shell-style globs matched case-insensitively) and by value
(`VOLATILE_PATTERNS`, regular expressions replaced inside strings). Both lists can be extended.

Two depths: `shape` compares status, media type, which paths exist and the JSON type at each (a
list's items are compared as one merged item, an empty or null value matches any shape: two
accounts hold different data); `values` also compares every normalised value, index by index.
Paths read `$.numbers[0].number` in JSON and `/page/status/success`, `/response/@method` in XML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from sandbox.core import xmlio
from sandbox.verify.exchange import Answer

VOLATILE_KEYS: tuple[str, ...] = (
    "*token*",
    "session_state",
    "nonce",
    "cnonce",
    "opaque",
    "hash",
    "traceid",
    "correlation_id",
    "trace_id",
    "timestamp",
    "*time",
    "*whenupdated",
    "*createdat",
    "date_created",
)

VOLATILE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("jwt", r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"),
    ("uuid", r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    ("timestamp", r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"),
    ("hex", r"\b[0-9a-f]{32,64}\b"),
)


@dataclass(frozen=True)
class Difference:
    """One way two answers (or an answer and its contract) differ, at one path."""

    path: str
    kind: str  # status, content-type, missing, extra, type, value, schema
    expected: str = ""
    actual: str = ""

    def __str__(self) -> str:
        labels = {
            "missing": "only in the reference",
            "extra": "only in the compared answer",
        }
        if self.kind in labels:
            return f"{self.path}: {labels[self.kind]}"
        if self.kind == "schema":
            return f"{self.path}: {self.actual}"
        return f"{self.path}: {self.kind} {self.expected!s} != {self.actual!s}"

    def to_dict(self) -> dict[str, str]:
        """The difference as a JSON object."""
        return {"path": self.path, "kind": self.kind, "expected": self.expected, "actual": self.actual}


@dataclass
class Normaliser:
    """Replaces volatile values by placeholders; `keys` and `patterns` extend the defaults."""

    keys: tuple[str, ...] = VOLATILE_KEYS
    patterns: tuple[tuple[str, str], ...] = VOLATILE_PATTERNS
    _compiled: list[tuple[str, re.Pattern[str]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._compiled = [(name, re.compile(regex)) for name, regex in self.patterns]

    def with_keys(self, extra: Iterable[str]) -> Normaliser:
        """A normaliser that also treats the keys matching `extra` as volatile."""
        return Normaliser(self.keys + tuple(k.lower() for k in extra), self.patterns)

    def volatile_key(self, key: str) -> bool:
        """Whether values under `key` are volatile."""
        name = key.lstrip("@").lower()
        return any(fnmatchcase(name, pattern) for pattern in self.keys)

    def normalise(self, node: Any, key: str = "") -> Any:
        """A copy of `node` with volatile values replaced."""
        if key and self.volatile_key(key) and not isinstance(node, (dict, list)) and node not in (None, ""):
            return f"<{key.lstrip('@')}>"
        if isinstance(node, dict):
            return {k: self.normalise(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [self.normalise(item, key) for item in node]
        if isinstance(node, str):
            for name, regex in self._compiled:
                node = regex.sub(f"<{name}>", node)
        return node


@dataclass
class Parsed:
    """A body parsed for comparison: its kind (json, xml, csv, text, empty) and tree."""

    kind: str
    tree: Any


def parse(answer: Answer) -> Parsed:
    """Parse an answer's body by its media type (falling back to text)."""
    content = answer.content
    if not content.strip():
        return Parsed("empty", None)
    kind = answer.content_type
    if kind.endswith("json"):
        try:
            return Parsed("json", json.loads(content))
        except ValueError:
            pass
    if kind.endswith("xml") or content.lstrip().startswith(b"<"):
        try:
            return Parsed("xml", xmlio.parse(content))
        except xmlio.XmlParseError:
            pass
    text = content.decode("utf-8", errors="replace")
    if kind == "text/csv":
        return Parsed("csv", list(csv.DictReader(io.StringIO(text))))
    return Parsed("text", text)


def format_path(kind: str, segments: list[str | int]) -> str:
    """A path for people: JSONPath-like for JSON and CSV, element/attribute path for XML."""
    if kind == "xml":
        out = ""
        for segment in segments:
            if isinstance(segment, int):
                out += f"[{segment + 1}]"
            elif segment == "#text":
                out += "/text()"
            else:
                out += f"/{segment}"
        return out or "/"
    out = "$"
    for segment in segments:
        if isinstance(segment, int):
            out += f"[{segment}]"
        elif segment == "*":
            out += "[*]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", segment):
            out += f".{segment}"
        else:
            out += f"[{json.dumps(segment)}]"
    return out


def _type_name(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "empty"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def shapes(node: Any, kind: str, prefix: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], set[str]]:
    """Every path of a tree and the types seen there; list items merge under one `*` segment."""
    out: dict[tuple[Any, ...], set[str]] = {}

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, list) and kind == "xml":
            # A repeated XML element is a list only when it repeats: the same path either way.
            for item in value:
                walk(item, path)
            if not value:
                out.setdefault(path, set()).add("empty")
            return
        out.setdefault(path, set()).add(_type_name(value))
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*path, key))
        elif isinstance(value, list):
            for item in value:
                walk(item, (*path, "*"))

    walk(node, prefix)
    return out


def leaves(node: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    """Every scalar (and every empty object or list) of a tree by its indexed path."""
    out: dict[tuple[Any, ...], Any] = {}
    if isinstance(node, dict) and node:
        for key, child in node.items():
            out.update(leaves(child, (*path, key)))
    elif isinstance(node, list) and node:
        for index, item in enumerate(node):
            out.update(leaves(item, (*path, index)))
    else:
        out[path] = node
    return out


def _empty_ancestor(path: tuple[Any, ...], other: dict[tuple[Any, ...], set[str]]) -> bool:
    for cut in range(len(path) - 1, -1, -1):
        types = other.get(path[:cut])
        if types is not None:
            return "empty" in types
    return False


def diff_trees(reference: Parsed, other: Parsed, mode: str) -> list[Difference]:
    """Differences of `other` from `reference`, both already normalised."""
    if reference.kind != other.kind:
        return [Difference(format_path(reference.kind, []), "type", reference.kind, other.kind)]
    kind = reference.kind
    if mode == "values":
        pair = align(reference.tree, other.tree) if kind == "xml" else (reference.tree, other.tree)
        left, right = leaves(pair[0]), leaves(pair[1])
        found: list[Difference] = []
        for path in sorted(set(left) | set(right), key=lambda p: [str(s) for s in p]):
            where = format_path(kind, list(path))
            if path not in right:
                found.append(Difference(where, "missing", _text(left[path])))
            elif path not in left:
                found.append(Difference(where, "extra", "", _text(right[path])))
            elif left[path] != right[path]:
                found.append(Difference(where, "value", _text(left[path]), _text(right[path])))
        return found
    left_shape, right_shape = shapes(reference.tree, kind), shapes(other.tree, kind)
    found = []
    for path in sorted(set(left_shape) | set(right_shape), key=lambda p: [str(s) for s in p]):
        where = format_path(kind, list(path))
        if path not in right_shape:
            # Only the top of a missing subtree is reported.
            if path[:-1] in right_shape and not _empty_ancestor(path, right_shape):
                found.append(Difference(where, "missing", _label(left_shape[path])))
        elif path not in left_shape:
            if path[:-1] in left_shape and not _empty_ancestor(path, left_shape):
                found.append(Difference(where, "extra", "", _label(right_shape[path])))
        else:
            a, b = left_shape[path] - {"empty"}, right_shape[path] - {"empty"}
            if a and b and not a & b:
                found.append(Difference(where, "type", _label(a), _label(b)))
    return found


def _label(types: set[str]) -> str:
    return "/".join(sorted(types - {"empty"})) or "empty"


def align(left: Any, right: Any) -> tuple[Any, Any]:
    """Two XML trees where an element repeated on one side is a list on both (one item is a list of one)."""
    if isinstance(left, dict) and isinstance(right, dict):
        a, b = dict(left), dict(right)
        for key in set(a) & set(b):
            x, y = a[key], b[key]
            if isinstance(x, list) and not isinstance(y, list):
                y = [y]
            elif isinstance(y, list) and not isinstance(x, list):
                x = [x]
            a[key], b[key] = align(x, y)
        return a, b
    if isinstance(left, list) and isinstance(right, list):
        pairs = [align(x, y) for x, y in zip(left, right, strict=False)]
        n = len(pairs)
        return [p[0] for p in pairs] + left[n:], [p[1] for p in pairs] + right[n:]
    return left, right


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def compare(
    reference: Answer, other: Answer, mode: str = "shape", normaliser: Normaliser | None = None
) -> list[Difference]:
    """How `other` differs from `reference`: status, media type, then the normalised bodies."""
    found: list[Difference] = []
    if reference.status != other.status:
        found.append(Difference("status", "status", str(reference.status), str(other.status)))
    if reference.content_type != other.content_type and (reference.content or other.content):
        found.append(Difference("content-type", "content-type", reference.content_type, other.content_type))
    if found:
        return found
    normaliser = normaliser or Normaliser()
    left, right = parse(reference), parse(other)
    left.tree, right.tree = normaliser.normalise(left.tree), normaliser.normalise(right.tree)
    return diff_trees(left, right, mode)
