"""Checking the sandbox against a real vendor account: verify, record and replay.

`compare` parses, normalises and diffs answers (the one comparison verify and replay use);
`conform` checks an answer against its contract; `contract` builds requests from a contract's
examples and `links` orders them and hands values on; `signing` authenticates as each vendor does;
`exchange` holds requests and answers as plain data; `redact` takes secrets out of what `record`
writes; `report` prints and writes results. `commands` adds the three subcommands to the CLI.
"""

from __future__ import annotations

# What `--compare` takes (kept here so the CLI's parser imports nothing heavy).
MODES = ("shape", "values")
