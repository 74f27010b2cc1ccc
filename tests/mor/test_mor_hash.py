"""The request hash, the user named by `u`, and the "Disable hash checking" setting."""

from __future__ import annotations

from tests.mor.conftest import DOC_HASH, Mor, page, sign


def test_doc_hash_is_sha1_of_id_and_secret() -> None:
    assert sign("autodialer_upload_numbers", {"u": "campgain_user", "id": "1"}) == DOC_HASH


def test_wrong_hash_is_refused_and_changes_nothing(mor: Mor) -> None:
    assert page(mor.upload(hash="1" * 40)) == {"error": "Incorrect hash"}
    assert mor.numbers() == []


def test_missing_hash_is_incorrect(mor: Mor) -> None:
    response = mor.call(
        "autodialer_upload_numbers", {"u": "campgain_user", "id": "1"}, signed=False, file=(b"1\n", "a.csv")
    )
    assert page(response) == {"error": "Incorrect hash"}


def test_a_hash_not_40_characters_long_counts_as_missing(mor: Mor) -> None:
    assert page(mor.upload(hash=DOC_HASH[:39])) == {"error": "Incorrect hash"}
    assert page(mor.upload(hash=DOC_HASH + "0")) == {"error": "Incorrect hash"}


def test_hash_is_case_sensitive_hex(mor: Mor) -> None:
    assert page(mor.upload(hash=DOC_HASH.upper())) == {"error": "Incorrect hash"}


def test_one_system_key_signs_for_every_user(mor: Mor) -> None:
    hashed = sign("autodialer_upload_numbers", {"id": "2"})
    assert page(mor.upload(u="another_user", id="2", hash=hashed))["status"]["success"].endswith("imported")
    assert page(mor.upload(u="campgain_user", id="1", hash=DOC_HASH))["status"]["success"].endswith(
        "imported"
    )


def test_a_hash_made_with_another_key_is_incorrect(mor: Mor) -> None:
    wrong = sign("autodialer_upload_numbers", {"id": "2"}, secret="another_secret")
    assert page(mor.upload(u="another_user", id="2", hash=wrong)) == {"error": "Incorrect hash"}
    assert mor.numbers("2") == []


def test_the_key_is_the_settings_api_secret_key(mor: Mor) -> None:
    mor.settings(api_secret_key="rotated")
    assert page(mor.upload(hash=DOC_HASH)) == {"error": "Incorrect hash"}
    rotated = sign("autodialer_upload_numbers", {"id": "1"}, secret="rotated")
    assert page(mor.upload(hash=rotated))["status"]["success"] == "7 out of 7 numbers were imported"


def test_a_reseller_signs_with_his_own_key(mor: Mor, client) -> None:
    state = client.get("/__sandbox/state").get_json()
    state["mor"]["users"].append(
        {"username": "reseller", "id": "9", "usertype": "reseller", "api_secret_key": "r"}
    )
    assert client.put("/__sandbox/state", json=state).status_code == 200
    params = {"u": "reseller", "id": "1"}
    assert page(mor.call("autodialer_get_campaign_statistics", params)) == {"error": "Incorrect hash"}
    own = sign("autodialer_get_campaign_statistics", params, secret="r")
    assert page(mor.call("autodialer_get_campaign_statistics", {**params, "hash": own})) == {
        "error": "Campaign was not found"
    }


def test_hash_order_of_other_functions_is_u_then_id(mor: Mor) -> None:
    swapped = sign(
        "autodialer_change_campaign_status",
        {"u": "1", "id": "campgain_user"},
    )
    response = mor.call(
        "autodialer_change_campaign_status", {"u": "campgain_user", "id": "1", "hash": swapped}
    )
    assert page(response) == {"error": "Incorrect hash"}


def test_disable_hash_checking_accepts_no_hash(mor: Mor) -> None:
    mor.settings(disable_hash_checking=True)
    response = mor.call(
        "autodialer_upload_numbers", {"u": "campgain_user", "id": "1"}, signed=False, file=(b"5\n", "a.csv")
    )
    assert page(response) == {"status": {"success": "1 out of 1 numbers were imported"}}


def test_no_u_is_access_denied(mor: Mor) -> None:
    response = mor.call("autodialer_upload_numbers", {"id": "1", "hash": DOC_HASH}, file=(b"1\n", "a.csv"))
    assert page(response) == {"error": "Access Denied"}


def test_unknown_user_is_access_denied(mor: Mor) -> None:
    assert page(mor.upload(u="nobody", hash=DOC_HASH)) == {"error": "Access Denied"}


def test_user_may_be_named_by_id(mor: Mor) -> None:
    assert page(mor.upload(u="2", hash=DOC_HASH)) == {
        "status": {"success": "7 out of 7 numbers were imported"}
    }
