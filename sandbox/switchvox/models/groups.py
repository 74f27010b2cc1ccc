"""Extension groups: switchvox.extensionGroups.getList and switchvox.extensionGroups.getInfo.

Records `switchvox.extension_groups` (key `id`): `name`, `date_created`, `vm_quota`, `editable`,
`user_viewable`, `members` (in order; `{"account_id": ...}` for an extension, `{"group_id": ...}` for
a group inside the group) and `dependents` (`{"type", "display_name"}`). A member whose extension no
longer exists is left out. The default world has groups 1 Sales (100, 101) and 2 Support (101).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import coded
from sandbox.switchvox.models.extensions import display
from sandbox.switchvox.params import digits, required, sorting

SORT_FIELDS = ("name", "date_created")
GROUP_FIELDS = ("id", "name", "date_created", "vm_quota", "editable", "user_viewable")


def overview(group: Mapping[str, Any]) -> dict[str, str]:
    """A group's own fields, as `<extension_group>` carries them."""
    return {name: str(group.get(name) or "") for name in GROUP_FIELDS}


def get_list(tenant: TenantState, params: Mapping[str, Any]) -> list[dict[str, str]]:
    """switchvox.extensionGroups.getList: every group, sorted by `sort_field` (name|date_created)."""
    field, descending = sorting(params, SORT_FIELDS, "name")
    groups = [overview(g) for g in tenant.collection("switchvox", "extension_groups")]
    groups.sort(key=lambda g: (g[field].lower(), g["id"]), reverse=descending)
    return groups


def _member(tenant: TenantState, member: Any, position: int) -> dict[str, str] | None:
    if not isinstance(member, Mapping):
        return None
    if member.get("group_id") is not None:
        group = tenant.collection("switchvox", "extension_groups").get(str(member["group_id"]))
        if group is None:
            return None
        fields = overview(group)
        return {
            "position": str(position),
            "id": fields["id"],
            "name": fields["name"],
            "description": str(group.get("description") or ""),
            "date_created": fields["date_created"],
            "vm_quota": fields["vm_quota"],
        }
    record = tenant.collection("switchvox", "extensions").get(str(member.get("account_id")))
    if record is None:
        return None
    return {
        "account_id": str(record["account_id"]),
        "extension": str(record.get("number") or ""),
        "first_name": str(record.get("first_name") or ""),
        "last_name": str(record.get("last_name") or ""),
        "display_name": display(record),
        "position": str(position),
    }


def get_info(tenant: TenantState, params: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.extensionGroups.getInfo: one group with its members and dependents (10011, 10017)."""
    group_id = required(params, "extension_group_id")
    group = tenant.collection("switchvox", "extension_groups").get(group_id) if digits(group_id) else None
    if group is None:
        raise coded(10017, group_id)
    members = []
    for member in group.get("members") or []:
        found = _member(tenant, member, len(members) + 1)
        if found is not None:
            members.append(found)
    dependents = [
        {"type": str(d.get("type") or ""), "display_name": str(d.get("display_name") or "")}
        for d in group.get("dependents") or []
        if isinstance(d, Mapping)
    ]
    return {**overview(group), "members": members, "dependents": dependents}
