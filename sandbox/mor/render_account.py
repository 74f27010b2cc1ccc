"""MOR's XML for the account functions and the call lists (element names as their wiki pages write them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Response

from sandbox.mor.models.accounts import Balance, Login
from sandbox.mor.models.cdr import Period
from sandbox.mor.models.reports import timestamp
from sandbox.mor.render import xml_response

REGISTRATION = (
    "address",
    "postcode",
    "city",
    "county",
    "state",
    "country",
    "phone",
    "mobile",
    "fax",
    "email",
)
OTHER_DETAILS = (
    "personalid",
    "agreement_number",
    "agreement_date",
    "taxation_country",
    "vat_reg_number",
    "vat_percent",
)


def amount(value: float) -> str:
    """`25.5000`: MOR prints money with four decimals."""
    return f"{value:.4f}"


def user_details(user: Mapping[str, Any], balance: Balance) -> Response:
    """user_details_get: `<page>` with pagename, language, userid and the three `<details>` blocks."""
    credit = float(user.get("credit") or 0)
    main = {
        "account": "Postpaid" if user.get("postpaid") else "Prepaid",
        "balance": f"{amount(balance.amount)} {balance.currency}",
        "balance_number": amount(balance.amount),
        "balance_currency": balance.currency,
        "credit": "Unlimited" if credit < 0 else amount(credit),
    }
    other = {
        "username": user["username"],
        "first_name": user.get("first_name") or "",
        "surname": user.get("last_name") or "",
        **{name: str(user.get(name) or "") for name in OTHER_DETAILS},
    }
    registration = {f"reg_{name}": str(user.get(name) or "") for name in REGISTRATION}
    return xml_response(
        {
            "page": {
                "pagename": "Personal_details",
                "language": user.get("language") or "en",
                "userid": str(user["id"]),
                "details": {"main_detail": main, "other_details": other, "registration": registration},
            }
        }
    )


def balance(value: Balance, with_currency: bool) -> Response:
    """user_balance_get: `<page><balance>` (and `<currency>` with user_currency=1)."""
    page: dict[str, Any] = {"balance": amount(value.amount)}
    if with_currency:
        page["currency"] = value.currency
    return xml_response({"page": page})


def simple_balance(value: Balance) -> Response:
    """user_simple_balance_get: the amount as the root's text (laravel-kolmisoft reads it so)."""
    return xml_response({"page": amount(value.amount)})


def version(text: str) -> Response:
    """system_version_get: `<page><version>`."""
    return xml_response({"page": {"version": text}})


def login(result: Login) -> Response:
    """user_login: the `<action>` block, inside `<page>` as every MOR answer is."""
    if not result.ok:
        action = {"name": "login", "status": "failed", "status_message": "Login failed"}
    else:
        action = {
            "name": "login",
            "status": "ok",
            "user_id": result.user_id,
            "status_message": "Successfully logged in",
        }
    return xml_response({"page": {"action": action}})


def user_calls(span: Period, calls: list[dict[str, Any]]) -> Response:
    """user_calls_get: `<page><calls_stat>` with the period, the totals and one `<call>` per call."""
    rows = [
        {
            "calldate": timestamp(float(call["calldate"])),
            "src": call["src"],
            "dst": call["dst"],
            "duration": str(call["billsec"]),
            "billsec": str(call["billsec"]),
            "disposition": call["disposition"],
            "uniqueid": call["id"],
            "user_id": str(call["user_id"]),
        }
        for call in calls
    ]
    stat = {
        "period": {"period_start": timestamp(span.start), "period_end": timestamp(span.end)},
        "total_calls": str(len(rows)),
        "total_billsec": str(sum(int(call["billsec"]) for call in calls)),
        "calls": {"call": rows} if rows else None,
    }
    return xml_response({"page": {"calls_stat": stat}})


LOCAL_FIELDS = (
    "originator_device",
    "originator_caller_id",
    "orignator_ip",
    "orignator_channel",
    "terminator_user",
    "terminator_device",
    "terminator_ip",
)


def local_calls(calls: list[Mapping[str, Any]]) -> Response:
    """local_calls_get: `<page><local_calls>`, a `<call>` each (sic `orignator_ip`, `orignator_channel`)."""
    rows = [
        {
            "calldate": {"date": timestamp(float(call["calldate"])), "timezone": "UTC"},
            **{name: str(call.get(name) or "") for name in LOCAL_FIELDS},
        }
        for call in calls
    ]
    return xml_response({"page": {"local_calls": {"call": rows} if rows else None}})
