"""Omilia's wire format: JSON bodies, the success envelope, errors, number records."""

from __future__ import annotations

from collections.abc import Sized
from typing import Any

from flask import Response, jsonify

from sandbox.core.errors import VendorError
from sandbox.omilia.exceptions import KeycloakError, RealmNotFound


def json_response(body: Any, status: int = 200) -> Response:
    """A JSON response with `status`."""
    response = jsonify(body)
    response.status_code = status
    return response


def success(message: str) -> Response:
    """The documented `{"success": true, "message": ...}` envelope."""
    return json_response({"success": True, "message": message})


def plural(numbers: Sized | int, noun: str = "number") -> str:
    """'1 number' / '3 numbers' (of a collection or a count)."""
    count = numbers if isinstance(numbers, int) else len(numbers)
    return f"{count} {noun}" + ("" if count == 1 else "s")


def render_error(error: VendorError) -> Response:
    """Keycloak's error body on the token endpoint, `{"success": false, "message"}` elsewhere."""
    if isinstance(error, RealmNotFound):
        body: dict[str, Any] = {"error": error.message}
    elif isinstance(error, KeycloakError):
        body = {"error": error.code, "error_description": error.message}
    else:
        body = {"success": False, "message": error.message}
    return json_response(body, error.status)


LIST_FIELDS = (
    "number",
    "country",
    "groupId",
    "miniAppId",
    "miniAppName",
    "miniAppType",
    "miniAppDiamantAppName",
    "miniAppGroup",
    "locale",
    "note",
    "applicationTag",
)


def listed_number(view: dict[str, Any]) -> dict[str, Any]:
    """A number as GET /api/numbers prints it (sic: `phoneNumbersSetId`, `phoneNumbersSetName`)."""
    item = {field: view.get(field) for field in LIST_FIELDS}
    item["phoneNumbersSetId"] = view.get("phoneNumberSetId")
    item["phoneNumbersSetName"] = view.get("phoneNumberSetName")
    return item


def searched_number(view: dict[str, Any]) -> dict[str, Any]:
    """A number as search and set listings print it (`phoneNumberSetId`, no set name)."""
    item = {field: view.get(field) for field in LIST_FIELDS}
    item["phoneNumberSetId"] = view.get("phoneNumberSetId")
    return item


AVAILABLE_FIELDS = ("number", "country", "locality", "region", "price")


def available_number(offer: dict[str, Any]) -> dict[str, Any]:
    """A number for sale, as POST /api/numbers prints it."""
    return {field: offer.get(field) for field in AVAILABLE_FIELDS}


def paged(page: Any, noun: str, item: Any) -> Response:
    """The documented paged envelope: `{noun: [...], page, pageSize, numberOfPages, all<Noun>}`."""
    return json_response(
        {
            noun: [item(v) for v in page.items],
            "page": page.page,
            "pageSize": page.page_size,
            "numberOfPages": page.pages,
            f"all{noun.capitalize()}": page.total,
        }
    )


def number_page(page: Any, item: Any = listed_number) -> Response:
    """The paged envelope of GET /api/numbers and POST /api/numbers/search."""
    return paged(page, "numbers", item)


def miniapp(app: dict[str, Any]) -> dict[str, Any]:
    """A miniApp as the miniApps listing prints it (the names the numbers listing uses for it)."""
    return {
        "miniAppId": app["miniAppId"],
        "miniAppName": app.get("name"),
        "miniAppType": app.get("type"),
        "miniAppGroup": app.get("group"),
        "miniAppDiamantAppName": app.get("diamantAppName"),
    }


def miniapp_page(page: Any) -> Response:
    """The paged envelope of GET /miniapps/api/apps (the numbers listing's, with `apps`)."""
    return paged(page, "apps", miniapp)
