"""What clients type from the examples: integer ids, .NET times, the V3 order, the doc's task ids."""

from __future__ import annotations

import re

from tests.operator_connect.conftest import CUSTOMER, DOC_SINGLE, OcClient
from tests.operator_connect.test_numbers_read import V2_FIELDS

DOTNET_OFFSET = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00"
V3_EXTRA = [
    "tenantCallingProfileId", "ocSipConnectionName", "ocSipConnectionDescription", "umpCustomerGuid",
    "sbcListJson", "ovocChannelId", "consentedOn", "umpCustomerFullName", "msCompanyName", "sbcListArray",
]  # fmt: skip
V3_ORDER = [*V2_FIELDS[:3], *V3_EXTRA, *V2_FIELDS[3:]]  # the extras stand between `sbcList` and `id`


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def test_seeded_numbers_have_integer_ids_and_dotnet_offset_times(oc: OcClient) -> None:
    number = oc.call("GET", "/v2/oc/numbers/+61398675570").json
    assert isinstance(number, dict)
    for field in ("id", "uploadTelephoneNumberEntryId", "uploadToAccountJobId"):
        assert _is_int(number[field]), field
    assert re.fullmatch(r"[0-9a-f-]{36}", number["tnUploadJobId"])
    assert re.fullmatch(DOTNET_OFFSET, number["whenCreated"])
    assert re.fullmatch(DOTNET_OFFSET, number["acquiredOn"])


def test_uploaded_numbers_get_new_integer_ids_and_a_job_id_that_is_not_the_ms_job(oc: OcClient) -> None:
    before = oc.numbers()
    task = oc.finish(
        oc.upload({**DOC_SINGLE, "phoneNumbers": ["+61395556880", "+61395556881"]}).json["taskId"]
    )
    numbers = oc.numbers()
    new = [numbers["+61395556880"], numbers["+61395556881"]]
    old_ids = {n["id"] for n in before.values()}
    assert all(_is_int(n["id"]) and n["id"] not in old_ids for n in new)
    assert new[0]["id"] != new[1]["id"]
    assert new[0]["uploadTelephoneNumberEntryId"] != new[1]["uploadTelephoneNumberEntryId"]
    assert new[0]["uploadToAccountJobId"] == new[1]["uploadToAccountJobId"]  # one upload job
    assert _is_int(new[0]["uploadToAccountJobId"])
    assert new[0]["tnUploadJobId"] == task["outputData"]["MsJobId"]
    assert re.fullmatch(DOTNET_OFFSET, new[0]["whenCreated"])


def test_v3_items_carry_the_documented_extra_fields_in_the_documented_order(oc: OcClient) -> None:
    page = oc.call("GET", "/v3/oc/numbers", query_string={"msTenantId": CUSTOMER}).json
    item = page["data"][0]
    assert list(item) == V3_ORDER
    assert item["ovocChannelId"] == 0
    assert item["sbcListArray"] == []
    assert item["tenantCallingProfileId"] is None


def test_the_docs_upload_task_id_answers_on_a_fresh_tenant(oc: OcClient) -> None:
    task_id = "wup_c14a0a55-fcc5-4598-b405-c978e7da1af4"
    assert oc.task(task_id).json["status"] == "InProgress"
    task = oc.task(task_id).json
    assert task["id"] == task_id
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["NumbersUploaded"]


def test_the_docs_completed_task_reads_as_the_doc_shows(oc: OcClient) -> None:
    task = oc.task("wup_d4b23bb0-3b8a-4966-a368-fef9667d019f").json
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["NumbersUploaded"]
    assert [m["message"] for m in task["executionMessages"]][2] == "Site GRXRATNEUZMNZ found."
    assert task["outputData"] == {
        "CreateTime": "2023-09-28T12:14:21.5111156Z",
        "CompleteTime": "2023-09-28T12:14:47.2635149Z",
        "OcUploadNumberResult": "NumbersUploaded",
        "WorkflowVersion": 3,
        "SbcIdList": [8],
        "MsJobWhenUpdated": "2023-09-28T12:14:46.0908199+00:00",
        "MsJobId": "899c58a5-92df-4e93-a142-a35e72b7b743",
        "MsJobStatus": "Success",
    }


def test_the_docs_task_ids_come_back_after_a_reset(oc: OcClient) -> None:
    task_id = "wup_c14a0a55-fcc5-4598-b405-c978e7da1af4"
    oc.finish(task_id)
    oc.client.post("/__sandbox/reset")
    assert oc.task(task_id).json["status"] == "InProgress"
