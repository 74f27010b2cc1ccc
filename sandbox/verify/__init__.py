"""Checking the sandbox against a real vendor account: verify, record and replay.

`compare` parses, normalises and diffs answers (the one comparison all three use); `contract`
builds requests from a contract's examples; `signing` authenticates as each vendor does;
`verify`, `record` and `replay` are the three commands, registered on the CLI by `commands`.
"""

from __future__ import annotations
