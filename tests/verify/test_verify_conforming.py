"""verify against a second sandbox process: every vendor conforms, reports parse, reads change nothing."""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from pathlib import Path

import defusedxml.ElementTree as ElementTree
import pytest

from sandbox.cli import main
from sandbox.verify.contract import Contract
from tests.verify.conftest import VENDOR_PREFIX, Vendor, run_with_report

VENDORS = sorted(VENDOR_PREFIX)


def authority(real: Vendor, vendor: str) -> list[str]:
    """Operator Connect's Entra authority of the stand-in (the others need none)."""
    return ["--auth", f"authority={real.url}/entra"] if vendor == "operator-connect" else []


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_vendor_conforms_and_the_reports_parse(
    vendor: str, real: Vendor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = records(real.state())
    report, junit = tmp_path / "report.json", tmp_path / "report.xml"
    args = ["verify", "--vendor", vendor, "--target", real.base(vendor), *authority(real, vendor)]
    other = Vendor(real.root)  # a fresh tenant for the second run: reads may move a task on
    again = ["verify", "--vendor", vendor, "--target", other.base(vendor), *authority(other, vendor)]

    assert main([*args, "--report", str(report)]) == 0
    assert main([*again, "--report", str(junit)]) == 0

    out = capsys.readouterr().out
    document = json.loads(report.read_text())
    assert document["vendor"] == vendor
    assert document["summary"]["drift"] == 0 and document["summary"]["error"] == 0
    checked = [r for r in document["results"] if r["outcome"] == "ok"]
    assert checked, "at least one operation is checked"
    for result in document["results"]:
        assert result["name"] in out
    suite = ElementTree.fromstring(junit.read_text())
    names = [case.get("name") for case in suite.iter("testcase")]
    assert names == [r["name"] for r in document["results"]]
    assert suite.get("failures") == "0"
    skipped = [case.get("name") for case in suite.iter("testcase") if case.find("skipped") is not None]
    assert skipped == [r["name"] for r in document["results"] if r["outcome"] == "skipped"]
    assert records(real.state()) == before  # without --write the target is unchanged


def records(state: dict) -> dict:
    """A tenant's state without Operator Connect's task poll counters.

    A GET of a task counts as a poll (the contract's getTask): the sandbox's stand-in for the time a
    real task takes, not a change of any record a client made.
    """
    for task in state.get("operator-connect", {}).get("tasks", []):
        task.pop("polls", None)
    return state


@pytest.mark.parametrize("vendor", VENDORS)
def test_without_write_only_reads_are_sent(vendor: str, real: Vendor, tmp_path: Path) -> None:
    args = ["verify", "--vendor", vendor, "--target", real.base(vendor), *authority(real, vendor)]
    code, results = run_with_report(tmp_path, *args)
    assert code == 0
    cases = {case.name: case for case in Contract(vendor).all_cases()}
    sent = {name for name, result in results.items() if result["outcome"] != "skipped"}
    assert sent == {name for name, case in cases.items() if case.read_only and case.request is not None}
    for name, result in results.items():
        if result["outcome"] == "skipped":
            assert result["reason"] in ("a write: needs --write", cases[name].skipped)


def test_operations_glob_selects(real: Vendor, tmp_path: Path) -> None:
    selected = "list*,getNumbersSets"
    code, results = run_with_report(
        tmp_path, "verify", "--vendor", "omilia", "--target", real.base("omilia"), "--operations", selected
    )
    assert code == 0
    cases = Contract("omilia").all_cases()
    expected = {c.name for c in cases if fnmatchcase(c.operation.id, "list*") or c.name == "getNumbersSets"}
    assert {"listNumbers", "getNumbersSets"} <= expected
    assert set(results) == expected


def test_secrets_are_never_printed_or_written(
    real: Vendor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = real.state()
    secret = "Correct-Horse-Battery-Staple-9"
    for user in state["omilia"]["users"]:
        if user["username"] == "owner":
            user["password"] = secret
    real.load(state)
    target = ["--target", real.base("omilia"), "--auth", "username=owner", "--auth", f"password={secret}"]
    code, _ = run_with_report(tmp_path, "verify", "--vendor", "omilia", *target)
    assert code == 0
    assert secret not in capsys.readouterr().out
    assert secret not in (tmp_path / "report.json").read_text()


def test_wrong_credentials_show_as_a_difference(real: Vendor, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "verify",
            "--vendor",
            "omilia",
            "--target",
            real.base("omilia"),
            "--operations",
            "listNumbers",
            "--auth",
            "password=not-the-password",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "listNumbers" in out and "status 401 != 200" in out
    assert "not-the-password" not in out


def test_param_gives_the_target_its_own_ids(real: Vendor, tmp_path: Path) -> None:
    state = real.state()
    customer = "33333333-3333-4333-8333-333333333333"
    (template,) = [c for c in state["operator-connect"]["customers"] if c["msTenantId"].startswith("1111")]
    state["operator-connect"]["customers"] = [dict(template, msTenantId=customer)]
    real.load(state)
    args = ["verify", "--vendor", "operator-connect", "--target", real.base("operator-connect")]
    args += ["--operations", "listNumbers", *authority(real, "operator-connect")]

    code, results = run_with_report(tmp_path, *args)
    assert code == 1  # the example's customer is not the target's: it answers 400, the sandbox 200
    assert results["listNumbers"]["status"] == "400/200"

    code, results = run_with_report(tmp_path, *args, "--param", f"msTenantId={customer}")
    assert code == 0 and results["listNumbers"]["status"] == "200/200"
