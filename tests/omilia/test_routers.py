"""/api/numbers-routing: routers of gradual traffic assignment, their steps, roles and groups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient

from sandbox.omilia.world import DOC_MINIAPP, NUMERIC_MINIAPP
from tests.omilia.conftest import OmiliaClient

NUMBER = "+12012049893"  # attached to the doc's miniApp, group ocp-qa
BODY = {"number": NUMBER, "targetAppId": NUMERIC_MINIAPP, "targetAppTag": "canary", "step": 30}


def create(who: OmiliaClient, **changes: Any) -> Any:
    return who.call("POST", "/numbers-routing", {**BODY, **changes})


def made(who: OmiliaClient, **changes: Any) -> dict[str, Any]:
    response = create(who, **changes)
    assert response.status_code == 200, response.json
    return response.json


def test_create_answers_the_router(owner: OmiliaClient) -> None:
    router = made(owner)
    assert {k: v for k, v in router.items() if k != "id"} == {
        "number": NUMBER,
        "groupId": "ocp-qa",
        "sourceAppId": DOC_MINIAPP,
        "targetAppId": NUMERIC_MINIAPP,
        "targetAppTag": "canary",
        "step": 30,
        "initialWeight": 0,
        "currentWeight": 0,
        "isEnabled": True,
        "status": "Running",
        "progress": "Not started",
    }


def test_read_by_id_by_number_and_in_the_list(owner: OmiliaClient) -> None:
    router = made(owner)
    assert owner.call("GET", f"/numbers-routing/{router['id']}").json == router
    assert owner.call("GET", f"/numbers-routing/number/{NUMBER}").json == router
    assert owner.call("GET", "/numbers-routing").json == [router]


def test_next_step_moves_the_weight_until_completed(owner: OmiliaClient) -> None:
    router = made(owner, initialWeight=10)
    path = f"/numbers-routing/{router['id']}/next-step"
    seen = [
        (r["currentWeight"], r["status"], r["progress"])
        for r in (owner.call("PUT", path).json for _ in range(3))
    ]
    assert seen == [
        (40, "Running", "In Progress"),
        (70, "Running", "In Progress"),
        (100, "Confirmation Pending", "Completed"),
    ]
    response = owner.call("PUT", path)
    assert response.status_code == 400
    assert (
        response.json["message"]
        == f"Router {router['id']} is Completed: all traffic already goes to the target"
    )


def test_a_disabled_router_is_inactive_and_does_not_move(
    owner: OmiliaClient, state: Callable[[], Any]
) -> None:
    router = made(owner, isEnabled=False)
    assert router["status"] == "Inactive"
    before = state()
    response = owner.call("PUT", f"/numbers-routing/{router['id']}/next-step")
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": f"Router {router['id']} is Inactive: enable it before moving it to the next step",
    }
    assert state() == before


def test_update_changes_the_given_fields(owner: OmiliaClient) -> None:
    router = made(owner)
    response = owner.call("PUT", f"/numbers-routing/{router['id']}", {"step": 50, "isEnabled": False})
    assert (response.json["step"], response.json["status"], response.json["targetAppTag"]) == (
        50,
        "Inactive",
        "canary",
    )
    assert owner.call("GET", f"/numbers-routing/{router['id']}").json == response.json


def test_initial_weight_cannot_change_once_moved(owner: OmiliaClient) -> None:
    router = made(owner)
    owner.call("PUT", f"/numbers-routing/{router['id']}/next-step")
    response = owner.call("PUT", f"/numbers-routing/{router['id']}", {"initialWeight": 5})
    assert response.status_code == 400
    assert (
        response.json["message"] == f"Router {router['id']} has moved: its initialWeight can no longer change"
    )


def test_delete_removes_it(owner: OmiliaClient) -> None:
    router = made(owner)
    response = owner.call("DELETE", f"/numbers-routing/{router['id']}")
    assert response.json == {"success": True, "message": f"Router {router['id']} deleted"}
    missing = owner.call("GET", f"/numbers-routing/{router['id']}")
    assert missing.status_code == 404
    assert missing.json == {"success": False, "message": f"Router {router['id']} not found"}


def test_one_router_per_number(owner: OmiliaClient) -> None:
    made(owner)
    response = create(owner)
    assert response.status_code == 409
    assert response.json == {"success": False, "message": f"A router for number {NUMBER} already exists"}


def test_number_without_a_router_is_404(owner: OmiliaClient) -> None:
    response = owner.call("GET", f"/numbers-routing/number/{NUMBER}")
    assert response.status_code == 404
    assert response.json["message"] == f"Router for number {NUMBER} not found"


def test_bad_bodies_are_400_and_change_nothing(owner: OmiliaClient, state: Callable[[], Any]) -> None:
    before = state()
    cases = [
        ({"number": "12"}, "Invalid phone number '12': expected E.164 format, e.g. +12012049893"),
        ({"step": None}, "Missing required parameter 'step'"),
        ({"step": 0}, "Invalid parameter 'step': must be an integer from 1 to 100"),
        ({"initialWeight": 101}, "Invalid parameter 'initialWeight': must be an integer from 0 to 100"),
        ({"isEnabled": "yes"}, "Invalid parameter 'isEnabled': must be a boolean"),
        (
            {"targetAppId": None, "targetAppTag": None},
            "Missing required parameter 'targetAppId' (or 'targetAppTag')",
        ),
        (
            {"number": "+12012049894"},
            "Number +12012049894 is not attached to a miniApp: there is no traffic to route",
        ),
        (
            {"targetAppId": DOC_MINIAPP},
            f"The target application is the number's source application {DOC_MINIAPP}",
        ),
    ]
    for changes, message in cases:
        response = create(owner, **changes)
        assert (response.status_code, response.json["message"]) == (400, message)
    assert state() == before


def test_unknown_number_and_target_are_404(owner: OmiliaClient) -> None:
    assert create(owner, number="+19999999999").json["message"] == "Number +19999999999 not found"
    assert create(owner, targetAppId="nope").json == {"success": False, "message": "MiniApp nope not found"}


def test_a_number_or_target_outside_the_callers_groups_is_403(omilia: Callable[[str], OmiliaClient]) -> None:
    maintainer = omilia("maintainer")  # group ocp-qa only
    response = create(maintainer)
    assert response.status_code == 403
    assert response.json["message"] == "Access denied: no permission on group ocp"
    owner = omilia("owner")
    assert (
        create(owner, number="+35722000001").json["message"] == "Access denied: no permission on group other"
    )


def test_every_role_reads_and_only_maintainer_and_up_write(omilia: Callable[[str], OmiliaClient]) -> None:
    router = made(omilia("owner"))
    for role in ("viewer", "developer"):
        who = omilia(role)
        assert who.call("GET", f"/numbers-routing/{router['id']}").status_code == 200
        assert who.call("GET", "/numbers-routing").json == [router]
        for method, path in (
            ("PUT", f"/numbers-routing/{router['id']}/next-step"),
            ("DELETE", f"/numbers-routing/{router['id']}"),
        ):
            response = who.call(method, path)
            assert response.status_code == 403
            assert (
                response.json["message"]
                == "Access denied: routers.write requires one of the roles Maintainer, Owner"
            )
        assert create(who, number="+302107654321", targetAppTag="x", targetAppId=None).status_code == 403
    assert omilia("maintainer").call("PUT", f"/numbers-routing/{router['id']}/next-step").status_code == 200


def test_routers_of_other_groups_are_not_listed(client: FlaskClient, owner: OmiliaClient) -> None:
    router = made(owner)
    state = client.get("/__sandbox/state").json
    for number in state["omilia"]["numbers"]:
        if number["number"] == NUMBER:
            number["groupId"] = "other"
    client.put("/__sandbox/state", json=state)
    assert owner.call("GET", "/numbers-routing").json == []
    assert owner.call("GET", f"/numbers-routing/{router['id']}").status_code == 403


def test_tenants_keep_their_own_routers(client: FlaskClient, owner: OmiliaClient) -> None:
    made(owner)
    assert client.get("/t/elsewhere/__sandbox/state").json["omilia"]["routers"] == []


def test_without_a_token_is_401(client: FlaskClient) -> None:
    response = client.get("/omilia/integrations/api/numbers-routing")
    assert response.status_code == 401
    assert response.json == {"success": False, "message": "No valid API key provided"}


def test_a_fault_on_next_step_answers_instead_and_the_router_stays(
    client: FlaskClient, owner: OmiliaClient
) -> None:
    router = made(owner)
    rule = {"match": {"operation": "moveRouterToNextStep"}, "action": {"type": "error", "status": 503}}
    assert client.post("/__sandbox/faults", json=rule).status_code == 201
    assert owner.call("PUT", f"/numbers-routing/{router['id']}/next-step").status_code == 503
    assert owner.call("GET", f"/numbers-routing/{router['id']}").json["currentWeight"] == 0
    query = {"path": "/integrations/api/numbers-routing/*", "method": "PUT"}
    (entry,) = client.get("/__sandbox/requests", query_string=query).json["requests"]
    assert (entry["operation"], entry["status"], entry["fault"] is not None) == (
        "moveRouterToNextStep",
        503,
        True,
    )


def test_read_by_a_bad_or_unknown_number(owner: OmiliaClient) -> None:
    bad = owner.call("GET", "/numbers-routing/number/12")
    assert (bad.status_code, bad.json["message"]) == (
        400,
        "Invalid phone number '12': expected E.164 format, e.g. +12012049893",
    )
    unknown = owner.call("GET", "/numbers-routing/number/+19999999999")
    assert (unknown.status_code, unknown.json["message"]) == (404, "Number +19999999999 not found")


def test_update_and_next_step_of_an_unknown_router_are_404(owner: OmiliaClient) -> None:
    for method, path in (("PUT", "/numbers-routing/nope"), ("PUT", "/numbers-routing/nope/next-step")):
        response = owner.call(method, path, {"step": 10})
        assert (response.status_code, response.json["message"]) == (404, "Router nope not found")


def test_a_refused_update_changes_nothing(owner: OmiliaClient, state: Callable[[], Any]) -> None:
    router = made(owner)
    before = state()
    for body, message in (
        ({"step": 101}, "Invalid parameter 'step': must be an integer from 1 to 100"),
        (
            {"targetAppId": DOC_MINIAPP},
            f"The target application is the number's source application {DOC_MINIAPP}",
        ),
        (
            {"targetAppId": None, "targetAppTag": None},
            "Missing required parameter 'targetAppId' (or 'targetAppTag')",
        ),
    ):
        response = owner.call("PUT", f"/numbers-routing/{router['id']}", body)
        assert (response.status_code, response.json["message"]) == (400, message)
    assert owner.call("PUT", f"/numbers-routing/{router['id']}").status_code == 400  # no body
    assert state() == before


def test_a_target_tag_alone_is_enough(owner: OmiliaClient) -> None:
    router = made(owner, targetAppId=None, targetAppTag="PRD")
    assert (router["targetAppId"], router["targetAppTag"]) == (None, "PRD")
