"""MOR's transport: XML out as an attachment, parameters from query, form and JSON, GET, unknown paths."""

from __future__ import annotations

import io

from flask.testing import FlaskClient

from tests.mor.conftest import API, DOC_HASH, DOC_NUMBERS, Mor, page


def test_answer_is_an_xml_attachment_with_the_declaration(mor: Mor) -> None:
    response = mor.upload()
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    assert response.headers["Content-Disposition"] == "attachment; filename=mor_api_response.xml"
    assert response.data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<page>')


def test_errors_are_http_200_page_error(mor: Mor) -> None:
    response = mor.upload(hash="0" * 40)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=mor_api_response.xml"
    assert page(response) == {"error": "Incorrect hash"}


def test_get_is_disabled_by_default(mor: Mor) -> None:
    response = mor.call("autodialer_change_campaign_status", {"u": "campgain_user", "id": "1"}, method="GET")
    assert page(response) == {"error": "GET Requests are disabled"}


def test_get_works_when_the_world_allows_it(mor: Mor) -> None:
    mor.settings(allow_get_api=True)
    response = mor.call("autodialer_change_campaign_status", {"u": "campgain_user", "id": "1"}, method="GET")
    assert page(response) == {"status": {"message": "No free numbers for Campaign: Campaign Nr 1"}}


def test_api_disabled_globally_refuses_every_call(mor: Mor) -> None:
    mor.settings(allow_api=False)
    assert page(mor.upload()) == {"error": "API Requests are disabled"}
    assert mor.numbers() == []


def test_all_parameters_as_multipart_fields(client: FlaskClient, mor: Mor) -> None:
    data = {
        "file": (io.BytesIO(DOC_NUMBERS), "numbers.csv"),
        "u": "campgain_user",
        "id": "1",
        "hash": DOC_HASH,
    }
    response = client.post(f"{API}/autodialer_upload_numbers", data=data)
    assert page(response) == {"status": {"success": "7 out of 7 numbers were imported"}}


def test_urlencoded_form_parameters(client: FlaskClient) -> None:
    from tests.mor.conftest import sign

    params = {"u": "campgain_user", "id": "1"}
    data = {**params, "hash": sign("autodialer_change_campaign_status", params)}
    response = client.post(f"{API}/autodialer_change_campaign_status", data=data)
    assert page(response) == {"status": {"message": "No free numbers for Campaign: Campaign Nr 1"}}


def test_json_body_parameters_with_a_numeric_id(client: FlaskClient) -> None:
    from tests.mor.conftest import sign

    body = {
        "u": "campgain_user",
        "id": 1,
        "hash": sign("autodialer_change_campaign_status", {"u": "campgain_user", "id": "1"}),
    }
    response = client.post(f"{API}/autodialer_change_campaign_status", json=body)
    assert page(response) == {"status": {"message": "No free numbers for Campaign: Campaign Nr 1"}}


def test_body_parameters_override_the_query_string(client: FlaskClient) -> None:
    data = {"file": (io.BytesIO(DOC_NUMBERS), "numbers.csv"), "hash": DOC_HASH}
    query = {"u": "campgain_user", "id": "1", "hash": "f" * 40}
    response = client.post(f"{API}/autodialer_upload_numbers", query_string=query, data=data)
    assert page(response) == {"status": {"success": "7 out of 7 numbers were imported"}}


def test_a_repeated_parameter_takes_its_last_value(client: FlaskClient) -> None:
    query = f"u=another_user&u=campgain_user&id=1&hash={'f' * 40}&hash={DOC_HASH}"
    data = {"file": (io.BytesIO(DOC_NUMBERS), "numbers.csv")}
    response = client.post(f"{API}/autodialer_upload_numbers?{query}", data=data)
    assert page(response) == {"status": {"success": "7 out of 7 numbers were imported"}}


def test_unknown_function_is_an_xml_404(client: FlaskClient) -> None:
    response = client.post(f"{API}/no_such_function")
    assert response.status_code == 404
    assert page(response) == {"error": "Not Found"}


def test_unknown_path_under_mor_is_an_xml_404(client: FlaskClient) -> None:
    response = client.get("/mor/billing/somewhere/else")
    assert response.status_code == 404
    assert page(response) == {"error": "Not Found"}


def test_other_methods_are_an_xml_405(client: FlaskClient) -> None:
    response = client.put(f"{API}/autodialer_upload_numbers")
    assert response.status_code == 405
    assert page(response) == {"error": "Method Not Allowed"}
    assert "POST" in response.headers["Allow"]


def test_malformed_json_body_is_no_server_error(client: FlaskClient) -> None:
    response = client.post(
        f"{API}/autodialer_upload_numbers", data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200
    assert page(response) == {"error": "Access Denied"}


def test_tenant_prefix_reaches_the_api(client: FlaskClient) -> None:
    response = client.post(
        f"/t/other{API}/autodialer_upload_numbers",
        query_string={"u": "campgain_user", "id": "1", "hash": DOC_HASH},
        data={"file": (io.BytesIO(b"1\n"), "n.csv")},
    )
    assert page(response) == {"status": {"success": "1 out of 1 numbers were imported"}}


def test_trailing_slash_reaches_the_function(mor: Mor) -> None:
    response = mor.call("autodialer_change_campaign_status/", {"u": "nobody"}, signed=False)
    assert page(response) == {"error": "Access Denied"}


def test_json_body_nested_too_deeply_is_no_server_error(client: FlaskClient) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    response = client.post(
        f"{API}/autodialer_upload_numbers", data=deep, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200
    assert page(response) == {"error": "Access Denied"}
