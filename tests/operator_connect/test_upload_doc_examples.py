"""The Upload page's two example request bodies, verbatim, against the default world."""

from __future__ import annotations

import re

from tests.operator_connect.conftest import CUSTOMER, DOC_RANGE, DOC_SINGLE, PROFILE, OcClient

DOC_MESSAGES = [
    "Input is valid.",
    "All uploaded numbers are not present in Microsoft context.",
    "Site GRXRATNEUZMNZ found.",
    "Number(s) accepted by Microsoft.",
    "UploadToAccount job status: Success.",
    "Moving on",
    "Telephone numbers programmed in SBC. 8",
    "Workflow completed.",
]


def test_single_number_example_answers_a_wup_task_id(oc: OcClient) -> None:
    response = oc.upload(DOC_SINGLE)
    assert response.status_code == 200
    assert list(response.json) == ["taskId"]
    assert re.fullmatch(
        r"wup_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", response.json["taskId"]
    )


def test_single_number_example_ends_completed_success_shaped_as_the_doc(oc: OcClient) -> None:
    task_id = oc.upload(DOC_SINGLE).json["taskId"]
    task = oc.finish(task_id)
    assert task["id"] == task_id
    assert task["status"] == "CompletedSuccess"
    assert task["details"] == ["NumbersUploaded"]
    assert task["executionMessages"] == [{"level": "Information", "message": m} for m in DOC_MESSAGES]
    output = task["outputData"]
    assert list(output) == [
        "CreateTime",
        "CompleteTime",
        "OcUploadNumberResult",
        "WorkflowVersion",
        "SbcIdList",
        "MsJobWhenUpdated",
        "MsJobId",
        "MsJobStatus",
    ]
    assert output["OcUploadNumberResult"] == "NumbersUploaded"
    assert output["WorkflowVersion"] == 3
    assert output["SbcIdList"] == [8]
    assert output["MsJobStatus"] == "Success"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z", output["CreateTime"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00", output["MsJobWhenUpdated"])


def test_single_number_example_makes_the_number_the_customers(oc: OcClient) -> None:
    oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    number = oc.numbers()["+61395556880"]
    assert number["tenantId"] == CUSTOMER
    assert number["callingProfileId"] == PROFILE
    assert number["isoCountryCode"] == "AU"
    assert number["acquiredNumberStatus"] == "Active"
    assert number["assignmentStatus"] == "Unassigned"
    assert number["sbcList"] == [{"sbcName": "SBC-8", "sbcId": 8}]


def test_range_example_ends_completed_success_with_every_number(oc: OcClient) -> None:
    response = oc.upload(DOC_RANGE)
    assert response.status_code == 200
    task = oc.finish(response.json["taskId"])
    assert task["status"] == "CompletedSuccess"
    assert task["totalNumbersCount"] == 13
    expected = {"+97239764533", "+97239764535"} | {f"+972397646{n}" for n in range(60, 71)}
    owned = oc.numbers()
    assert expected <= set(owned)
    assert owned["+97239764665"]["isoCountryCode"] == "IL"
    assert "FirstPartyAppAssignment" in owned["+97239764665"]["acquiredCapabilities"]


def test_range_example_works_under_v3(oc: OcClient) -> None:
    response = oc.upload(DOC_RANGE, version="v3")
    assert response.status_code == 200
    assert oc.finish(response.json["taskId"])["status"] == "CompletedSuccess"
