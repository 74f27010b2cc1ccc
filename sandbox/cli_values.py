"""What the CLI's flags and SANDBOX_* variables may hold: each option's parser, and where it came from.

A flag given on the command line wins over its variable; a variable set to "" counts as unset. A
value that does not parse is a `UsageError` naming the flag or the variable, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class UsageError(Exception):
    """A bad flag, variable or file: one line for the user, exit status 2."""


Parse = Callable[[str], Any]


@dataclass(frozen=True)
class Option:
    """One flag of a subcommand and the SANDBOX_* variable behind it."""

    flag: str
    env: str | None
    parse: Parse
    default: Any
    help: str
    switch: bool = False  # a flag without a value (`--tls`); its variable is a boolean

    @property
    def dest(self) -> str:
        """The attribute of the parsed namespace."""
        return self.flag.lstrip("-").replace("-", "_")

    @property
    def variable(self) -> str | None:
        """The environment variable's full name."""
        return f"SANDBOX_{self.env}" if self.env else None


def add_options(parser: argparse.ArgumentParser, options: Sequence[Option]) -> None:
    """Add each option as a flag; values stay raw strings until `resolve`."""
    for option in options:
        text = option.help + (f" [{option.variable}]" if option.variable else "")
        if option.switch:
            parser.add_argument(option.flag, dest=option.dest, action="store_true", default=None, help=text)
        else:
            parser.add_argument(
                option.flag, dest=option.dest, default=None, metavar=_metavar(option), help=text
            )


def _metavar(option: Option) -> str:
    return option.dest.upper()


def resolve(args: argparse.Namespace, options: Sequence[Option], environ: Mapping[str, str]) -> None:
    """Replace each raw value by its parsed one: the flag, else the variable, else the default.

    `args.sources` tells, for each value, the flag or variable it came from.
    """
    sources: dict[str, str] = getattr(args, "sources", {})
    args.sources = sources
    for option in options:
        raw = getattr(args, option.dest)
        if option.switch and raw:
            setattr(args, option.dest, True)
            sources[option.dest] = option.flag
            continue
        if raw is not None:
            setattr(args, option.dest, _parsed(option, raw, f"{option.flag} {raw}"))
            sources[option.dest] = option.flag
            continue
        value = environ.get(option.variable, "") if option.variable else ""
        if value == "":
            setattr(args, option.dest, option.default)
            continue
        parse = boolean if option.switch else option.parse
        setattr(args, option.dest, _parsed(option, value, f"{option.variable}={value}", parse))
        sources[option.dest] = str(option.variable)


def _parsed(option: Option, raw: str, source: str, parse: Parse | None = None) -> Any:
    try:
        return (parse or option.parse)(raw)
    except ValueError as exc:
        raise UsageError(f"{source}: {exc}") from None


def boolean(raw: str) -> bool:
    """1/true/yes/on or 0/false/no/off, any case."""
    if raw.lower() in TRUE:
        return True
    if raw.lower() in FALSE:
        return False
    raise ValueError(f"not a boolean: use one of {', '.join(TRUE)} or {', '.join(FALSE)}")


def port(raw: str) -> int:
    """A TCP port, 1 to 65535."""
    number = integer(raw)
    if not 1 <= number <= 65535:
        raise ValueError("not a port: use 1 to 65535")
    return number


def integer(raw: str) -> int:
    """A decimal integer."""
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError("not an integer")
    return int(text)


def positive(raw: str) -> int:
    """An integer of at least 1."""
    number = integer(raw)
    if number < 1:
        raise ValueError("must be at least 1")
    return number


def one_of(names: Sequence[str] | Callable[[], Sequence[str]]) -> Parse:
    """A parser accepting only `names` (or what the callable returns, looked up when parsing)."""

    def parse(raw: str) -> str:
        valid = list(names() if callable(names) else names)
        if raw not in valid:
            raise ValueError(f"use one of {', '.join(valid)}")
        return raw

    return parse


def text(raw: str) -> str:
    """Any non-blank string."""
    if not raw.strip():
        raise ValueError("must not be blank")
    return raw


def readable_file(raw: str) -> str:
    """The path of a file that exists and can be read."""
    path = Path(raw)
    if not path.exists():
        raise ValueError("no such file")
    if not path.is_file():
        raise ValueError("not a file")
    if not os.access(path, os.R_OK):
        raise ValueError("permission denied")
    return raw


def writable_file(raw: str) -> str:
    """The path of a file that can be written (it exists writable, or its folder is)."""
    path = Path(raw)
    if path.is_dir():
        raise ValueError("is a folder, not a file")
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise ValueError("permission denied (cannot read and write it)")
        return raw
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValueError(f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"permission denied (cannot create files in {folder})")
    return raw


def document(raw: str) -> Any:
    """The YAML or JSON document in file `raw`, or a ValueError saying what is wrong with it."""
    import yaml  # deferred: a start without a world file never reads YAML

    from sandbox.core.world import read_document

    readable_file(raw)
    try:
        return read_document(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"not valid YAML: {_yaml_problem(exc)}") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(str(exc.strerror or exc)) from None


def _yaml_problem(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else str(problem)


def world_file(raw: str) -> str:
    """A world file: a YAML or JSON object of namespaces, each an object of collections."""
    from sandbox.core.world import overlay

    overlay({}, document(raw))
    return raw


def fault_file(raw: str) -> str:
    """A fault file (`{"seed": N, "rules": [...]}` or a list of rules) whose every rule checks."""
    from sandbox.control import load_fault_file

    document(raw)
    try:
        load_fault_file(raw, 0)
    except ValueError as exc:
        raise ValueError(str(exc).removeprefix(f"fault file {raw}: ")) from None
    return raw
