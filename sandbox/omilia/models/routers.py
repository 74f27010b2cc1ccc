"""Traffic routers of gradual traffic assignment (/api/numbers-routing).

learn.ocp.ai "gradual-traffic-assignment" and "routers-tab-gradual-traffic-assignment": a router
belongs to one phone number and moves its traffic, step by step, from the application the number
is attached to (the source) to a target application. Status: Running, Inactive, Confirmation
Pending; progress: Not started, In Progress, Completed. The integrations role mapping names get
by id, get for a number, get all, update, delete and move to the next step; reads are open to
every role. Everything else (paths but the POST, bodies, codes, texts, write roles) is the
sandbox's choice, recorded in the contract.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.omilia.exceptions import BadRequest, Conflict, NotFound
from sandbox.omilia.models import fields
from sandbox.omilia.models.identity import Caller
from sandbox.omilia.models.numbers import NumberBook
from sandbox.omilia.models.permissions import require, require_groups

RUNNING, INACTIVE, PENDING = "Running", "Inactive", "Confirmation Pending"
NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In Progress", "Completed"
FULL = 100


class RouterBook:
    """A tenant's routers, as one caller may see and change them."""

    def __init__(self, tenant: TenantState) -> None:
        self.routers = tenant.collection("omilia", "routers")
        self.numbers = tenant.collection("omilia", "numbers")
        self.miniapps = tenant.collection("omilia", "miniapps")
        self.book = NumberBook(tenant)

    # -- reading -------------------------------------------------------------------------------
    def get(self, caller: Caller, router_id: str) -> dict[str, Any]:
        """GET /api/numbers-routing/{id}."""
        return view(self._get(caller, router_id, "routers.read"))

    def for_number(self, caller: Caller, number: str) -> dict[str, Any]:
        """GET /api/numbers-routing/number/{number}: the router of one of the caller's numbers."""
        require(caller, "routers.read")
        (record,) = self.book.owned(caller, [fields.check_e164(number)])
        found = self.routers.find("number", record["number"])
        if not found:
            raise NotFound(f"Router for number {number} not found")
        return view(found[0])

    def all(self, caller: Caller) -> list[dict[str, Any]]:
        """GET /api/numbers-routing: the routers of the caller's groups' numbers."""
        require(caller, "routers.read")
        return [view(r) for r in self.routers if self._group(r) in caller.groups]

    # -- writing -------------------------------------------------------------------------------
    def create(self, caller: Caller, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /api/numbers-routing: a router for a number attached to a miniApp."""
        require(caller, "routers.write")
        number = fields.check_e164(_required(body.get("number"), "number"))
        target_app, target_tag = self._target(caller, body, None)
        step = _percent(body, "step", None, minimum=1)
        weight = _percent(body, "initialWeight", 0, minimum=0)
        enabled = fields.optional_bool(body, "isEnabled", True)
        (record,) = self.book.owned(caller, [number])
        source = record.get("miniAppId")
        if not source:
            raise BadRequest(f"Number {number} is not attached to a miniApp: there is no traffic to route")
        if target_app == source:
            raise BadRequest(f"The target application is the number's source application {source}")
        if self.routers.find("number", number):
            raise Conflict(f"A router for number {number} already exists")
        router = {
            "id": str(uuid.uuid4()),
            "number": number,
            "groupId": record["groupId"],
            "sourceAppId": source,
            "targetAppId": target_app,
            "targetAppTag": target_tag,
            "step": step,
            "initialWeight": weight,
            "currentWeight": weight,
            "isEnabled": enabled,
            "moves": 0,
        }
        return view(self.routers.put(router))

    def update(self, caller: Caller, router_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """PUT /api/numbers-routing/{id}: change the target, the step, the initial weight or isEnabled."""
        record = self._get(caller, router_id, "routers.write")
        changes: dict[str, Any] = {}
        if "targetAppId" in body or "targetAppTag" in body:
            changes["targetAppId"], changes["targetAppTag"] = self._target(caller, body, record)
            if changes["targetAppId"] == record["sourceAppId"]:
                raise BadRequest(
                    f"The target application is the number's source application {record['sourceAppId']}"
                )
        if body.get("step") is not None:
            changes["step"] = _percent(body, "step", None, minimum=1)
        if body.get("initialWeight") is not None:
            weight = _percent(body, "initialWeight", 0, minimum=0)
            if record.get("moves"):
                raise BadRequest(f"Router {router_id} has moved: its initialWeight can no longer change")
            changes.update(initialWeight=weight, currentWeight=weight)
        if body.get("isEnabled") is not None:
            changes["isEnabled"] = fields.optional_bool(body, "isEnabled", True)
        return view(self.routers.update(router_id, **changes) if changes else record)

    def delete(self, caller: Caller, router_id: str) -> str:
        """DELETE /api/numbers-routing/{id}."""
        record = self._get(caller, router_id, "routers.write")
        self.routers.delete(record["id"])
        return record["id"]

    def next_step(self, caller: Caller, router_id: str) -> dict[str, Any]:
        """PUT /api/numbers-routing/{id}/next-step: move `step` more percent of traffic to the target."""
        record = self._get(caller, router_id, "routers.write")
        if not record.get("isEnabled"):
            raise BadRequest(f"Router {router_id} is Inactive: enable it before moving it to the next step")
        if int(record["currentWeight"]) >= FULL:
            raise BadRequest(f"Router {router_id} is Completed: all traffic already goes to the target")
        weight = min(FULL, int(record["currentWeight"]) + int(record["step"]))
        return view(
            self.routers.update(router_id, currentWeight=weight, moves=int(record.get("moves", 0)) + 1)
        )

    # -- helpers -------------------------------------------------------------------------------
    def _get(self, caller: Caller, router_id: str, action: str) -> dict[str, Any]:
        require(caller, action)
        record = self.routers.get(router_id)
        if record is None:
            raise NotFound(f"Router {router_id} not found")
        require_groups(caller, [self._group(record)])
        return record

    def _group(self, router: Mapping[str, Any]) -> str | None:
        """The group of the router's number now (the number may have moved), else the one it had."""
        number = self.numbers.get(router["number"])
        return number["groupId"] if number else router.get("groupId")

    def _target(
        self, caller: Caller, body: Mapping[str, Any], record: Mapping[str, Any] | None
    ) -> tuple[str | None, str | None]:
        """The target miniApp (it must exist in the caller's groups) and application tag: one is required."""
        app_id = fields.optional_string(body, "targetAppId")
        tag = fields.optional_string(body, "targetAppTag")
        if record is not None:
            app_id = app_id if "targetAppId" in body else record.get("targetAppId")
            tag = tag if "targetAppTag" in body else record.get("targetAppTag")
        if app_id is None and tag is None:
            raise BadRequest("Missing required parameter 'targetAppId' (or 'targetAppTag')")
        if app_id is not None:
            app = self.miniapps.get(app_id)
            if app is None:
                raise NotFound(f"MiniApp {app_id} not found")
            require_groups(caller, [app.get("group")])
        return app_id, tag


def view(router: Mapping[str, Any]) -> dict[str, Any]:
    """A router as the API prints it, with its status and progress."""
    weight = int(router["currentWeight"])
    if weight >= FULL:
        status, progress = PENDING, COMPLETED
    else:
        status = RUNNING if router.get("isEnabled") else INACTIVE
        progress = IN_PROGRESS if router.get("moves") else NOT_STARTED
    shown = ("id", "number", "groupId", "sourceAppId", "targetAppId", "targetAppTag", "step", "initialWeight")
    return {
        **{name: router.get(name) for name in shown},
        "currentWeight": weight,
        "isEnabled": bool(router.get("isEnabled")),
        "status": status,
        "progress": progress,
    }


def _required(value: Any, name: str) -> Any:
    if value is None or value == "":
        raise BadRequest(f"Missing required parameter '{name}'")
    return value


def _percent(body: Mapping[str, Any], name: str, default: int | None, minimum: int) -> int:
    """An integer percentage from `minimum` to 100 (required when `default` is None)."""
    value = body.get(name)
    if value is None:
        if default is None:
            raise BadRequest(f"Missing required parameter '{name}'")
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= FULL:
        raise BadRequest(f"Invalid parameter '{name}': must be an integer from {minimum} to {FULL}")
    return value
