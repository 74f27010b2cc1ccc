"""E.164 numbers: syntax, ranges, the country a number belongs to, toll-free prefixes."""

from __future__ import annotations

import re

E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
GUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")

CALLING_CODES: dict[str, str] = {
    "1": "US", "7": "RU", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES",
    "36": "HU", "39": "IT", "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE",
    "47": "NO", "48": "PL", "49": "DE", "52": "MX", "55": "BR", "60": "MY", "61": "AU", "64": "NZ",
    "65": "SG", "81": "JP", "82": "KR", "91": "IN", "351": "PT", "352": "LU", "353": "IE", "357": "CY",
    "358": "FI", "372": "EE", "385": "HR", "420": "CZ", "852": "HK", "971": "AE", "972": "IL",
}  # fmt: skip
NANP_COUNTRIES = frozenset({"US", "CA", "PR", "VI", "GU", "AS", "MP"})
TOLL_FREE_PREFIXES = (
    "+1800", "+1833", "+1844", "+1855", "+1866", "+1877", "+1888",  # NANP
    "+611800",  # AU freecall
    "+9721800",  # IL
    "+44800", "+44808",  # GB
)  # fmt: skip


def is_e164(value: str) -> bool:
    """Whether `value` is an E.164 number (`+`, country code, subscriber number; 8 to 15 digits)."""
    return bool(E164.match(value))


def is_guid(value: str) -> bool:
    """Whether `value` parses as a .NET Guid."""
    return bool(GUID.match(value))


def country_of(number: str) -> str | None:
    """The ISO country of an E.164 number by its calling code (NANP numbers read as US)."""
    digits = number.lstrip("+")
    for size in (3, 2, 1):
        if digits[:size] in CALLING_CODES:
            return CALLING_CODES[digits[:size]]
    return None


def is_toll_free(number: str) -> bool:
    """Whether `number` is a toll-free number."""
    return number.startswith(TOLL_FREE_PREFIXES)


def is_nanp(number: str) -> bool:
    """Whether `number` is in the North American Numbering Plan."""
    return number.startswith("+1")


def normalise_country(value: str) -> str | None:
    """An ISO alpha-2 code from `AU`, `au`, `61` or `+61` (None if unknown)."""
    text = value.strip().upper()
    if len(text) == 2 and text.isalpha():
        return text if text in set(CALLING_CODES.values()) | NANP_COUNTRIES else None
    digits = text.lstrip("+")
    return CALLING_CODES.get(digits) if digits.isdigit() else None


def expand_range(start: str, end: str) -> range:
    """The numbers of a range (as integers); the caller has checked both ends."""
    return range(int(start[1:]), int(end[1:]) + 1)
