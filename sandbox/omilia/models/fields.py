"""Reading and checking the fields of Omilia request bodies (400 BadRequest on anything malformed)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sandbox.omilia.exceptions import BadRequest

# E.164: a leading +, then up to 15 ASCII digits, the first not 0.
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# The doc: "Locale of the miniApp. Required format: pd-XY" (examples en-US, ee-DO).
LOCALE = re.compile(r"[a-z]{2}-[A-Z]{2}")
# The doc prints the prefix pattern as `^\+?\d*$?`; the stray `?` is read as a typo.
PREFIX = re.compile(r"\+?[0-9]{0,15}")
COUNTRY = re.compile(r"[A-Z]{2}")
MAX_TEXT = 1000


def check_e164(number: Any) -> str:
    """`number` if it is an E.164 phone number, else BadRequest."""
    if not isinstance(number, str) or not E164.fullmatch(number):
        raise BadRequest(f"Invalid phone number {_show(number)}: expected E.164 format, e.g. +12012049893")
    return number


def check_locale(locale: Any) -> str:
    """`locale` if it has the documented `pd-XY` format, else BadRequest."""
    if not isinstance(locale, str) or not LOCALE.fullmatch(locale):
        raise BadRequest(f"Invalid locale {_show(locale)}: required format is pd-XY, e.g. en-US")
    return locale


def check_country(code: Any) -> str:
    """An ISO 3166-1 alpha-2 country code (case-insensitive), upper-cased, else BadRequest."""
    if not isinstance(code, str) or not COUNTRY.fullmatch(code.upper()):
        raise BadRequest(f"Invalid country code {_show(code)}: expected ISO 3166-1 alpha-2, e.g. US")
    return code.upper()


def check_prefix(prefix: Any) -> str:
    """A number prefix as the doc allows it (`+` optional), normalised to start with `+`."""
    if not isinstance(prefix, str) or not PREFIX.fullmatch(prefix):
        raise BadRequest(f"Invalid prefix {_show(prefix)}: expected an optional + followed by digits")
    return "+" + prefix.lstrip("+")


def required_string(body: Mapping[str, Any], name: str) -> str:
    """A required, non-empty string field."""
    value = body.get(name)
    if value is None or value == "":
        raise BadRequest(f"Missing required parameter '{name}'")
    return text(value, name)


def optional_string(body: Mapping[str, Any], name: str) -> str | None:
    """An optional string field; null and "" mean absent."""
    value = body.get(name)
    if value is None or value == "":
        return None
    return text(value, name)


def text(value: Any, name: str) -> str:
    """`value` if it is a string of at most MAX_TEXT characters."""
    if not isinstance(value, str):
        raise BadRequest(f"Invalid parameter '{name}': must be a string")
    if len(value) > MAX_TEXT:
        raise BadRequest(f"Invalid parameter '{name}': at most {MAX_TEXT} characters")
    return value


def optional_bool(body: Mapping[str, Any], name: str, default: bool) -> bool:
    """An optional JSON boolean field."""
    value = body.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise BadRequest(f"Invalid parameter '{name}': must be a boolean")
    return value


def number_list(body: Mapping[str, Any], name: str = "numbers", required: bool = True) -> list[str]:
    """A list of E.164 numbers, duplicates dropped (first kept); required means non-empty."""
    value = body.get(name)
    if value is None:
        if required:
            raise BadRequest(f"Missing required parameter '{name}'")
        return []
    return check_numbers(value, name, required)


def check_numbers(value: Any, name: str = "numbers", required: bool = True) -> list[str]:
    """`value` as a list of distinct E.164 numbers."""
    if not isinstance(value, list):
        raise BadRequest(f"Invalid parameter '{name}': must be an array of phone numbers")
    if required and not value:
        raise BadRequest(f"Invalid parameter '{name}': must not be empty")
    return list(dict.fromkeys(check_e164(n) for n in value))


def string_list(body: Mapping[str, Any], name: str) -> list[str] | None:
    """An optional list of non-empty strings; null and [] mean absent."""
    value = body.get(name)
    if value is None or value == []:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise BadRequest(f"Invalid parameter '{name}': must be an array of strings")
    return value


def _show(value: Any) -> str:
    shown = repr(value) if not isinstance(value, str) else f"'{value}'"
    return shown if len(shown) <= 60 else shown[:57] + "...'"
