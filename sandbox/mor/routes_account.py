"""MOR functions an integration calls to learn who it is and what it has: thin views.

Endpoint names are the MOR function names (the contract's operationIds, the fault rules' operation).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, request

from sandbox.core.context import current_clock, current_tenant
from sandbox.core.reuse import reusable
from sandbox.mor import render_account, transport
from sandbox.mor.exceptions import AccessDenied, MorError
from sandbox.mor.inbound import call
from sandbox.mor.models.access import check_transport
from sandbox.mor.models.accounts import Accounts
from sandbox.mor.models.cdr import CallRecords


def views() -> dict[str, Callable[[], Response]]:
    """The view of each function of this module, by name."""
    return {
        "user_details_get": user_details_get,
        "user_balance_get": user_balance_get,
        "user_simple_balance_get": user_simple_balance_get,
        "system_version_get": system_version_get,
        "user_login": user_login,
        "user_calls_get": user_calls_get,
        "local_calls_get": local_calls_get,
    }


def accounts() -> Accounts:
    """The tenant's users."""
    return Accounts(current_tenant())


@reusable
def user_details_get() -> Response:
    """POST /billing/api/user_details_get (hash: user_id, username)."""
    caller, params = call("user_details_get")
    book = accounts()
    user = book.details(caller, params.get("user_id", ""), params.get("username", ""))
    return render_account.user_details(
        user, book.convert(float(user.get("balance") or 0), str(user.get("currency")))
    )


@reusable
def user_balance_get() -> Response:
    """POST /billing/api/user_balance_get (hash: username, currency)."""
    caller, params = call("user_balance_get")
    with_currency = params.get("user_currency") == "1"
    value = accounts().balance(caller, params.get("username", ""), params.get("currency", ""), with_currency)
    return render_account.balance(value, with_currency)


@reusable
def user_simple_balance_get() -> Response:
    """POST /billing/api/user_simple_balance_get (hash: id, currency; `id` is the user's unique hash)."""
    caller, params = call("user_simple_balance_get")
    return render_account.simple_balance(
        accounts().simple_balance(caller, params.get("id", ""), params.get("currency", ""))
    )


@reusable
def system_version_get() -> Response:
    """POST /billing/api/system_version_get: every refusal reads `Access Denied` (latest revision)."""
    try:
        caller, _ = call("system_version_get")
        return render_account.version(accounts().version(caller))
    except MorError as exc:
        raise AccessDenied() from exc


def user_login() -> Response:
    """POST /billing/api/user_login (u, p): `<action>` with status ok or failed."""
    params = transport.params(request)
    check_transport(current_tenant(), request.method)
    return render_account.login(accounts().login(params.get("u", ""), params.get("p", "")))


def user_calls_get() -> Response:
    """POST /billing/api/user_calls_get: the calls the autodialer placed for the user(s)."""
    caller, params = call("user_calls_get")
    span, calls = CallRecords(current_tenant(), current_clock().time()).user_calls(caller, params)
    return render_account.user_calls(span, calls)


def local_calls_get() -> Response:
    """POST /billing/api/local_calls_get (hash: from, till, s_user)."""
    caller, params = call("local_calls_get")
    return render_account.local_calls(
        CallRecords(current_tenant(), current_clock().time()).local_calls(caller, params)
    )
