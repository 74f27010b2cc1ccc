"""The Live Platform's integer ids (numbers, upload entries, upload jobs, SBC tasks), one counter each.

The counters live in the settings record `sequences`, so a snapshot or a reset carries them.
"""

from __future__ import annotations

from sandbox.core.store import TenantState
from sandbox.operator_connect.world import SEQUENCES


def next_id(tenant: TenantState, name: str) -> int:
    """The next integer of counter `name` (`number`, `entry`, `job`, `task`), counted up."""
    settings = tenant.collection("operator-connect", "settings")
    record = settings.get("sequences") or {**SEQUENCES}
    value = record.get(name, SEQUENCES.get(name, 1))
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        value = SEQUENCES.get(name, 1)
    settings.put({**record, "id": "sequences", name: value + 1})
    return value
