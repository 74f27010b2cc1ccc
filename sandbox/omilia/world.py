"""Omilia's default world: realms' users, groups, miniApps, numbers, and Twilio's inventory.

Every example of Omilia's page (learn.ocp.ai, "How to manage batch numbers through API") works
against it as written.
"""

from __future__ import annotations

import uuid
from typing import Any

from sandbox.omilia.models.records import new_number

PASSWORD = "sandbox"
DOC_MINIAPP = (
    "3781bcc1-7c76-439b-ba26-05d22217b316.SND_dmt_test_app_vp.Flow.ocp-qa@SND_dmt_test_app_vp.ocp-qa"
)
NUMERIC_MINIAPP = "test.surname_test.Numeric.MiniApps.ocp"

REALMS = ("master", "ocp")
CLIENT_ID = "ocp"
PROVIDERS = ("Twilio",)
# Rows per operation allowed in one CSV import (PUT /api/numbers/csv). The vendor's table of default
# limits is missing from every public copy of learn.ocp.ai/guides/how-to-manage-batch-numbers-through-csv:
# these are the sandbox's, and the
# `settings` record `csvLimits` (a world file or PUT /__sandbox/state) overrides any of them.
CSV_LIMITS_ID = "csvLimits"
CSV_LIMITS = {"create": 100, "update": 1000, "attach": 1000, "detach": 1000, "delete": 100}
# Calling codes of the countries the world knows, longest first, for numbers added without a country.
CALLING_CODES = (
    ("+357", "CY"),
    ("+380", "UA"),
    ("+385", "HR"),
    ("+30", "GR"),
    ("+44", "GB"),
    ("+49", "DE"),
    ("+1", "US"),
)


def country_of(number: str) -> str | None:
    """The country of an E.164 number by its calling code, when the world knows it."""
    for code, country in CALLING_CODES:
        if number.startswith(code):
            return country
    return None


def _user(username: str, roles: list[str], groups: list[str]) -> dict[str, Any]:
    return {
        "username": username,
        "password": PASSWORD,
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"omilia-user:{username}")),
        "roles": roles,
        "groups": groups,
    }


def _number(number: str, country: str, group: str, **fields: Any) -> dict[str, Any]:
    return new_number(number, country, group, provider="Twilio", **fields)


def _inventory() -> list[dict[str, Any]]:
    areas = {
        "US": [("+1201555", "Jersey City", "NJ"), ("+1415555", "San Francisco", "CA")],
        "GB": [("+44207946", "London", "England")],
        "GR": [("+30210555", "Athens", "Attica")],
        "CY": [("+35722555", "Nicosia", "Nicosia")],
        "UA": [("+38044555", "Kyiv", "Kyiv")],
        "HR": [("+38514555", "Zagreb", "Zagreb")],
        "DE": [("+4930555", "Berlin", "Berlin")],
    }
    offers = []
    for country, blocks in areas.items():
        for prefix, locality, region in blocks:
            for i in range(5):
                offers.append(
                    {
                        "number": f"{prefix}{1000 + i}",
                        "country": country,
                        "locality": locality,
                        "region": region,
                        "price": 1 if country == "US" else 2,
                        "provider": "Twilio",
                    }
                )
    return offers


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    return {
        "users": [
            _user("owner", ["Owner"], ["ocp-qa", "ocp"]),
            _user("maintainer", ["Maintainer"], ["ocp-qa"]),
            _user("developer", ["Developer"], ["ocp-qa"]),
            _user("viewer", ["Viewer"], ["ocp-qa"]),
            _user("support", ["Owner", "SUPPORT"], ["ocp-qa", "ocp"]),
        ],
        "groups": [{"id": "ocp-qa"}, {"id": "ocp"}, {"id": "other"}],
        "miniapps": [
            {
                "miniAppId": DOC_MINIAPP,
                "name": "SND_dmt_test_app_vp",
                "type": "Flow",
                "group": "ocp-qa",
                "diamantAppName": "ocp-qa@SND_dmt_test_app_vp",
            },
            {
                "miniAppId": NUMERIC_MINIAPP,
                "name": "surname_test",
                "type": "Numeric",
                "group": "ocp",
                "diamantAppName": "miniApps",
            },
        ],
        "numbers": [
            _number(
                "+12012049893",
                "US",
                "ocp-qa",
                miniAppId=DOC_MINIAPP,
                locale="en-US",
                note="DiaManT - vpolitis",
            ),
            _number("+12012049894", "US", "ocp-qa", note="spare line"),
            _number("+302107654321", "GR", "ocp-qa", miniAppId=DOC_MINIAPP, locale="el-GR"),
            _number(
                "+442079460000", "GB", "ocp", miniAppId=NUMERIC_MINIAPP, locale="en-GB", note="London desk"
            ),
            _number("+35722000001", "CY", "other", note="not visible to the default users"),
        ],
        "sets": [],
        "routers": [],
        "logouts": [],
        "settings": [{"id": CSV_LIMITS_ID, **CSV_LIMITS}],
        "inventory": _inventory(),
    }
