"""The field checks and search helpers the numbers models share (no app needed)."""

from __future__ import annotations

import pytest

from sandbox.omilia.exceptions import BadRequest
from sandbox.omilia.models.numbers import check_e164, check_locale
from sandbox.omilia.models.query import paginate, search_matcher


@pytest.mark.parametrize("number", ["+12012049893", "+44", "+123456789012345"])
def test_e164_accepts(number: str) -> None:
    assert check_e164(number) == number


@pytest.mark.parametrize(
    "number",
    ["12012049893", "+0123", "+1", "+1234567890123456", "+1 201", "+1201\n", "+١٢٠١", 12012049893, None],
)
def test_e164_refuses_with_bad_request(number: object) -> None:
    with pytest.raises(BadRequest) as raised:
        check_e164(number)
    assert raised.value.status == 400
    assert raised.value.message.startswith("Invalid phone number")


@pytest.mark.parametrize("locale", ["en-US", "ee-DO", "el-GR"])
def test_locale_accepts_pd_xy(locale: str) -> None:
    assert check_locale(locale) == locale


@pytest.mark.parametrize("locale", ["en_US", "en-us", "EN-US", "en", "en-USA", "", None, "en-US\n"])
def test_locale_refuses_others(locale: object) -> None:
    with pytest.raises(BadRequest) as raised:
        check_locale(locale)
    assert raised.value.message.startswith("Invalid locale")


def test_like_pattern_is_anchored_and_case_insensitive() -> None:
    matches = search_matcher("dia%VPOLITIS")
    assert matches("DiaManT - vpolitis")
    assert not matches("x DiaManT - vpolitis")


def test_like_pattern_escapes_regex_characters() -> None:
    assert search_matcher("+1201%")("+12012049893")
    assert not search_matcher("+.%")("+12")


@pytest.mark.parametrize(
    ("term", "value", "expected"),
    [
        ("%ab%ab", "abab", True),
        ("%ab%ab", "aba", False),
        ("a%a", "a", False),
        ("a%a", "aa", True),
        ("%b%", "abc", True),
        ("%%", "", True),
        ("ab%", "ab", True),
        ("%ba", "ab", False),
    ],
)
def test_like_pattern_parts_match_in_order_without_overlap(term: str, value: str, expected: bool) -> None:
    assert search_matcher(term)(value) is expected


def test_like_pattern_with_many_wildcards_answers_at_once() -> None:
    # A backtracking regex takes exponential time here; the matcher stays linear.
    assert not search_matcher("%a" * 200 + "%b")("a" * 1000)


def test_plain_term_is_a_substring() -> None:
    assert search_matcher("2049")("+12012049893")
    assert not search_matcher("2049")(None)


def test_paginate_counts_pages() -> None:
    page = paginate([{"n": i} for i in range(7)], 3, 3)
    assert (page.items, page.pages, page.total) == ([{"n": 6}], 3, 7)
