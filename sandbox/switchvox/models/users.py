"""The `switchvox.users.*` methods' accounts: whose account a call acts on, getMyInfo, phones.getList.

Extend API overview: an extension that logs in "can only use the 'users' functionality of the API,
and the tasks you do will apply to that extension". So an extension may name only its own
`account_id` (another one is 27168, "Your account is not permitted to run this action.", as the
users.callLogs.search page lists it); an admin account may name any extension's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sandbox.core.store import TenantState
from sandbox.switchvox.exceptions import coded, missing
from sandbox.switchvox.models.auth import Caller
from sandbox.switchvox.models.extensions import check_account_id
from sandbox.switchvox.params import scalar


def account(
    tenant: TenantState,
    caller: Caller,
    params: Mapping[str, Any],
    name: str = "account_id",
    *,
    required: bool,
) -> dict[str, Any]:
    """The extension record a users.* call acts on (10011, 10014, 27168, 84711 otherwise).

    Absent and not `required`: the logged-in extension's own account (an admin account has none: 10011).
    """
    value = scalar(params, name)
    if not value:
        if required or not caller.is_extension:
            raise missing(name)
        value = str(caller.account_id)
    check_account_id(value)
    if caller.is_extension and value != caller.account_id:
        raise coded(27168)
    record = tenant.collection("switchvox", "extensions").get(value)
    if record is None:
        raise coded(84711)
    return record


def my_info(tenant: TenantState, caller: Caller) -> dict[str, Any]:
    """switchvox.users.getMyInfo: the logged-in extension (an admin account has none: 27168)."""
    if not caller.is_extension:
        raise coded(27168)
    record = tenant.collection("switchvox", "extensions").get(str(caller.account_id))
    if record is None:
        raise coded(27168)
    return record


def phones(tenant: TenantState, caller: Caller, params: Mapping[str, Any]) -> list[str]:
    """switchvox.users.phones.getList: the account's non-Digium phone configurations, by id.

    The sandbox gives a SIP extension without a Digium phone (no MAC address) one phone whose
    phone_config_id is the account id; a Digium-phone or virtual extension has none.
    """
    record = account(tenant, caller, params, required=True)
    if record.get("type") != "sip" or record.get("digium_phone_mac_address"):
        return []
    return [str(record["account_id"])]
