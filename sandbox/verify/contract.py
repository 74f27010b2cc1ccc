"""A vendor's contract read for verification: its operations, their example requests, their links.

Works from whatever `contracts/{vendor}.yaml` holds: every path and method with an operationId is
an operation; every request example (of the body's media types, or the parameters' own) is a
case. A required parameter or body without an example makes the case skipped, never a drift.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import yaml

from sandbox.core import xmlio
from sandbox.core.contracts import contract_path
from sandbox.verify.exchange import Request

METHODS = ("get", "head", "post", "put", "patch", "delete", "options")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# A case is read-only when its name (the RPC method its body names, else the operationId) holds no
# writing word, and its method is safe or its name holds a reading word (MOR's functions,
# Switchvox's methods and Omilia's searches are POSTs).
READ_WORDS = frozenset(
    {"get", "list", "search", "export", "fetch", "find", "info", "read", "query", "statistics"}
)
WRITE_WORDS = frozenset(
    {
        "add",
        "attach",
        "buy",
        "change",
        "create",
        "delete",
        "detach",
        "import",
        "move",
        "redial",
        "release",
        "remove",
        "rename",
        "unassign",
        "update",
        "upload",
        "assign",
    }
)
DESTRUCTIVE_WORDS = frozenset({"delete", "remove", "release", "unassign"})
# A token grant changes nothing the account holds: verified like a read.
GRANT_WORDS = frozenset({"token"})


def words(name: str) -> list[str]:
    """`getNumbersSet`, `autodialer_get_x`, `switchvox.extensions.getInfo` -> lower-case words."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", spaced) if w]


@dataclass
class Operation:
    """One path and method of the contract."""

    id: str
    method: str
    path: str
    server: str
    spec: dict[str, Any]
    path_parameters: list[dict[str, Any]] = field(default_factory=list)

    @property
    def responses(self) -> dict[str, Any]:
        """The operation's responses by status (resolved)."""
        return dict(self.spec.get("responses") or {})

    @property
    def links(self) -> dict[str, dict[str, Any]]:
        """Every link of every response, by name."""
        out: dict[str, dict[str, Any]] = {}
        for response in self.responses.values():
            out.update((response or {}).get("links") or {})
        return out

    def parameters(self) -> list[dict[str, Any]]:
        """Path-level then operation-level parameters, the latter winning."""
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for parameter in [*self.path_parameters, *(self.spec.get("parameters") or [])]:
            merged[(parameter.get("name", ""), parameter.get("in", ""))] = parameter
        return list(merged.values())

    def matches(self, method: str, path: str) -> bool:
        """Whether a concrete request path and method is this operation."""
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(self.path))
        return method.upper() == self.method and re.fullmatch(pattern, path) is not None


@dataclass
class Case:
    """One example request of an operation (or why there is none)."""

    name: str
    operation: Operation
    request: Request | None
    skipped: str = ""
    rpc: str = ""

    @property
    def read_only(self) -> bool:
        """Not named for writing, and a safe method or named for reading (or a token grant)."""
        named = set(words(self.rpc or self.operation.id))
        if named & WRITE_WORDS:
            return False  # even a GET: MOR runs its functions by GET when "Allow GET API" is on
        if self.operation.method in SAFE_METHODS:
            return True
        if named & GRANT_WORDS and not self.operation.spec.get("security", True):
            return True
        return bool(named & READ_WORDS)

    @property
    def destructive(self) -> bool:
        """DELETE, or a call named for removing something."""
        named = set(words(self.rpc or self.operation.id))
        return self.operation.method == "DELETE" or bool(named & DESTRUCTIVE_WORDS)


