"""The CLI's informational subcommands: `version`, `contracts [--out DIR]`, `world [--out FILE]`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from sandbox import __version__
from sandbox.cli_values import UsageError


def add_version(parser: argparse.ArgumentParser) -> None:
    """`version` takes no flags."""


def run_version(args: argparse.Namespace) -> int:
    """Print the version, the one `GET /__sandbox/health` reports."""
    print(__version__)
    return 0


def add_contracts(parser: argparse.ArgumentParser) -> None:
    """`contracts [--out DIR]`."""
    parser.add_argument("--out", metavar="DIR", help="write the OpenAPI files into DIR (made if missing)")


def run_contracts(args: argparse.Namespace) -> int:
    """List the contracts (name, title, file), or copy their files into `--out`."""
    import yaml

    from sandbox.core.contracts import CONTRACT_NAMES, contract_path

    paths = {name: contract_path(name) for name in CONTRACT_NAMES}
    missing = [name for name, path in paths.items() if path is None]
    if missing:
        raise UsageError(f"contracts not found: {', '.join(missing)} (is the package installed whole?)")
    if args.out is None:
        for name, path in paths.items():
            assert path is not None
            title = (yaml.safe_load(path.read_text(encoding="utf-8")).get("info") or {}).get("title", "")
            print(f"{name}\t{title}\t{path}")
        return 0
    folder = Path(args.out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path in paths.values():
            assert path is not None
            target = folder / path.name
            shutil.copyfile(path, target)
            print(target)
    except FileExistsError:
        raise UsageError(f"--out {args.out}: not a folder") from None
    except OSError as exc:
        raise UsageError(f"--out {args.out}: {exc.strerror or exc}") from None
    return 0


def add_world(parser: argparse.ArgumentParser) -> None:
    """`world [--out FILE]`."""
    parser.add_argument("--out", metavar="FILE", help="write the YAML to FILE instead of printing it")


def default_world_yaml() -> str:
    """Every vendor's default records as YAML, in the format `--world` reads."""
    import yaml

    from sandbox.core.world import default_world
    from sandbox.vendors import load_vendors

    header = (
        "# The default world of telephony-sandbox: every tenant starts from it. Edit, then pass the\n"
        "# file to `serve --world FILE`; a collection named here replaces the default one whole.\n"
    )
    world = default_world(load_vendors())
    return header + yaml.safe_dump(world, sort_keys=False, allow_unicode=True)


def run_world(args: argparse.Namespace) -> int:
    """Print the default world, or write it to `--out`."""
    text = default_world_yaml()
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--out {args.out}: {exc.strerror or exc}") from None
    print(args.out)
    return 0
