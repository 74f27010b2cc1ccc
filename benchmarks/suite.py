"""The benchmark suite: the sandbox beside a bare Flask app and WireMock, every figure from one run.

    python -m benchmarks.suite [--quick] [--seconds S] [--skip-peers] [--markdown]

Each server runs as its own process on 127.0.0.1; load comes from wrk (installed from Debian's
packages if missing); WireMock from the `wiremock` npm package (Java 17). The machine may be
shared: read the figures as ratios measured side by side, not as absolutes.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests

from benchmarks import fixtures, restart_data, servers
from benchmarks.harness import PYTHON, ROOT, Server, http, wrk

MOR_UPLOAD = "/mor/billing/api/autodialer_upload_numbers"
OC_TOKEN = "/entra/00000000-0000-4000-8000-000000000001/oauth2/v2.0/token"
OC_CUSTOMER = "11111111-1111-4111-8111-111111111111"
OC_UPLOAD = f"/operator-connect/api/v2/oc/numbers/action/upload?msTenantId={OC_CUSTOMER}"
OC_FORM = {
    "grant_type": "client_credentials",
    "client_id": "sandbox-client",
    "client_secret": "sandbox-secret",
    "scope": "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default",
}


@dataclass
class Row:
    """One line of the table."""

    workload: str
    sandbox: str
    peer: str = ""
    ratio: str = ""


@dataclass
class Scale:
    """How big the run is (`--quick` makes everything small)."""

    seconds: float
    large: int
    requests: int
    restart_records: int
    restart_writes: int
    tenants: int
    samples: int


FULL = Scale(
    seconds=5,
    large=100_000,
    requests=200_000,
    restart_records=100_000,
    restart_writes=50_000,
    tenants=1_000,
    samples=50,
)
QUICK = Scale(
    seconds=1, large=2_000, requests=2_000, restart_records=2_000, restart_writes=1_000, tenants=20, samples=5
)


def median_ms(action: Callable[[], object], samples: int) -> float:
    """The median wall time of `action`, in ms."""
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(times)


def started(server: Server, path: str) -> Server:
    """`server`, once it answers `path`."""
    server.wait(path)
    return server


def throughput_rows(sandbox: Server, bare: Server | None, wiremock: Server | None, scale: Scale) -> list[Row]:
    """The default world's page of numbers at 1 and 16 connections, beside the peers serving its bytes."""
    bearer = fixtures.omilia_bearer(sandbox.url, "bench")
    url = f"{sandbox.url}/t/bench{fixtures.NUMBERS_PAGE}"
    headers = {"Authorization": bearer}
    rows = []
    warm_up = max(2.0, scale.seconds / 2)  # WireMock's JIT, Python's caches: measured warm
    wrk(url, 16, warm_up, headers=headers)
    for peer in (bare, wiremock):
        if peer is not None:
            wrk(peer.url + fixtures.NUMBERS_PAGE, 16, warm_up)
    for connections in (16, 1):
        mine = wrk(url, connections, scale.seconds, headers=headers)
        rows.append(Row(f"page of numbers, {connections} conn: req/s", f"{mine.rps:,.0f}"))
        rows.append(
            Row(
                f"page of numbers, {connections} conn: p50 / p99 ms", f"{mine.p50_ms:.2f} / {mine.p99_ms:.2f}"
            )
        )
        for name, peer in (("bare Flask", bare), ("WireMock", wiremock)):
            if peer is None:
                continue
            theirs = wrk(peer.url + fixtures.NUMBERS_PAGE, connections, scale.seconds)
            rows.append(
                Row(
                    f"  {name}, {connections} conn: req/s, p50 / p99 ms",
                    f"{mine.rps:,.0f}",
                    f"{theirs.rps:,.0f}, {theirs.p50_ms:.2f} / {theirs.p99_ms:.2f}",
                    f"sandbox/{name} = {mine.rps / theirs.rps:.2f}",
                )
            )
    return rows


ROUNDS = 4
"""Interleaved rounds of a side-by-side comparison of two sandboxes (the median of each is compared)."""


PAIRS = 3
"""Pairs of fresh processes the cost of rules and the journal is measured on (processes differ by a
few percent among themselves: the median pair's ratio is reported)."""


