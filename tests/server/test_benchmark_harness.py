"""The benchmark harness reads wrk's report (the suite itself is a script, not a test)."""

from __future__ import annotations

from benchmarks.harness import _parse

REPORT = """\
Running 5s test @ http://127.0.0.1:8080/omilia/integrations/api/numbers
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.91ms    7.10ms  70.36ms   82.67%
    Req/Sec   843.41    120.03     1.10k    70.00%
  Latency Distribution
     50%  812.00us
     75%   11.80ms
     90%   17.92ms
     99%    1.03s
  8400 requests in 5.01s, 13.94MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1676.52
Transfer/sec:      2.78MB
"""


def test_throughput_percentiles_and_errors_are_read_in_their_units() -> None:
    load = _parse(REPORT)
    assert load.rps == 1676.52
    assert load.p50_ms == 0.812
    assert load.p99_ms == 1030.0
    assert load.requests == 8400
    assert load.errors == 7
