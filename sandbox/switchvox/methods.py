"""The Switchvox methods served: one registry, name -> scope and access right -> handler -> renderer.

Adding a method is one model function, one entry here and one contract entry. A handler takes the
call's `Context` and returns plain data; its renderer turns that data into the `<result>` tree
(the four original methods return their tree already). `scope` says who may call it: `users`
methods are open to a logged-in extension (on its own account) and to admin accounts; `admin`
methods to admin accounts only. `right` is the access level an admin account needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.core.clock import Clock
from sandbox.core.store import TenantState
from sandbox.switchvox import render_accounts, render_calls
from sandbox.switchvox.envelope import ExtendRequest
from sandbox.switchvox.models import bulk, calllogs, calls, extensions, groups, users
from sandbox.switchvox.models.auth import USERS_SCOPE, Caller


@dataclass(frozen=True)
class Context:
    """What a handler works with: the tenant, its clock, the parsed request and who sent it."""

    tenant: TenantState
    clock: Clock
    request: ExtendRequest
    caller: Caller

    @property
    def params(self) -> dict[str, Any]:
        """The request's parameters."""
        return self.request.params


Handler = Callable[[Context], Any]
Renderer = Callable[[Any], dict[str, Any]]


def as_is(tree: Any) -> dict[str, Any]:
    """The renderer of handlers that return their `<result>` tree themselves."""
    return tree  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Method:
    """One Extend method: who may call it, what does the work, how its result is written."""

    scope: str
    right: str
    handler: Handler
    render: Renderer = as_is

    @property
    def reusable(self) -> bool:
        """Whether its answer may be given again while the tenant is unchanged: it only reads."""
        return self.right == "read"


ADMIN = "admin"

METHODS: dict[str, Method] = {
    "switchvox.extensions.getInfo": Method(ADMIN, "read", lambda c: extensions.get_info(c.tenant, c.params)),
    "switchvox.extensions.search": Method(ADMIN, "read", lambda c: extensions.search(c.tenant, c.params)),
    "switchvox.extensions.phones.sip.getInfo": Method(
        ADMIN, "read", lambda c: extensions.sip_info(c.tenant, c.params)
    ),
    "switchvox.extensions.phones.bulk.upload": Method(
        ADMIN, "write", lambda c: bulk.bulk_upload(c.tenant, c.clock, c.params, c.request.files)
    ),
    "switchvox.extensions.settings.getInfo": Method(
        ADMIN, "read", lambda c: extensions.settings(c.tenant), render_accounts.extensions_settings
    ),
    "switchvox.extensionGroups.getList": Method(
        ADMIN, "read", lambda c: groups.get_list(c.tenant, c.params), render_accounts.extension_groups
    ),
    "switchvox.extensionGroups.getInfo": Method(
        ADMIN, "read", lambda c: groups.get_info(c.tenant, c.params), render_accounts.extension_group
    ),
    "switchvox.users.getMyInfo": Method(
        USERS_SCOPE,
        "read",
        lambda c: {"extension": extensions.attributes(c.tenant, users.my_info(c.tenant, c.caller))},
    ),
    "switchvox.users.phones.getList": Method(
        USERS_SCOPE, "read", lambda c: users.phones(c.tenant, c.caller, c.params), render_accounts.phones
    ),
    "switchvox.users.call": Method(
        USERS_SCOPE,
        "write",
        lambda c: calls.users_call(c.tenant, c.clock, c.caller, c.params),
        render_calls.call_info,
    ),
    "switchvox.users.callLogs.search": Method(
        USERS_SCOPE,
        "read",
        lambda c: calllogs.users_search(c.tenant, c.clock, c.caller, c.params),
        render_calls.user_call_logs,
    ),
    "switchvox.call": Method(
        ADMIN, "write", lambda c: calls.admin_call(c.tenant, c.clock, c.params), render_calls.call_info
    ),
    "switchvox.currentCalls.getList": Method(
        ADMIN, "read", lambda c: calls.current(c.tenant, c.clock), render_calls.current_calls
    ),
    "switchvox.currentCalls.hangUp": Method(
        ADMIN, "write", lambda c: calls.hang_up(c.tenant, c.clock, c.params), render_calls.success
    ),
    "switchvox.callLogs.search": Method(
        ADMIN,
        "read",
        lambda c: calllogs.admin_search(c.tenant, c.clock, c.params),
        render_calls.admin_call_logs,
    ),
}


def lookup(name: str) -> Method | None:
    """The method registered under `name`, if it is served."""
    return METHODS.get(name)
