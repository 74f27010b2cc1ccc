"""The fault injector, as a request hook: finds the firing rule, then lets `actions` do its work."""

from __future__ import annotations

from typing import Any

from flask import Response, request

from sandbox.core.answer_cache import FAULTS_STATIC
from sandbox.core.context import Call
from sandbox.core.store import TenantState
from sandbox.faults import actions
from sandbox.faults.engine import evaluate, static

FAULTS = ("sandbox", "faults")
TRACE = "fault.trace"
"""call.notes: why each rule tried did or did not fire (the journal shows it)."""


class FaultHook:
    """Applies each tenant's fault rules to that tenant's vendor requests."""

    def __init__(self, hang_cap_s: float) -> None:
        self.hang_cap_s = hang_cap_s

    def before(self, call: Call) -> Response | None:
        """Find the rule that fires (counters updated in the tenant's transaction), then act."""
        rules = call.tenant.collection(*FAULTS)
        if call.vendor is None:
            return None
        if not len(rules):
            call.notes[FAULTS_STATIC] = True
            return None
        trace = call.notes.setdefault(TRACE, [])
        with call.tenant.transaction():
            firing = evaluate(rules, call, request.method, call.clock.time(), trace)
        if firing is None:
            call.notes[FAULTS_STATIC] = static(rules, call.vendor.name)
            return None
        call.fault = firing.rule_id
        call.notes["fault.type"] = firing.action["type"]
        return actions.before_view(firing, call, self.hang_cap_s)

    def after(self, call: Call, response: Response) -> Response:
        """Spoil the response when the firing rule acts after the view."""
        if call.fault is None:
            return response
        return actions.after_view(call, response, self.hang_cap_s)

    def replayed(self, tenant: TenantState, entry: tuple[Any, ...], cost: int | None = None) -> None:
        """A kept answer is only given again when no rule could act on its request: nothing to do."""
