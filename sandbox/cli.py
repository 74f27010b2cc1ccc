"""The command line: `telephony-sandbox serve|version|contracts|world ...` (also `python -m sandbox`).

Each subcommand is one `Command` in `COMMANDS`: a function adding its flags and one running it. A bad
flag, variable or file ends the run with one line naming it and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import socket
import ssl
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from sandbox import __version__, cli_info
from sandbox.cli_values import (
    Option,
    UsageError,
    add_options,
    fault_file,
    integer,
    one_of,
    port,
    positive,
    readable_file,
    resolve,
    text,
    world_file,
    writable_file,
)
from sandbox.verify.commands import register as register_checks

PROG = "telephony-sandbox"
SERVERS = ("werkzeug", "gunicorn")
DEFAULT_SERVER = "gunicorn" if sys.platform != "win32" else "werkzeug"
"""The production server, chosen by measurement (benchmarks/README.md); werkzeug where gunicorn is not."""


class Parser(argparse.ArgumentParser):
    """argparse whose errors are one line (a UsageError), not a usage block."""

    def error(self, message: str) -> NoReturn:
        """Raise the error for `main` to print."""
        raise UsageError(f"{message} (see {self.prog} --help)")


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, its help line, how it adds its flags, and what runs it."""

    name: str
    help: str
    add: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _vendor_names() -> list[str]:
    from sandbox.vendors import vendor_names

    return vendor_names()


def _tenant(raw: str) -> str:
    from sandbox.core.store.registry import TENANT_NAME

    if not TENANT_NAME.match(raw):
        raise ValueError("not a tenant name: letters, digits, '.', '_', '~' or '-', 128 at most")
    return raw


SERVE_OPTIONS = (
    Option("--host", "HOST", text, "127.0.0.1", "listen address"),
    Option("--port", "PORT", port, 8080, "listen port"),
    Option("--vendor", "VENDOR", one_of(_vendor_names), None, "serve one vendor at the root"),
    Option("--tenant", "TENANT", _tenant, None, "every request in this tenant (no /t/ prefix, no header)"),
    Option("--tls", "TLS", text, False, "HTTPS with a self-signed certificate", switch=True),
    Option("--cert", "CERT", readable_file, None, "TLS certificate file (PEM)"),
    Option("--key", "KEY", readable_file, None, "TLS key file (PEM)"),
    Option("--data", "DATA", writable_file, None, "persist state in this TinyDB file"),
    Option("--faults", "FAULTS", fault_file, None, "fault rules file, YAML or JSON"),
    Option("--world", "WORLD", world_file, None, "initial world file, YAML or JSON"),
    Option("--seed", "SEED", integer, 0, "default fault seed"),
    Option("--server", "SERVER", one_of(SERVERS), DEFAULT_SERVER, "HTTP server"),
    Option("--threads", "THREADS", positive, 16, "worker threads (gunicorn)"),
)


def add_serve(parser: argparse.ArgumentParser) -> None:
    """The flags of `serve`."""
    add_options(parser, SERVE_OPTIONS)


def run_serve(args: argparse.Namespace) -> int:
    """`serve`: check every flag and file, build the app, listen."""
    resolve(args, SERVE_OPTIONS, os.environ)
    if (args.cert is None) != (args.key is None):
        raise UsageError("--cert and --key go together")
    cert, key, ca = args.cert, args.key, None
    if cert is None and args.tls:
        from sandbox.tls import process_certificate

        made = process_certificate(args.host)
        cert, key, ca = made.cert, made.key, made.ca
    if cert:
        _check_certificate(args, cert, key)
    _check_listen(args)
    from sandbox.core.malloc import keep_trimming

    keep_trimming()  # a served process gives back what a big request's parsing freed
    app = _build_app(args)
    scheme = "https" if cert else "http"
    where = (f", {args.vendor} at the root" if args.vendor else "") + (
        f", tenant {args.tenant}" if args.tenant else ""
    )
    print(f"{PROG} {__version__} on {scheme}://{args.host}:{args.port} ({args.server}){where}", flush=True)
    if ca:
        print(f"{PROG}: self-signed certificate; trust its CA with {ca}", flush=True)
    store = app.extensions["sandbox"].store
    if args.server == "gunicorn":
        return _serve_gunicorn(app, args, cert, key)
    return _serve_werkzeug(app, args, cert, key, store)


