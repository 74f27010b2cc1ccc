"""PUT /api/numbers/csv: each operation, mixed operations, and the "empty fields are ignored" rule."""

from __future__ import annotations

from typing import Any

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import DOC_MINIAPP, NUMERIC_MINIAPP, csv_text, make_set, upload

HEADER = ["OPERATION", "NUMBER", "GROUP_ID", "PROVIDER", "MINIAPP_ID", "LOCALE", "APPLICATION_TAG", "NOTE"]


def row(operation: str, number: str, **values: str) -> list[str]:
    """A row of HEADER from keyword values (missing ones empty)."""
    named = {"OPERATION": operation, "NUMBER": number, **{k.upper(): v for k, v in values.items()}}
    return [named.get(column, "") for column in HEADER]


def test_create_acquires_from_the_provider(owner: OmiliaClient, state: Any) -> None:
    response = upload(
        owner, csv_text(HEADER, row("create", "+12015551000", group_id="ocp-qa", provider="Twilio"))
    )
    assert response.status_code == 200
    assert response.json == {"success": True, "message": "CSV file processed: 1 created"}
    number = owner.numbers()["+12015551000"]
    assert (number["groupId"], number["country"], number["miniAppId"]) == ("ocp-qa", "US", None)
    assert "+12015551000" not in {offer["number"] for offer in state()["omilia"]["inventory"]}


def test_create_with_attachment_and_note(owner: OmiliaClient) -> None:
    content = csv_text(
        HEADER,
        row(
            "create",
            "+12015551001",
            group_id="ocp-qa",
            provider="twilio",
            miniapp_id=DOC_MINIAPP,
            locale="en-US",
            note="new line",
        ),
    )
    assert upload(owner, content).status_code == 200
    number = owner.numbers()["+12015551001"]
    assert (number["miniAppId"], number["locale"], number["note"]) == (DOC_MINIAPP, "en-US", "new line")


def test_update_changes_only_the_non_empty_fields(owner: OmiliaClient) -> None:
    assert upload(owner, csv_text(HEADER, row("update", "+12012049893", note="changed"))).status_code == 200
    number = owner.numbers()["+12012049893"]
    assert number["note"] == "changed"
    assert (number["miniAppId"], number["locale"]) == (DOC_MINIAPP, "en-US")


def test_update_moves_group(owner: OmiliaClient) -> None:
    assert upload(owner, csv_text(HEADER, row("update", "+12012049894", group_id="ocp"))).status_code == 200
    assert owner.numbers()["+12012049894"]["groupId"] == "ocp"


def test_update_puts_a_number_in_a_set(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa")
    content = csv_text(
        ["OPERATION", "NUMBER", "PHONE_NUMBER_SET_ID"], ["update", "+12012049894", created["id"]]
    )
    assert upload(owner, content).status_code == 200
    assert owner.call("GET", f"/numbers-set/{created['id']}").json["phoneNumberCount"] == 1


def test_moving_group_leaves_the_set(owner: OmiliaClient) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    assert upload(owner, csv_text(HEADER, row("update", "+12012049894", group_id="ocp"))).status_code == 200
    assert owner.numbers()["+12012049894"]["phoneNumbersSetId"] is None
    assert owner.call("GET", f"/numbers-set/{created['id']}").json["phoneNumberCount"] == 0


def test_attach(owner: OmiliaClient) -> None:
    content = csv_text(
        HEADER,
        row("attach", "+442079460000", miniapp_id=NUMERIC_MINIAPP, locale="el-GR", application_tag="vip"),
    )
    assert upload(owner, content).status_code == 200
    number = owner.numbers()["+442079460000"]
    assert (number["locale"], number["applicationTag"]) == ("el-GR", "vip")


def test_detach(owner: OmiliaClient) -> None:
    assert upload(owner, csv_text(HEADER, row("detach", "+12012049893"))).status_code == 200
    number = owner.numbers()["+12012049893"]
    assert (number["miniAppId"], number["locale"], number["applicationTag"]) == (None, None, None)


def test_delete(owner: OmiliaClient) -> None:
    assert upload(owner, csv_text(HEADER, row("delete", "+12012049894"))).status_code == 200
    assert "+12012049894" not in owner.numbers()


def test_operations_are_case_insensitive(owner: OmiliaClient) -> None:
    content = csv_text(HEADER, row("Update", "+12012049894", note="a"), row("DETACH", "+12012049893"))
    response = upload(owner, content)
    assert response.status_code == 200
    assert response.json["message"] == "CSV file processed: 1 updated, 1 detached"


def test_mixed_operations_and_groups_in_one_file(owner: OmiliaClient) -> None:
    content = csv_text(
        HEADER,
        row("create", "+12015551002", group_id="ocp", provider="Twilio"),
        row("update", "+12012049894", note="qa"),
        row("attach", "+442079460000", miniapp_id=NUMERIC_MINIAPP, locale="en-US"),
        row("detach", "+302107654321"),
        row("delete", "+12012049893"),
    )
    response = upload(owner, content)
    assert response.status_code == 200
    assert (
        response.json["message"]
        == "CSV file processed: 1 created, 1 updated, 1 attached, 1 detached, 1 deleted"
    )
    numbers = owner.numbers()
    assert numbers["+12015551002"]["groupId"] == "ocp"
    assert numbers["+12012049894"]["note"] == "qa"
    assert numbers["+442079460000"]["locale"] == "en-US"
    assert numbers["+302107654321"]["miniAppId"] is None
    assert "+12012049893" not in numbers


def test_header_order_and_case_are_free(owner: OmiliaClient) -> None:
    content = "note,Number,operation\r\nfree order,+12012049894,update\r\n"
    assert upload(owner, content).status_code == 200
    assert owner.numbers()["+12012049894"]["note"] == "free order"


def test_derived_miniapp_columns_are_ignored(owner: OmiliaClient) -> None:
    content = csv_text(
        ["OPERATION", "NUMBER", "MINIAPP_NAME", "MINIAPP_TYPE"], ["update", "+12012049893", "x", "y"]
    )
    assert upload(owner, content).status_code == 200
    assert owner.numbers()["+12012049893"]["miniAppName"] == "SND_dmt_test_app_vp"


def test_lower_case_file_field_is_accepted(owner: OmiliaClient) -> None:
    response = upload(owner, csv_text(HEADER, row("update", "+12012049894", note="f")), field="file")
    assert response.status_code == 200


def test_utf8_bom_and_blank_lines_are_tolerated(owner: OmiliaClient) -> None:
    content = "\ufeffOPERATION,NUMBER,NOTE\r\n\r\nupdate,+12012049894,ünïcode\r\n\r\n"
    assert upload(owner, content.encode("utf-8")).status_code == 200
    assert owner.numbers()["+12012049894"]["note"] == "ünïcode"
