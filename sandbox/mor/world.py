"""MOR's default world: API settings, users, and their autodialer campaigns.

vendor-docs/mor-autodialer-upload-numbers.txt works as written against it: user `campgain_user`
(sic) with API secret key `secret` owns campaign 1, which starts empty.
"""

from __future__ import annotations

from typing import Any

SETTINGS_ID = "api"
DEFAULT_WAIT_TIME_S = 10  # the Auto-Dialer's Wait Time: 10 s by default, and never less


def settings() -> dict[str, Any]:
    """The admin's API settings (SETTINGS -> Setup -> Settings -> API)."""
    return {
        "id": SETTINGS_ID,
        "allow_api": True,
        "allow_get_api": False,
        "disable_hash_checking": False,
    }


def _user(username: str, user_id: str, usertype: str, secret: str) -> dict[str, Any]:
    return {"username": username, "id": user_id, "usertype": usertype, "api_secret_key": secret}


def campaign(campaign_id: str, owner: str, actions: list[dict[str, str]], **fields: Any) -> dict[str, Any]:
    """A stopped autodialer campaign without numbers."""
    return {
        "id": campaign_id,
        "name": f"Campaign Nr {campaign_id}",
        "user": owner,
        "status": "disabled",
        "actions": actions,
        "wait_time": DEFAULT_WAIT_TIME_S,
        "allow_duplicates": False,
        "next_call_at": None,
        "seq": 0,
        **fields,
    }


PLAY_AND_POLL = [{"type": "PLAY", "data": "welcome.wav"}, {"type": "IVR", "data": "poll"}]


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    return {
        "settings": [settings()],
        "users": [
            _user("admin", "0", "admin", "admin_secret"),
            _user("campgain_user", "2", "user", "secret"),
            _user("another_user", "3", "user", "another_secret"),
        ],
        "campaigns": [
            campaign("1", "campgain_user", PLAY_AND_POLL),
            campaign("2", "another_user", [{"type": "PLAY", "data": "welcome.wav"}]),
            campaign("3", "campgain_user", []),
        ],
        "numbers": [],
        "calls": [],
    }
