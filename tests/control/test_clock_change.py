"""`clock_change`: the body of POST /__sandbox/clock checked without an app."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.control.clock_change import ClockChange, clock_change


@pytest.mark.parametrize(
    ("body", "change"),
    [
        ({"freeze": True}, ClockChange(freeze=True)),
        ({"freeze": False}, ClockChange(freeze=False)),
        ({"advance_s": 30}, ClockChange(advance_s=30.0)),
        ({"freeze": True, "advance_s": -1.5}, ClockChange(True, -1.5)),
    ],
)
def test_each_form_reads_as_its_change(body: dict[str, Any], change: ClockChange) -> None:
    assert clock_change(body) == change


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (None, "send {"),
        ([], "send {"),
        ({}, "send {"),
        ({"rewind": 1}, "rewind: unknown field"),
        ({"freeze": "yes"}, "freeze: must be true or false"),
        ({"advance_s": True}, "advance_s: must be a number"),
        ({"advance_s": "30"}, "advance_s: must be a number"),
        ({"advance_s": 1e300}, "advance_s: must be within ten years"),
        ({"advance_s": float("nan")}, "advance_s: must be within ten years"),
    ],
)
def test_a_body_that_is_no_change_is_refused_naming_the_field(body: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("{", r"\{")):
        clock_change(body)
