"""The call state machine on its own (no app): PATHS, cut short by a hang-up."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.switchvox.models.call_machine import ENDED, PATHS, RINGING, TALKING, timeline


def call(outcome: str, hung_up_at: float | None = None) -> dict[str, Any]:
    """A call record placed at t=1000 with 5 s of ringing, 60 s of talk and a 30 s timeout."""
    return {
        "started_at": 1000.0,
        "outcome": outcome,
        "ring_s": 5,
        "talk_s": 60,
        "timeout": 30,
        "hung_up_at": hung_up_at,
    }


def test_every_outcome_has_a_declared_path() -> None:
    assert set(PATHS) == {"answer", "no_answer", "busy"}


@pytest.mark.parametrize(
    ("moment", "expected"),
    [(1000, RINGING), (1004.9, RINGING), (1005, TALKING), (1064.9, TALKING), (1065, ENDED)],
)
def test_an_answered_call_rings_then_talks_then_ends(moment: float, expected: str) -> None:
    assert timeline(call("answer")).state(moment) == expected


def test_an_answered_call_ends_answered_with_its_talk_time() -> None:
    line = timeline(call("answer"))
    assert (line.result, line.ended_at, line.talk_seconds(), line.answered_at()) == (
        "answered",
        1065,
        60,
        1005,
    )


def test_hung_up_while_talking_is_answered_with_the_talk_so_far() -> None:
    line = timeline(call("answer", hung_up_at=1020))
    assert (line.result, line.ended_at, line.talk_seconds()) == ("answered", 1020, 15)


def test_hung_up_while_ringing_is_cancelled() -> None:
    line = timeline(call("answer", hung_up_at=1002))
    assert (line.result, line.ended_at, line.talk_seconds(), line.answered_at()) == (
        "cancelled",
        1002,
        0,
        None,
    )


def test_no_answer_rings_for_the_timeout() -> None:
    line = timeline(call("no_answer"))
    assert (line.state(1029), line.state(1030), line.result) == (RINGING, ENDED, "no_answer")


def test_no_answer_hung_up_early_is_cancelled() -> None:
    assert timeline(call("no_answer", hung_up_at=1010)).result == "cancelled"


def test_busy_ends_at_once() -> None:
    line = timeline(call("busy"))
    assert (line.state(1000), line.ended_at, line.result) == (ENDED, 1000, "busy")