class Contract:
    """A contract file, its `$ref`s resolved."""

    def __init__(self, name: str, document: dict[str, Any] | None = None) -> None:
        if document is None:
            path = contract_path(name)
            if path is None:
                raise ValueError(f"no contract named {name!r}")
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.name = name
        self.document: dict[str, Any] = document or {}
        self.mounts = mounts()
        self.server = self.mounts.get(name, _server(self.document.get("servers"), ""))

    def resolve(self, node: Any, seen: tuple[str, ...] = ()) -> Any:
        """`node` with every local `$ref` replaced by what it points at (a cycle resolves to {})."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                if ref in seen:
                    return {}
                target = self.pointer(ref[1:])
                merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
                return self.resolve(merged, (*seen, ref))
            return {k: self.resolve(v, seen) for k, v in node.items()}
        if isinstance(node, list):
            return [self.resolve(item, seen) for item in node]
        return node

    def pointer(self, pointer: str) -> Any:
        """The node at a JSON pointer into the document."""
        node: Any = self.document
        for part in pointer.strip("/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    def operations(self) -> list[Operation]:
        """Every operation with an operationId, in the contract's order."""
        found = []
        top = _server(self.document.get("servers"), "")
        for path, item in (self.document.get("paths") or {}).items():
            item = self.resolve(item)
            server = _server(item.get("servers"), top)
            for method in METHODS:
                spec = item.get(method)
                if not isinstance(spec, dict) or not spec.get("operationId"):
                    continue
                base, relative = self.split(_server(spec.get("servers"), server), path)
                found.append(
                    Operation(
                        id=str(spec["operationId"]),
                        method=method.upper(),
                        path=relative,
                        server=base,
                        spec=spec,
                        path_parameters=list(item.get("parameters") or []),
                    )
                )
        return found

    def split(self, server: str, path: str) -> tuple[str, str]:
        """A server and path as (the vendor mount it is under, the path below it).

        Contracts either name the mount as their server (`/mor`) or write it in the path under `/`
        (`/entra/{tenantId}/oauth2/v2.0/token`): both come out as ("/entra", "/{tenantId}/...").
        """
        full = server.rstrip("/") + path
        for mount in sorted(self.mounts.values(), key=len, reverse=True):
            if full.startswith(mount + "/"):
                return mount, full[len(mount) :]
        return server.rstrip("/"), path

    def find(self, method: str, path: str) -> Operation | None:
        """The operation a concrete request is, if any."""
        for operation in self.operations():
            if operation.matches(method, path):
                return operation
        return None

    def cases(self, operation: Operation, values: dict[str, str] | None = None) -> list[Case]:
        """The example requests of one operation; `values` replace examples of parameters and body fields."""
        values = values or {}
        path, query, headers = operation.path, {}, {}
        for parameter in operation.parameters():
            value = values.get(str(parameter.get("name")), example_of(parameter))
            if value is None:
                if parameter.get("required") or parameter.get("in") == "path":
                    return [
                        Case(
                            operation.id, operation, None, f"no example for parameter {parameter.get('name')}"
                        )
                    ]
                continue
            text = value if isinstance(value, str) else json.dumps(value)
            where = parameter.get("in")
            if where == "path":
                path = path.replace("{" + str(parameter["name"]) + "}", quote(text, safe="+"))
            elif where == "query":
                query[str(parameter["name"])] = text
            elif where == "header":
                headers[str(parameter["name"])] = text
        body = operation.spec.get("requestBody") or {}
        bodies = list(body_examples(body.get("content") or {}))
        if not bodies:
            if body.get("required"):
                return [Case(operation.id, operation, None, "no request body example")]
            request = Request(operation.method, path, dict(query), dict(headers), None, operation.server)
            return [Case(operation.id, operation, request)]
        cases = []
        for label, media, value, schema in bodies:
            name = operation.id if len(bodies) == 1 else f"{operation.id}[{label}]"
            request = Request(operation.method, path, dict(query), dict(headers), None, operation.server)
            if isinstance(value, dict):
                value = {
                    k: values.get(k, v) if isinstance(v, (str, int, float)) else v for k, v in value.items()
                }
            request.body = build_body(media, value, schema, (body.get("content") or {}).get(media) or {})
            if not media.startswith("multipart/"):
                request.headers["Content-Type"] = media
            cases.append(Case(name, operation, request, rpc=rpc_name(value)))
        return cases

    def all_cases(self, values: dict[str, str] | None = None) -> list[Case]:
        """Every case of every operation (`values` as for `cases`)."""
        return [case for operation in self.operations() for case in self.cases(operation, values)]


def mounts() -> dict[str, str]:
    """Where the sandbox serves each vendor (`/omilia`, `/entra`, ...), by vendor name."""
    from sandbox.vendors import load_vendors

    return {vendor.name: vendor.prefix.rstrip("/") for vendor in load_vendors() if vendor.prefix}


