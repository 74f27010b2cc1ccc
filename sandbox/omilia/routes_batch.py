"""Routes of /api/numbers/csv: fetch numbers as CSV (POST) and run operations from a CSV file (PUT).

Endpoint names are the contract's operationIds.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from sandbox.core.context import current_tenant
from sandbox.core.reuse import reusable
from sandbox.omilia import render, render_csv
from sandbox.omilia.exceptions import BadRequest
from sandbox.omilia.inbound import API, caller, json_body
from sandbox.omilia.models import batch
from sandbox.omilia.models.permissions import require

# The doc names the form field `File`; `file` is accepted too, as multipart clients often lower-case it.
FILE_FIELDS = ("File", "file")


def register(bp: Blueprint) -> None:
    """Add the CSV routes to the Omilia blueprint."""
    bp.add_url_rule(f"{API}/numbers/csv", "exportNumbersCsv", export_csv, methods=["POST"])
    bp.add_url_rule(f"{API}/numbers/csv", "importNumbersCsv", import_csv, methods=["PUT"])


@reusable
def export_csv() -> Response:
    """POST /api/numbers/csv: the numbers the advanced-search body selects, as a CSV file."""
    who = caller()
    views = batch.export(current_tenant(), who, json_body())
    return render_csv.csv_response(render_csv.write_numbers(views))


def import_csv() -> Response:
    """PUT /api/numbers/csv: apply a file of operations, all of it or (on any bad row) nothing."""
    who = caller()
    require(who, "numbers.import")
    rows = render_csv.read_rows(uploaded_file())
    counts = batch.Importer(current_tenant(), who).run(rows)
    return render.success(batch.summary(counts))


def uploaded_file() -> bytes:
    """The bytes of the multipart part `File` (a file part, or a plain field some clients send)."""
    for name in FILE_FIELDS:
        if name in request.files:
            return request.files[name].read()
    for name in FILE_FIELDS:
        if name in request.form:
            return request.form[name].encode("utf-8")
    raise BadRequest("Required request part 'File' is not present: CSV file is required")
