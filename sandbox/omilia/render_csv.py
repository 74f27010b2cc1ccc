"""The CSV wire format of /api/numbers/csv: the export's columns, writing it, and reading an import.

Columns and their order are learn.ocp.ai/guides/how-to-manage-batch-numbers-through-csv's (the doc lists
them; the real order is only in a screenshot). Delimiter and quoting are undocumented: comma and RFC
4180 (CRLF, quotes doubled).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Response

from sandbox.core import csvio
from sandbox.omilia.exceptions import BadRequest

# Export column -> field of a number view.
COLUMNS: dict[str, str] = {
    "APPLICATION_TAG": "applicationTag",
    "COUNTRY": "country",
    "GROUP_ID": "groupId",
    "LOCALE": "locale",
    "MINIAPP_DIAMANT_APP_NAME": "miniAppDiamantAppName",
    "MINIAPP_GROUP": "miniAppGroup",
    "MINIAPP_ID": "miniAppId",
    "MINIAPP_NAME": "miniAppName",
    "MINIAPP_TYPE": "miniAppType",
    "NUMBER": "number",
    "PHONE_NUMBER_SET_ID": "phoneNumberSetId",
    "NOTE": "note",
}
IMPORT_ONLY = ("OPERATION", "PROVIDER")
REQUIRED = ("NUMBER", "OPERATION")
VERBATIM = ("NOTE", "APPLICATION_TAG")
"""Free-text columns kept as written (spaces included), so a round trip changes nothing."""
MAX_HEADER_PROBLEMS = 20
"""Unknown header columns named in a refusal; the rest are counted."""


def write_numbers(views: Iterable[Mapping[str, Any]]) -> str:
    """The export file: a header row, then one row per number (null is an empty field)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    fields = list(COLUMNS.values())
    writer.writerows([_cell(view.get(f)) for f in fields] for view in views)
    return out.getvalue()


def csv_response(text: str, filename: str = "numbers.csv") -> Response:
    """A `text/csv` download."""
    response = Response(text, status=200, mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Row:
    """One data row of an import: its first line in the file, and its non-empty fields by column."""

    line: int
    values: dict[str, str]
    problem: str | None = None
    """Why the row cannot be read as a record (wrong number of fields), if it cannot."""


def read_rows(data: bytes) -> list[Row]:
    """The data rows of an import file; BadRequest naming the line when the file itself is unusable."""
    if not data.strip():
        raise BadRequest("CSV file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadRequest("File is not a CSV file: it is not UTF-8 text") from None
    if "\x00" in text:
        raise BadRequest("File is not a CSV file: it holds binary data")
    try:
        records = list(csvio.records(text, strict=True))
    except csvio.CsvLimitError as exc:
        raise BadRequest(f"CSV file rejected: {exc}") from None
    except csvio.CsvSyntaxError as exc:
        raise BadRequest(f"File is not a CSV file: line {exc.line}: {exc.reason}") from None
    if not records:
        raise BadRequest("CSV file is empty")
    header = _header(records[0])
    if len(records) == 1:
        raise BadRequest("CSV file has a header but no rows")
    return [_row(header, line, record) for line, record in records[1:]]


def _header(first: tuple[int, list[str]]) -> list[str]:
    line, names = first
    header = [name.strip().upper() for name in names]
    known = set(COLUMNS).union(IMPORT_ONLY)
    counts = Counter(header)
    problems = [f"unknown column '{n[:60]}'" for n in header if n not in known]
    problems += [f"column {n[:60]} appears twice" for n in sorted(n for n in counts if counts[n] > 1)]
    problems += [f"missing column {n}" for n in REQUIRED if n not in counts]
    if len(problems) > MAX_HEADER_PROBLEMS:
        problems[MAX_HEADER_PROBLEMS:] = [f"and {len(problems) - MAX_HEADER_PROBLEMS} more problems"]
    if problems:
        raise BadRequest(f"Invalid CSV header (line {line}): " + "; ".join(problems))
    return header


def _row(header: list[str], line: int, record: list[str]) -> Row:
    if len(record) != len(header):
        return Row(line, {}, f"has {len(record)} fields, the header has {len(header)}")
    # "Null or empty fields are ignored" (omilia-numbers-csv.txt): only non-empty fields count.
    values = {}
    for name, value in zip(header, record, strict=True):
        if value.strip():
            values[name] = value if name in VERBATIM else value.strip()
    return Row(line, values)
