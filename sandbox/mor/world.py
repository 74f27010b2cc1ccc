"""MOR's default world: API settings, users, and their autodialer campaigns.

wiki.kolmisoft.com/index.php/MOR_API_autodialer_upload_numbers works as written against it: user
`campgain_user` (sic) owns campaign 1, which starts empty; the system's one API secret key is `secret`.
Passwords are `sandbox`.
"""

from __future__ import annotations

from typing import Any

SETTINGS_ID = "api"
DEFAULT_WAIT_TIME_S = 10  # the Auto-Dialer's Wait Time: 10 s by default, and never less
API_SECRET_KEY = "secret"
PASSWORD = "sandbox"
MOR_VERSION = "MOR X16"
DEFAULT_CURRENCY = "USD"


def settings() -> dict[str, Any]:
    """The admin's API settings (SETTINGS -> Setup -> Settings -> API)."""
    return {
        "id": SETTINGS_ID,
        "allow_api": True,
        "allow_get_api": False,
        "disable_hash_checking": False,
        # One API Secret Key for the whole system (API_Configuration); the upload doc's key.
        "api_secret_key": API_SECRET_KEY,
        # "Allow devices to check balance over HTTP" (user_balance_get answers Feature disabled without it).
        "allow_balance_check": True,
        "version": MOR_VERSION,
        "currency": DEFAULT_CURRENCY,
        # Units of each currency per unit of the default currency (the sandbox's exchange rates).
        "exchange_rates": {"USD": 1.0, "EUR": 0.92, "GBP": 0.79},
    }


def _user(username: str, user_id: str, usertype: str, **details: Any) -> dict[str, Any]:
    """A MOR user: login, type, account and the personal details user_details_get prints."""
    return {
        "username": username,
        "id": user_id,
        "usertype": usertype,
        "password": PASSWORD,
        "uniquehash": details.pop("uniquehash"),
        "first_name": details.pop("first_name"),
        "last_name": details.pop("last_name"),
        "postpaid": details.pop("postpaid", False),
        "balance": details.pop("balance", 0.0),
        "credit": details.pop("credit", 0.0),
        "currency": details.pop("currency", DEFAULT_CURRENCY),
        "email": details.pop("email", f"{username}@example.com"),
        "language": "en",
        **details,
    }


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
            _user(
                "admin",
                "0",
                "admin",
                uniquehash="a0dm1n0000",
                first_name="System",
                last_name="Admin",
                postpaid=True,
                credit=-1.0,
            ),
            _user(
                "campgain_user",
                "2",
                "user",
                uniquehash="c4mpg41n02",
                first_name="Campaign",
                last_name="User",
                balance=25.5,
            ),
            _user(
                "another_user",
                "3",
                "user",
                uniquehash="4n0th3r003",
                first_name="Another",
                last_name="User",
                postpaid=True,
                credit=100.0,
                currency="EUR",
                balance=-12.25,
            ),
        ],
        "campaigns": [
            campaign("1", "campgain_user", PLAY_AND_POLL),
            campaign("2", "another_user", [{"type": "PLAY", "data": "welcome.wav"}]),
            campaign("3", "campgain_user", []),
        ],
        "numbers": [],
        "calls": [],
        "local_calls": [],
    }
