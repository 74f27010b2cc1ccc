"""Generated reads, each sent twice: the second is answered again by the answer cache, and right.

The test suite runs with ANSWER_CACHE_CHECK (tests/conftest.py), so every answer given again is
also computed afresh and compared (AnswerMismatch otherwise). Here each generated read of the
contracts is sent twice in a row; a 200 from a view that may be reused must be kept, so its second
sending is a hit, and the two answers must be the same bytes.
"""

from __future__ import annotations

import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings

from sandbox.core.answer_cache import EXTRAS_KEY
from tests.mor import test_mor_contract as mor
from tests.omilia import test_contract as omilia
from tests.switchvox import test_contract as switchvox

TWICE = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
OMILIA_READS = (
    "listNumbers",
    "searchNumbers",
    "listMiniApps",
    "getNumbersSets",
    "getNumbersSetsForGroup",
    "getNumbersSet",
    "getNumbersInSet",
    "getRouters",
    "getRouterForNumber",
    "getRouter",
    "exportNumbersCsv",
)
MOR_READS = ("user_details_get", "user_balance_get", "user_simple_balance_get", "system_version_get")
SWITCHVOX_READS = (
    b"switchvox.extensions.getInfo",
    b"switchvox.extensions.search",
    b"switchvox.extensionGroups.getList",
    b"switchvox.extensionGroups.getInfo",
    b"switchvox.extensions.settings.getInfo",
)


def hits(app: Flask) -> int:
    store = app.extensions["sandbox"].store
    total = 0
    for name in store.names():
        kept = store.held(name).extras.get(EXTRAS_KEY)
        total += kept.hits if kept is not None else 0
    return total


def twice(app: Flask, case: schemathesis.Case, expect_hit: bool) -> None:
    content_type = {k.lower(): v for k, v in (case.headers or {}).items()}.get("content-type", "")
    # A multipart body gets a fresh boundary each time it is sent: two different requests.
    expect_hit = expect_hit and "multipart" not in (content_type or case.media_type or "")
    before = hits(app)
    first = case.call()
    second = case.call()
    refused = b"<error" in first.content or b'"errors"' in first.content  # MOR, Switchvox: a 200
    if first.status_code != 200 or refused:
        return
    if expect_hit:
        assert hits(app) == before + 1, f"{case.method} {case.formatted_path}: not answered again"
    if hits(app) > before:
        assert (second.status_code, second.content) == (first.status_code, first.content)


@omilia.schema.include(operation_id=list(OMILIA_READS)).parametrize()
@TWICE
def test_omilia_reads(case: schemathesis.Case) -> None:
    twice(omilia.APP, case, expect_hit=True)


MOR_OPERATIONS = [f"{name}{tail}" for name in MOR_READS for tail in ("", "_get")]


@mor.schema.include(operation_id=MOR_OPERATIONS).parametrize()
@TWICE
def test_mor_reads(case: schemathesis.Case) -> None:
    twice(mor.app, case, expect_hit=True)


@switchvox.schema.parametrize()
@TWICE
def test_switchvox_methods(case: schemathesis.Case) -> None:
    body = case.body if isinstance(case.body, bytes) else str(case.body or "").encode()
    read = any(name in body for name in SWITCHVOX_READS)
    twice(switchvox.APP, case, expect_hit=read)
