"""The stored shape of an Omilia number record (shared by the models and the default world)."""

from __future__ import annotations

from typing import Any


def new_number(
    number: str,
    country: str | None,
    group: str,
    provider: str | None,
    note: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A fresh number record in `group`, attached to nothing unless `fields` say otherwise."""
    return {
        "number": number,
        "id": f"num-{number.lstrip('+')}",
        "country": country,
        "groupId": group,
        "miniAppId": None,
        "locale": None,
        "note": note,
        "applicationTag": None,
        "phoneNumberSetId": None,
        "provider": provider,
        "logAni": True,
        "logDnis": True,
        **fields,
    }
