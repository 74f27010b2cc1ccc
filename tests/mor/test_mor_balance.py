"""user_balance_get and user_simple_balance_get: amounts, currencies, the feature switch."""

from __future__ import annotations

from tests.mor.conftest import Mor, page, sign


def balance(mor: Mor, **params: str) -> dict:
    return page(mor.call("user_balance_get", {"u": "campgain_user", "username": "campgain_user", **params}))


def test_balance_in_the_default_currency(mor: Mor) -> None:
    assert balance(mor) == {"balance": "25.5000"}


def test_balance_in_a_currency(mor: Mor) -> None:
    assert balance(mor, currency="EUR") == {"balance": "23.4600"}


def test_user_currency_names_it(mor: Mor) -> None:
    assert page(
        mor.call("user_balance_get", {"u": "admin", "username": "another_user", "user_currency": "1"})
    ) == {
        "balance": "-11.2700",
        "currency": "EUR",
    }
    assert page(
        mor.call("user_balance_get", {"u": "admin", "username": "another_user", "currency": "USER"})
    ) == {"balance": "-11.2700"}


def test_unknown_currency_is_the_default_one(mor: Mor) -> None:
    assert balance(mor, currency="XYZ") == {"balance": "25.5000"}


def test_another_or_unknown_user_is_not_found(mor: Mor) -> None:
    assert balance(mor, username="another_user") == {"error": "User was not found"}
    assert page(mor.call("user_balance_get", {"u": "admin", "username": "nobody"})) == {
        "error": "User was not found"
    }


def test_feature_disabled(mor: Mor) -> None:
    mor.settings(allow_balance_check=False)
    assert balance(mor) == {"error": "Feature disabled"}


def test_hash_covers_currency(mor: Mor) -> None:
    unsigned_currency = sign("user_balance_get", {"username": "campgain_user"})
    assert balance(mor, currency="EUR", hash=unsigned_currency) == {"error": "Incorrect hash"}


def simple(mor: Mor, **params: str) -> dict:
    return page(mor.call("user_simple_balance_get", {"u": "campgain_user", "id": "c4mpg41n02", **params}))


def test_simple_balance_is_the_roots_text(mor: Mor) -> None:
    response = mor.call("user_simple_balance_get", {"u": "campgain_user", "id": "c4mpg41n02"})
    assert b"<page>25.5000</page>" in response.data
    assert simple(mor, currency="GBP") == "20.1450"


def test_simple_balance_of_another_or_unknown_hash(mor: Mor) -> None:
    assert simple(mor, id="4n0th3r003") == {"error": "User was not found"}
    assert simple(mor, id="nope") == {"error": "User was not found"}
    assert page(mor.call("user_simple_balance_get", {"u": "admin", "id": "4n0th3r003"})) == "-12.2500"
