"""A long load test: 16 connections over 20 tenants for N minutes; per minute, req/s, p50, p99, memory.

    python -m benchmarks.soak [--minutes 10] [--tenants 20] [--connections 16]

The sandbox runs as `serve` does by default. Reach: memory plateaus (under 300 MB), the last
minute's p50 within 1.5x of the first's.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from benchmarks import fixtures, servers
from benchmarks.harness import wrk


def main(argv: list[str] | None = None) -> int:
    """Run the soak and print a line per minute, then the verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--segment", type=float, default=60.0, help="seconds per measured segment")
    args = parser.parse_args(argv)
    sandbox = servers.sandbox()
    sandbox.wait("/__sandbox/health")
    try:
        tenants = [f"soak-{i}" for i in range(args.tenants)]
        for tenant in tenants:
            fixtures.freeze(sandbox.url, tenant)
        bearers = {t: fixtures.omilia_bearer(sandbox.url, t) for t in tenants}
        script = fixtures.tenants_script(tenants, fixtures.NUMBERS_PAGE, bearers)
        print(
            f"# {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; start: {sandbox.rss_mb():.0f} MB", flush=True
        )
        print("minute  req/s   p50 ms  p99 ms  errors  MB", flush=True)
        segments = max(1, round(args.minutes * 60 / args.segment))
        results = []
        for minute in range(1, segments + 1):
            load = wrk(sandbox.url, args.connections, args.segment, script)
            memory = sandbox.rss_mb()
            results.append((load, memory))
            print(
                f"{minute:>6}  {load.rps:>6,.0f}  {load.p50_ms:>6.2f}  {load.p99_ms:>6.2f}  {load.errors:>6}"
                f"  {memory:.0f}",
                flush=True,
            )
    finally:
        sandbox.stop()
    first, last = results[0], results[-1]
    peak = max(m for _, m in results)
    print(f"p50 last/first: {last[0].p50_ms / first[0].p50_ms:.2f} (reach: within 1.5)")
    half = results[len(results) // 2 :]
    low, high = min(m for _, m in half), max(m for _, m in half)
    print(f"memory: peak {peak:.0f} MB; second half {low:.0f}-{high:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
