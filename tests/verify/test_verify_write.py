"""verify --write: writes in the links' order, values handed on by links, and cleaning up after itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.verify.contract import Contract
from sandbox.verify.links import write_order
from tests.verify.conftest import VENDOR_PREFIX, Vendor, run_with_report
from tests.verify.test_verify_conforming import authority


@pytest.mark.parametrize("vendor", sorted(VENDOR_PREFIX))
def test_writes_conform_too(vendor: str, real: Vendor, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    args = ["verify", "--vendor", vendor, "--target", real.base(vendor), "--write", *authority(real, vendor)]
    assert main([*args, "--report", str(report)]) == 0
    results = json.loads(report.read_text())["results"]
    assert not [r for r in results if r["reason"] == "a write: needs --write"]


def omilia_writes(real: Vendor) -> list[str]:
    """verify --write of Omilia against the stand-in."""
    return ["verify", "--vendor", "omilia", "--target", real.base("omilia"), "--write"]


def test_a_created_record_is_removed_again(real: Vendor, tmp_path: Path) -> None:
    before = {s["name"] for s in real.state()["omilia"]["sets"]}
    selected = "createNumbersSet,getNumbersSet,deleteNumbersSet"
    code, results = run_with_report(tmp_path, *omilia_writes(real), "--operations", selected)
    assert code == 0
    assert [r["outcome"] for r in results.values()] == ["ok", "ok", "ok"]
    # getNumbersSet and deleteNumbersSet were handed the created set's id by the contract's links
    assert results["getNumbersSet"]["status"] == "200/200"
    assert results["getNumbersSet"]["path"] != "/integrations/api/numbers-set/no-such-set"
    assert {s["name"] for s in real.state()["omilia"]["sets"]} == before


def test_a_removal_with_nothing_created_is_skipped(real: Vendor, tmp_path: Path) -> None:
    before = real.state()
    code, results = run_with_report(tmp_path, *omilia_writes(real), "--operations", "deleteNumber")
    assert code == 0
    (result,) = results.values()
    assert result["outcome"] == "skipped" and "created" in result["reason"]
    assert real.state() == before


def test_write_order_puts_link_sources_first_and_removals_last() -> None:
    cases = Contract("omilia").all_cases()
    order = [c.operation.id for c in write_order(cases)]
    assert order.index("createNumbersSet") < order.index("getNumbersSet")
    assert order.index("createNumbersSet") < order.index("addNumbersToSet")
    removals = [c.operation.id for c in cases if c.destructive]
    assert set(order[-len(removals) :]) == set(removals)
    assert sorted(order) == sorted(c.operation.id for c in cases)
