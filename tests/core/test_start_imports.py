"""A start (the CLI, the app) loads neither YAML nor cryptography: each waits for its first use."""

from __future__ import annotations

import subprocess
import sys

CODE = (
    "import sys, sandbox.cli, sandbox.app\n"
    "sandbox.app.create_app({})\n"
    "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'yaml', 'cryptography'})))\n"
)


def test_a_start_imports_neither_yaml_nor_cryptography() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""
