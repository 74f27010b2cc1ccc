"""README "MOR: the hash recipe and the account functions", run as written."""

from __future__ import annotations

import hashlib

import requests

from sandbox.handle import SandboxHandle

SECRET = "secret"  # the system's API Secret Key in the default world


def mor_hash(*values: str) -> str:
    """sha1 of the hashed parameters' values, in the function's order, then the secret key."""
    return hashlib.sha1(("".join(values) + SECRET).encode()).hexdigest()


def test_the_doc_hash(sandbox: SandboxHandle) -> None:
    assert mor_hash("1") == "bc2f114099d16656d37e45fd9e8744cb9386d462"


def test_who_am_i_and_what_do_i_have(sandbox: SandboxHandle) -> None:
    api = f"{sandbox.url('mor')}/billing/api"
    details = requests.post(
        f"{api}/user_details_get",
        data={"u": "campgain_user", "user_id": "2", "hash": mor_hash("2")},
        timeout=10,
    )
    assert "<balance>25.5000 USD</balance>" in details.text
    balance = requests.post(
        f"{api}/user_balance_get",
        data={"u": "campgain_user", "username": "campgain_user", "hash": mor_hash("campgain_user")},
        timeout=10,
    )
    assert "<balance>25.5000</balance>" in balance.text


def test_one_key_signs_for_every_user(sandbox: SandboxHandle) -> None:
    api = f"{sandbox.url('mor')}/billing/api"
    for user, user_id in (("campgain_user", "2"), ("another_user", "3")):
        response = requests.post(
            f"{api}/user_details_get",
            data={"u": user, "user_id": user_id, "hash": mor_hash(user_id)},
            timeout=10,
        )
        assert f"<userid>{user_id}</userid>" in response.text


def test_a_fault_and_the_journal(sandbox: SandboxHandle) -> None:
    api = f"{sandbox.url('mor')}/billing/api"
    sandbox.add_fault(
        {
            "match": {"vendor": "mor", "operation": "user_balance_get"},
            "action": {"type": "vendor_error", "code": "Feature disabled"},
        }
    )
    response = requests.post(
        f"{api}/user_balance_get",
        data={"u": "campgain_user", "username": "campgain_user", "hash": mor_hash("campgain_user")},
        timeout=10,
    )
    assert "<error>Feature disabled</error>" in response.text
    (entry,) = sandbox.requests(vendor="mor")
    assert entry["operation"] == "user_balance_get"
