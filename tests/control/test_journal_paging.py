"""`before`: the journal a page further back, stable while new requests arrive."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.control.support import NUMBERS_PATH


def ids(client: FlaskClient, **query: object) -> list[int]:
    response = client.get("/__sandbox/requests", query_string=query)
    assert response.status_code == 200, response.json
    return [entry["id"] for entry in response.json["requests"]]


def test_before_gives_the_page_older_than_an_id(client: FlaskClient) -> None:
    for _ in range(7):
        client.get(NUMBERS_PATH)
    assert ids(client, limit=3) == [5, 6, 7]
    assert ids(client, limit=3, before=5) == [2, 3, 4]
    assert ids(client, limit=3, before=2) == [1]


def test_new_requests_do_not_shift_a_page_back(client: FlaskClient) -> None:
    for _ in range(5):
        client.get(NUMBERS_PATH)
    page = ids(client, limit=2, before=4)
    client.get(NUMBERS_PATH)
    assert ids(client, limit=2, before=4) == page == [2, 3]


def test_before_counts_with_the_filters(client: FlaskClient) -> None:
    for _ in range(4):
        client.get(NUMBERS_PATH)
        client.get("/switchvox/json")
    response = client.get("/__sandbox/requests", query_string={"vendor": "omilia", "before": 5})
    assert response.json["total"] == 2
    assert client.get("/__sandbox/requests/count", query_string={"before": 5}).json == {"count": 4}


def test_a_bad_before_is_refused() -> None:
    from sandbox import create_app

    client = create_app({"TESTING": True}).test_client()
    response = client.get("/__sandbox/requests", query_string={"before": "-1"})
    assert response.status_code == 400
    assert response.json["error"] == "before: must be an integer from 0 to 4611686018427387904"
