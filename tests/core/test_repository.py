"""What the repository itself promises: a license, and citations a reader can follow."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Names of notes kept outside the repository, which no comment or contract may cite (built from
# parts, so this file does not cite them either).
OUTSIDE = ("VENDOR" + "-FACTS", "vendor" + "-docs/", "../" + "shared")


def test_the_license_file_is_the_one_pyproject_names() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert 'license = { text = "MIT" }' in pyproject
    assert text.startswith("MIT License\n")
    assert "WITHOUT WARRANTY OF ANY KIND" in text


@pytest.mark.parametrize("folder", ["sandbox", "tests", "contracts", "benchmarks"])
def test_nothing_cites_a_file_outside_the_repository(folder: str) -> None:
    citing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix in (".py", ".yaml", ".md", ".txt")
        for name in OUTSIDE
        if name in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert citing == []


def test_the_readme_cites_no_file_outside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in OUTSIDE if name in readme] == []
