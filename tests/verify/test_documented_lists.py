"""The README's lists of volatile and redacted names are the ones the code uses."""

from __future__ import annotations

from pathlib import Path

from sandbox.verify.compare import VOLATILE_KEYS
from sandbox.verify.redact import MIN_SCRUB, SECRET_KEYS

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Checking the sandbox against your vendor account")
    return text[start : text.index("\n## ", start + 1)].lower()


def test_every_volatile_key_is_documented() -> None:
    documented = section()
    assert [key for key in VOLATILE_KEYS if f"`{key}`" not in documented] == []


def test_every_redacted_name_is_documented() -> None:
    documented = section()
    assert [key for key in SECRET_KEYS if f"`{key}`" not in documented] == []
    assert f"{MIN_SCRUB} characters or longer" in documented
