"""Reading an uploaded CSV file within the limits: rows per file and characters per line.

A hostile file (a million columns, a 10 MB line, millions of rows) is refused as soon as the reader
reaches the line or the row that passes a limit, before the csv module splits it into fields, so
time and memory stay proportional to what the limits allow. Each vendor turns CsvLimitError into
its own error.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import Any

from sandbox.core import limits


class CsvLimitError(ValueError):
    """A CSV file past the sandbox's limits (the message says which, and where)."""


class CsvSyntaxError(csv.Error):
    """The csv module's refusal of a record, with the line the record starts on."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
"""One physical line with its ending (CRLF, CR or LF), as io.StringIO(newline="") splits them."""


def _bounded(text: str, max_chars: int) -> Iterator[str]:
    """The lines of `text`, each measured before it is copied out (a 10 MB line is never copied)."""
    for number, match in enumerate(_LINE.finditer(text), 1):
        if match.end() - match.start() > max_chars:
            raise CsvLimitError(
                f"line {number} is longer than {max_chars} characters (SANDBOX_CSV_MAX_LINE_CHARS)"
            )
        yield match.group()


def records(text: str, **options: Any) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of each record of `text` that has any field, header included.

    CsvLimitError at a line longer than CSV_MAX_LINE_CHARS or once the file holds more than
    CSV_MAX_ROWS records after its first; CsvSyntaxError where the csv module refuses a record.
    """
    bounds = limits.current()
    reader = csv.reader(_bounded(text, bounds.csv_max_line_chars), **options)
    kept = 0
    line = 1
    while True:
        try:
            record = next(reader, None)
        except csv.Error as exc:
            raise CsvSyntaxError(line, str(exc)) from None
        if record is None:
            return
        if record:
            kept += 1
            if kept > bounds.csv_max_rows + 1:
                raise CsvLimitError(
                    f"more than {bounds.csv_max_rows} rows (SANDBOX_CSV_MAX_ROWS) at line {line}"
                )
            yield line, record
        line = reader.line_num + 1
