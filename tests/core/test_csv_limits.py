"""Hostile CSV files (a million columns, a 10 MB line, too many rows) are refused in the vendor's own
error shape, before the csv module splits them, with memory that does not grow with the file."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core import csvio
from sandbox.core.limits import Limits
from tests.mor.conftest import Mor, page
from tests.switchvox.conftest import SIP, Extend, xml_error

TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}
MILLION_COLUMNS = (
    "OPERATION,NUMBER," + ",".join(f"C{i}" for i in range(1_000_000)) + "\r\nupdate,+12012049893\r\n"
)
TEN_MB_LINE = "OPERATION,NUMBER,NOTE\r\nupdate,+12012049893," + "n" * 10_000_000 + "\r\n"
TEN_MB_OF_FIELDS = "OPERATION,NUMBER,NOTE\r\n" + "a," * 5_000_000 + "\r\n"


def peak_bytes(work: Callable[[], Any]) -> tuple[Any, int]:
    """What `work` returns, and the most memory it held above what was held before."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("text", [MILLION_COLUMNS, TEN_MB_LINE, TEN_MB_OF_FIELDS])
def test_a_long_line_is_refused_before_it_is_split_into_fields(text: str) -> None:
    def read() -> str:
        with pytest.raises(csvio.CsvLimitError) as caught:
            list(csvio.records(text))
        return str(caught.value)

    message, peak = peak_bytes(read)
    assert message.endswith(
        f"is longer than {Limits().csv_max_line_chars} characters (SANDBOX_CSV_MAX_LINE_CHARS)"
    )
    assert peak < len(text) // 4  # not a copy of the text, let alone millions of field strings


def test_rows_past_the_limit_are_refused_at_the_first_one_too_many() -> None:
    rows = "h\r\n" + "r\r\n" * (Limits().csv_max_rows + 5)
    with pytest.raises(
        csvio.CsvLimitError, match=r"more than 100000 rows \(SANDBOX_CSV_MAX_ROWS\) at line 100002"
    ):
        list(csvio.records(rows))
    assert len(list(csvio.records("h\r\n" + "r\r\n" * Limits().csv_max_rows))) == Limits().csv_max_rows + 1


@pytest.fixture
def omilia_upload(client: FlaskClient) -> Callable[[str], Any]:
    token = client.post(TOKEN_PATH, data=OWNER).json["access_token"]

    def upload(text: str) -> Any:
        return client.put(
            "/omilia/integrations/api/numbers/csv",
            data={"File": (io.BytesIO(text.encode()), "numbers.csv")},
            headers={"Authorization": f"Bearer {token}"},
        )

    return upload


@pytest.mark.parametrize(("text", "line"), [(MILLION_COLUMNS, 1), (TEN_MB_LINE, 2), (TEN_MB_OF_FIELDS, 2)])
def test_omilia_refuses_a_hostile_import_with_its_400(
    omilia_upload: Callable[[str], Any], text: str, line: int
) -> None:
    response = omilia_upload(text)
    assert response.status_code == 400
    assert response.json == {
        "success": False,
        "message": f"CSV file rejected: line {line} is longer than 65536 characters"
        " (SANDBOX_CSV_MAX_LINE_CHARS)",
    }


def test_omilia_names_a_few_header_problems_and_counts_the_rest(omilia_upload: Callable[[str], Any]) -> None:
    response = omilia_upload("OPERATION,NUMBER" + ",X" * 30_000 + "\r\nupdate,+12012049893\r\n")
    assert response.status_code == 400
    message = response.json["message"]
    assert message.startswith("Invalid CSV header (line 1): unknown column 'X'; ")
    assert message.endswith("; and 29981 more problems")
    assert len(message) < 1000


def test_the_row_limit_is_configurable_and_refuses_an_omilia_import() -> None:
    client = create_app({"TESTING": True, "CSV_MAX_ROWS": 2}).test_client()
    token = client.post(TOKEN_PATH, data=OWNER).json["access_token"]
    rows = "OPERATION,NUMBER,NOTE\r\n" + "".join(f"update,+1201204989{i},n\r\n" for i in range(3))
    response = client.put(
        "/omilia/integrations/api/numbers/csv",
        data={"File": (io.BytesIO(rows.encode()), "numbers.csv")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.json == {
        "success": False,
        "message": "CSV file rejected: more than 2 rows (SANDBOX_CSV_MAX_ROWS) at line 4",
    }


def test_mor_refuses_an_upload_with_too_many_rows_without_splitting_it() -> None:
    client = create_app({"TESTING": True, "CSV_MAX_ROWS": 1000}).test_client()
    mor = Mor(client)
    at_limit = mor.upload(b"\n".join(b"370%07d" % i for i in range(1000)) + b"\n")
    assert page(at_limit)["status"] == {"success": "1000 out of 1000 numbers were imported"}
    response, peak = peak_bytes(lambda: mor.upload(b"3706000000\n" * 5_000_000))  # 55 MB
    assert page(response) == {"error": "File has too many rows: at most 1000 numbers per upload"}
    assert peak < 5 * 55_000_000  # the request's own copies (client, form parser, part); never split
    assert len(mor.numbers()) == 1000


def test_switchvox_reads_a_csv_past_the_limits_as_malformed(client: FlaskClient) -> None:
    response = Extend(client).upload_xml(b"ext,fname\n502," + b"A" * 100_000 + b"\n", SIP)
    assert xml_error(response)[0] == "94772"
