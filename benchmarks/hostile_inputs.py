"""What hostile inputs cost now that they meet the limits: time and traced memory of each refusal.

Each case runs in-process through the whole pipeline (test client), measured with tracemalloc
(peak above what was held before the request) and perf_counter. Memory of the request's own bytes
(the client's copy, the form parser's) is included, so a refusal that costs "nothing" shows about
two or three times the body size; what the limits remove is everything beyond that.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import io
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from sandbox import create_app

TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
BASIC = {"Authorization": "Basic " + base64.b64encode(b"admin:admin").decode(), "Content-Type": "text/xml"}


class Endless(io.RawIOBase):
    """A chunked body that never ends (70 MiB would be read whole without the cap)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[: len(buffer)] = b"x" * len(buffer)
        return len(buffer)


def measure(name: str, size: int, call: Callable[[], Any]) -> None:
    """Run `call` once and print its status, time and traced peak."""
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    status = getattr(response, "status_code", response)
    print(f"{name:<44} {size / 1e6:8.1f} MB  -> {status!s:<5} {elapsed:7.3f} s  peak {peak / 1e6:8.1f} MB")


def main() -> int:
    """Print one line per hostile input."""
    app = create_app({"TESTING": True})
    client = app.test_client()
    token = client.post(TOKEN_PATH, data=OWNER).json["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}

    def omilia_csv(text: str) -> Callable[[], Any]:
        data = text.encode()
        return lambda: client.put(
            "/omilia/integrations/api/numbers/csv", data={"File": (io.BytesIO(data), "n.csv")}, headers=bearer
        )

    deep = "<a>" * 2_000_000 + "</a>" * 2_000_000
    xml = f"<request method='switchvox.extensions.getInfo'><parameters>{deep}</parameters></request>"
    measure(
        "Switchvox XML nested 2,000,000 deep",
        len(xml),
        lambda: client.post("/switchvox/xml", data=xml, headers=BASIC),
    )
    columns = (
        "OPERATION,NUMBER," + ",".join(f"C{i}" for i in range(1_000_000)) + "\r\nupdate,+12012049893\r\n"
    )
    measure("Omilia CSV with a million columns", len(columns), omilia_csv(columns))
    line = "OPERATION,NUMBER,NOTE\r\nupdate,+12012049893," + "n" * 10_000_000 + "\r\n"
    measure("Omilia CSV with a 10 MB line", len(line), omilia_csv(line))
    many = "OPERATION,NUMBER,NOTE\r\n" + "update,+12012049893,x\r\n" * 200_000
    measure("Omilia CSV with 200,000 rows", len(many), omilia_csv(many))
    numbers = b"3706000000\n" * 6_000_000
    mor = {"u": "campgain_user", "id": "1"}
    measure(
        "MOR upload of 6,000,000 numbers (66 MB)",
        len(numbers),
        lambda: client.post(
            "/mor/billing/api/autodialer_upload_numbers",
            query_string={**mor, "hash": _mor_hash(mor)},
            data={"file": (io.BytesIO(numbers), "n.csv")},
        ),
    )
    measure(
        "Chunked body without end (64 MiB cap)",
        64 * 1024 * 1024,
        lambda: client.post(
            TOKEN_PATH,
            headers={"Transfer-Encoding": "chunked", "Content-Type": "application/x-www-form-urlencoded"},
            environ_overrides={"wsgi.input": Endless(), "wsgi.input_terminated": True},
        ),
    )
    tenants(create_app({"TESTING": True, "MAX_TENANTS": 1000}))
    return 0


def _mor_hash(params: dict[str, str]) -> str:
    """MOR's hash of autodialer_upload_numbers: the campaign id, then campgain_user's API secret."""
    return hashlib.sha1((params["id"] + "secret").encode()).hexdigest()


def tenants(app: Any) -> None:
    """Traced memory while one client names 5,000 new tenants against a cap of 1,000."""
    client = app.test_client()
    gc.collect()
    tracemalloc.start()
    for i in range(5_000):
        client.get(f"/t/t{i}/__sandbox/clock")
        if (i + 1) % 1_000 == 0:
            gc.collect()
            print(f"{i + 1:>6,} tenants named: {tracemalloc.get_traced_memory()[0] / 1e6:7.1f} MB traced")
    tracemalloc.stop()
    print(f"tenants held: {len(app.extensions['sandbox'].store.names()):,}")


if __name__ == "__main__":
    raise SystemExit(main())
