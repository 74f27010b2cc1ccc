"""switchvox.extensionGroups.getList / getInfo and switchvox.extensions.settings.getInfo."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.switchvox.conftest import Extend, items, json_error, state, xml_body

GET_LIST = "switchvox.extensionGroups.getList"
GET_INFO = "switchvox.extensionGroups.getInfo"
SETTINGS = "switchvox.extensions.settings.getInfo"


def names(extend: Extend, **params: str) -> list[str]:
    """The group names getList answers, in its order."""
    return [g["name"] for g in items(extend.result(GET_LIST, params)["extension_groups"], "extension_group")]


def test_get_list_answers_every_group_by_name(extend: Extend) -> None:
    assert names(extend) == ["Sales", "Support"]


def test_get_list_sorts(extend: Extend) -> None:
    assert names(extend, sort_field="date_created", sort_order="DESC") == ["Support", "Sales"]


def test_get_list_carries_the_group_attributes(readonly: Extend) -> None:
    first = readonly.result(GET_LIST)["extension_groups"]["extension_group"][0]
    assert list(first) == ["id", "name", "date_created", "vm_quota", "editable", "user_viewable"]


def test_get_list_refuses_an_unknown_sort_field(extend: Extend) -> None:
    assert json_error(extend.json(GET_LIST, {"sort_field": "size"})) == (
        "10015",
        "Invalid value for parameter sort_field (size).",
    )


def test_get_info_lists_members_in_position_order(extend: Extend) -> None:
    group = extend.result(GET_INFO, {"extension_group_id": "1"})["extension_group"]
    assert group["name"] == "Sales"
    assert [(m["extension"], m["display_name"], m["position"]) for m in group["members"]["member"]] == [
        ("100", "Jane Smith", "1"),
        ("101", "Bob Jones", "2"),
    ]
    assert group["dependents"] == {}


def test_get_info_in_xml(extend: Extend) -> None:
    group = xml_body(extend.xml(GET_INFO, {"extension_group_id": "2"}))["result"]["extension_group"]
    assert (group["@name"], group["members"]["member"]["@account_id"]) == ("Support", "1102")


def test_a_group_inside_a_group_and_a_deleted_member(client: FlaskClient, extend: Extend) -> None:
    groups = state(client)["extension_groups"]
    groups[0]["members"] = [{"account_id": "4040"}, {"group_id": "2"}, {"account_id": "1101"}]
    groups[0]["dependents"] = [{"type": "IVR", "display_name": "Main menu"}]
    client.put("/__sandbox/state", json={"switchvox": {"extension_groups": groups}})
    group = extend.result(GET_INFO, {"extension_group_id": "1"})["extension_group"]
    nested, jane = group["members"]["member"]
    assert (nested["name"], nested["id"], nested["position"]) == ("Support", "2", "1")
    assert (jane["extension"], jane["position"]) == ("100", "2")
    assert group["dependents"] == {"dependent": {"type": "IVR", "display_name": "Main menu"}}


def test_get_info_needs_a_group_id(extend: Extend) -> None:
    assert json_error(extend.json(GET_INFO)) == ("10011", "Missing required parameter (extension_group_id)")


def test_get_info_of_an_unknown_group_is_10017(extend: Extend) -> None:
    assert json_error(extend.json(GET_INFO, {"extension_group_id": "77"})) == (
        "10017",
        "Invalid extension_group_id (77).",
    )
    assert json_error(extend.json(GET_INFO, {"extension_group_id": "sales"}))[0] == "10017"


def test_settings_get_info_reports_the_pbx_settings(readonly: Extend) -> None:
    assert readonly.result(SETTINGS) == {
        "extensions_settings": {
            "extension_length_constraint": "3",
            "beep_after_assisted_transfer": "1",
            "require_strong_user_password": "1",
            "require_strong_phone_password": "1",
            "force_weak_user_password_change": "0",
        }
    }


def test_settings_follow_the_settings_record(client: FlaskClient, extend: Extend) -> None:
    record = {
        **state(client)["settings"][0],
        "extension_length_constraint": 4,
        "require_strong_user_password": False,
    }
    client.put("/__sandbox/state", json={"switchvox": {"settings": [record]}})
    found = extend.result(SETTINGS)["extensions_settings"]
    assert (found["extension_length_constraint"], found["require_strong_user_password"]) == ("4", "0")


def test_groups_belong_to_their_tenant(client: FlaskClient) -> None:
    one = Extend(client, base="/t/one/switchvox")
    groups = state(client)["extension_groups"][:1]
    client.put("/t/one/__sandbox/state", json={"switchvox": {"extension_groups": groups}})
    assert names(one) == ["Sales"]
    assert names(Extend(client, base="/t/two/switchvox")) == ["Sales", "Support"]
