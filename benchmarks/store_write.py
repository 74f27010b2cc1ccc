"""Single-record write time with 100,000 numbers in a tenant, in memory and with --data.

Target (issue: the store must scale): a single-record write well under 2 ms at 100,000 records.
Prints mean, median, p99 and max over many writes, each a full transaction (lock, undo log,
commit, and with --data the append to the log).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sandbox.core.store import Store
from sandbox.core.store.persist import Persistence
from sandbox.omilia import vendor as omilia

COUNT = 100_000
WRITES = 25_000


def numbers(count: int) -> list[dict]:
    """`count` Omilia number records."""
    return [
        {
            "number": f"+1555{i:07d}",
            "id": f"n{i}",
            "country": "US",
            "groupId": "ocp-qa" if i % 2 else "ocp",
            "miniAppId": None,
            "locale": None,
            "note": None,
            "applicationTag": None,
            "phoneNumberSetId": None,
            "provider": "Twilio",
            "logAni": True,
            "logDnis": True,
        }
        for i in range(count)
    ]


def measure(data: str | None) -> dict[str, float]:
    """Load COUNT numbers, then time WRITES single-record updates."""
    schema = {("omilia", name): spec for name, spec in omilia.collections.items()}
    world = {"omilia": {**omilia.seed(), "numbers": numbers(COUNT)}}
    store = Store(schema, {"omilia": omilia.seed()}, Persistence(data) if data else None)
    tenant = store.tenant("bench")
    started = time.perf_counter()
    tenant.load(world)
    load_s = time.perf_counter() - started
    coll = tenant.collection("omilia", "numbers")
    keys = coll.keys()
    samples = []
    for i in range(WRITES):
        key = keys[(i * 7919) % len(keys)]
        t0 = time.perf_counter()
        with tenant.transaction():
            coll.update(key, note=f"note {i}", groupId="ocp")
        samples.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    store.close()
    close_s = time.perf_counter() - t0
    samples.sort()
    return {
        "records": len(coll),
        "load_s": load_s,
        "mean_ms": statistics.fmean(samples),
        "p50_ms": samples[len(samples) // 2],
        "p99_ms": samples[int(len(samples) * 0.99)],
        "max_ms": samples[-1],
        "close_s": close_s,
    }


def main() -> int:
    """Run both modes and print the figures."""
    print(f"single-record write, {COUNT:,} numbers, {WRITES:,} writes (python {sys.version.split()[0]})")
    results = {"memory": measure(None)}
    with tempfile.TemporaryDirectory() as tmp:
        results["--data"] = measure(str(Path(tmp) / "sandbox.json"))
    for mode, r in results.items():
        print(
            f"{mode:>8}: mean {r['mean_ms']:.3f} ms, p50 {r['p50_ms']:.3f} ms, p99 {r['p99_ms']:.3f} ms, "
            f"max {r['max_ms']:.3f} ms; load {r['load_s']:.2f} s, "
            f"close (full TinyDB write) {r['close_s']:.2f} s"
        )
    worst = max(r["p99_ms"] for r in results.values())
    print(f"target: well under 2 ms -> {'OK' if worst < 2 else 'MISSED'} (worst p99 {worst:.3f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
