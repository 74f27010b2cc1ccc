"""Memory under sustained load: the journal is a bounded ring, so memory stays flat.

Sends REQUESTS vendor requests (with 4 KiB bodies) through the app in-process and samples the
traced memory after each block; with the ring full (JOURNAL_SIZE entries), it must stop growing.
"""

from __future__ import annotations

import gc
import tracemalloc

from sandbox import create_app

JOURNAL_SIZE = 2_000
REQUESTS = 20_000
BLOCK = 2_000


def main() -> int:
    """Run the load and print memory per block."""
    app = create_app({"JOURNAL_SIZE": JOURNAL_SIZE})
    client = app.test_client()
    body = b"x" * 4096
    tracemalloc.start()
    samples = []
    for block in range(REQUESTS // BLOCK):
        for _ in range(BLOCK):
            client.post("/omilia/integrations/api/numbers/search", data=body, content_type="application/json")
        gc.collect()
        current, _peak = tracemalloc.get_traced_memory()
        samples.append(current)
        sent = (block + 1) * BLOCK
        print(f"{sent:>7,} requests: {current / 1e6:7.2f} MB traced")
    journal = client.get("/__sandbox/requests/count").json["count"]
    full = samples[JOURNAL_SIZE // BLOCK :]  # once the ring is full
    growth = (max(full) - min(full)) / 1e6
    print(f"journal holds {journal:,} entries (ring of {JOURNAL_SIZE:,})")
    print(f"growth once the ring is full: {growth:.2f} MB over {len(full) * BLOCK:,} requests")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
