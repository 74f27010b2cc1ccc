"""A bare Flask app answering fixed bytes on every path: the floor the sandbox's overhead is measured from.

`BENCH_BODY_FILE` names the file of bytes to answer, `BENCH_CONTENT_TYPE` their type. Serve it with
any WSGI server: `gunicorn benchmarks.bare_app:app`, `waitress-serve benchmarks.bare_app:app`, ...
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response

app = Flask("bare")
BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes() if os.environ.get("BENCH_BODY_FILE") else b"{}"
CONTENT_TYPE = os.environ.get("BENCH_CONTENT_TYPE", "application/json")


@app.route("/", defaults={"path": ""}, methods=["GET", "POST"])
@app.route("/<path:path>", methods=["GET", "POST"])
def answer(path: str) -> Response:
    """The same bytes, whatever was asked."""
    return Response(BODY, content_type=CONTENT_TYPE)
