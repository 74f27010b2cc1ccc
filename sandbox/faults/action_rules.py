"""Checking a fault rule's `action`: its type and that type's parameters, nothing else.

Each action type is declared once in SHAPES (its parameters, with kinds, bounds and defaults);
`check_action` reads a posted action through that table, and the dashboard builds its form from
`describe_actions()`, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox.faults.checks import MAX_MS, MAX_S, CodeCheck, RuleError, known, obj
from sandbox.faults.params import Param

CUT_TYPES = ("reset", "empty", "hang")
WHEN = ("before", "after")

Extra = Callable[[dict[str, Any], "str | None", "CodeCheck | None"], None]
"""A check across a shape's parameters: (checked action, match.vendor, code check) -> None or raise."""


@dataclass(frozen=True)
class Shape:
    """One action type (or one variant of it, e.g. a uniform delay) and its parameters."""

    type: str
    title: str
    summary: str
    params: tuple[Param, ...]
    missing: str
    fixed: Mapping[str, str] = field(default_factory=dict)
    extra: Extra | None = None

    def check(
        self, body: Mapping[str, Any], vendor: str | None, check_code: CodeCheck | None
    ) -> dict[str, Any]:
        """`body` as the normalised action (type, fixed fields, then each parameter given or defaulted)."""
        known(body, ("type", *self.fixed, *(p.name for p in self.params)), "action.")
        action: dict[str, Any] = {"type": self.type, **self.fixed}
        for param in self.params:
            value = body.get(param.name)
            if param.name not in body or (value is None and param.nullable):
                if param.required:
                    raise RuleError(f"action.{param.name}", self.missing)
                value = param.default
                if value is None:
                    continue
            action[param.name] = param.read(value, f"action.{param.name}")
        if self.extra is not None:
            self.extra(action, vendor, check_code)
        return action

    def describe(self) -> dict[str, Any]:
        """The shape as the dashboard's form needs it (JSON)."""
        return {
            "type": self.type,
            "title": self.title,
            "summary": self.summary,
            "fixed": dict(self.fixed),
            "params": [p.describe() for p in self.params],
        }


def _uniform_bounds(action: dict[str, Any], vendor: str | None, check_code: CodeCheck | None) -> None:
    if action["max_ms"] < action["min_ms"]:
        raise RuleError("action.max_ms", "must not be less than min_ms")


def _known_code(action: dict[str, Any], vendor: str | None, check_code: CodeCheck | None) -> None:
    if vendor is None:
        raise RuleError("match.vendor", "required by vendor_error (an error code belongs to one vendor)")
    if check_code is not None:
        problem = check_code(vendor, action["code"])
        if problem:
            raise RuleError("action.code", problem)


def _ms(name: str, help: str, required: bool = True) -> Param:
    return Param(name, "number", help, required=required, low=0, high=MAX_MS, nullable=not required)


_WHEN = Param(
    "when",
    "choice",
    "before: the vendor never sees the request; after: it is applied, then the delivery is cut",
    default="before",
    choices=WHEN,
    refusal="must be before (the request is not applied) or after (it is)",
)
_MESSAGE = Param("message", "string", "the error's message (default: the status's reason phrase)")


def _plain(kind: str, summary: str, *params: Param, missing: str = "", extra: Extra | None = None) -> Shape:
    """A type with one shape, titled by its name."""
    return Shape(kind, kind, summary, params, missing=missing, extra=extra)


def _cut(kind: str, summary: str, *params: Param) -> Shape:
    return _plain(kind, summary, _WHEN, *params)