def overhead_rows(scale: Scale) -> list[Row]:
    """100 rules that match nothing and the journal, against a sandbox with neither: PAIRS pairs of
    fresh processes, identical but for those, each pair's runs interleaved."""
    ratios, cpu_ratios, both_rps, neither_rps = [], [], [], []
    for _ in range(PAIRS):
        plain = started(servers.sandbox(env={"SANDBOX_JOURNAL_SIZE": "0"}), "/__sandbox/health")
        ruled = started(servers.sandbox(), "/__sandbox/health")
        try:
            fixtures.add_inactive_rules(ruled.url, "bench", 100)
            CPU_US.clear()
            runs = interleaved({"both": ruled, "neither": plain}, scale)
        finally:
            plain.stop()
            ruled.stop()
        both, neither = statistics.median(runs["both"]), statistics.median(runs["neither"])
        both_rps.append(both)
        neither_rps.append(neither)
        ratios.append(1 - both / neither)
        cpu_ratios.append(statistics.median(CPU_US["both"]) / statistics.median(CPU_US["neither"]) - 1)
    each = ", ".join(f"{r:.1%}" for r in ratios)
    each_cpu = ", ".join(f"{r:.1%}" for r in cpu_ratios)
    return [
        Row(
            f"100 inactive rules + journal vs neither, 16 conn: req/s ({PAIRS} pairs of fresh processes, "
            f"{ROUNDS} interleaved runs each; median pair)",
            f"{statistics.median(both_rps):,.0f}",
            f"{statistics.median(neither_rps):,.0f}",
            f"cost {statistics.median(ratios):.1%} (pairs: {each})",
        ),
        Row(
            "  the same runs: server CPU per request",
            "",
            "",
            f"cost {statistics.median(cpu_ratios):.1%} (pairs: {each_cpu})",
        ),
    ]


def view_rows(bare: Server | None, scale: Scale) -> list[Row]:
    """The page of numbers with every request run through its view (the answer cache off)."""
    computed = started(servers.sandbox(env={"SANDBOX_ANSWER_CACHE": "0"}), "/__sandbox/health")
    try:
        peers = {"views": computed, **({"bare": bare} if bare is not None else {})}
        runs = interleaved(peers, scale)
    finally:
        computed.stop()
    mine = statistics.median(runs["views"])
    rows = [
        Row("page of numbers, 16 conn, answer cache off (each request runs its view): req/s", f"{mine:,.0f}")
    ]
    if bare is not None:
        theirs = statistics.median(runs["bare"])
        rows.append(
            Row(
                "  bare Flask beside it, 16 conn: req/s",
                f"{mine:,.0f}",
                f"{theirs:,.0f}",
                f"ratio {mine / theirs:.2f}",
            )
        )
    return rows


def interleaved(peers: dict[str, Server], scale: Scale) -> dict[str, list[float]]:
    """req/s of the page of numbers at 16 connections, ROUNDS runs of each server in turn (the order
    reversed every round)."""
    targets = {}
    for name, server in peers.items():
        if name == "bare":
            targets[name] = (server.url + fixtures.NUMBERS_PAGE, {})
            continue
        fixtures.freeze(server.url, "bench")
        bearer = fixtures.omilia_bearer(server.url, "bench")
        targets[name] = (f"{server.url}/t/bench{fixtures.NUMBERS_PAGE}", {"Authorization": bearer})
    for url, headers in targets.values():
        wrk(url, 16, max(1.0, scale.seconds / 2), headers=headers)  # warm
    runs: dict[str, list[float]] = {name: [] for name in targets}
    order = list(targets)
    for _ in range(ROUNDS):
        for name in order:
            url, headers = targets[name]
            before = peers[name].cpu_s()
            load = wrk(url, 16, scale.seconds, headers=headers)
            runs[name].append(load.rps)
            CPU_US[name].append((peers[name].cpu_s() - before) / max(load.requests, 1) * 1e6)
        order.reverse()  # A B, B A, ...: neither gains from its place in a round
    return runs


CPU_US: defaultdict[str, list[float]] = defaultdict(list)
"""The server's CPU time per request in each interleaved run, by name (its own measure of cost)."""


