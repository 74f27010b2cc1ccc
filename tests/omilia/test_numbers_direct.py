"""POST /api/numbers/direct: adding numbers without the provider (Owner plus SUPERUSER or SUPPORT)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sandbox.omilia.world import DOC_MINIAPP
from tests.omilia.conftest import OmiliaClient

NEW = "+12015550100"


@pytest.fixture
def support(omilia: Callable[[str], OmiliaClient]) -> OmiliaClient:
    """The default world's `support` (Owner and SUPPORT; groups ocp-qa and ocp)."""
    return omilia("support")


def direct(caller: OmiliaClient, **body: Any) -> Any:
    return caller.call("POST", "/numbers/direct", {"numbers": [NEW], "group": "ocp-qa", **body})


def test_direct_adds_the_number(support: OmiliaClient) -> None:
    response = direct(support)
    assert response.status_code == 200
    assert response.json == {"success": True, "message": "1 number added to group ocp-qa"}
    item = support.numbers()[NEW]
    assert (item["groupId"], item["country"], item["miniAppId"]) == ("ocp-qa", "US", None)


def test_direct_with_every_field(support: OmiliaClient, client) -> None:
    response = direct(
        support,
        country="US",
        miniAppId=DOC_MINIAPP,
        locale="en-US",
        logAni=False,
        logDnis=True,
        note="added directly",
        applicationTag="main",
    )
    assert response.status_code == 200
    item = support.numbers()[NEW]
    assert (item["miniAppName"], item["locale"], item["note"], item["applicationTag"]) == (
        "SND_dmt_test_app_vp",
        "en-US",
        "added directly",
        "main",
    )
    record = next(r for r in client.get("/__sandbox/state").json["omilia"]["numbers"] if r["number"] == NEW)
    assert (record["logAni"], record["logDnis"]) == (False, True)


def test_country_is_read_from_the_calling_code(support: OmiliaClient) -> None:
    direct(support, numbers=["+302101234567"])
    assert support.numbers()["+302101234567"]["country"] == "GR"


def test_existing_number_is_409_and_adds_nothing(support: OmiliaClient, state: Callable[[], Any]) -> None:
    before = state()
    response = direct(support, numbers=[NEW, "+12012049893"])
    assert response.status_code == 409
    assert response.json == {"success": False, "message": "Number +12012049893 already exists"}
    assert state()["omilia"] == before["omilia"]


def test_adding_a_number_for_sale_takes_it_off_the_market(support: OmiliaClient, client) -> None:
    direct(support, numbers=["+12015551000"])
    inventory = {r["number"] for r in client.get("/__sandbox/state").json["omilia"]["inventory"]}
    assert "+12015551000" not in inventory


def test_owner_without_support_role_is_403(owner: OmiliaClient) -> None:
    response = direct(owner)
    assert response.status_code == 403
    assert response.json == {
        "success": False,
        "message": "Access denied: numbers.direct requires the role SUPERUSER or SUPPORT",
    }


def test_superuser_owner_may_add(client, omilia: Callable[[str], OmiliaClient]) -> None:
    state = client.get("/__sandbox/state").json
    for user in state["omilia"]["users"]:
        if user["username"] == "owner":
            user["roles"] = ["Owner", "SUPERUSER"]
    client.put("/__sandbox/state", json=state)
    assert direct(omilia("owner")).status_code == 200


def test_maintainer_is_403(omilia: Callable[[str], OmiliaClient]) -> None:
    response = direct(omilia("maintainer"))
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: numbers.direct requires one of the roles Owner"


def test_group_the_caller_is_not_in_is_403(support: OmiliaClient) -> None:
    response = direct(support, group="other")
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group other"


def test_unknown_miniapp_is_404(support: OmiliaClient) -> None:
    response = direct(support, miniAppId="no.such.app", locale="en-US")
    assert response.status_code == 404
    assert response.json["message"] == "MiniApp no.such.app not found"


def test_miniapp_without_locale_is_400(support: OmiliaClient) -> None:
    response = direct(support, miniAppId=DOC_MINIAPP)
    assert response.status_code == 400
    assert response.json["message"] == "Missing required parameter 'locale'"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"locale": "en"}, "Invalid locale 'en': required format is pd-XY, e.g. en-US"),
        ({"logAni": "yes"}, "Invalid parameter 'logAni': must be a boolean"),
        ({"country": "USA"}, "Invalid country code 'USA': expected ISO 3166-1 alpha-2, e.g. US"),
        (
            {"numbers": ["+1 201 555 0100"]},
            "Invalid phone number '+1 201 555 0100': expected E.164 format, e.g. +12012049893",
        ),
        ({"group": None}, "Missing required parameter 'group'"),
    ],
)
def test_bad_fields_are_400(support: OmiliaClient, body: dict[str, Any], message: str) -> None:
    response = direct(support, **body)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": message}


def test_a_number_of_a_group_the_caller_is_not_in_is_not_revealed(
    support: OmiliaClient, state: Callable[[], Any]
) -> None:
    before = state()
    response = direct(support, numbers=[NEW, "+35722000001"])
    assert response.status_code == 403
    assert response.json == {
        "success": False,
        "message": "Access denied: no permission on number +35722000001",
    }
    assert "other" not in response.json["message"]
    assert state()["omilia"] == before["omilia"]
