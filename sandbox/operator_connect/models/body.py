"""Reading request bodies as ASP.NET Core (Newtonsoft.Json) model binding does.

Property names match case-insensitively; a syntax error is reported under the JSON path where the
parser stopped, with Newtonsoft's wording (the doc's "Syntax Error" example).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sandbox.operator_connect.exceptions import UnsupportedMediaType, ValidationProblem, invalid


def parse_json(raw: bytes, mimetype: str | None) -> Any:
    """The body as JSON: 415 for a non-JSON media type, 400 problem details for bad syntax."""
    if mimetype and not (
        mimetype == "application/json" or mimetype.endswith("+json") or mimetype == "text/json"
    ):
        raise UnsupportedMediaType()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise invalid("", "Invalid UTF-8 in the request body.") from None
    if not text.strip():
        raise invalid("", "A non-empty request body is required.")
    try:
        return json.loads(text)
    except RecursionError:
        raise invalid("", "The JSON document exceeds the maximum depth.") from None
    except json.JSONDecodeError as exc:
        path = json_path_at(text, exc.pos)
        if exc.pos >= len(text.rstrip()):
            where = f"Path '{path}', line {exc.lineno}, position {exc.colno - 1}."
            message = f"Unexpected end when reading JSON. {where}"
        else:
            char = text[exc.pos]
            message = (
                f"Unexpected character encountered while parsing value: {char}. Path '{path}', "
                f"line {exc.lineno}, position {exc.colno}."
            )
        raise ValidationProblem({path: [message]}) from None


def json_path_at(text: str, pos: int) -> str:
    """The Newtonsoft-style path (`phoneNumbers[11]`) of the value being read at `pos`."""
    stack: list[list[Any]] = []  # [kind, key-or-index]
    i, expect_key = 0, False
    while i < min(pos, len(text)):
        ch = text[i]
        if ch == '"':
            end = i + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if expect_key and stack and stack[-1][0] == "obj":
                try:
                    stack[-1][1] = json.loads(text[i : end + 1])
                except ValueError:
                    stack[-1][1] = text[i + 1 : end]
                expect_key = False
            i = end + 1
            continue
        if ch == "{":
            stack.append(["obj", None])
            expect_key = True
        elif ch == "[":
            stack.append(["arr", 0])
        elif ch in "}]":
            if stack:
                stack.pop()
        elif ch == ",":
            if stack and stack[-1][0] == "arr":
                stack[-1][1] += 1
            elif stack:
                expect_key = True
        i += 1
    parts = ""
    for kind, key in stack:
        if kind == "arr":
            parts += f"[{key}]"
        elif key is not None:
            parts += f".{key}" if parts else str(key)
    return parts


def fields(body: Mapping[str, Any]) -> dict[str, Any]:
    """The body's properties by lower-cased name (model binding ignores case)."""
    return {str(k).lower(): v for k, v in body.items()}


CLR_TYPES = {
    "string": "System.String",
    "list": "System.Collections.Generic.List`1[System.String]",
    "int": "System.Int32",
    "bool": "System.Boolean",
    "dictionary": "System.Collections.Generic.Dictionary`2[System.String,System.String]",
    "ranges": "System.Collections.Generic.List`1[PhoneNumberRange]",
}


def conversion_error(value: Any, kind: str, path: str) -> str:
    """Newtonsoft's message for a value of the wrong JSON type."""
    shown = json.dumps(value)[:64]
    return f"Error converting value {shown} to type '{CLR_TYPES[kind]}'. Path '{path}'."
