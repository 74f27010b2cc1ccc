"""How long `verify` takes per vendor, and what the recording proxy adds to a request.

Against a second sandbox (served in this process on its own port) standing in for the vendor: the wall time of
one verify run per vendor (reads only, then with --write; median of RUNS), and the median time of
REQUESTS Omilia listings sent directly and through `record`'s proxy.
"""

from __future__ import annotations

import logging
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests

from sandbox.app import create_app
from sandbox.testing import ServerThread
from sandbox.verify.record import Recorder
from sandbox.verify.verify import Options, verify

RUNS = 3
REQUESTS = 200
PREFIX = {
    "omilia": "/omilia",
    "mor": "/mor",
    "switchvox": "/switchvox",
    "operator-connect": "/operator-connect",
}


def verify_times(root: str) -> None:
    """Median verify wall time per vendor, reads and writes."""
    for vendor, prefix in PREFIX.items():
        for write in (False, True):
            times, cases = [], 0
            for _ in range(RUNS):
                tenant = f"{root}/t/{uuid.uuid4().hex[:8]}"
                auth = {"authority": f"{tenant}/entra"} if vendor == "operator-connect" else {}
                start = time.perf_counter()
                results = verify(Options(vendor, tenant + prefix, auth, write=write))
                times.append(time.perf_counter() - start)
                cases = sum(1 for r in results if r.outcome != "skipped")
            label = "--write" if write else "reads"
            print(f"verify {vendor:<17} {label:<8} {cases:>3} sent, median {statistics.median(times):.2f} s")


def proxy_overhead(root: str) -> None:
    """Median request time directly and through the recording proxy."""
    base = f"{root}/t/{uuid.uuid4().hex[:8]}/omilia"
    form = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
    token = requests.post(
        base + "/auth/realms/master/protocol/openid-connect/token", data=form, timeout=10
    ).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    with tempfile.TemporaryDirectory() as folder:
        cassette = Path(folder) / "c.jsonl"
        with ServerThread(Recorder("omilia", base, str(cassette))) as proxy:  # type: ignore[arg-type]
            http = requests.Session()
            for label, url in (("direct", base), ("recorded", proxy.url)):
                times = []
                for _ in range(REQUESTS):
                    start = time.perf_counter()
                    http.get(
                        url + "/integrations/api/numbers", headers=headers, timeout=10
                    ).raise_for_status()
                    times.append(time.perf_counter() - start)
                print(
                    f"GET numbers {label:<9} median {statistics.median(times) * 1000:.1f} ms over {REQUESTS}"
                )
        print(f"cassette: {len(cassette.read_text().splitlines())} lines, {cassette.stat().st_size} bytes")


def main() -> None:
    """Print the figures."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with ServerThread(create_app()) as vendor:
        verify_times(vendor.url)
        proxy_overhead(vendor.url)


if __name__ == "__main__":
    main()
