"""system_version_get and user_login."""

from __future__ import annotations

import hashlib

from tests.mor.conftest import API, Mor, page


def test_version_signed_as_laravel_kolmisoft_signs_it(mor: Mor) -> None:
    assert page(mor.call("system_version_get", {"u": "admin"})) == {"version": "MOR X16"}


def test_version_signed_with_the_key_alone_as_the_wiki_lists_it(mor: Mor) -> None:
    key_only = hashlib.sha1(b"secret").hexdigest()
    assert page(mor.call("system_version_get", {"u": "admin", "hash": key_only})) == {"version": "MOR X16"}


def test_every_refusal_is_access_denied_inside_status(mor: Mor) -> None:
    denied = {"status": {"error": "Access Denied"}}
    assert page(mor.call("system_version_get", {"u": "admin", "hash": "0" * 40})) == denied
    assert page(mor.call("system_version_get", {"u": "campgain_user"})) == denied
    assert page(mor.call("system_version_get", {"u": "nobody", "hash": "0" * 40})) == denied
    mor.settings(allow_api=False)
    assert page(mor.call("system_version_get", {"u": "admin"})) == denied


def login(mor: Mor, u: str, p: str) -> dict:
    return page(mor.client.post(f"{API}/user_login", data={"u": u, "p": p}))


def test_login_succeeds_with_the_password(mor: Mor) -> None:
    assert login(mor, "campgain_user", "sandbox") == {
        "action": {
            "name": "login",
            "status": "ok",
            "user_id": "2",
            "status_message": "Successfully logged in",
        }
    }


def test_login_by_email(mor: Mor) -> None:
    assert login(mor, "another_user@example.com", "sandbox")["action"]["user_id"] == "3"


def test_login_fails_with_a_wrong_password_or_user(mor: Mor) -> None:
    failed = {"action": {"name": "login", "status": "failed", "status_message": "Login failed"}}
    assert login(mor, "campgain_user", "nope") == failed
    assert login(mor, "nobody", "sandbox") == failed
    assert login(mor, "", "") == failed


def test_login_ignores_a_hash_and_checks_the_api_switches(mor: Mor) -> None:
    response = mor.client.post(f"{API}/user_login", data={"u": "admin", "p": "sandbox", "hash": "x"})
    assert page(response)["action"]["status"] == "ok"
    assert page(mor.client.get(f"{API}/user_login", query_string={"u": "admin", "p": "sandbox"})) == {
        "error": "GET Requests are disabled"
    }
    mor.settings(allow_api=False)
    assert login(mor, "admin", "sandbox") == {"error": "API Requests are disabled"}
