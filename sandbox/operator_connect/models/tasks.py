"""Tasks (the Get Task page): a declared state machine on the sandbox clock, never a sleeping thread.

A task is `InProgress` until its progression says it is done, then `CompletedSuccess` or
`CompletedFailure` (the failure status is undocumented: an assumption). Its outcome is decided when
it is created (validation the Live Platform and Microsoft do while the task runs); its effects (numbers
uploaded, unassigned, released) are applied only when it completes. Progression, from the tenant's
`tasks` settings record, overridable by a customer's `taskProgress`, copied into the task:
- `immediate`: done when created;
- `polls` (default, `polls: 1`): done once a poller has seen `polls` in-progress answers;
- `seconds`: done `seconds` after creation on the sandbox clock (settled on any request).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.operator_connect.exceptions import NotFound

IN_PROGRESS = "InProgress"
SUCCESS = "CompletedSuccess"
FAILURE = "CompletedFailure"
MODES = ("immediate", "polls", "seconds")
DEFAULT_PROGRESS: dict[str, Any] = {"mode": "polls", "polls": 1, "seconds": 30}

Effect = Callable[[TenantState, dict[str, Any], bool], None]
"""Applies a completed task's effects (`succeeded` says which outcome)."""


def dotnet_time(epoch: float, offset: bool = False) -> str:
    """A .NET round-trip timestamp with seven fraction digits (`...21.5111156Z` or `+00:00`)."""
    text = datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0"
    return text + ("+00:00" if offset else "Z")


def progress_for(tenant: TenantState, customer: dict[str, Any] | None) -> dict[str, Any]:
    """The progression a new task gets: the tenant's settings, then the customer's override."""
    settings = tenant.collection("operator-connect", "settings").get("tasks") or {}
    merged = dict(DEFAULT_PROGRESS)
    override = (customer or {}).get("taskProgress")
    for source in (settings, override if isinstance(override, dict) else {}):
        merged.update({k: source[k] for k in ("mode", "polls", "seconds") if k in source})
    if merged["mode"] not in MODES:
        merged["mode"] = DEFAULT_PROGRESS["mode"]
    for key in ("polls", "seconds"):
        value = merged[key]
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10**9
        merged[key] = value if ok else DEFAULT_PROGRESS[key]
    return merged


class TaskBoard:
    """A tenant's tasks, and the one place they move from InProgress to an outcome."""

    def __init__(self, tenant: TenantState, clock: Clock, effects: dict[str, Effect]) -> None:
        self.tenant = tenant
        self.clock = clock
        self.effects = effects
        self.tasks = tenant.collection("operator-connect", "tasks")
        self.inflight = tenant.collection("operator-connect", "inflight")

    def create(
        self,
        prefix: str,
        kind: str,
        customer: dict[str, Any] | None,
        numbers: list[str],
        errors: list[str],
        payload: dict[str, Any],
        task_id: str | None = None,
    ) -> dict[str, Any]:
        """Queue a task whose outcome is failure iff `errors`; lock its numbers while it runs."""
        task = {
            "id": task_id or f"{prefix}{uuid.uuid4()}",
            "kind": kind,
            "msTenantId": (customer or {}).get("msTenantId"),
            "state": IN_PROGRESS,
            "createdAt": self.clock.time(),
            "completedAt": None,
            "progress": progress_for(self.tenant, customer),
            "polls": 0,
            "numbers": numbers,
            "errors": errors,
            "msJobId": str(uuid.uuid4()),
            "payload": payload,
        }
        self.tasks.put(task)
        if not errors:
            for number in numbers:
                self.inflight.put({"telephoneNumber": number, "taskId": task["id"]})
        if task["progress"]["mode"] == "immediate" or (
            task["progress"]["mode"] == "seconds" and float(task["progress"]["seconds"]) <= 0
        ):
            task = self._complete(task)
        return task

    def busy(self, numbers: list[str]) -> dict[str, str]:
        """The numbers among `numbers` held by an in-progress task, with that task's id."""
        held = {}
        for number in numbers:
            lock = self.inflight.get(number)
            if lock is not None:
                held[number] = lock["taskId"]
        return held

    def settle(self) -> None:
        """Complete every time-based task whose time has come (called on each request)."""
        now = self.clock.time()
        for task in self.tasks.find("state", IN_PROGRESS):
            mode = task["progress"].get("mode")
            if mode == "immediate" or (
                mode == "seconds"
                and now >= float(task["createdAt"]) + float(task["progress"].get("seconds", 0))
            ):
                self._complete(task)

    def poll(self, task_id: str, failure: dict[str, Any] | None = None) -> dict[str, Any]:
        """GET /api/v2/task/{id}: count the poll, then answer the task as it now stands."""
        task = self.tasks.get(task_id)
        if task is None:
            raise NotFound(detail=f"Task '{task_id}' was not found.")
        if task["state"] != IN_PROGRESS:
            return task
        if failure is not None:
            message = failure.get("message")
            task = self.tasks.update(
                task_id, errors=[*task["errors"], message or default_failure(task["kind"])]
            )
            return self._complete(task)
        polls = int(task.get("polls", 0)) + 1
        task = self.tasks.update(task_id, polls=polls)
        if task["progress"].get("mode") == "polls" and polls > int(task["progress"].get("polls", 1)):
            task = self._complete(task)
        return task

    def _complete(self, task: dict[str, Any]) -> dict[str, Any]:
        succeeded = not task["errors"]
        for number in task["numbers"]:
            lock = self.inflight.get(number)
            if lock is not None and lock["taskId"] == task["id"]:
                self.inflight.delete(number)
        self.effects[task["kind"]](self.tenant, task, succeeded)
        return self.tasks.update(
            task["id"], state=SUCCESS if succeeded else FAILURE, completedAt=self.clock.time()
        )


def default_failure(kind: str) -> str:
    """The Error message of a task failed by a `task_failure` fault without a message."""
    return {
        "upload": "UploadToAccount job status: Failed.",
        "unassign": "Unassign job status: Failed.",
        "release": "Release job status: Failed.",
        "convert": "Customer creation failed.",
        "sitecleanup": "SBC cleanup script failed.",
    }.get(kind, "Workflow failed.")
