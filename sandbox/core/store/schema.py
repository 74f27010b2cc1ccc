"""What a record of a collection must hold: the fields the sandbox reads, their JSON types and ranges.

A state document (`PUT /__sandbox/state`, a world file) is checked against these before anything
is stored, so a record the vendor code cannot read is a 400 naming the record and the field, never
a 500 on every later request. Fields not declared are kept as given; a collection with no declared
schema still gets the generic check (an object, its key a string, every number finite).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KINDS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}
NAMES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "an array",
}


@dataclass(frozen=True)
class Field:
    """One field: its JSON kind, whether it must be there, whether null is allowed, and its range."""

    kind: str
    required: bool = False
    nullable: bool = False
    items: str | None = None
    """The kind of every item, for an array."""
    minimum: float | None = None
    maximum: float | None = None


def required(kind: str, **options: Any) -> Field:
    """A field every record must have (null not allowed unless `nullable=True`)."""
    return Field(kind, required=True, **options)


def optional(kind: str, **options: Any) -> Field:
    """A field a record may leave out or set to null."""
    return Field(kind, nullable=True, **options)


RecordSchema = Mapping[str, Field]


def problem(value: Any, field: Field) -> tuple[str, str] | None:
    """(where inside the value, why) it does not fit `field`, or None when it does."""
    if value is None:
        return None if field.nullable else ("", f"must be {NAMES[field.kind]}, not null")
    if not fits(value, field.kind):
        return "", f"must be {NAMES[field.kind]}"
    if field.kind in ("integer", "number"):
        if field.minimum is not None and value < field.minimum:
            return "", f"must be at least {_number(field.minimum)}"
        if field.maximum is not None and value > field.maximum:
            return "", f"must be at most {_number(field.maximum)}"
    if field.items is not None:
        for i, item in enumerate(value):
            if not fits(item, field.items):
                return f"[{i}]", f"must be {NAMES[field.items]}"
    return None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def fits(value: Any, kind: str) -> bool:
    """Whether `value` is of JSON kind `kind` (a boolean is not a number; a number is finite)."""
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    if kind == "number" and isinstance(value, float) and not math.isfinite(value):
        return False
    return isinstance(value, KINDS[kind])


def check_record(doc: Mapping[str, Any], schema: RecordSchema | None) -> tuple[str, str] | None:
    """(field, why) of the first field of `doc` that does not fit, or None when the record fits."""
    for name, field in (schema or {}).items():
        if name not in doc:
            if field.required:
                return name, f"required, {NAMES[field.kind]}"
            continue
        found = problem(doc[name], field)
        if found is not None:
            return name + found[0], found[1]
    bad = _non_finite(doc)
    return (bad, "must be a finite number") if bad is not None else None


def _non_finite(value: Any, path: str = "") -> str | None:
    """The path of a NaN or infinite number inside `value` (JSON has none), or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return path or "value"
    if isinstance(value, dict):
        for key, item in value.items():
            found = _non_finite(item, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _non_finite(item, f"{path}[{i}]")
            if found is not None:
                return found
    return None
