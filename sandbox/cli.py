"""The command line: `telephony-sandbox serve ...` (also `python -m sandbox serve ...`)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

from sandbox import __version__

SERVERS = ("werkzeug", "gunicorn")


def _env(name: str, default: Any = None) -> Any:
    value = os.environ.get(f"SANDBOX_{name}")
    return default if value in (None, "") else value


def _flag_env(name: str) -> bool:
    return str(_env(name, "")).lower() in ("1", "true", "yes", "on")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every flag defaults to its SANDBOX_* environment variable."""
    from sandbox.vendors import vendor_names

    parser = argparse.ArgumentParser(prog="telephony-sandbox", description="Telephony vendor API sandbox.")
    parser.add_argument("--version", action="version", version=f"telephony-sandbox {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the sandbox over HTTP(S)")
    serve.add_argument("--host", default=_env("HOST", "127.0.0.1"), help="listen address [SANDBOX_HOST]")
    serve.add_argument("--port", type=int, default=int(_env("PORT", 8080)), help="listen port [SANDBOX_PORT]")
    serve.add_argument(
        "--vendor",
        choices=vendor_names(),
        default=_env("VENDOR"),
        help="serve one vendor at the root [SANDBOX_VENDOR]",
    )
    serve.add_argument(
        "--tls", action="store_true", default=_flag_env("TLS"), help="HTTPS, self-signed [SANDBOX_TLS]"
    )
    serve.add_argument("--cert", default=_env("CERT"), help="TLS certificate file [SANDBOX_CERT]")
    serve.add_argument("--key", default=_env("KEY"), help="TLS key file [SANDBOX_KEY]")
    serve.add_argument(
        "--data", default=_env("DATA"), help="persist state in this TinyDB file [SANDBOX_DATA]"
    )
    serve.add_argument(
        "--faults", default=_env("FAULTS"), help="fault rules file, YAML or JSON [SANDBOX_FAULTS]"
    )
    serve.add_argument("--world", default=_env("WORLD"), help="initial world file [SANDBOX_WORLD]")
    serve.add_argument(
        "--seed", type=int, default=int(_env("SEED", 0)), help="default fault seed [SANDBOX_SEED]"
    )
    serve.add_argument(
        "--server", choices=SERVERS, default=_env("SERVER", "werkzeug"), help="HTTP server [SANDBOX_SERVER]"
    )
    serve.add_argument(
        "--threads", type=int, default=int(_env("THREADS", 16)), help="worker threads (gunicorn)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    if (args.cert is None) != (args.key is None):
        print("telephony-sandbox: --cert and --key go together", file=sys.stderr)
        return 2
    from sandbox.app import create_app

    config = {
        "DATA": args.data,
        "FAULTS": args.faults,
        "WORLD": args.world,
        "SEED": args.seed,
        "VENDOR": args.vendor,
    }
    try:
        app = create_app(config)
    except (OSError, ValueError) as exc:
        print(f"telephony-sandbox: {exc}", file=sys.stderr)
        return 2
    cert, key = args.cert, args.key
    if cert is None and args.tls:
        from sandbox.tls import self_signed

        cert, key = self_signed(args.host)
    scheme = "https" if cert else "http"
    print(
        f"telephony-sandbox {__version__} on {scheme}://{args.host}:{args.port} ({args.server})", flush=True
    )
    store = app.extensions["sandbox"].store
    if args.server == "gunicorn":
        return _serve_gunicorn(app, args, cert, key)
    return _serve_werkzeug(app, args, cert, key, store)


def _serve_werkzeug(app: Any, args: argparse.Namespace, cert: str | None, key: str | None, store: Any) -> int:
    from werkzeug.serving import make_server

    server = make_server(args.host, args.port, app, threaded=True, ssl_context=(cert, key) if cert else None)
    server.daemon_threads = True

    def stop(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        store.close()
    return 0


def _serve_gunicorn(app: Any, args: argparse.Namespace, cert: str | None, key: str | None) -> int:
    from sandbox.gunicorn_app import GunicornServer

    options: dict[str, Any] = {
        "bind": f"[{args.host}]:{args.port}" if ":" in args.host else f"{args.host}:{args.port}",
        "workers": 1,  # state lives in this process: one worker, many threads
        "threads": max(1, args.threads),
        "worker_class": "gthread",
        "timeout": int(app.config["HANG_CAP_S"]) + 30,
        "graceful_timeout": 5,
        "accesslog": None,
    }
    if cert:
        options.update(certfile=cert, keyfile=key)
    GunicornServer(app, options).run()
    return 0