def _source(args: argparse.Namespace, name: str) -> str:
    return str(args.sources.get(name, f"--{name}"))


def _check_certificate(args: argparse.Namespace, cert: str, key: str) -> None:
    from sandbox.tls import server_context

    try:
        server_context(cert, key)
    except (ssl.SSLError, OSError) as exc:
        named = f"{_source(args, 'cert')} {cert} and {_source(args, 'key')} {key}" if args.cert else cert
        raise UsageError(f"{named}: not a PEM certificate and its key ({exc})") from None


def _check_listen(args: argparse.Namespace) -> None:
    """Fail early, in one line, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((args.host, args.port))
    except OSError as exc:
        named = f"{_source(args, 'host')} {args.host} and {_source(args, 'port')} {args.port}"
        raise UsageError(f"{named}: cannot listen: {exc.strerror or exc}") from None


def _build_app(args: argparse.Namespace) -> Any:
    from sandbox.app import create_app

    config = {
        "DATA": args.data,
        "FAULTS": args.faults,
        "WORLD": args.world,
        "SEED": args.seed,
        "VENDOR": args.vendor,
        "TENANT": args.tenant,
    }
    try:
        return create_app(config)
    except Exception as exc:  # the last line of defence: one line, never a traceback
        files = [
            f"{_source(args, n)} {getattr(args, n)}" for n in ("data", "world", "faults") if getattr(args, n)
        ]
        named = f" with {', '.join(files)}" if files else ""
        raise UsageError(f"cannot start{named}: {exc}") from None


def _serve_werkzeug(app: Any, args: argparse.Namespace, cert: str | None, key: str | None, store: Any) -> int:
    from werkzeug.serving import WSGIRequestHandler, make_server

    from sandbox.foreground import serve_until_stopped

    class QuietQueryHandler(WSGIRequestHandler):
        """Logs each request with its path only: a query may carry a secret (MOR's hash, a password)."""

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            full = self.path
            self.path = full.split("?", 1)[0]
            try:
                super().log_request(code, size)
            finally:
                self.path = full

    context = (cert, key) if cert else None
    server = make_server(
        args.host, args.port, app, threaded=True, request_handler=QuietQueryHandler, ssl_context=context
    )
    server.daemon_threads = True
    try:
        serve_until_stopped(server)
    finally:
        store.close()
    return 0


def _serve_gunicorn(app: Any, args: argparse.Namespace, cert: str | None, key: str | None) -> int:
    from sandbox.gunicorn_app import serve

    return serve(app, args.host, args.port, args.threads, cert, key)


COMMANDS: tuple[Command, ...] = (
    Command("serve", "serve the sandbox over HTTP(S)", add_serve, run_serve),
    Command("version", "print the version", cli_info.add_version, cli_info.run_version),
    Command(
        "contracts",
        "list the OpenAPI contracts, or write them to a folder",
        cli_info.add_contracts,
        cli_info.run_contracts,
    ),
    Command(
        "world",
        "print the default world as YAML (the --world format)",
        cli_info.add_world,
        cli_info.run_world,
    ),
)


def build_parser(commands: Sequence[Command] = COMMANDS) -> Parser:
    """The argument parser: one subparser per command, each command's flags added by the command."""
    parser = Parser(prog=PROG, description="Telephony vendor API sandbox.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.add(sub)
        sub.set_defaults(run=command.run)
    register_checks(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args))
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
