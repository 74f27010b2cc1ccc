"""Helpers of the numbers-set and CSV tests: making sets, writing and reading CSV files."""

from __future__ import annotations

import csv
import io
from typing import Any

from werkzeug.test import TestResponse

from tests.omilia.conftest import OmiliaClient

DOC_MINIAPP = (
    "3781bcc1-7c76-439b-ba26-05d22217b316.SND_dmt_test_app_vp.Flow.ocp-qa@SND_dmt_test_app_vp.ocp-qa"
)
NUMERIC_MINIAPP = "test.surname_test.Numeric.MiniApps.ocp"
EXPORT_COLUMNS = [
    "APPLICATION_TAG",
    "COUNTRY",
    "GROUP_ID",
    "LOCALE",
    "MINIAPP_DIAMANT_APP_NAME",
    "MINIAPP_GROUP",
    "MINIAPP_ID",
    "MINIAPP_NAME",
    "MINIAPP_TYPE",
    "NUMBER",
    "PHONE_NUMBER_SET_ID",
    "NOTE",
]


def make_set(user: OmiliaClient, name: str, group: str, numbers: list[str] | None = None) -> dict[str, Any]:
    """Create a set (and add `numbers` to it) as `user`; the created set."""
    response = user.call("POST", "/numbers-set", {"name": name, "groupId": group})
    assert response.status_code == 200, response.json
    if numbers:
        added = user.call("POST", f"/numbers-set/{response.json['id']}/numbers", {"numbers": numbers})
        assert added.status_code == 200, added.json
    return response.json  # type: ignore[no-any-return]


def csv_text(header: list[str], *rows: list[str]) -> str:
    """An RFC 4180 file of `header` then `rows`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def upload(user: OmiliaClient, content: str | bytes, field: str = "File") -> TestResponse:
    """PUT /api/numbers/csv with `content` as the multipart file."""
    data = content.encode() if isinstance(content, str) else content
    return user.call("PUT", "/numbers/csv", data={field: (io.BytesIO(data), "numbers.csv")})


def export(user: OmiliaClient, criteria: dict[str, Any] | None = None) -> TestResponse:
    """POST /api/numbers/csv with the advanced-search body `criteria`."""
    return user.call("POST", "/numbers/csv", criteria if criteria is not None else {})


def parse(text: str) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts by header."""
    return list(csv.DictReader(io.StringIO(text, newline="")))
