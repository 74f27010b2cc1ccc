"""The autodialer's calls: a deterministic state machine driven by the tenant's sandbox clock.

A running campaign dials its free numbers one at a time, in import order, one call every
`wait_time` seconds (default 10) from the moment it was started, and records each call. Calls
are materialised when the campaign is next touched through the API (lazily, never by a thread).

Outcome of attempt n of a number: its n-th digit from the right (the last digit on the first
attempt, wrapping round): 0-5 ANSWERED (billsec 5 * (digit + 1)), 6-7 NO ANSWER, 8 BUSY, 9 FAILED.
An answered call of a campaign with an IVR action records the number's first digit as the poll answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState

ANSWERED = "ANSWERED"
OUTCOMES = {
    **dict.fromkeys("012345", ANSWERED),
    "6": "NO ANSWER",
    "7": "NO ANSWER",
    "8": "BUSY",
    "9": "FAILED",
}


def outcome(number: str, attempt: int) -> tuple[str, int]:
    """The disposition and billsec of `number`'s attempt `attempt` (1-based)."""
    digit = number[-1 - (attempt - 1) % len(number)]
    disposition = OUTCOMES[digit]
    return disposition, 5 * (int(digit) + 1) if disposition == ANSWERED else 0


class Dialer:
    """Places the calls that a tenant's running campaigns owe by `now`."""

    def __init__(self, tenant: TenantState, now: float) -> None:
        self.campaigns = tenant.collection("mor", "campaigns")
        self.numbers = tenant.collection("mor", "numbers")
        self.calls = tenant.collection("mor", "calls")
        self.now = now

    def free_numbers(self, campaign_id: str) -> list[Mapping[str, Any]]:
        """The campaign's numbers not called yet (or queued for a redial), in dialing order."""
        free = [rec for rec in self.numbers.find("campaign_id", campaign_id) if rec.get("status") == "new"]
        return sorted(free, key=lambda rec: int(rec.get("position") or 0))

    def settle(self, campaign: Mapping[str, Any]) -> Mapping[str, Any]:
        """Place every call `campaign` owes by now; returns the campaign as it then stands."""
        next_at = campaign.get("next_call_at")
        if campaign.get("status") != "enabled" or next_at is None or float(next_at) > self.now:
            return campaign
        slot = max(float(campaign.get("wait_time") or 10), 10.0)
        at = float(next_at)
        has_ivr = any(action.get("type") == "IVR" for action in campaign.get("actions") or [])
        for rec in self.free_numbers(campaign["id"]):
            if at > self.now:
                break
            attempt = int(rec.get("attempts") or 0) + 1
            disposition, billsec = outcome(rec["number"], attempt)
            self.calls.put(
                {
                    "id": f"{rec['id']}.{attempt}",
                    "campaign_id": campaign["id"],
                    "number_id": rec["id"],
                    "dst": rec["number"],
                    "calldate": at,
                    "disposition": disposition,
                    "billsec": billsec,
                    "ivr_result": rec["number"][0] if has_ivr and disposition == ANSWERED else None,
                }
            )
            self.numbers.update(rec["id"], status="called", attempts=attempt, outcome=disposition)
            at += slot
        if at == float(next_at):
            return campaign
        return self.campaigns.update(campaign["id"], next_call_at=at)

    def wake(self, campaign_id: str) -> None:
        """New free numbers in a running campaign that had run dry: dial them from now on."""
        campaign = self.campaigns.get(campaign_id)
        if campaign is None or campaign.get("status") != "enabled":
            return
        next_at = campaign.get("next_call_at")
        if next_at is None or float(next_at) < self.now:
            self.campaigns.update(campaign_id, next_call_at=self.now)

    def redial_failed(self, campaign_id: str) -> int:
        """Queue every called number whose last call was not answered for another call."""
        failed = [
            rec
            for rec in self.numbers.find("campaign_id", campaign_id)
            if rec.get("status") == "called" and rec.get("outcome") != ANSWERED
        ]
        for rec in failed:
            self.numbers.update(rec["id"], status="new")
        if failed:
            self.wake(campaign_id)
        return len(failed)
