"""A werkzeug server in the foreground of the CLI: it serves until SIGTERM or Ctrl-C, then closes."""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from werkzeug.serving import BaseWSGIServer


def serve_until_stopped(server: BaseWSGIServer, ready: Callable[[], None] = lambda: None) -> None:
    """Serve until SIGTERM (as from `docker stop`) or Ctrl-C, then close the listening socket.

    `ready` runs once SIGTERM is handled (e.g. to print that the server listens), so a caller that
    stops the server as soon as it reads that line still gets a clean close.
    """

    def stop(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    ready()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
