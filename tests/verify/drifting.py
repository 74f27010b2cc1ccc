"""A drifting vendor: a proxy in front of the stand-in that changes one operation's answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import requests
from werkzeug.wrappers import Request, Response

# (method, path, status, content) -> (status, content)
Change = Callable[[int, bytes], tuple[int, bytes]]


class DriftingProxy:
    """Forwards to `upstream`; answers of `method path_suffix` pass through `change` first."""

    def __init__(self, upstream: str, method: str, path_suffix: str, change: Change) -> None:
        self.upstream = upstream.rstrip("/")
        self.method, self.suffix, self.change = method, path_suffix, change

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        incoming = Request(environ)
        headers = {k: v for k, v in incoming.headers.items() if k.lower() not in ("host", "content-length")}
        upstream = requests.request(
            incoming.method,
            self.upstream + incoming.path,
            params=list(incoming.args.items(multi=True)),
            data=incoming.get_data() or None,
            headers=headers,
            timeout=30,
            allow_redirects=False,
        )
        status, content = upstream.status_code, upstream.content
        if incoming.method == self.method and incoming.path.endswith(self.suffix):
            status, content = self.change(status, content)
        drop = ("content-length", "content-encoding", "transfer-encoding", "connection")
        reply = [(k, v) for k, v in upstream.headers.items() if k.lower() not in drop]
        return Response(content, status, reply)(environ, start_response)


def rename(old: bytes, new: bytes) -> Change:
    """A change that renames a field or element (every occurrence)."""
    return lambda status, content: (status, content.replace(old, new))


def status_to(new: int) -> Change:
    """A change that answers another status with the same body."""
    return lambda status, content: (new, content)
