"""The answer cache: a repeated read is answered again without the view, and only while it is right."""

from __future__ import annotations

import types
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from benchmarks.fixtures import GET_INFO_XML, NUMBERS_PAGE, OMILIA_TOKEN, OWNER_FORM, SWITCHVOX_BASIC
from sandbox import create_app
from sandbox.core import clock as clock_module
from sandbox.core.answer_cache import EXTRAS_KEY, AnswerMismatch, TenantAnswers

TOKEN = "/t/{t}" + OMILIA_TOKEN
PAGE = "/t/{t}" + NUMBERS_PAGE
NOTE = "/t/{t}/omilia/integrations/api/number/note"
XML = "/t/{t}/switchvox/xml"
ADMIN = {"Authorization": SWITCHVOX_BASIC, "Content-Type": "text/xml"}
GET_INFO = GET_INFO_XML
CURRENT_CALLS = '<request method="switchvox.currentCalls.getList"><parameters></parameters></request>'


def make(**config: Any) -> Flask:
    return create_app({"TESTING": True, "ANSWER_CACHE_CHECK": False, **config})


def bearer(client: FlaskClient, tenant: str = "a") -> dict[str, str]:
    token = client.post(TOKEN.format(t=tenant), data=OWNER_FORM).get_json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def answers(app: Flask, tenant: str = "a") -> TenantAnswers | None:
    held = app.extensions["sandbox"].store.held(tenant)
    return held.extras.get(EXTRAS_KEY) if held is not None else None


def hits(app: Flask, tenant: str = "a") -> int:
    kept = answers(app, tenant)
    return kept.hits if kept is not None else 0


def journal(client: FlaskClient, tenant: str = "a") -> list[dict[str, Any]]:
    body = client.get(f"/t/{tenant}/__sandbox/requests").get_json()
    return body["requests"] if isinstance(body, dict) else body


def test_a_repeated_read_is_answered_again_byte_for_byte_and_journaled_alike() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    first = client.get(PAGE.format(t="a"), headers=headers)
    second = client.get(PAGE.format(t="a"), headers=headers)
    assert hits(app) == 1
    assert (second.status, second.data) == (first.status, first.data)
    assert list(second.headers) == list(first.headers)
    computed, reused = journal(client)[-2:]
    assert reused["id"] == computed["id"] + 1
    assert reused["time"] >= computed["time"]  # its own arrival, on the tenant's clock
    for entry in (computed, reused):
        entry.pop("id"), entry.pop("duration_ms"), entry.pop("time")
    assert reused == computed
    assert reused["operation"] == "listNumbers" and reused["headers"]["Authorization"] == "Bearer [redacted]"


def test_a_write_in_the_tenant_is_seen_by_the_next_read() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    page = client.get(PAGE.format(t="a"), headers=headers).get_json()
    client.get(PAGE.format(t="a"), headers=headers)
    number = page["numbers"][0]["number"]
    changed = client.put(NOTE.format(t="a"), headers=headers, json={"number": number, "note": "changed"})
    assert changed.status_code == 200
    after = client.get(PAGE.format(t="a"), headers=headers).get_json()
    assert after["numbers"][0]["note"] == "changed"
    assert hits(app) == 1  # only the answer before the write was given again


def test_a_refused_write_leaves_the_kept_answers_of_nothing_changed_unused() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    before = client.get(PAGE.format(t="a"), headers=headers).data
    refused = client.put(NOTE.format(t="a"), headers=headers, json={"number": "+10000000000", "note": "x"})
    assert refused.status_code >= 400
    assert client.get(PAGE.format(t="a"), headers=headers).data == before


