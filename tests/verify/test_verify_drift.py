"""verify against a drifting target: exit non-zero, the operation and the path named."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import defusedxml.ElementTree as ElementTree
import pytest

from sandbox.cli import main
from sandbox.testing import ServerThread
from sandbox.verify.contract import Contract
from tests.verify.conftest import Vendor, run_with_report
from tests.verify.drifting import Change, DriftingProxy, rename, status_to


@pytest.fixture
def drifting(real: Vendor) -> Iterator[Callable[..., str]]:
    """Start a drifting proxy in front of the stand-in; returns its URL (the tenant's root)."""
    servers: list[ServerThread] = []

    def start(method: str, suffix: str, change: Change) -> str:
        server = ServerThread(DriftingProxy(real.url, method, suffix, change))  # type: ignore[arg-type]
        servers.append(server.start())
        return server.url

    yield start
    for server in servers:
        server.stop()


def test_a_renamed_json_field(drifting, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = drifting("GET", "/integrations/api/numbers", rename(b'"groupId"', b'"groupID"'))
    code, results = run_with_report(tmp_path, "verify", "--vendor", "omilia", "--target", url + "/omilia")
    out = capsys.readouterr().out
    assert code == 1
    drifted = [name for name, r in results.items() if r["outcome"] == "drift"]
    assert drifted == ["listNumbers"]
    paths = {d["path"] for d in results["listNumbers"]["differences"]}
    assert "$.numbers[*].groupId" in paths and "$.numbers[*].groupID" in paths
    schema = {d["path"] for d in results["listNumbers"]["conformance"]}
    assert any(path.startswith("$.numbers[") for path in schema)  # groupId is required by the contract
    assert "listNumbers" in out and "$.numbers[*].groupId" in out


def test_a_changed_status(drifting, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = drifting("GET", "/integrations/api/numbers-set", status_to(202))
    code, results = run_with_report(tmp_path, "verify", "--vendor", "omilia", "--target", url + "/omilia")
    assert code == 1
    result = results["getNumbersSets"]
    assert result["outcome"] == "drift"
    assert {"path": "status", "kind": "status", "expected": "202", "actual": "200"} in result["differences"]
    assert result["conformance"][0]["path"] == "status"
    assert [n for n, r in results.items() if r["outcome"] == "drift"] == ["getNumbersSets"]


def test_a_renamed_xml_element(drifting, tmp_path: Path) -> None:
    url = drifting("POST", "/billing/api/autodialer_get_campaign_statistics", rename(b"error>", b"fault>"))
    junit = tmp_path / "r.xml"
    code = main(["verify", "--vendor", "mor", "--target", url + "/mor", "--report", str(junit)])
    assert code == 1
    suite = ElementTree.fromstring(junit.read_text())
    failed = {
        c.get("name"): c.find("failure") for c in suite.iter("testcase") if c.find("failure") is not None
    }
    sent = {
        c.name for c in Contract("mor").all_cases() if c.operation.id == "autodialer_get_campaign_statistics"
    }
    assert sent and set(failed) == sent  # every example of that operation, and nothing else
    text = next(iter(failed.values())).text or ""
    assert "/page/error" in text and "/page/fault" in text


def test_a_renamed_xml_attribute(drifting, tmp_path: Path) -> None:
    url = drifting("POST", "/xml", rename(b"<response method=", b"<response name="))
    code, results = run_with_report(
        tmp_path, *["verify", "--vendor", "switchvox", "--target", url + "/switchvox"]
    )
    assert code == 1
    drifted = [n for n, r in results.items() if r["outcome"] == "drift"]
    assert drifted and {results[n]["path"] for n in drifted} == {"/xml"}
    for name in drifted:
        paths = {d["path"] for d in results[name]["differences"]}
        assert {"/response/@method", "/response/@name"} <= paths