def large_rows(sandbox: Server, scale: Scale) -> list[Row]:
    """Reading and writing among many stored numbers, and the CSV import."""
    rows = []
    sessions: dict[int, requests.Session] = {}
    for count in (scale.large, 10_000):
        tenant = f"n{count}"
        fixtures.store_numbers(sandbox.url, tenant, count)
        if count == scale.large:
            memory = Row(f"memory with {count:,} numbers stored: MB", f"{sandbox.rss_mb():.0f}")
        session = sessions[count] = requests.Session()
        session.headers["Authorization"] = fixtures.omilia_bearer(sandbox.url, tenant)
        url = f"{sandbox.url}/t/{tenant}{fixtures.NUMBERS_PAGE}"
        one = median_ms(lambda url=url, s=session: s.get(url).raise_for_status(), scale.samples)
        load = wrk(url, 16, scale.seconds, headers={"Authorization": session.headers["Authorization"]})
        rows.append(
            Row(f"page of 50 from {count:,} numbers: ms, 16 conn req/s", f"{one:.2f}, {load.rps:,.0f}")
        )
    note = f"{sandbox.url}/t/n{scale.large}/omilia/integrations/api/number/note"
    counter = iter(range(10**9))
    write = median_ms(
        lambda: (
            sessions[scale.large]
            .put(note, json={"number": "+15550000007", "note": f"{next(counter)}"})
            .raise_for_status()
        ),
        scale.samples * 4,
    )
    rows.append(Row(f"one-number write at {scale.large:,} numbers: ms", f"{write:.2f}"))
    rows.append(memory)
    rows.append(csv_import_row(sandbox, scale))
    return rows


def csv_import_row(sandbox: Server, scale: Scale) -> Row:
    """A 10,000-row Omilia CSV import over the stored numbers (the existing benchmark's files)."""
    from benchmarks import omilia_csv_import as csv_bench

    tenant = "csv"
    root = f"{sandbox.url}/t/{tenant}"
    body = json.dumps(csv_bench.world()).encode()
    http("PUT", f"{root}/__sandbox/state", body, {"Content-Type": "application/json"})
    bearer = fixtures.omilia_bearer(sandbox.url, tenant)
    content = csv_bench.update_file()
    started_at = time.perf_counter()
    response = requests.put(
        f"{root}/omilia/integrations/api/numbers/csv",
        headers={"Authorization": bearer},
        files={"File": ("numbers.csv", content)},
        timeout=120,
    )
    elapsed = time.perf_counter() - started_at
    response.raise_for_status()
    return Row(f"CSV import, {csv_bench.ROWS:,} rows over {csv_bench.STORED:,}: s", f"{elapsed:.2f}")


def vendor_rows(sandbox: Server, scale: Scale) -> list[Row]:
    """Switchvox over XML, a MOR upload, an Operator Connect upload polled to completion."""
    rows = []
    script = fixtures.post_script(fixtures.GET_INFO_XML, "text/xml")
    load = wrk(
        f"{sandbox.url}/t/sv/switchvox/xml",
        16,
        scale.seconds,
        script,
        headers={"Authorization": fixtures.SWITCHVOX_BASIC},
    )
    rows.append(
        Row(
            "Switchvox extensions.getInfo (XML), 16 conn: req/s, p99 ms",
            f"{load.rps:,.0f}, {load.p99_ms:.2f}",
        )
    )
    if load.errors:
        rows[-1].ratio = f"{load.errors} errors"
    import hashlib

    content = "".join(f"3706{i:07d}\n" for i in range(1000)).encode()
    query = {"u": "campgain_user", "id": "1", "hash": hashlib.sha1(b"1secret").hexdigest()}
    mor = f"{sandbox.url}/t/mor{MOR_UPLOAD}"
    upload = median_ms(
        lambda: requests.post(mor, params=query, files={"file": ("n.csv", content)}).raise_for_status(),
        scale.samples // 5 + 3,
    )
    rows.append(Row("MOR upload of 1,000 numbers: ms", f"{upload:.1f}"))
    rows.append(
        Row("Operator Connect upload + poll to completion: ms", f"{operator_connect_ms(sandbox, scale):.1f}")
    )
    return rows


