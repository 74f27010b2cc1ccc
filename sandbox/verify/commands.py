"""The `verify`, `record` and `replay` subcommands, added to the CLI by `register(commands)`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sandbox.core.contracts import CONTRACT_NAMES
from sandbox.verify import MODES

# Every vendor with a contract (the control plane's own is not a vendor).
VENDORS = tuple(name for name in CONTRACT_NAMES if name != "sandbox")


def _pairs(values: list[str] | None, flag: str) -> dict[str, str]:
    out = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise argparse.ArgumentTypeError(f"{flag} takes KEY=VALUE, not {item!r}")
        out[key] = value
    return out


def _comparison(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--compare",
        choices=MODES,
        default=default,
        help=f"what must agree: shape or every value (default {default})",
    )
    parser.add_argument(
        "--volatile",
        action="append",
        default=[],
        metavar="KEY",
        help="another key whose values are normalised",
    )
    parser.add_argument("--report", help="write a report: FILE.json (JSON) or FILE.xml (JUnit)")


def register(commands: Any) -> None:
    """Add the three subcommands to the CLI's subparsers."""
    verify = commands.add_parser(
        "verify", help="check a real vendor account against the contract and the sandbox"
    )
    verify.add_argument("--vendor", required=True, choices=VENDORS)
    verify.add_argument("--target", required=True, help="the vendor's base URL, as a client is told it")
    verify.add_argument("--auth", action="append", metavar="KEY=VALUE", help="a credential of the target")
    verify.add_argument(
        "--operations", default="*", metavar="GLOB", help="operations to check (comma-separated globs)"
    )
    verify.add_argument(
        "--param",
        action="append",
        metavar="NAME=VALUE",
        help="the target's own value of a parameter or body field, in place of the contract's example",
    )
    verify.add_argument("--write", action="store_true", help="also send the writes (they change the target)")
    verify.add_argument("--insecure", action="store_true", help="do not verify the target's TLS certificate")
    _comparison(verify, "shape")
    verify.set_defaults(run=run_verify)

    record = commands.add_parser("record", help="a recording pass-through proxy in front of a vendor")
    record.add_argument("--vendor", required=True, choices=VENDORS)
    record.add_argument("--target", required=True, help="the vendor's base URL")
    record.add_argument("--host", default="127.0.0.1")
    record.add_argument("--port", required=True, type=int)
    record.add_argument(
        "--out", required=True, metavar="CASSETTE", help="the cassette (JSON lines, appended)"
    )
    record.add_argument("--insecure", action="store_true", help="do not verify the target's TLS certificate")
    record.set_defaults(run=run_record)

    replay = commands.add_parser(
        "replay", help="send a cassette's requests to a sandbox and compare the answers"
    )
    replay.add_argument("cassette")
    replay.add_argument("--url", help="a running sandbox's vendor base URL (default: one in this process)")
    replay.add_argument("--world", help="the in-process sandbox's initial world file")
    replay.add_argument("--auth", action="append", metavar="KEY=VALUE", help="a credential of the sandbox")
    _comparison(replay, "values")
    replay.set_defaults(run=run_replay)


def _finish(results: list[Any], args: argparse.Namespace, meta: dict[str, Any], secrets: list[str]) -> int:
    from sandbox.verify.report import table, write_report
    from sandbox.verify.verify import drifted

    reference = "recorded" if meta["command"] == "replay" else "target"
    sys.stdout.write(table(results, secrets, reference))
    if args.report:
        try:
            write_report(args.report, results, meta, secrets)
        except OSError as exc:
            print(
                f"telephony-sandbox {meta['command']}: cannot write {args.report}: {exc.strerror}",
                file=sys.stderr,
            )
            return 2
    return 1 if drifted(results) else 0


def run_verify(args: argparse.Namespace) -> int:
    """`telephony-sandbox verify`."""
    from sandbox.verify.signing import secrets_of
    from sandbox.verify.verify import Options, verify

    try:
        auth = _pairs(args.auth, "--auth")
        params = _pairs(args.param, "--param")
    except argparse.ArgumentTypeError as exc:
        print(f"telephony-sandbox verify: {exc}", file=sys.stderr)
        return 2
    _quiet_if_insecure(args)
    options = Options(
        args.vendor,
        args.target,
        auth,
        args.operations,
        args.write,
        args.compare,
        tuple(args.volatile),
        args.insecure,
        params,
    )
    results = verify(options)
    meta = {
        "command": "verify",
        "vendor": args.vendor,
        "target": args.target,
        "write": args.write,
        "compare": args.compare,
    }
    return _finish(results, args, meta, secrets_of(auth))


def _quiet_if_insecure(args: argparse.Namespace) -> None:
    """--insecure was asked for: no warning on every request."""
    if args.insecure:
        import urllib3

        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def run_record(args: argparse.Namespace) -> int:
    """`telephony-sandbox record`."""
    from sandbox.verify.record import serve

    _quiet_if_insecure(args)
    return serve(args.vendor, args.target, args.host, args.port, args.out, args.insecure)


def run_replay(args: argparse.Namespace) -> int:
    """`telephony-sandbox replay`."""
    from sandbox.verify.replay import CassetteError, ReplayOptions, read_cassette, replay
    from sandbox.verify.signing import secrets_of

    try:
        auth = _pairs(args.auth, "--auth")
        options = ReplayOptions(args.cassette, args.url, args.world, auth, args.compare, tuple(args.volatile))
        results = replay(options)
        vendor = str(read_cassette(args.cassette)[0].get("vendor", ""))
    except (argparse.ArgumentTypeError, CassetteError, ValueError, OSError) as exc:
        print(f"telephony-sandbox replay: {exc}", file=sys.stderr)
        return 2
    meta = {"command": "replay", "vendor": vendor, "cassette": args.cassette, "compare": args.compare}
    return _finish(results, args, meta, secrets_of(auth))
