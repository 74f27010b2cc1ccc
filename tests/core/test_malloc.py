"""keep_trimming(): glibc's trim threshold is fixed in a served process; elsewhere nothing happens."""

from __future__ import annotations

import platform

import pytest

from sandbox.core.malloc import keep_trimming


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_glibc_accepts_the_fixed_trim_threshold() -> None:
    assert keep_trimming() is True


def test_it_does_nothing_where_the_process_has_no_mallopt(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    class NoMallopt:
        def __init__(self, name: object) -> None:
            pass

    monkeypatch.setattr(ctypes, "CDLL", NoMallopt)
    assert keep_trimming() is False
