"""What each MOR function hashes, and where its errors go: one table, read by routes and renderer.

Hashed parameters are listed in the order of the function's wiki page (MOR_API_hash_construction);
`u` is hashed only where the page (or, where the pages are silent, the public client) says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Function:
    """One MOR API function: its hashed parameters (each accepted order) and its error envelope."""

    hashed: tuple[tuple[str, ...], ...]
    status_errors: bool = False
    """Errors as `<page><status><error>` (the function's page and its clients) instead of `<page><error>`."""


USER_CALLS_HASHED = (
    "period_start",
    "period_end",
    "s_user",
    "s_call_type",
    "s_device",
    "s_provider",
    "s_hgc",
    "s_did",
    "s_destination",
    "order_by",
    "order_desc",
    "only_did",
    "s_uniqueid",
    "s_callback_uniqueid",
    "originator_codec_name",
    "terminator_codec_name",
)

FUNCTIONS: dict[str, Function] = {
    "autodialer_upload_numbers": Function((("id",),)),
    "autodialer_change_campaign_status": Function((("u", "id"),)),
    "autodialer_get_campaign_statistics": Function((("u", "id", "period_start", "period_end"),)),
    "autodialer_redial_all_failed_calls": Function((("u", "id"),)),
    "autodialer_get_campaign_ivr_poll_results": Function((("u", "id"),)),
    "user_details_get": Function((("user_id", "username"),)),
    "user_balance_get": Function((("username", "currency"),)),
    "user_simple_balance_get": Function((("id", "currency"),)),
    # The wiki hashes nothing but the key; laravel-kolmisoft hashes `u` first: both are accepted.
    "system_version_get": Function(((), ("u",)), status_errors=True),
    "user_calls_get": Function((USER_CALLS_HASHED,), status_errors=True),
    "local_calls_get": Function((("from", "till", "s_user"),), status_errors=True),
    # The 2021 revision of user_login takes no hash (earlier ones hashed u, p): it is not checked.
    "user_login": Function(()),
}


def status_errors(function: str | None) -> bool:
    """Whether `function` answers its errors inside `<status>`."""
    known = FUNCTIONS.get((function or "").rstrip("/"))
    return bool(known and known.status_errors)
