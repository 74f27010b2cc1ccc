"""OpenAPI links between operations: the order writes run in, and the values a link hands on.

Runtime expressions read the source's answer or request: `$response.body#/pointer`,
`$request.body#/pointer`, `$request.path.name`, `$request.query.name`, and `{$...}` inside a string.
An expression that cannot be evaluated makes the link unusable (`None`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from sandbox.verify.contract import Case, Operation
from sandbox.verify.exchange import Answer, Request

EMBEDDED = re.compile(r"\{(\$[^{}]+)\}")


class Unresolved(Exception):
    """A runtime expression that does not evaluate."""


@dataclass
class Ran:
    """A case that ran on one side: its request (with path values) and its answer."""

    case: Case
    request: Request
    path_values: dict[str, str]
    answer: Answer


def _pointer(document: Any, pointer: str) -> Any:
    node = document
    for part in [p for p in pointer.split("/") if p != ""]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise Unresolved(pointer)
    return node


def _request_json(request: Request) -> Any:
    body = request.body or {}
    if "json" in body:
        return body["json"]
    if "form" in body:
        return body["form"]
    raise Unresolved("$request.body")


def evaluate(expression: str, source: Ran) -> Any:
    """One runtime expression against a source that ran."""
    if expression.startswith("$response.body#"):
        try:
            document = json.loads(source.answer.content)
        except ValueError as exc:
            raise Unresolved(expression) from exc
        return _pointer(document, expression.split("#", 1)[1])
    if expression.startswith("$request.body#"):
        return _pointer(_request_json(source.request), expression.split("#", 1)[1])
    if expression.startswith("$request.path."):
        name = expression.removeprefix("$request.path.")
        if name in source.path_values:
            return source.path_values[name]
        raise Unresolved(expression)
    if expression.startswith("$request.query."):
        name = expression.removeprefix("$request.query.")
        if name in source.request.query:
            return source.request.query[name]
        raise Unresolved(expression)
    raise Unresolved(expression)


def fill(value: Any, source: Ran) -> Any:
    """A link's value with its expressions evaluated."""
    if isinstance(value, dict):
        return {k: fill(v, source) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, source) for v in value]
    if isinstance(value, str):
        if value.startswith("$"):
            return evaluate(value, source)
        return EMBEDDED.sub(lambda m: str(evaluate(m.group(1), source)), value)
    return value


def links_to(source: Operation, target: Operation) -> list[dict[str, Any]]:
    """The links of `source` whose target is `target`."""
    return [link for link in source.links.values() if link.get("operationId") == target.id]


def apply(
    case: Case, request: Request, ran: list[Ran], writes_only: bool = False
) -> tuple[Request, dict[str, str], Ran | None]:
    """The request with the values of the latest usable link, the path values, and the link's source.

    With `writes_only`, only links from writes count (what a destructive case may remove).
    """
    for source in reversed(ran):
        if not 200 <= source.answer.status < 300 or (writes_only and source.case.read_only):
            continue
        for link in links_to(source.case.operation, case.operation):
            try:
                parameters = fill(link.get("parameters") or {}, source)
                body = fill(link.get("requestBody"), source) if "requestBody" in link else None
            except Unresolved:
                continue
            return _with(case, request, parameters, body), {k: str(v) for k, v in parameters.items()}, source
    return request, {}, None


def _with(case: Case, request: Request, parameters: dict[str, Any], body: Any) -> Request:
    out = Request.from_dict(json.loads(json.dumps(request.to_dict())))
    path = case.operation.path
    for parameter in case.operation.parameters():
        name = str(parameter.get("name"))
        where = parameter.get("in")
        if name in parameters:
            text = str(parameters[name])
            if where == "path":
                path = path.replace("{" + name + "}", quote(text, safe="+"))
            elif where == "query":
                out.query[name] = text
    if "{" not in path:
        out.path = path
    if body is not None and out.body:
        if "json" in out.body:
            out.body["json"] = body
        elif "form" in out.body and isinstance(body, dict):
            out.body["form"] = {k: str(v) for k, v in body.items()}
        elif "multipart" in out.body and isinstance(body, dict):
            files = out.body["multipart"].get("files") or {}
            for name, value in body.items():
                if name in files:
                    files[name]["text"] = str(value)
                else:
                    out.body["multipart"].setdefault("fields", {})[name] = str(value)
    elif body is not None:
        out.body = {"json": body}
        out.headers.setdefault("Content-Type", "application/json")
    return out


def write_order(cases: list[Case]) -> list[Case]:
    """Writes in an order the links allow (sources before targets), destructive ones last, reversed."""
    ids = [c.operation.id for c in cases]
    after: dict[str, set[str]] = {i: set() for i in ids}
    by_id = {c.operation.id: c.operation for c in cases}
    for source in by_id.values():
        for link in source.links.values():
            target = link.get("operationId")
            if target in after and target != source.id:
                after[target].add(source.id)
    ordered: list[str] = []
    pending = list(dict.fromkeys(ids))
    while pending:
        ready = [i for i in pending if not after[i] - set(ordered)]
        chosen = ready[0] if ready else pending[0]  # a cycle: take the contract's order
        ordered.append(chosen)
        pending.remove(chosen)
    rank = {op: n for n, op in enumerate(ordered)}
    building = sorted((c for c in cases if not c.destructive), key=lambda c: rank[c.operation.id])
    cleaning = sorted((c for c in cases if c.destructive), key=lambda c: -rank[c.operation.id])
    return building + cleaning
