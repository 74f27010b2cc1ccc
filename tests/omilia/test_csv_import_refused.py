"""PUT /api/numbers/csv refuses a whole file for any bad row, naming each by line, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sandbox.core.store.collection import Collection
from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import DOC_MINIAPP, csv_text, make_set, upload

HEADER = ["OPERATION", "NUMBER", "GROUP_ID", "PROVIDER", "MINIAPP_ID", "LOCALE", "PHONE_NUMBER_SET_ID"]
GOOD = ["update", "+12012049894", "", "", "", "", ""]
REFUSED = "CSV file rejected, nothing was changed (1 bad row): line 3: "


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            ["upsert", "+12012049893", "", "", "", "", ""],
            "unknown operation 'upsert' (use create, update, attach, detach, delete)",
        ),
        (["", "+12012049893", "", "", "", "", ""], "OPERATION is empty"),
        (["update", "", "", "", "", "", ""], "NUMBER is empty"),
        (
            ["update", "12012049893", "", "", "", "", ""],
            "Invalid phone number '12012049893': expected E.164 format, e.g. +12012049893",
        ),
        (["update", "+19995550000", "", "", "", "", ""], "number +19995550000 does not exist"),
        (["attach", "+12012049893", "", "", "nope", "en-US", ""], "miniApp nope does not exist"),
        (
            ["attach", "+12012049893", "", "", DOC_MINIAPP, "en_US", ""],
            "Invalid locale 'en_US': required format is pd-XY, e.g. en-US",
        ),
        (["attach", "+12012049893", "", "", DOC_MINIAPP, "", ""], "LOCALE is required to attach a number"),
        (["create", "+12015551000", "ocp-qa", "", "", "", ""], "PROVIDER is required to create a number"),
        (
            ["create", "+12015551000", "ocp-qa", "Vonage", "", "", ""],
            "unknown provider 'Vonage' (use Twilio)",
        ),
        (
            ["create", "+12015559999", "ocp-qa", "Twilio", "", "", ""],
            "number +12015559999 is not available from Twilio",
        ),
        (["create", "+12012049893", "ocp-qa", "Twilio", "", "", ""], "number +12012049893 already exists"),
        (["create", "+35722000001", "ocp-qa", "Twilio", "", "", ""], "no permission on number +35722000001"),
        (["create", "+12015551000", "", "Twilio", "", "", ""], "GROUP_ID is required to create a number"),
        (["create", "+12015551000", "other", "Twilio", "", "", ""], "no permission on group other"),
        (["delete", "+35722000001", "", "", "", "", ""], "no permission on group other"),
        (["update", "+12012049893", "other", "", "", "", ""], "no permission on group other"),
        (["update", "+12012049893", "", "", "", "", "nope"], "phone numbers set nope does not exist"),
        (["update", "+12012049894", "", "", "", "", ""], "number +12012049894 is also on line 2"),
        (["update", "+12012049893"], "has 2 fields, the header has 7"),
    ],
)
def test_bad_row(owner: OmiliaClient, state: Any, bad: list[str], reason: str) -> None:
    before = state()
    response = upload(owner, csv_text(HEADER, GOOD, bad))
    assert response.status_code == 400
    assert response.json == {"success": False, "message": REFUSED + reason}
    assert state() == before


def test_set_of_another_group_is_refused(owner: OmiliaClient, state: Any) -> None:
    created = make_set(owner, "s", "ocp")
    before = state()
    response = upload(
        owner, csv_text(HEADER, GOOD, ["update", "+12012049893", "", "", "", "", created["id"]])
    )
    assert response.status_code == 400
    assert response.json["message"] == REFUSED + (
        f"phone numbers set {created['id']} is in group ocp, not in the number's group ocp-qa"
    )
    assert state() == before


def test_every_bad_row_is_named(owner: OmiliaClient, state: Any) -> None:
    before = state()
    content = csv_text(
        HEADER,
        ["nope", "+12012049893", "", "", "", "", ""],
        GOOD,
        ["create", "+12015551000", "ocp-qa", "", "", "", ""],
        ["attach", "+302107654321", "", "", DOC_MINIAPP, "xx", ""],
    )
    response = upload(owner, content)
    assert response.status_code == 400
    message = response.json["message"]
    assert message.startswith(
        "CSV file rejected, nothing was changed (3 bad rows): line 2: unknown operation 'nope'"
    )
    assert "; line 4: PROVIDER is required to create a number; line 5: Invalid locale 'xx'" in message
    assert "line 3" not in message
    assert state() == before


def test_line_numbers_count_physical_lines(owner: OmiliaClient) -> None:
    content = 'OPERATION,NUMBER,NOTE\r\nupdate,+12012049894,"two\r\nlines"\r\nbad,+12012049893,\r\n'
    response = upload(owner, content)
    assert response.status_code == 400
    assert response.json["message"].endswith(
        "line 4: unknown operation 'bad' (use create, update, attach, detach, delete)"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "CSV file is empty"),
        ("\r\n\r\n", "CSV file is empty"),
        ("OPERATION,NUMBER\r\n", "CSV file has a header but no rows"),
        (
            "update,+12012049894\r\n",
            "Invalid CSV header (line 1): unknown column 'UPDATE'; unknown column '+12012049894'; "
            "missing column NUMBER; missing column OPERATION",
        ),
        ("NUMBER,NOTE\r\n+12012049894,x\r\n", "Invalid CSV header (line 1): missing column OPERATION"),
        (
            "OPERATION,NUMBER,COLOUR\r\nupdate,+12012049894,red\r\n",
            "Invalid CSV header (line 1): unknown column 'COLOUR'",
        ),
        (
            "OPERATION,NUMBER,NUMBER\r\nupdate,+1,+1\r\n",
            "Invalid CSV header (line 1): column NUMBER appears twice",
        ),
        (
            'OPERATION,NUMBER,NOTE\r\nupdate,+12012049894,"open\r\n',
            "File is not a CSV file: line 2: unexpected end of data",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "File is not a CSV file: it is not UTF-8 text"),
        (b"OPERATION\x00,NUMBER\r\n", "File is not a CSV file: it holds binary data"),
    ],
)
def test_unusable_file(owner: OmiliaClient, state: Any, content: str | bytes, message: str) -> None:
    before = state()
    response = upload(owner, content)
    assert response.status_code == 400
    assert response.json == {"success": False, "message": message}
    assert state() == before


def test_missing_file_part_is_400(owner: OmiliaClient) -> None:
    response = owner.call("PUT", "/numbers/csv", data={"other": "x"})
    assert response.status_code == 400
    assert response.json["message"] == "Required request part 'File' is not present: CSV file is required"


def test_failure_midway_rolls_everything_back(
    owner: OmiliaClient, state: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state()
    real_put = Collection.put
    writes: list[str] = []

    def failing_put(self: Collection, doc: dict[str, Any]) -> dict[str, Any]:
        if self.name == "omilia.numbers":
            writes.append(doc["number"])
            if len(writes) == 2:
                raise RuntimeError("disk on fire")
        return real_put(self, doc)

    monkeypatch.setattr(Collection, "put", failing_put)
    content = csv_text(
        ["OPERATION", "NUMBER", "NOTE"], ["update", "+12012049894", "a"], ["update", "+12012049893", "b"]
    )
    response = upload(owner, content)
    monkeypatch.setattr(Collection, "put", real_put)
    assert response.status_code == 500
    assert response.json["success"] is False
    assert writes == ["+12012049894", "+12012049893"]
    assert state() == before


def test_refused_file_from_another_user_changes_nothing(
    omilia: Callable[[str], OmiliaClient], state: Any
) -> None:
    before = state()
    response = upload(omilia("maintainer"), csv_text(HEADER, GOOD))
    assert response.status_code == 403
    assert state() == before
