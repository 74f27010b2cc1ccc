"""Which rule fires for a request: matching, `after`, rate windows, `probability`, `times`, `ttl_s`.

Rules are tried in order. A rule that matches but declines (its `after` lets the request pass, its
probability draw says no, its rate window still has room) lets later rules try: the first rule that
fires wins. Counters and stream positions live in the rule's record, so they are tenant state.
Call `evaluate` inside the tenant's transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from sandbox.core.context import Call
from sandbox.core.store.collection import Collection
from sandbox.faults import stream
from sandbox.faults.matching import match_call, task_call
from sandbox.faults.rules import Rule, fresh_state


@dataclass
class Firing:
    """A rule that fired, and what its action needs (a drawn delay, a Retry-After)."""

    rule_id: str
    action: dict[str, Any]
    delay_ms: float = 0.0
    retry_after_s: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


PLAN_KEY = "faults.plan"
"""tenant.extras: the rules in order, with what is known before any request, per vendor (see `plan`)."""

Step = tuple[Rule, "dict[str, str] | None"]
"""A rule to try, and the trace entry that rejects it whatever the request, when that is known ahead."""


def ordered(rules: Collection) -> list[Rule]:
    """The rules in the order they are tried."""
    return sorted(rules.values(), key=lambda r: (r.get("position", 0), r["id"]))


def plan(rules: Collection, vendor: str | None) -> list[Step]:
    """The rules in order, for requests of `vendor`; made again only when the rules have changed.

    A rule that can never expire or be used up (no `ttl_s`, no `times`) and names another vendor
    rejects every request of this vendor for the same reason: that trace entry is made once.
    """
    return _planned(rules, vendor)[0]


def static(rules: Collection, vendor: str | None) -> bool:
    """Whether every rule rejects every request of `vendor` whatever the instant (all known ahead)."""
    return _planned(rules, vendor)[1]


def _planned(rules: Collection, vendor: str | None) -> tuple[list[Step], bool]:
    """The plan for `vendor`, and whether it is all rejections known ahead (made once per change)."""
    plans = rules.tenant.extras.get(PLAN_KEY)
    if plans is None or plans[0] != rules.version:
        plans = (rules.version, {})
        rules.tenant.extras[PLAN_KEY] = plans
    planned = plans[1].get(vendor)
    if planned is None:
        steps = [(rule, _rejected_ahead(rule, vendor)) for rule in ordered(rules)]
        planned = (steps, all(rejected is not None for _, rejected in steps))
        plans[1][vendor] = planned
    return planned  # type: ignore[no-any-return]


def _rejected_ahead(rule: Rule, vendor: str | None) -> dict[str, str] | None:
    match = rule.get("match") or {}
    timeless = rule.get("times") is None and rule.get("ttl_s") is None and rule.get("created_at") is not None
    if timeless and "vendor" in match and match["vendor"] != vendor:
        return {"rule": rule["id"], "reason": f"vendor {vendor} doesn't match {match['vendor']}"}
    return None


def active(rule: Rule, now: float) -> tuple[bool, str]:
    """Whether a rule can still fire: not expired (`ttl_s`), not used up (`times`)."""
    if rule.get("times") is None and rule.get("ttl_s") is None:
        return True, "active"
    state = rule.get("state") or fresh_state()
    if rule.get("times") is not None and state["fired"] >= rule["times"]:
        return False, f"used up: fired {state['fired']} of {rule['times']} times"
    created = rule.get("created_at")
    if rule.get("ttl_s") is not None and created is not None and now >= created + rule["ttl_s"]:
        return False, f"expired {now - created - rule['ttl_s']:.3f} s ago (ttl_s {rule['ttl_s']:g})"
    return True, "active"


Trace = list[dict[str, str]]
"""Why each rule tried did or did not fire: [{"rule": id, "reason": "method PUT doesn't match GET"}]."""


def evaluate(
    rules: Collection, call: Call, method: str, now: float, trace: Trace | None = None
) -> Firing | None:
    """The firing rule for this request, if any, with every counter it touched updated."""
    trace = [] if trace is None else trace
    for rule, rejected in plan(rules, call.vendor.name if call.vendor is not None else None):
        if rejected is not None:
            trace.append(rejected)
            continue
        if rule.get("created_at") is None:
            rule = {**rule, "created_at": now}
            rules.put(rule)
        ok, reason = active(rule, now)
        if ok:
            ok, reason = match_call(rule.get("match") or {}, call, method)
        if ok and rule["action"]["type"] == "task_failure":
            ok, reason = task_call(call)
        if not ok:
            trace.append({"rule": rule["id"], "reason": reason})
            continue
        state = {**fresh_state(), **(rule.get("state") or {})}
        state["matched"] += 1
        firing, reason = _decide(rule, state, now)
        trace.append({"rule": rule["id"], "reason": reason})
        if firing is not None:
            state["fired"] += 1
        rules.put({**rule, "state": state})
        if firing is not None:
            return firing
    return None


def _decide(rule: Rule, state: dict[str, Any], now: float) -> tuple[Firing | None, str]:
    """Apply `after`, the rate window and `probability` to a matched request (updating `state`)."""
    after = rule.get("after", 0)
    if state["matched"] <= after:
        return None, f"match {state['matched']} of the {after} that `after` lets through"
    action = rule["action"]
    firing = Firing(rule["id"], action)
    if action["type"] == "rate_limit":
        window_s = action["window_s"]
        start = state.get("window_start")
        if start is None or not start <= now < start + window_s:
            state["window_start"], state["window_count"] = now, 0
        state["window_count"] += 1
        if state["window_count"] <= action["limit"]:
            return None, f"request {state['window_count']} of the {action['limit']} its window allows"
        firing.retry_after_s = max(1, math.ceil(state["window_start"] + window_s - now))
    if rule.get("probability", 1.0) < 1.0:
        u = stream.uniform(rule["seed"], rule["id"], state["draws"])
        state["draws"] += 1
        if u >= rule["probability"]:
            return None, f"draw {u:.4f} is not below probability {rule['probability']:g}"
    if action["type"] == "delay":
        firing.delay_ms = _delay_ms(rule, state)
    return firing, f"fired ({action['type']})"


def _delay_ms(rule: Rule, state: dict[str, Any]) -> float:
    action = rule["action"]
    if action["distribution"] == "fixed":
        return float(action["ms"])
    u = stream.uniform(rule["seed"], rule["id"], state["draws"])
    state["draws"] += 1
    if action["distribution"] == "uniform":
        return float(action["min_ms"] + u * (action["max_ms"] - action["min_ms"]))
    return stream.lognormal_ms(action["median_ms"], action["sigma"], u)
