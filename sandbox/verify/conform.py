"""Does an answer conform to its operation's contract: status, media type, body against the schema.

XML bodies are checked through OpenAPI's XML model (the root element is the schema's object, child
elements and attributes are its properties, a repeated element a list, a leaf its text), and a
finding names the element or attribute path (`/page/status/success`, `/response/@method`).
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from typing import Any

import jsonschema_rs

from sandbox.core import xmlio
from sandbox.verify.compare import Difference, format_path
from sandbox.verify.contract import Operation
from sandbox.verify.exchange import Answer


def response_spec(operation: Operation, status: int) -> dict[str, Any] | None:
    """The response the contract gives for `status` (exact, then `4XX`-style, then default)."""
    responses = operation.responses
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        for name, spec in responses.items():
            if str(name).upper() == key:
                return spec or {}
    return None


def _xml_path(root_name: str, tree: Any, segments: list[Any]) -> str:
    """A schema error's instance path as an element/attribute path of the original document."""
    parts: list[Any] = [root_name]
    node = tree
    for segment in segments:
        if isinstance(segment, int):
            parts.append(segment)
            node = node[segment] if isinstance(node, list) and segment < len(node) else None
            continue
        if isinstance(node, dict) and f"@{segment}" in node and segment not in node:
            parts.append(f"@{segment}")
            node = node[f"@{segment}"]
        else:
            parts.append(str(segment))
            node = node.get(segment) if isinstance(node, dict) else None
    return format_path("xml", parts)


def _media_spec(content: dict[str, Any], media: str) -> tuple[str, dict[str, Any]] | None:
    for name, spec in content.items():
        if name.lower() == media or fnmatchcase(media, name.lower()):
            return name, spec or {}
    return None


def conform(operation: Operation, answer: Answer) -> list[Difference]:
    """Where the answer departs from the contract (empty when it conforms)."""
    spec = response_spec(operation, answer.status)
    if spec is None:
        listed = ", ".join(str(k) for k in operation.responses)
        return [Difference("status", "status", listed, str(answer.status))]
    content = spec.get("content") or {}
    if not content or not answer.content.strip() or operation.method == "HEAD":
        return []
    media = answer.content_type
    found = _media_spec(content, media)
    if found is None:
        return [Difference("content-type", "content-type", ", ".join(content), media or "(none)")]
    schema = found[1].get("schema")
    if not schema:
        return []
    return _check_schema(schema, media, answer.content)


def _check_schema(schema: dict[str, Any], media: str, content: bytes) -> list[Difference]:
    if media.endswith("json"):
        try:
            instance: Any = json.loads(content)
        except ValueError as exc:
            return [Difference("$", "schema", "", f"not JSON: {exc}")]
        tree, root, kind = instance, "", "json"
    elif media.endswith("xml"):
        try:
            document = xmlio.parse(content)
        except xmlio.XmlParseError as exc:
            return [Difference("/", "schema", "", f"not XML: {exc}")]
        ((root, tree),) = document.items()
        instance, kind = xmlio.element_value(tree), "xml"
        expected_root = _root_names(schema)
        if expected_root and root not in expected_root:
            return [
                Difference(f"/{root}", "schema", "", f"root element {root!r} is not {sorted(expected_root)}")
            ]
    else:
        instance, tree, root, kind = content.decode("utf-8", errors="replace"), None, "", "text"
    try:
        validator = jsonschema_rs.validator_for(schema)
    except (ValueError, jsonschema_rs.ValidationError):
        return []
    findings = []
    for error in validator.iter_errors(instance):
        segments = list(error.instance_path)
        where = _xml_path(root, tree, segments) if kind == "xml" else format_path("json", segments)
        findings.append(Difference(where, "schema", "", error.message))
    return findings


def _root_names(schema: dict[str, Any]) -> set[str]:
    names = set()
    name = (schema.get("xml") or {}).get("name")
    if name:
        names.add(name)
    for key in ("oneOf", "anyOf", "allOf"):
        for part in schema.get(key) or []:
            names |= _root_names(part)
    return names
