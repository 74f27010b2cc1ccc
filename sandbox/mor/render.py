"""MOR's wire format: XML documents rooted at `<page>`, sent as an attachment.

MOR's own server source sends every API answer with
`Content-Disposition: attachment; filename=mor_api_response.xml`.
"""

from __future__ import annotations

from typing import Any

from flask import Response, request

from sandbox.core import xmlio
from sandbox.core.errors import VendorError
from sandbox.mor.functions import status_errors
from sandbox.mor.transport import function_name

CONTENT_TYPE = "text/xml"
DISPOSITION = "attachment; filename=mor_api_response.xml"


def xml_response(document: dict[str, Any], status: int = 200) -> Response:
    """An XML document with MOR's declaration, content type and disposition."""
    response = Response(xmlio.render(document), status=status, mimetype=CONTENT_TYPE)
    response.headers["Content-Disposition"] = DISPOSITION
    return response


def render_error(error: VendorError) -> Response:
    """`<page><error>MSG</error></page>` (the upload page's envelope), or inside `<status>` for the
    functions whose pages and clients read it there (system_version_get, the call lists)."""
    if status_errors(function_name(request)):
        return xml_response({"page": {"status": {"error": error.message}}}, error.status)
    return xml_response({"page": {"error": error.message}}, error.status)


def success(message: str) -> Response:
    """`<page><status><success>MSG</success></status></page>`."""
    return xml_response({"page": {"status": {"success": message}}})


def message(text: str) -> Response:
    """`<page><status><message>MSG</message></status></page>` (change_campaign_status's messages)."""
    return xml_response({"page": {"status": {"message": text}}})


def statistics(stats: dict[str, Any]) -> Response:
    """autodialer_get_campaign_statistics, in the element order of the wiki's example."""
    counts = stats["calls"]
    total = sum(counts.values())
    body = {
        "period": {"period_start": stats["period_start"], "period_end": stats["period_end"]},
        "total_numbers": str(stats["total_numbers"]),
        "failed": str(stats["failed"]),
        "completed": str(stats["completed"]),
        "total_call_time": str(stats["total_call_time"]),
        "total_call_time_longer_than_10s": str(stats["total_call_time_longer_than_10s"]),
    }
    # The wiki's example is cut at the block after <busy> ("<fail..."): by its siblings' pattern it
    # is <fail> with <fail_calls> and <fail_percent>, the FAILED calls (the four percents make 100%).
    blocks = (("answered", "ANSWERED"), ("no_answer", "NO ANSWER"), ("busy", "BUSY"), ("fail", "FAILED"))
    for element, disposition in blocks:
        body[element] = {
            f"{element}_calls": str(counts[disposition]),
            f"{element}_percent": percent(counts[disposition], total),
        }
    return xml_response(
        {"page": {"status": {"campaign_name": stats["campaign_name"], "campaign_statistics": body}}}
    )


def ivr_poll_results(text: str) -> Response:
    """`<page><status><ivr_poll_results_string>...</ivr_poll_results_string></status></page>`."""
    return xml_response({"page": {"status": {"ivr_poll_results_string": text}}})


def percent(part: int, whole: int) -> str:
    """`40%`, `33.33%`: at most two decimals, as in the wiki's example."""
    value = 100.0 * part / whole if whole else 0.0
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"
