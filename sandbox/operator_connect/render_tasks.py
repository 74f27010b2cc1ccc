"""Task bodies (GET /api/v2/task/{taskId}), shaped as the Upload page's example.

`totalNumbersCount` comes from the Get Task page. The failure wording (`CompletedFailure`,
`NumbersNotUploaded`, `NotConverted`, `Failed`) and the cleanup task's messages are undocumented: the
sandbox's assumption. `Converted`, "Site created in Ovoc" and the cleanup's `details: [null]` are the
Create Customer from Lead and Delete SIP Connection pages'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.operator_connect.models.tasks import FAILURE, IN_PROGRESS, SUCCESS, dotnet_time


def _info(message: str) -> dict[str, str]:
    return {"level": "Information", "message": message}


def _error(message: str) -> dict[str, str]:
    return {"level": "Error", "message": message}


def task_body(task: dict[str, Any], site: str) -> dict[str, Any]:
    """The wire form of a task as it stands."""
    kind = task["kind"]
    messages, details, output = RENDERERS[kind](task, site)
    return {
        "totalNumbersCount": len(task["numbers"]),
        "id": task["id"],
        "status": task["state"],
        "details": details,
        "executionMessages": messages,
        "outputData": output,
    }


def _times(task: dict[str, Any]) -> tuple[str, str | None]:
    wire = task.get("wire") or {}
    done = task.get("completedAt")
    created = wire.get("CreateTime") or dotnet_time(float(task["createdAt"]))
    completed = wire.get("CompleteTime") or (dotnet_time(float(done)) if done is not None else None)
    return created, completed


def _upload(task: dict[str, Any], site: str) -> tuple[list[dict[str, str]], list[str], dict[str, Any]]:
    payload = task["payload"]
    sbc_ids = [sbc.get("sbcId") for sbc in payload.get("sbcs", [])]
    created, completed = _times(task)
    output: dict[str, Any] = {"CreateTime": created}
    messages = [_info("Input is valid.")]
    if task["state"] == IN_PROGRESS:
        output.update({"WorkflowVersion": payload.get("workflowVersion"), "SbcIdList": sbc_ids})
        return messages, [], output
    succeeded = task["state"] == SUCCESS
    result = "NumbersUploaded" if succeeded else "NumbersNotUploaded"
    if succeeded:
        messages += [
            _info("All uploaded numbers are not present in Microsoft context."),
            _info(f"Site {site} found."),
            _info("Number(s) accepted by Microsoft."),
            _info("UploadToAccount job status: Success."),
            _info("Moving on"),
            _info("Telephone numbers programmed in SBC. " + ", ".join(str(i) for i in sbc_ids)),
            _info("Workflow completed."),
        ]
    else:
        messages += [_error(m) for m in task["errors"]] + [_error("Workflow failed.")]
    output.update(
        {
            "CompleteTime": completed,
            "OcUploadNumberResult": result,
            "WorkflowVersion": payload.get("workflowVersion"),
            "SbcIdList": sbc_ids,
            "MsJobWhenUpdated": (task.get("wire") or {}).get("MsJobWhenUpdated")
            or dotnet_time(float(task["completedAt"]), offset=True),
            "MsJobId": task["msJobId"],
            "MsJobStatus": "Success" if succeeded else "Failed",
        }
    )
    return messages, [result], output


def _unassign(task: dict[str, Any], site: str) -> tuple[list[dict[str, str]], list[str], dict[str, Any]]:
    created, completed = _times(task)
    messages = [_info("Input is valid.")]
    status = {IN_PROGRESS: "InProgress", SUCCESS: "Success", FAILURE: "Failed"}[task["state"]]
    output = {
        "CreateTime": created,
        "CompleteTime": completed,
        "MsJobId": task["msJobId"],
        "MsTenantId": task["msTenantId"],
        "MsJobStatus": status,
    }
    if task["state"] == IN_PROGRESS:
        return messages, [], output
    if task["state"] == SUCCESS:
        messages += [_info("Number(s) unassigned in Microsoft context."), _info("Workflow completed.")]
        return messages, ["NumbersUnassigned"], output
    messages += [_error(m) for m in task["errors"]] + [_error("Workflow failed.")]
    return messages, ["NumbersNotUnassigned"], output


def _release(task: dict[str, Any], site: str) -> tuple[list[dict[str, str]], list[str], dict[str, Any]]:
    created, _ = _times(task)
    messages = [_info("Input is valid.")]
    status = {IN_PROGRESS: "InProgress", SUCCESS: "Success", FAILURE: "Failed"}[task["state"]]
    output = {
        "MsReleaseJobId": task["msJobId"],
        "MsTenantId": task["msTenantId"],
        "MsReleaseJobStatus": status,
        "UmpReleaseJobStatus": status,
        "MsReleaseJobCreatedAt": created,
    }
    if task["state"] == IN_PROGRESS:
        return messages, [], output
    if task["state"] == SUCCESS:
        messages += [
            _info("Release job accepted by Microsoft."),
            _info("Telephone numbers removed from SBC."),
            _info("Workflow completed."),
        ]
        return messages, ["NumbersReleased"], output
    messages += [_error(m) for m in task["errors"]] + [_error("Workflow failed.")]
    return messages, ["NumbersNotReleased"], output


def _convert(task: dict[str, Any], site: str) -> tuple[list[dict[str, str]], list[str], dict[str, Any]]:
    """Create Customer from Lead (SA/CreateCustfromLeadV3TenantId.htm): `Converted`, the new guid."""
    messages = [_info("Input is valid.")]
    if task["state"] == IN_PROGRESS:
        return messages, [], {}
    if task["state"] == SUCCESS:
        messages += [_info("Site created in Ovoc"), _info("Workflow completed.")]
        return messages, ["Converted"], {"umpCustomerGuid": task["payload"]["umpCustomerGuid"]}
    messages += [_error(m) for m in task["errors"]] + [_error("Workflow failed.")]
    return messages, ["NotConverted"], {}


def _cleanup(
    task: dict[str, Any], site: str
) -> tuple[list[dict[str, str]], list[str | None], dict[str, Any]]:
    """Delete SIP Connection's SBC cleanup task: the doc shows `details: [null]`."""
    messages = [_info("Input is valid.")]
    if task["state"] == IN_PROGRESS:
        return messages, [], {}
    if task["state"] == SUCCESS:
        messages += [_info("SBC cleanup script completed."), _info("Workflow completed.")]
        return messages, [None], {"SiteLocationId": task["payload"]["siteId"]}
    messages += [_error(m) for m in task["errors"]] + [_error("Workflow failed.")]
    return messages, [None], {"SiteLocationId": task["payload"]["siteId"]}


Renderer = Callable[[dict[str, Any], str], tuple[list[dict[str, str]], list[Any], dict[str, Any]]]
RENDERERS: dict[str, Renderer] = {
    "upload": _upload,
    "unassign": _unassign,
    "release": _release,
    "convert": _convert,
    "sitecleanup": _cleanup,
}
"""Each task kind's messages, details and outputData."""
