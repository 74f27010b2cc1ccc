"""user_details_get: who a user is and what the account holds; the admin reads anyone, a user himself."""

from __future__ import annotations

from tests.mor.conftest import API, Mor, page, sign


def details(mor: Mor, **params: str) -> dict:
    return page(mor.call("user_details_get", {"u": "campgain_user", **params}))


def test_a_user_reads_his_own_details(mor: Mor) -> None:
    body = details(mor, user_id="2")
    assert (body["pagename"], body["language"], body["userid"]) == ("Personal_details", "en", "2")
    assert body["details"]["main_detail"] == {
        "account": "Prepaid",
        "balance": "25.5000 USD",
        "balance_number": "25.5000",
        "balance_currency": "USD",
        "credit": "0.0000",
    }
    other = body["details"]["other_details"]
    assert (other["username"], other["first_name"], other["surname"]) == ("campgain_user", "Campaign", "User")
    assert body["details"]["registration"]["reg_email"] == "campgain_user@example.com"


def test_by_username_or_both(mor: Mor) -> None:
    assert details(mor, username="campgain_user")["userid"] == "2"
    assert details(mor, user_id="2", username="campgain_user")["userid"] == "2"


def test_hash_is_user_id_then_username(mor: Mor) -> None:
    swapped = sign("user_details_get", {"user_id": "campgain_user", "username": "2"})
    assert details(mor, user_id="2", username="campgain_user", hash=swapped) == {"error": "Incorrect hash"}


def test_admin_reads_another_user_in_his_currency(mor: Mor) -> None:
    body = details(mor, u="admin", user_id="3")
    assert body["details"]["main_detail"] == {
        "account": "Postpaid",
        "balance": "-11.2700 EUR",
        "balance_number": "-11.2700",
        "balance_currency": "EUR",
        "credit": "100.0000",
    }


def test_admin_credit_unlimited(mor: Mor) -> None:
    assert details(mor, u="admin", username="admin")["details"]["main_detail"]["credit"] == "Unlimited"


def test_a_user_cannot_read_another_user(mor: Mor) -> None:
    assert details(mor, user_id="3") == {"error": "User was not found"}
    assert details(mor, username="admin") == {"error": "User was not found"}


def test_unknown_user_and_mismatched_pair_are_not_found(mor: Mor) -> None:
    assert details(mor, u="admin", user_id="99") == {"error": "User was not found"}
    assert details(mor, u="admin", user_id="3", username="campgain_user") == {"error": "User was not found"}
    assert details(mor) == {"error": "User was not found"}


def test_wrong_hash_and_no_user(mor: Mor) -> None:
    assert details(mor, user_id="2", hash="0" * 40) == {"error": "Incorrect hash"}
    assert page(mor.call("user_details_get", {"user_id": "2"})) == {"error": "Access Denied"}


def test_get_is_refused_unless_allowed(mor: Mor) -> None:
    params = {"u": "campgain_user", "user_id": "2"}
    assert page(mor.call("user_details_get", params, method="GET")) == {"error": "GET Requests are disabled"}
    mor.settings(allow_get_api=True)
    assert page(mor.call("user_details_get", params, method="GET"))["userid"] == "2"


def test_laravel_kolmisoft_json_body_with_p(mor: Mor, client) -> None:
    body = {"user_id": "2", "u": "campgain_user", "p": "sandbox"}
    body["hash"] = sign("user_details_get", body)
    response = client.post(f"{API}/user_details_get", json=body)
    assert page(response)["details"]["other_details"]["username"] == "campgain_user"