def test_the_answer_stops_at_the_tokens_expiry_on_a_running_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make()
    client = app.test_client()
    now = [1_900_000_000.0]
    monkeypatch.setattr(clock_module, "time", types.SimpleNamespace(time=lambda: now[0]))
    headers = bearer(client)
    assert client.get(PAGE.format(t="a"), headers=headers).status_code == 200
    assert client.get(PAGE.format(t="a"), headers=headers).status_code == 200
    assert hits(app) == 1
    now[0] += 10 * 3600  # past the access token's lifetime; no record of the tenant changed
    late = client.get(PAGE.format(t="a"), headers=headers)
    assert late.status_code == 401
    assert hits(app) == 1


def test_tenants_do_not_share_answers() -> None:
    app = make()
    client = app.test_client()
    for tenant in ("a", "b"):
        headers = bearer(client, tenant)
        client.get(PAGE.format(t=tenant), headers=headers)
    note = {"number": "+12012049893", "note": "only in b"}
    client.put(NOTE.format(t="b"), headers=bearer(client, "b"), json=note)
    b_page = client.get(PAGE.format(t="b"), headers=bearer(client, "b")).get_json()
    assert b_page["numbers"][0]["note"] == "only in b"
    a_headers = bearer(client, "a")
    client.get(PAGE.format(t="a"), headers=a_headers)
    a_page = client.get(PAGE.format(t="a"), headers=a_headers).get_json()
    assert a_page["numbers"][0]["note"] != "only in b"
    assert hits(app, "a") == 1


def test_another_header_or_query_is_another_request() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    client.get(PAGE.format(t="a"), headers=headers)
    client.get(PAGE.format(t="a"), headers={**headers, "Accept": "application/json"})
    client.get(PAGE.format(t="a").replace("pageSize=50", "pageSize=2"), headers=headers)
    assert hits(app) == 0
    assert client.get(PAGE.format(t="a"), headers={"Authorization": "Bearer nonsense"}).status_code == 401


def test_a_switchvox_xml_read_with_its_body_is_answered_again() -> None:
    app = make()
    client = app.test_client()
    first = client.post(XML.format(t="a"), data=GET_INFO, headers=ADMIN)
    second = client.post(XML.format(t="a"), data=GET_INFO, headers=ADMIN)
    assert hits(app) == 1 and second.data == first.data
    assert journal(client)[-1]["body"] == GET_INFO
    other = GET_INFO.replace("<extension>100</extension>", "<extension>101</extension>")
    assert client.post(XML.format(t="a"), data=other, headers=ADMIN).data != first.data


def test_an_answer_that_reads_the_clock_is_never_kept() -> None:
    app = make()
    client = app.test_client()
    for _ in range(3):
        assert client.post(XML.format(t="a"), data=CURRENT_CALLS, headers=ADMIN).status_code == 200
    assert hits(app) == 0
    assert not (answers(app) and answers(app).answers)  # type: ignore[union-attr]


def test_a_write_method_is_never_kept() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    note = {"number": "+12012049893", "note": "same"}
    for _ in range(3):
        assert client.put(NOTE.format(t="a"), headers=headers, json=note).status_code == 200
    assert hits(app) == 0


def test_rules_of_another_vendor_keep_the_cache_and_their_trace_in_the_journal() -> None:
    app = make()
    client = app.test_client()
    rule = {"id": "mor-only", "match": {"vendor": "mor"}, "action": {"type": "error", "status": 503}}
    assert client.post("/t/a/__sandbox/faults", json=rule).status_code in (200, 201)
    headers = bearer(client)
    client.get(PAGE.format(t="a"), headers=headers)
    client.get(PAGE.format(t="a"), headers=headers)
    assert hits(app) == 1
    trace = journal(client)[-1]["fault_trace"]
    assert trace == [{"rule": "mor-only", "reason": "vendor omilia doesn't match mor"}]


def test_a_rule_that_could_act_on_the_vendor_turns_the_cache_off_for_it() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    rule = {
        "id": "other-path",
        "match": {"vendor": "omilia", "path": "/nowhere"},
        "action": {"type": "error", "status": 503},
    }
    assert client.post("/t/a/__sandbox/faults", json=rule).status_code in (200, 201)
    for _ in range(3):
        assert client.get(PAGE.format(t="a"), headers=headers).status_code == 200
    assert hits(app) == 0


