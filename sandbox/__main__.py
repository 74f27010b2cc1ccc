"""`python -m sandbox` is the telephony-sandbox CLI."""

from __future__ import annotations

from sandbox.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
