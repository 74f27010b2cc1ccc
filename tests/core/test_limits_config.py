"""Every limit is set by create_app's config or SANDBOX_*; a value that is not a limit is refused at start."""

from __future__ import annotations

import pytest

from sandbox import create_app
from sandbox.core.limits import DEFAULTS, Limits


def test_defaults_are_the_documented_ones() -> None:
    limits = create_app({"TESTING": True}).extensions["sandbox"].limits
    assert limits == Limits()
    assert limits.max_content_length == 64 * 1024 * 1024
    assert (limits.max_tenants, limits.xml_max_depth, limits.csv_max_rows) == (1000, 64, 100_000)


def test_a_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in DEFAULTS:
        monkeypatch.setenv(f"SANDBOX_{name}", "7")
    limits = create_app({"TESTING": True}).extensions["sandbox"].limits
    assert set(vars(limits).values()) == {7}


@pytest.mark.parametrize("value", [0, -1, "many", True, None, 1.5])
def test_a_limit_that_is_not_a_positive_whole_number_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="SANDBOX_MAX_TENANTS: must be a positive whole number"):
        create_app({"TESTING": True, "MAX_TENANTS": value})
