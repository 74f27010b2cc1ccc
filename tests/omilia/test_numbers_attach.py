"""PUT /api/numbers/attach and PUT /api/numbers/detach: routing numbers to miniApps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sandbox.omilia.world import DOC_MINIAPP, NUMERIC_MINIAPP
from tests.omilia.conftest import OmiliaClient

SPARE = "+12012049894"


def attach(caller: OmiliaClient, **body: Any) -> Any:
    return caller.call(
        "PUT", "/numbers/attach", {"numbers": [SPARE], "miniAppId": DOC_MINIAPP, "locale": "ee-DO", **body}
    )


def detach(caller: OmiliaClient, numbers: list[str]) -> Any:
    return caller.call("PUT", "/numbers/detach", {"numbers": numbers})


def test_attach_doc_example_locale_ee_do(owner: OmiliaClient) -> None:
    response = attach(owner, applicationTag="main")
    assert response.status_code == 200
    assert response.json == {"success": True, "message": f"1 number attached to miniApp {DOC_MINIAPP}"}


def test_attached_number_shows_the_miniapp_locale_and_tag(owner: OmiliaClient) -> None:
    attach(owner, applicationTag="main")
    item = owner.numbers()[SPARE]
    assert (item["miniAppId"], item["miniAppName"], item["miniAppType"]) == (
        DOC_MINIAPP,
        "SND_dmt_test_app_vp",
        "Flow",
    )
    assert (item["locale"], item["applicationTag"]) == ("ee-DO", "main")


def test_attach_to_a_miniapp_of_another_of_the_callers_groups(owner: OmiliaClient) -> None:
    assert attach(owner, miniAppId=NUMERIC_MINIAPP).status_code == 200
    assert owner.numbers()[SPARE]["miniAppGroup"] == "ocp"


def test_attach_without_numbers_attaches_nothing(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers/attach", {"miniAppId": DOC_MINIAPP, "locale": "en-US"})
    assert response.status_code == 200
    assert response.json["message"] == f"0 numbers attached to miniApp {DOC_MINIAPP}"


def test_unknown_miniapp_is_404_and_changes_nothing(owner: OmiliaClient, state) -> None:
    before = state()
    response = attach(owner, miniAppId="no.such.app")
    assert response.status_code == 404
    assert response.json == {"success": False, "message": "MiniApp no.such.app not found"}
    assert state()["omilia"] == before["omilia"]


@pytest.mark.parametrize("locale", ["en_US", "en-us", "EN-US", "english", "e-US", "en-USA"])
def test_locale_must_be_pd_xy(owner: OmiliaClient, locale: str) -> None:
    response = attach(owner, locale=locale)
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": f"Invalid locale '{locale}': required format is pd-XY, e.g. en-US",
    }


@pytest.mark.parametrize("missing", ["miniAppId", "locale"])
def test_miniapp_and_locale_are_required(owner: OmiliaClient, missing: str) -> None:
    body = {"numbers": [SPARE], "miniAppId": DOC_MINIAPP, "locale": "en-US"}
    del body[missing]
    response = owner.call("PUT", "/numbers/attach", body)
    assert response.status_code == 400
    assert response.json["message"] == f"Missing required parameter '{missing}'"


def test_miniapp_outside_the_callers_groups_is_403(omilia: Callable[[str], OmiliaClient]) -> None:
    response = attach(omilia("maintainer"), miniAppId=NUMERIC_MINIAPP)
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"


def test_number_outside_the_callers_groups_is_403(omilia: Callable[[str], OmiliaClient]) -> None:
    response = attach(omilia("maintainer"), numbers=["+442079460000"])
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"


def test_unknown_number_is_404(owner: OmiliaClient) -> None:
    response = attach(owner, numbers=["+19999999999"])
    assert response.status_code == 404
    assert response.json["message"] == "Number +19999999999 not found"


def test_developer_may_not_attach(omilia: Callable[[str], OmiliaClient]) -> None:
    response = attach(omilia("developer"))
    assert response.status_code == 403
    assert (
        response.json["message"]
        == "Access denied: numbers.attach requires one of the roles Maintainer, Owner"
    )


def test_maintainer_may_attach_with_a_tag(omilia: Callable[[str], OmiliaClient]) -> None:
    assert attach(omilia("maintainer"), applicationTag="t1").status_code == 200


def test_detach_clears_miniapp_locale_and_tag(owner: OmiliaClient) -> None:
    response = detach(owner, ["+12012049893"])
    assert response.status_code == 200
    assert response.json == {"success": True, "message": "1 number detached"}
    item = owner.numbers()["+12012049893"]
    assert (item["miniAppId"], item["miniAppName"], item["locale"], item["applicationTag"]) == (None,) * 4


def test_detach_of_an_unattached_number_succeeds(owner: OmiliaClient) -> None:
    assert detach(owner, [SPARE]).status_code == 200


def test_detach_unknown_number_is_404_and_detaches_nothing(owner: OmiliaClient, state) -> None:
    before = state()
    response = detach(owner, ["+12012049893", "+19999999999"])
    assert response.status_code == 404
    assert response.json["message"] == "Number +19999999999 not found"
    assert state()["omilia"] == before["omilia"]


def test_detach_needs_numbers(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers/detach", {})
    assert response.status_code == 400
    assert response.json["message"] == "Missing required parameter 'numbers'"


def test_viewer_may_not_detach(omilia: Callable[[str], OmiliaClient]) -> None:
    response = detach(omilia("viewer"), [SPARE])
    assert response.status_code == 403
    assert (
        response.json["message"]
        == "Access denied: numbers.detach requires one of the roles Maintainer, Owner"
    )
