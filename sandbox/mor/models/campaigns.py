"""Autodialer campaigns: finding the caller's campaign, importing numbers, starting and stopping."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.core.store import TenantState
from sandbox.mor.exceptions import CampaignNotFound, FileEmpty, FileMissing, MorError, NotCsv
from sandbox.mor.models.access import Caller
from sandbox.mor.models.dialer import Dialer

DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Upload:
    """The `file` part of a request: its file name and bytes."""

    filename: str
    content: bytes


@dataclass(frozen=True)
class StatusChange:
    """What autodialer_change_campaign_status did: `success` text, or a `message` when it could not start."""

    success: str | None = None
    message: str | None = None


class Campaigns:
    """A tenant's autodialer campaigns and their numbers."""

    def __init__(self, tenant: TenantState, now: float) -> None:
        self.campaigns = tenant.collection("mor", "campaigns")
        self.numbers = tenant.collection("mor", "numbers")
        self.dialer = Dialer(tenant, now)

    def find(self, caller: Caller, campaign_id: str, *, any_owner: bool = False) -> Mapping[str, Any]:
        """The campaign `campaign_id` if the caller owns it (or may read any); dialing brought up to date."""
        campaign = self.campaigns.get(campaign_id) if DIGITS.fullmatch(campaign_id or "") else None
        if campaign is None or not (any_owner or campaign.get("user") == caller.username):
            # Another user's campaign reads as missing: MOR looks campaigns up among the caller's own.
            raise CampaignNotFound()
        return self.dialer.settle(campaign)

    def upload_numbers(
        self, caller: Caller, campaign_id: str, upload: Upload | None, max_rows: int | None = None
    ) -> tuple[int, int]:
        """autodialer_upload_numbers: (imported, rows in the file); a file over `max_rows` rows is refused."""
        campaign = self.find(caller, campaign_id)
        if upload is None:
            raise FileMissing()
        if not upload.filename.lower().endswith(".csv"):
            raise NotCsv()
        if not upload.content:
            raise FileEmpty()
        lines = upload.content.count(b"\n") + (0 if upload.content.endswith(b"\n") else 1)
        if max_rows is not None and lines > max_rows:
            # Counted before the file is split, so a huge file costs no memory (the message is the sandbox's).
            raise MorError(f"File has too many rows: at most {max_rows} numbers per upload")
        rows = upload.content.decode("utf-8", errors="replace").split("\n")
        if rows and rows[-1] == "":
            rows.pop()  # the newline that ends the last row does not start another
        allow_duplicates = bool(campaign.get("allow_duplicates"))
        present = {rec["number"] for rec in self.numbers.find("campaign_id", campaign["id"])}
        seq = int(campaign.get("seq") or 0)
        imported = 0
        for row in rows:
            number = row.replace("\r", "")
            # MOR's import: digits only; the first occurrence wins; numbers already there are skipped.
            if not DIGITS.fullmatch(number) or (number in present and not allow_duplicates):
                continue
            present.add(number)
            seq += 1
            self.numbers.put(
                {
                    "id": f"{campaign['id']}.{seq}",
                    "campaign_id": campaign["id"],
                    "number": number,
                    "position": seq,
                    "status": "new",
                    "attempts": 0,
                    "outcome": None,
                    "imported_at": self.dialer.now,
                }
            )
            imported += 1
        self.campaigns.update(campaign["id"], seq=seq)
        if imported:
            self.dialer.wake(campaign["id"])
        return imported, len(rows)

    def change_status(self, caller: Caller, campaign_id: str) -> StatusChange:
        """autodialer_change_campaign_status: stop a running campaign, or start one that can run."""
        campaign = self.find(caller, campaign_id)
        if campaign.get("status") == "enabled":
            self.campaigns.update(campaign["id"], status="disabled", next_call_at=None)
            return StatusChange(success="Campaign stopped")
        # Auto-Dialer_Addon: a campaign runs only with free (not yet called) numbers AND actions.
        if not self.dialer.free_numbers(campaign["id"]):
            return StatusChange(message=f"No free numbers for Campaign: {campaign['name']}")
        if not campaign.get("actions"):
            return StatusChange(message=f"No actions for Campaign: {campaign['name']}")
        self.campaigns.update(campaign["id"], status="enabled", next_call_at=self.dialer.now)
        return StatusChange(success="Campaign started")
