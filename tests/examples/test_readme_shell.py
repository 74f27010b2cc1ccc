"""The README's shell examples, run as written against a served sandbox; its quick starts are these tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sandbox.testing import ServeProcess

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(
    r"<!-- shell-example -->\n```\n(.*?)```\n<!-- /shell-example -->", README, re.DOTALL
)
EXPECTED = ["+12012049893", "<success>2 out of 2 numbers were imported</success>", '"rule-1"']
QUICK_STARTS = sorted((ROOT / "tests" / "examples").glob("test_quickstart_*.py"))


def test_every_shell_example_has_its_expectation() -> None:
    assert len(SHELL_BLOCKS) == len(EXPECTED)


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_shell_examples_run_as_written(tmp_path: Path) -> None:
    with ServeProcess() as server:
        for block, expected in zip(SHELL_BLOCKS, EXPECTED, strict=True):
            script = "set -euo pipefail\n" + block.replace("http://127.0.0.1:8080", server.url)
            out = subprocess.run(
                ["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
            )
            assert out.returncode == 0, out.stderr
            assert expected in out.stdout, block


@pytest.mark.parametrize("path", QUICK_STARTS, ids=lambda p: p.stem)
def test_the_readme_shows_each_quick_start_as_tested(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    test = source[source.index("def test_") :].rstrip()
    assert test in README
