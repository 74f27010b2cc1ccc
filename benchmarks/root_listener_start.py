"""How long `sandbox.host(vendor)` takes the first time: starting a root listener pinned to a tenant.

Target (the pytest handle's promise): milliseconds, not a new process. Prints the one-off cost of
the process's self-signed certificate, then median and max over many first calls (each a new
tenant, so each starts a listener) with TLS and without, and the first TLS request's round trip.
"""

from __future__ import annotations

import logging
import statistics
import time
import urllib.request

from sandbox import create_app
from sandbox.testing import RootListeners
from sandbox.tls import client_context, process_certificate

RUNS = 50


def timed_ms(action) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds `action()` takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000.0


def main() -> None:
    """Print the figures."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access line per request
    print(f"process certificate (CA + server key, once per process): {timed_ms(process_certificate):.1f} ms")
    listeners = RootListeners(create_app({}))
    try:
        for tls in (True, False):
            runs = [
                timed_ms(lambda i=i, tls=tls: listeners.address("switchvox", f"b{tls}{i}", tls))
                for i in range(RUNS)
            ]
            print(
                f"first host('switchvox', tls={tls}): median {statistics.median(runs):.2f} ms,"
                f" max {max(runs):.2f} ms over {RUNS} tenants"
            )
        context = client_context(process_certificate().ca)
        trips = []
        for i in range(RUNS):
            address = listeners.address("switchvox", f"rt{i}")
            url = f"https://{address}/__sandbox/health"
            trips.append(timed_ms(lambda url=url: urllib.request.urlopen(url, context=context).read()))
        print(
            f"first TLS request to a new listener: median {statistics.median(trips):.2f} ms,"
            f" max {max(trips):.2f} ms"
        )
    finally:
        listeners.close()


if __name__ == "__main__":
    main()
