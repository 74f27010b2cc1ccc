"""Export, mark every row OPERATION=update, import, export again: the same file."""

from __future__ import annotations

import csv
import io

from flask.testing import FlaskClient

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import DOC_MINIAPP, export, make_set, upload


def with_operation(text: str, operation: str) -> str:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*rows[0], "OPERATION"])
    writer.writerows([*r, operation] for r in rows[1:])
    return out.getvalue()


def test_round_trip_gives_the_same_file(owner: OmiliaClient) -> None:
    make_set(owner, "s", "ocp-qa", ["+12012049893"])
    note = ' spaced, "quoted"\nand multi-line '
    assert owner.call("PUT", "/number/note", {"number": "+12012049894", "note": note}).status_code == 200
    tag = {"numbers": ["+302107654321"], "miniAppId": DOC_MINIAPP, "locale": "el-GR", "applicationTag": "a,b"}
    assert owner.call("PUT", "/numbers/attach", tag).status_code == 200
    first = export(owner).text
    response = upload(owner, with_operation(first, "update"))
    assert response.status_code == 200, response.json
    rows = len(list(csv.reader(io.StringIO(first, newline="")))) - 1
    assert response.json["message"] == f"CSV file processed: {rows} updated"
    assert export(owner).text == first


def test_round_trip_keeps_the_records(owner: OmiliaClient) -> None:
    first = export(owner).text
    before = owner.numbers()
    assert upload(owner, with_operation(first, "UPDATE")).status_code == 200
    assert owner.numbers() == before


def test_round_trip_goes_through_when_a_numbers_miniapp_is_outside_the_callers_groups(
    client: FlaskClient,
) -> None:
    state = client.get("/__sandbox/state").json
    world = state["omilia"]
    world["users"].append({**world["users"][0], "username": "ocp-owner", "id": "u-ocp", "groups": ["ocp"]})
    for record in world["numbers"]:
        if record["number"] == "+442079460000":
            record["miniAppId"] = DOC_MINIAPP  # a miniApp of ocp-qa, which ocp-owner is not in
    assert client.put("/__sandbox/state", json=state).status_code == 200
    caller = OmiliaClient(client, "ocp-owner")
    first = export(caller).text
    response = upload(caller, with_operation(first, "update"))
    assert response.json == {"success": True, "message": "CSV file processed: 1 updated"}
    assert export(caller).text == first


def test_a_row_moving_a_number_to_a_miniapp_outside_the_callers_groups_is_refused(
    client: FlaskClient,
) -> None:
    state = client.get("/__sandbox/state").json
    world = state["omilia"]
    world["users"].append({**world["users"][0], "username": "ocp-owner", "id": "u-ocp", "groups": ["ocp"]})
    assert client.put("/__sandbox/state", json=state).status_code == 200
    caller = OmiliaClient(client, "ocp-owner")
    rows = f"NUMBER,OPERATION,MINIAPP_ID,LOCALE\r\n+442079460000,update,{DOC_MINIAPP},en-GB\r\n"
    response = upload(caller, rows)
    assert response.status_code == 400
    assert response.json["message"].endswith("line 2: no permission on group ocp-qa")
