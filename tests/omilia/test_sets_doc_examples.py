"""The requests of "Managing phone numbers sets" (omilia-numbers-api.txt) replayed in the doc's shapes.

The doc's bodies carry placeholder values ("string"); each is sent with the same fields and the
default world's values, and the answer is checked against the doc's example fields.
"""

from __future__ import annotations

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import DOC_MINIAPP

SET_EXAMPLE_FIELDS = {"id", "name", "groupId", "phoneNumberCount"}
SUCCESS_FIELDS = {"success", "message"}


def test_the_doc_walkthrough(owner: OmiliaClient) -> None:
    created = owner.call("POST", "/numbers-set", {"name": "doc set", "groupId": "ocp-qa"})
    assert created.status_code == 200
    assert set(created.json) == SET_EXAMPLE_FIELDS
    assert created.json["phoneNumberCount"] == 0
    set_id = created.json["id"]

    got = owner.call("GET", f"/numbers-set/{set_id}")
    assert (got.status_code, set(got.json)) == (200, SET_EXAMPLE_FIELDS)

    for_group = owner.call("GET", "/numbers-set/group/ocp-qa")
    assert for_group.status_code == 200
    assert [set(item) for item in for_group.json] == [SET_EXAMPLE_FIELDS]

    patched = owner.call("PATCH", f"/numbers-set/{set_id}", {"groupId": "ocp-qa", "name": "doc set 2"})
    assert (patched.status_code, set(patched.json), patched.json["success"]) == (200, SUCCESS_FIELDS, True)

    added = owner.call(
        "POST", f"/numbers-set/{set_id}/numbers", {"numbers": ["+12012049893", "+12012049894"]}
    )
    assert (added.status_code, set(added.json)) == (200, SUCCESS_FIELDS)

    members = owner.call("GET", f"/numbers-set/{set_id}/numbers")
    assert members.status_code == 200
    assert [item["phoneNumberSetId"] for item in members.json] == [set_id, set_id]

    mine = owner.call("GET", "/numbers-set")
    assert mine.status_code == 200
    assert mine.json == [{"id": set_id, "name": "doc set 2", "groupId": "ocp-qa", "phoneNumberCount": 2}]

    attach = {"numbers": ["+12012049894"], "miniAppId": DOC_MINIAPP, "locale": "en-US", "applicationTag": "t"}
    attached = owner.call("PUT", f"/numbers-set/{set_id}/attach", attach)
    assert (attached.status_code, attached.json["success"]) == (200, True)

    detached = owner.call("PUT", f"/numbers-set/{set_id}/detach")
    assert (detached.status_code, detached.json["success"]) == (200, True)

    removed = owner.call("DELETE", f"/numbers-set/{set_id}/numbers", {"numbers": ["+12012049893"]})
    assert (removed.status_code, removed.json["success"]) == (200, True)

    purged = owner.call("DELETE", f"/numbers-set/{set_id}/delete")
    assert (purged.status_code, purged.json["success"]) == (200, True)

    deleted = owner.call("DELETE", f"/numbers-set/{set_id}")
    assert (deleted.status_code, deleted.json["success"]) == (200, True)
    assert owner.call("GET", "/numbers-set").json == []