def _server(servers: Any, default: str) -> str:
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        return str(servers[0].get("url", default)).rstrip("/")
    return default


def example_of(parameter: dict[str, Any]) -> Any:
    """A parameter's example value: its `example`, first of `examples`, or its schema's."""
    if "example" in parameter:
        return parameter["example"]
    examples = parameter.get("examples")
    if isinstance(examples, dict) and examples:
        first = next(iter(examples.values()))
        return first.get("value") if isinstance(first, dict) else first
    schema = parameter.get("schema") or {}
    if "example" in schema:
        return schema["example"]
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    return None


def body_examples(content: dict[str, Any]) -> list[tuple[str, str, Any, dict[str, Any]]]:
    """(label, media type, value, schema) for every request example, media types in order."""
    found = []
    for media, spec in content.items():
        spec = spec or {}
        schema = spec.get("schema") or {}
        if "example" in spec:
            found.append((media.split("/")[-1].removeprefix("x-www-form-"), media, spec["example"], schema))
        for label, example in (spec.get("examples") or {}).items():
            if isinstance(example, dict) and "value" in example:
                found.append((label, media, example["value"], schema))
    labels = [label for label, *_ in found]
    return [
        (label if labels.count(label) == 1 else f"{label} {media}", media, value, schema)
        for label, media, value, schema in found
    ]


def rpc_name(value: Any) -> str:
    """The method an RPC body names (`method`, or `request.method`), else ""."""
    if isinstance(value, dict):
        if isinstance(value.get("method"), str):
            return value["method"]
        inner = value.get("request")
        if isinstance(inner, dict) and isinstance(inner.get("method"), str):
            return inner["method"]
    return ""


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def build_body(media: str, value: Any, schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """An example value as a readable body of its media type."""
    if media.endswith("json"):
        return {"json": value}
    if media == "application/x-www-form-urlencoded":
        return {"form": {k: _scalar(v) for k, v in (value or {}).items()}}
    if media.startswith("multipart/"):
        fields: dict[str, str] = {}
        files: dict[str, dict[str, str]] = {}
        properties = schema.get("properties") or {}
        encoding = spec.get("encoding") or {}
        for name, item in (value or {}).items():
            if (properties.get(name) or {}).get("format") == "binary":
                kind = str((encoding.get(name) or {}).get("contentType", "application/octet-stream"))
                kind = kind.split(",")[0].strip()
                suffix = ".csv" if "csv" in kind else ""
                files[name] = {
                    "filename": f"{name.lower()}{suffix}",
                    "content_type": kind,
                    "text": _scalar(item),
                }
            else:
                fields[name] = _scalar(item)
        return {"multipart": {"fields": fields, "files": files}}
    if media.endswith("xml") and not isinstance(value, str):
        name = (schema.get("xml") or {}).get("name", "root")
        return {"text": xmlio.render({name: to_xml(value, schema)}, declaration=False, pretty=False)}
    return {"text": value if isinstance(value, str) else json.dumps(value)}


def to_xml(value: Any, schema: dict[str, Any]) -> Any:
    """A JSON value as xmltodict's tree, following the schema's `xml` hints (attributes, wrapped lists)."""
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for part in schema.get("allOf") or []:
            properties = {**(part.get("properties") or {}), **properties}
        out: dict[str, Any] = {}
        for key, item in value.items():
            sub = properties.get(key) or {}
            hints = _xml_hints(sub)
            name = hints.get("name", key)
            if hints.get("attribute"):
                out[f"@{name}"] = _scalar(item)
            elif isinstance(item, list):
                items = sub.get("items") or {}
                item_name = _xml_hints(items).get("name", name)
                rendered = [to_xml(element, items) for element in item]
                out[name] = {item_name: rendered} if hints.get("wrapped") else rendered
            else:
                out[name] = to_xml(item, sub)
        return out
    return _scalar(value)


def _xml_hints(schema: dict[str, Any]) -> dict[str, Any]:
    hints = dict(schema.get("xml") or {})
    for part in schema.get("allOf") or []:
        hints = {**(part.get("xml") or {}), **hints}
    return hints
