"""autodialer_upload_numbers: every documented answer and MOR's import rules."""

from __future__ import annotations

from tests.mor.conftest import API, DOC_HASH, Mor, page, sign


def imported(text: str) -> dict[str, object]:
    return {"status": {"success": text}}


def test_doc_example_imports_seven_numbers(mor: Mor) -> None:
    assert page(mor.upload()) == imported("7 out of 7 numbers were imported")
    assert mor.numbers() == [
        "123456789",
        "222222222",
        "333333333",
        "444444444",
        "555555555",
        "666666666",
        "777777777",
    ]


def test_numbers_already_in_the_campaign_are_skipped(mor: Mor) -> None:
    mor.upload(b"111\n222\n")
    assert page(mor.upload(b"222\n333\n")) == imported("1 out of 2 numbers were imported")
    assert mor.numbers() == ["111", "222", "333"]


def test_first_occurrence_in_the_file_is_kept(mor: Mor) -> None:
    assert page(mor.upload(b"555\n444\n555\n")) == imported("2 out of 3 numbers were imported")
    assert mor.numbers() == ["555", "444"]


def test_rows_that_are_not_all_digits_are_skipped_but_counted(mor: Mor) -> None:
    content = b"+37060000000\n12 34\nabc\n\n 123\n987\n"
    assert page(mor.upload(content)) == imported("1 out of 6 numbers were imported")
    assert mor.numbers() == ["987"]


def test_carriage_returns_are_stripped(mor: Mor) -> None:
    assert page(mor.upload(b"111\r\n222\r\n")) == imported("2 out of 2 numbers were imported")
    assert mor.numbers() == ["111", "222"]


def test_last_row_without_a_newline_counts(mor: Mor) -> None:
    assert page(mor.upload(b"111\n222")) == imported("2 out of 2 numbers were imported")


def test_allow_duplicates_campaign_keeps_repeats(mor: Mor) -> None:
    state = mor.client.get("/__sandbox/state").get_json()
    campaigns = [{**c, "allow_duplicates": c["id"] == "1"} for c in state["mor"]["campaigns"]]
    mor.client.put("/__sandbox/state", json={"mor": {"campaigns": campaigns}})
    assert page(mor.upload(b"111\n111\n")) == imported("2 out of 2 numbers were imported")
    assert mor.numbers() == ["111", "111"]


def test_file_extension_is_case_insensitive_and_mime_type_ignored(mor: Mor) -> None:
    assert page(mor.upload(b"1\n", filename="C:\\Users\\me\\LIST.CSV")) == imported(
        "1 out of 1 numbers were imported"
    )


def test_empty_file(mor: Mor) -> None:
    assert page(mor.upload(b"")) == {"error": "File is empty"}


def test_no_file(mor: Mor) -> None:
    response = mor.call("autodialer_upload_numbers", {"u": "campgain_user", "id": "1"})
    assert page(response) == {"error": "Please provide a file"}


def test_a_form_sent_with_no_file_chosen_has_no_file(mor: Mor) -> None:
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename=""\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n"
    )
    response = mor.client.post(
        f"{API}/autodialer_upload_numbers",
        query_string={"u": "campgain_user", "id": "1", "hash": DOC_HASH},
        data=body,
        content_type="multipart/form-data; boundary=b",
    )
    assert page(response) == {"error": "Please provide a file"}


def test_not_a_csv_file(mor: Mor) -> None:
    assert page(mor.upload(b"123\n", filename="numbers.txt")) == {"error": "Please provide CSV file"}
    assert mor.numbers() == []


def test_unknown_campaign(mor: Mor) -> None:
    assert page(mor.upload(id="99")) == {"error": "Campaign was not found"}


def test_non_numeric_campaign_id(mor: Mor) -> None:
    assert page(mor.upload(id="1abc")) == {"error": "Campaign was not found"}


def test_another_users_campaign_is_refused(mor: Mor) -> None:
    assert page(mor.upload(id="2")) == {"error": "Campaign was not found"}
    assert mor.numbers("2") == []


def test_owner_of_campaign_two_can_upload_to_it(mor: Mor) -> None:
    hashed = sign("autodialer_upload_numbers", {"id": "2"})
    assert page(mor.upload(u="another_user", id="2", hash=hashed)) == imported(
        "7 out of 7 numbers were imported"
    )


def test_admin_is_not_authorized(mor: Mor) -> None:
    hashed = sign("autodialer_upload_numbers", {"id": "1"})
    response = mor.upload(u="admin", hash=hashed)
    assert page(response) == {"error": "You are not authorized to use this functionality"}
    assert mor.numbers() == []
