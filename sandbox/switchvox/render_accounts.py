"""`<result>` trees of the account methods: extension settings, extension groups, users' phones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sandbox.switchvox.render_calls import attrs

SETTINGS_FLAGS = (
    "beep_after_assisted_transfer",
    "require_strong_user_password",
    "require_strong_phone_password",
    "force_weak_user_password_change",
)


def extensions_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.extensions.settings.getInfo: `<extensions_settings .../>` (flags as 1/0)."""
    fields: dict[str, Any] = {"extension_length_constraint": settings.get("extension_length_constraint", 3)}
    fields.update({flag: "1" if settings.get(flag) else "0" for flag in SETTINGS_FLAGS})
    return {"extensions_settings": attrs(fields)}


def extension_groups(groups: list[dict[str, str]]) -> dict[str, Any]:
    """switchvox.extensionGroups.getList: `<extension_groups>` of `<extension_group .../>`."""
    return {"extension_groups": {"extension_group": [attrs(g) for g in groups]}}


def extension_group(group: Mapping[str, Any]) -> dict[str, Any]:
    """switchvox.extensionGroups.getInfo: `<extension_group>` with `<members>` and `<dependents>`."""
    fields = {k: v for k, v in group.items() if k not in ("members", "dependents")}
    return {
        "extension_group": {
            **attrs(fields),
            "members": {"member": [attrs(m) for m in group["members"]]},
            "dependents": {"dependent": [attrs(d) for d in group["dependents"]]},
        }
    }


def phones(config_ids: list[str]) -> dict[str, Any]:
    """switchvox.users.phones.getList: `<phones>` of `<phone phone_config_id/>`."""
    return {"phones": {"phone": [{"@phone_config_id": i} for i in config_ids]}}
