"""Omilia's role matrix (learn.ocp.ai/guides/integrations-role-mapping) and group checks.

Integrations role mapping, as read from learn.ocp.ai "integrations-role-mapping":
- every role reads: numbers, sets, the numbers of a set, the miniApps of its groups, routers;
- Developer and up may tag a number (applicationTag);
- Maintainer and up change numbers and sets (attach, detach, delete, group, export CSV, sets) and
  routers (the mapping does not say who writes routers: they change where a number's traffic goes,
  as attach does);
- Owner only: numbers for sale and buying them, notes, CSV import, deleting a set;
- `numbers/direct` needs Owner and also SUPERUSER or SUPPORT.
"""

from __future__ import annotations

from collections.abc import Iterable

from sandbox.omilia.exceptions import Forbidden
from sandbox.omilia.models.identity import Caller

VIEWER_UP = ("Viewer", "Developer", "Maintainer", "Owner")
DEVELOPER_UP = ("Developer", "Maintainer", "Owner")
MAINTAINER_UP = ("Maintainer", "Owner")
OWNER = ("Owner",)
DIRECT_EXTRA = ("SUPERUSER", "SUPPORT")

ACTIONS: dict[str, tuple[str, ...]] = {
    "numbers.read": VIEWER_UP,
    "numbers.tag": DEVELOPER_UP,
    "numbers.attach": MAINTAINER_UP,
    "numbers.detach": MAINTAINER_UP,
    "numbers.delete": MAINTAINER_UP,
    "numbers.group": MAINTAINER_UP,
    "numbers.export": MAINTAINER_UP,
    "numbers.available": OWNER,
    "numbers.buy": OWNER,
    "numbers.note": OWNER,
    "numbers.import": OWNER,
    "numbers.direct": OWNER,
    "sets.read": VIEWER_UP,
    "sets.write": MAINTAINER_UP,
    "sets.delete": OWNER,
    "miniapps.read": VIEWER_UP,
    "routers.read": VIEWER_UP,
    "routers.write": MAINTAINER_UP,
}


def require(caller: Caller, action: str) -> None:
    """Raise Forbidden unless the caller's roles allow `action`."""
    roles = ACTIONS[action]
    if not caller.has_role(*roles):
        raise Forbidden(f"Access denied: {action} requires one of the roles {', '.join(roles)}")
    if action == "numbers.direct" and not caller.has_role(*DIRECT_EXTRA):
        raise Forbidden("Access denied: numbers.direct requires the role SUPERUSER or SUPPORT")


def require_groups(caller: Caller, groups: Iterable[str | None]) -> None:
    """Raise Forbidden unless the caller is in every one of `groups`."""
    for group in groups:
        if group is not None and group not in caller.groups:
            raise Forbidden(f"Access denied: no permission on group {group}")
