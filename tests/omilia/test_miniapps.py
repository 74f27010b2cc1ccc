"""GET /miniapps/api/apps: the miniApps of the caller's groups, searched and paged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient

from sandbox.omilia.world import DOC_MINIAPP, NUMERIC_MINIAPP
from tests.omilia.conftest import OmiliaClient

APPS = "/omilia/miniapps/api/apps"


def apps(who: OmiliaClient, **query: Any) -> Any:
    return who.client.get(APPS, headers=who.headers, query_string=query)


def test_owner_lists_the_miniapps_of_both_groups(owner: OmiliaClient) -> None:
    body = apps(owner).json
    assert [a["miniAppId"] for a in body["apps"]] == [DOC_MINIAPP, NUMERIC_MINIAPP]
    assert (body["page"], body["pageSize"], body["numberOfPages"], body["allApps"]) == (1, 50, 1, 2)


def test_an_item_carries_the_miniapps_fields(owner: OmiliaClient) -> None:
    (item,) = apps(owner, searchTerm="surname").json["apps"]
    assert item == {
        "miniAppId": NUMERIC_MINIAPP,
        "miniAppName": "surname_test",
        "miniAppType": "Numeric",
        "miniAppGroup": "ocp",
        "miniAppDiamantAppName": "miniApps",
    }


def test_every_role_lists_only_its_groups_miniapps(omilia: Callable[[str], OmiliaClient]) -> None:
    for role in ("viewer", "developer", "maintainer"):
        response = apps(omilia(role))
        assert response.status_code == 200
        assert [a["miniAppId"] for a in response.json["apps"]] == [DOC_MINIAPP]


def test_page_size_1_as_the_client_probes(owner: OmiliaClient) -> None:
    first = apps(owner, pageSize=1).json
    second = apps(owner, pageSize=1, page=2).json
    third = apps(owner, pageSize=1, page=3).json
    assert (len(first["apps"]), first["numberOfPages"], first["allApps"]) == (1, 2, 2)
    assert first["apps"] != second["apps"]
    assert third["apps"] == []


def test_search_term_is_a_case_insensitive_match_on_the_name(owner: OmiliaClient) -> None:
    assert [a["miniAppName"] for a in apps(owner, searchTerm="SND_DMT").json["apps"]] == [
        "SND_dmt_test_app_vp"
    ]
    assert apps(owner, searchTerm="nothing-like-it").json["apps"] == []


def test_a_user_in_no_group_sees_none(client: FlaskClient, omilia: Callable[[str], OmiliaClient]) -> None:
    viewer = omilia("viewer")
    state = client.get("/__sandbox/state").json
    for user in state["omilia"]["users"]:
        if user["username"] == "viewer":
            user["groups"] = []
    client.put("/__sandbox/state", json={"omilia": {"users": state["omilia"]["users"]}})
    assert apps(viewer).json["apps"] == []


def test_bad_page_size_is_400(owner: OmiliaClient) -> None:
    response = apps(owner, pageSize="zero")
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": "Invalid pageSize 'zero': must be an integer starting from 1",
    }


def test_without_a_token_is_401(client: FlaskClient) -> None:
    response = client.get(APPS, query_string={"pageSize": 1})
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}


def test_token_of_another_tenant_is_401(client: FlaskClient, owner: OmiliaClient) -> None:
    response = client.get("/t/elsewhere" + APPS, headers=owner.headers)
    assert response.status_code == 401


def test_tenants_see_their_own_miniapps(client: FlaskClient, owner: OmiliaClient) -> None:
    client.put("/t/other/__sandbox/state", json={"omilia": {"miniapps": []}})
    assert len(apps(owner).json["apps"]) == 2


def test_a_fault_on_the_listing_answers_instead(client: FlaskClient, owner: OmiliaClient) -> None:
    rule = {"match": {"operation": "listMiniApps"}, "action": {"type": "error", "status": 503}}
    assert client.post("/__sandbox/faults", json=rule).status_code == 201
    assert apps(owner).status_code == 503
    entry = client.get("/__sandbox/requests", query_string={"path": "/miniapps/*"}).json["requests"][-1]
    assert (entry["operation"], entry["status"], entry["fault"] is not None) == ("listMiniApps", 503, True)