def test_a_rule_added_after_an_answer_was_kept_acts_at_once() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    client.get(PAGE.format(t="a"), headers=headers)
    client.get(PAGE.format(t="a"), headers=headers)
    rule = {"id": "down", "match": {"vendor": "omilia"}, "action": {"type": "error", "status": 503}}
    assert client.post("/t/a/__sandbox/faults", json=rule).status_code in (200, 201)
    faulted = client.get(PAGE.format(t="a"), headers=headers)
    assert faulted.status_code == 503
    assert journal(client)[-1]["fault"] == "down"


def test_reset_and_state_put_drop_the_kept_answers() -> None:
    app = make()
    client = app.test_client()
    headers = bearer(client)
    client.get(PAGE.format(t="a"), headers=headers)
    state = client.get("/t/a/__sandbox/state").get_json()
    state["omilia"]["numbers"] = state["omilia"]["numbers"][:1]
    assert client.put("/t/a/__sandbox/state", json=state).status_code == 200
    page = client.get(PAGE.format(t="a"), headers=headers).get_json()
    assert len(page["numbers"]) == 1
    assert client.post("/t/a/__sandbox/reset").status_code == 200
    assert len(client.get(PAGE.format(t="a"), headers=headers).get_json()["numbers"]) > 1


def test_the_cache_is_bounded_by_entries_and_by_bytes() -> None:
    app = make(ANSWER_CACHE=2)
    client = app.test_client()
    headers = bearer(client)
    for size in (1, 2, 3, 4):
        client.get(PAGE.format(t="a").replace("pageSize=50", f"pageSize={size}"), headers=headers)
    kept = answers(app)
    assert kept is not None and len(kept.answers) == 2
    small = make(ANSWER_CACHE_BYTES=1)
    small_client = small.test_client()
    small_headers = bearer(small_client)
    small_client.get(PAGE.format(t="a"), headers=small_headers)
    small_client.get(PAGE.format(t="a"), headers=small_headers)
    assert hits(small) == 0


def test_zero_turns_the_cache_off() -> None:
    app = make(ANSWER_CACHE=0)
    client = app.test_client()
    headers = bearer(client)
    for _ in range(3):
        client.get(PAGE.format(t="a"), headers=headers)
    assert answers(app) is None


@pytest.mark.parametrize("value", [-1, "many", 1.5, True])
def test_a_bad_setting_is_refused_naming_it(value: object) -> None:
    with pytest.raises(ValueError, match="SANDBOX_ANSWER_CACHE"):
        make(ANSWER_CACHE=value)


def test_the_check_finds_an_answer_that_went_stale_behind_the_tenants_back() -> None:
    app = create_app({"TESTING": True, "ANSWER_CACHE_CHECK": True})
    client = app.test_client()
    headers = bearer(client)
    client.get(PAGE.format(t="a"), headers=headers)
    assert client.get(PAGE.format(t="a"), headers=headers).status_code == 200  # checked, the same
    tenant = app.extensions["sandbox"].store.held("a")
    numbers = tenant.collection("omilia", "numbers")
    first = numbers.values()[0]
    first["note"] = "changed in place"  # a bug the version cannot see: what the check is for
    with pytest.raises(AnswerMismatch, match="differs"):
        client.get(PAGE.format(t="a"), headers=headers)


def test_an_answer_is_not_given_again_under_another_signing_key() -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from sandbox.core import jwt

    app = make()
    client = app.test_client()
    headers = bearer(client)
    client.get(PAGE.format(t="a"), headers=headers)
    ours = jwt.signing_key()
    other = jwt.SigningKey.of(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    jwt.use_private_key(other.private_pem())
    try:
        assert client.get(PAGE.format(t="a"), headers=headers).status_code == 401
    finally:
        jwt.use_private_key(ours.private_pem())
    assert client.get(PAGE.format(t="a"), headers=headers).status_code == 200