def operator_connect_ms(sandbox: Server, scale: Scale) -> float:
    """An upload of one number, then polls until the task is done (its median wall time)."""
    root = f"{sandbox.url}/t/oc"
    token = requests.post(root + OC_TOKEN, data=OC_FORM).json()["access_token"]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    counter = iter(range(10**6))

    def once() -> None:
        body = {
            "callingProfile": "5f3fbb3b-df9b-483d-b294-c7eb01e22aac",
            "usage": "CallingUserAssignment",
            "capabilities": ["InboundCalling", "OutboundCalling"],
            "phoneNumbers": [f"+6139{next(counter):07d}"],
            "workflowVersion": "3",
            "country": "AU",
        }
        answer = session.post(root + OC_UPLOAD, json=body)
        answer.raise_for_status()
        task = answer.json()["taskId"]
        for _ in range(20):
            status = session.get(f"{root}/operator-connect/api/v2/task/{task}").json()["status"]
            if status != "InProgress":
                return
        raise RuntimeError("task still in progress")

    return median_ms(once, scale.samples // 5 + 3)


def memory_rows(sandbox: Server, scale: Scale) -> list[Row]:
    """Memory once 20 tenants' journals are full, and after `scale.requests` more requests."""
    tenants = [f"soak-{i}" for i in range(20)]
    for t in tenants:
        fixtures.freeze(sandbox.url, t)
    bearers = {t: fixtures.omilia_bearer(sandbox.url, t) for t in tenants}
    script = fixtures.tenants_script(tenants, fixtures.NUMBERS_PAGE, bearers)
    seconds = max(scale.seconds, 10.0 if scale.requests > 10_000 else 1.0)

    def send(count: int) -> int:
        done = 0
        while done < count:
            done += wrk(sandbox.url, 16, seconds, script).requests
        return done

    filled = send(scale.requests)  # 20 journals of 10,000 entries: 200,000 requests fill them
    before = sandbox.rss_mb()
    more = send(scale.requests)
    after = sandbox.rss_mb()
    return [
        Row(
            f"memory after {filled:,} requests over 20 tenants, then {more:,} more: MB",
            f"{before:.0f} / {after:.0f}",
            "",
            f"growth {after - before:+.0f} MB",
        )
    ]


def start_rows(scale: Scale, bare_body: Path | None, peers: bool) -> list[Row]:
    """Process start to first answer (sandbox, bare Flask, WireMock), in-process start, a fresh tenant."""
    rows = []
    mine = start_ms(servers.sandbox, "/__sandbox/health", 3)
    rows.append(Row("process start to first answer: ms", f"{mine:.0f}"))
    if peers and bare_body is not None:
        bare = start_ms(lambda: servers.bare(bare_body, "application/json"), "/", 3)
        rows.append(
            Row(
                "  bare Flask (gunicorn), start to first answer: ms",
                f"{mine:.0f}",
                f"{bare:.0f}",
                f"sandbox/bare = {mine / bare:.2f}",
            )
        )
        wm = start_ms(servers.wiremock, "/__admin/health", 3)
        rows.append(
            Row(
                "  WireMock, start to first answer: ms",
                f"{mine:.0f}",
                f"{wm:.0f}",
                f"sandbox/WireMock = {mine / wm:.2f}",
            )
        )
    code = (
        "import time; t = time.perf_counter(); import urllib.request\n"
        "from sandbox.app import create_app; from sandbox.testing import ServerThread\n"
        "s = ServerThread(create_app()).start()\n"
        "urllib.request.urlopen(s.url + '/__sandbox/health').read()\n"
        "first = time.perf_counter() - t\n"
        "times = []\n"
        "for i in range(20):\n"
        "    t = time.perf_counter(); urllib.request.urlopen(f'{s.url}/t/fresh-{i}/__sandbox/clock').read()\n"
        "    times.append(time.perf_counter() - t)\n"
        "times.sort(); print(first * 1000, times[10] * 1000)\n"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    inproc, fresh = (float(x) for x in out.split())
    rows.append(Row("in-process start (pytest plugin) to first answer: ms", f"{inproc:.0f}"))
    rows.append(Row("a fresh tenant's first answer: ms", f"{fresh:.2f}"))
    return rows


def start_ms(make: Callable[[], Server], path: str, samples: int) -> float:
    """The median time from process start to first answer of `path`, in ms (the stop not counted)."""
    times = []
    for _ in range(samples):
        server = make()
        try:
            times.append(server.wait(path) * 1000.0)
        finally:
            server.stop()
    return statistics.median(times)


def _restart_ms(data: Path, samples: int) -> float:
    """`start_ms` of `serve --data`, each start from a fresh copy of `data` (a stop compacts its file)."""

    def make() -> Server:
        copy = data.with_name(f"copy-{data.name}")
        for stale in data.parent.glob(f"{copy.name}*"):
            stale.unlink()
        for part in data.parent.glob(f"{data.name}*"):  # the file (if written yet) and its logs
            shutil.copyfile(part, copy.with_name(copy.name + part.name[len(data.name) :]))
        return servers.sandbox("--data", str(copy))

    return start_ms(make, "/__sandbox/health", samples)


def restart_rows(scale: Scale) -> list[Row]:
    """`serve --data` start to first answer after a crash: many records and writes; many tenants."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.json"
        restart_data.numbers_after_writes(path, scale.restart_records, scale.restart_writes)
        ms = _restart_ms(path, 3)
        rows.append(
            Row(
                f"restart, {scale.restart_records:,} records after {scale.restart_writes:,} writes: ms",
                f"{ms:.0f}",
            )
        )
        path = Path(tmp) / "tenants.json"
        restart_data.many_tenants(path, scale.tenants)
        ms = _restart_ms(path, 3)
        rows.append(Row(f"restart, {scale.tenants:,} tenants: ms", f"{ms:.0f}"))
    return rows


def run(scale: Scale, peers: bool) -> list[Row]:
    """Every workload, in one run."""
    rows: list[Row] = []
    sandbox = started(servers.sandbox(), "/__sandbox/health")
    bare = wiremock = None
    body_dir = tempfile.TemporaryDirectory()
    try:
        fixtures.freeze(sandbox.url, "bench")
        bearer = fixtures.omilia_bearer(sandbox.url, "bench")
        page = http("GET", f"{sandbox.url}/t/bench{fixtures.NUMBERS_PAGE}", headers={"Authorization": bearer})
        body_file = Path(body_dir.name) / "page.json"
        body_file.write_bytes(page)
        if peers:
            bare = started(servers.bare(body_file, "application/json"), "/")
            wiremock = started(servers.wiremock(), "/__admin/health")
            servers.stub(wiremock, fixtures.NUMBERS_PAGE, page, "application/json")
        rows.append(Row(f"the page: {len(page):,} bytes of JSON (default world, 4 numbers)", ""))
        rows += throughput_rows(sandbox, bare, wiremock, scale)
        if wiremock is not None:
            wiremock.stop()
        rows += view_rows(bare, scale)
        if bare is not None:
            bare.stop()
        rows += overhead_rows(scale)
        rows += vendor_rows(sandbox, scale)
        rows += large_rows(sandbox, scale)
        rows += memory_rows(sandbox, scale)
    finally:
        sandbox.stop()
        for peer in (bare, wiremock):
            if peer is not None:
                peer.stop()
    rows += start_rows(scale, body_file, peers)
    body_dir.cleanup()
    rows += restart_rows(scale)
    return rows


def render(rows: list[Row], markdown: bool) -> str:
    """The table, plain or as Markdown."""
    if markdown:
        lines = ["| workload | sandbox | peer | ratio |", "|---|---|---|---|"]
        lines += [f"| {r.workload.strip()} | {r.sandbox} | {r.peer} | {r.ratio} |" for r in rows]
        return "\n".join(lines)
    width = max(len(r.workload) for r in rows)
    return "\n".join(f"{r.workload:<{width}}  {r.sandbox:>16}  {r.peer:>24}  {r.ratio}" for r in rows)


def main(argv: list[str] | None = None) -> int:
    """Run the suite and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and 1 s runs (a smoke test)")
    parser.add_argument("--seconds", type=float, help="length of each wrk run")
    parser.add_argument("--skip-peers", action="store_true", help="no bare Flask app, no WireMock")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else FULL
    if args.seconds:
        scale.seconds = args.seconds
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {_cores()} cores, Python {sys.version.split()[0]}"
    print(f"# {stamp}, {machine}", flush=True)
    print(render(run(scale, not args.skip_peers), args.markdown))
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    raise SystemExit(main())