SHAPES: tuple[Shape, ...] = (
    Shape(
        "delay",
        "delay (fixed)",
        "wait ms before the vendor answers",
        (_ms("ms", "milliseconds to wait"),),
        missing="required for a fixed delay",
        fixed={"distribution": "fixed"},
    ),
    Shape(
        "delay",
        "delay (uniform)",
        "wait a uniform draw between min_ms and max_ms",
        (_ms("min_ms", "shortest wait"), _ms("max_ms", "longest wait (not less than min_ms)")),
        missing="required for a uniform delay",
        fixed={"distribution": "uniform"},
        extra=_uniform_bounds,
    ),
    Shape(
        "delay",
        "delay (lognormal)",
        "wait a lognormal draw around median_ms",
        (
            _ms("median_ms", "median wait"),
            Param("sigma", "number", "spread of the log of the wait", required=True, low=0, high=10),
        ),
        missing="required for a lognormal delay",
        fixed={"distribution": "lognormal"},
    ),
    _plain(
        "error",
        "the vendor's own error envelope for status, unless body is given",
        Param("status", "integer", "HTTP status", required=True, low=200, high=599),
        _MESSAGE,
        Param("body", "body", "sent instead of the vendor's envelope (a string as is, JSON as JSON)"),
        Param("headers", "headers", "extra response headers, a JSON object of one-line strings"),
        missing="required for an error",
    ),
    _plain(
        "vendor_error",
        "the vendor's documented error for code (needs match.vendor)",
        Param("code", "code", "the vendor's error code, e.g. Switchvox 70674", required=True),
        missing="required: the vendor's error code (a string or an integer)",
        extra=_known_code,
    ),
    _plain(
        "rate_limit",
        "at most limit matched requests per window, then 429 with Retry-After",
        Param("limit", "integer", "requests let through per window", required=True, low=0, high=10**9),
        Param("window_s", "number", "window length in seconds", required=True, low=0.001, high=MAX_S),
        Param("message", "string", "the 429's message"),
        missing="required for a rate limit",
    ),
    _cut("reset", "TCP reset: the client reads ECONNRESET"),
    _cut("empty", "the connection closes without a response"),
    _cut(
        "hang",
        "no answer for ms (default: until the client gives up), then a close",
        _ms("ms", "milliseconds to hold (empty: until the client gives up)", required=False),
    ),
    _plain(
        "malformed",
        "the vendor's real answer with a body that does not parse",
        Param("body", "text", "the body to send instead (default: half the real one and a NUL byte)"),
    ),
    _plain(
        "dribble",
        "the vendor's real answer, chunk_bytes at a time, interval_ms apart",
        Param("chunk_bytes", "integer", "bytes per chunk", default=1, low=1, high=1 << 20),
        Param("interval_ms", "number", "milliseconds between chunks", default=100, low=0, high=60_000),
    ),
    _plain(
        "task_failure",
        "the Operator Connect task this request starts or polls ends CompletedFailure",
        Param("message", "string", "the task's Error message"),
    ),
)
"""Every action a rule can take, in the order the dashboard offers them."""

ACTION_TYPES = tuple(dict.fromkeys(shape.type for shape in SHAPES))
_BY_TYPE: dict[str, list[Shape]] = {}
for _shape in SHAPES:
    _BY_TYPE.setdefault(_shape.type, []).append(_shape)


def _shape_of(body: Mapping[str, Any]) -> Shape:
    kind = body.get("type")
    if not isinstance(kind, str) or kind not in _BY_TYPE:
        raise RuleError("action.type", f"required, one of {', '.join(ACTION_TYPES)}")
    variants = _BY_TYPE[kind]
    if len(variants) == 1:
        return variants[0]
    # Variants of one type are told apart by their fixed field (a delay's distribution).
    key = next(iter(variants[0].fixed))
    chosen = body.get(key, variants[0].fixed[key])
    for shape in variants:
        if shape.fixed[key] == chosen:
            return shape
    names = [shape.fixed[key] for shape in variants]
    raise RuleError(f"action.{key}", f"must be {', '.join(names[:-1])} or {names[-1]}")


def check_action(value: Any, vendor: str | None, check_code: CodeCheck | None = None) -> dict[str, Any]:
    """`action` normalised, with the parameters of its type and nothing else."""
    body = obj(value, "action")
    return _shape_of(body).check(body, vendor, check_code)


def describe_actions() -> list[dict[str, Any]]:
    """Every action shape with its parameters (what the dashboard's fault form offers)."""
    return [shape.describe() for shape in SHAPES]
