"""A declared parameter of a fault rule or action: its kind, bounds and default, and its one reader.

The checks of posted rules read parameters through `Param.read`, and the dashboard's form is built
from `Param.describe`, so the form offers exactly what the control plane accepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.faults.checks import RuleError, integer, number, obj, string

HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

Reader = Callable[["Param", Any, str], Any]


def _number(param: Param, value: Any, field: str) -> Any:
    assert param.low is not None and param.high is not None
    return number(value, field, param.low, param.high)


def _integer(param: Param, value: Any, field: str) -> Any:
    assert param.low is not None and param.high is not None
    return integer(value, field, int(param.low), int(param.high))


def _string(param: Param, value: Any, field: str) -> Any:
    return string(value, field)


def _text(param: Param, value: Any, field: str) -> Any:
    if not isinstance(value, str):
        raise RuleError(field, "must be a string")
    return value


def _choice(param: Param, value: Any, field: str) -> Any:
    if value not in param.choices:
        raise RuleError(field, param.refusal or f"must be one of {', '.join(param.choices)}")
    return value


def _body(param: Param, value: Any, field: str) -> Any:
    if not isinstance(value, (str, dict, list)):
        raise RuleError(field, "must be a string (sent as is) or JSON (an object or an array)")
    return value


def _code(param: Param, value: Any, field: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise RuleError(field, "required: the vendor's error code (a string or an integer)")
    return value


def _headers(param: Param, value: Any, field: str) -> Any:
    headers = obj(value, field)
    for name, text in headers.items():
        if not HEADER_NAME.match(name):
            raise RuleError(f"{field}.{name}", "not a valid header name")
        if not isinstance(text, str) or "\n" in text or "\r" in text:
            raise RuleError(f"{field}.{name}", "must be a one-line string")
    return dict(headers)


READERS: Mapping[str, Reader] = {
    "number": _number,
    "integer": _integer,
    "string": _string,
    "text": _text,
    "choice": _choice,
    "body": _body,
    "code": _code,
    "headers": _headers,
}
"""How each kind of parameter is read (and refused)."""


@dataclass(frozen=True)
class Param:
    """One parameter: `kind` names its reader; an absent (or null, when `nullable`) one takes `default`."""

    name: str
    kind: str
    help: str
    required: bool = False
    low: float | None = None
    high: float | None = None
    default: Any = None
    choices: tuple[str, ...] = ()
    nullable: bool = False
    refusal: str | None = None

    def read(self, value: Any, field: str) -> Any:
        """The value checked (RuleError naming `field` when it is not acceptable)."""
        return READERS[self.kind](self, value, field)

    def describe(self) -> dict[str, Any]:
        """The parameter as the dashboard's form needs it (JSON)."""
        described: dict[str, Any] = {"name": self.name, "kind": self.kind, "help": self.help}
        described["required"] = self.required
        for key in ("low", "high", "default"):
            if getattr(self, key) is not None:
                described[key] = getattr(self, key)
        if self.choices:
            described["choices"] = list(self.choices)
        return described
