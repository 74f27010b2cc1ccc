"""`telephony-sandbox record`: a pass-through proxy that writes every exchange to a cassette.

The client is pointed at the proxy instead of the vendor's base URL. Each request is forwarded
byte for byte to the target (TLS verified unless `insecure`), the target's answer goes back to the
client unchanged, and one JSON line (request and response, readable, secrets redacted by
`redact`) is appended to the cassette before the client gets its answer.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import requests
from werkzeug.datastructures import Headers
from werkzeug.wrappers import Request as WsgiRequest
from werkzeug.wrappers import Response as WsgiResponse

from sandbox.foreground import serve_until_stopped
from sandbox.verify.exchange import Answer, Request, decode_body, join_url, media_type
from sandbox.verify.redact import redact_exchange

# Hop-by-hop headers (RFC 9110 7.6.1) and what the transport recomputes are not forwarded.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
        "content-encoding",
    }
)


def readable_request(request: WsgiRequest, raw: bytes) -> dict[str, Any] | None:
    """The body of an incoming request in the cassette's readable form."""
    kind = media_type(request.content_type or "")
    if kind.startswith("multipart/"):
        files = {}
        for name, upload in request.files.items():
            content = upload.read()
            try:
                files[name] = {
                    "filename": upload.filename,
                    "content_type": upload.mimetype,
                    "text": content.decode(),
                }
            except UnicodeDecodeError:
                encoded = base64.b64encode(content).decode("ascii")
                files[name] = {
                    "filename": upload.filename,
                    "content_type": upload.mimetype,
                    "base64": encoded,
                }
        return {"multipart": {"fields": dict(request.form.items()), "files": files}}
    return decode_body({"Content-Type": request.content_type or ""}, raw)


class Recorder:
    """The proxy as a WSGI app: forward, answer, append one line to the cassette."""

    def __init__(self, vendor: str, target: str, out: str, insecure: bool = False) -> None:
        self.vendor = vendor
        self.target = target.rstrip("/")
        self.out = Path(out)
        self.verify = not insecure
        self.session = requests.Session()
        self.lock = threading.Lock()
        self.count = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        incoming = WsgiRequest(environ)
        raw = incoming.get_data(cache=True)
        headers = {k: v for k, v in incoming.headers.items() if k.lower() not in HOP_BY_HOP}
        try:
            response = self.session.request(
                incoming.method,
                join_url(self.target, incoming.path),
                params=list(incoming.args.items(multi=True)),
                data=raw or None,
                headers=headers,
                verify=self.verify,
                allow_redirects=False,
                timeout=300,
            )
        except requests.RequestException as exc:
            answer = WsgiResponse(
                f"telephony-sandbox record: target unreachable ({type(exc).__name__})\n", 502
            )
            return answer(environ, start_response)
        reply_headers = {k: v for k, v in response.headers.items() if k.lower() not in HOP_BY_HOP}
        self.write(incoming, raw, headers, Answer(response.status_code, reply_headers, response.content))
        # The proxy's own server writes Server and Date.
        passed = [(k, v) for k, v in reply_headers.items() if k.lower() not in ("server", "date")]
        reply = WsgiResponse(response.content, response.status_code, Headers(passed))
        return reply(environ, start_response)

    def write(self, incoming: WsgiRequest, raw: bytes, headers: dict[str, str], answer: Answer) -> None:
        """Append one exchange to the cassette."""
        request = Request(
            incoming.method,
            incoming.path,
            dict(incoming.args.items()),
            headers,
            readable_request(incoming, raw),
        )
        with self.lock:
            self.count += 1
            exchange = {
                "vendor": self.vendor,
                "seq": self.count,
                "request": request.to_dict(),
                "response": answer.to_dict(),
            }
            with self.out.open("a", encoding="utf-8") as cassette:
                cassette.write(redact_exchange(exchange) + "\n")


def serve(vendor: str, target: str, host: str, port: int, out: str, insecure: bool = False) -> int:
    """Run the recording proxy until interrupted."""
    from werkzeug.serving import make_server

    server = make_server(host, port, Recorder(vendor, target, out, insecure), threaded=True)
    server.daemon_threads = True

    line = f"telephony-sandbox record: {vendor} on http://{host}:{server.server_port} -> {target} ({out})"
    serve_until_stopped(server, ready=lambda: print(line, flush=True))
    return 0
