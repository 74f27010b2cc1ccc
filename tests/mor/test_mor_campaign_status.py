"""autodialer_change_campaign_status: a campaign runs only with free numbers and actions."""

from __future__ import annotations

from tests.mor.conftest import Mor, page, sign


def test_campaign_without_numbers_does_not_start(mor: Mor) -> None:
    assert page(mor.status()) == {"status": {"message": "No free numbers for Campaign: Campaign Nr 1"}}
    state = mor.client.get("/__sandbox/state").get_json()
    assert next(c for c in state["mor"]["campaigns"] if c["id"] == "1")["status"] == "disabled"


def test_campaign_without_actions_does_not_start(mor: Mor) -> None:
    mor.upload(id="3")
    assert page(mor.status("3")) == {"status": {"message": "No actions for Campaign: Campaign Nr 3"}}


def test_campaign_with_numbers_and_actions_starts_then_stops(mor: Mor) -> None:
    mor.upload()
    assert page(mor.status()) == {"status": {"success": "Campaign started"}}
    assert page(mor.status()) == {"status": {"success": "Campaign stopped"}}
    assert page(mor.status()) == {"status": {"success": "Campaign started"}}


def test_another_users_campaign_is_not_found(mor: Mor) -> None:
    assert page(mor.status("2")) == {"error": "Campaign was not found"}


def test_unknown_campaign_is_not_found(mor: Mor) -> None:
    assert page(mor.status("42")) == {"error": "Campaign was not found"}


def test_admin_is_not_authorized(mor: Mor) -> None:
    params = {"u": "admin", "id": "1"}
    response = mor.call(
        "autodialer_change_campaign_status",
        {**params, "hash": sign("autodialer_change_campaign_status", params)},
    )
    assert page(response) == {"error": "You are not authorized to use this functionality"}


def test_wrong_hash(mor: Mor) -> None:
    response = mor.call(
        "autodialer_change_campaign_status", {"u": "campgain_user", "id": "1", "hash": "a" * 40}
    )
    assert page(response) == {"error": "Incorrect hash"}
