"""The tenant clock stays between 1970 and the end of year 9999: a change past either end is a 400."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from sandbox.control.clock_change import MAX_ADVANCE_S


@pytest.mark.parametrize("frozen", [True, False])
def test_advancing_past_the_year_9999_is_400_and_moves_nothing(client: FlaskClient, frozen: bool) -> None:
    client.post("/__sandbox/clock", json={"freeze": frozen})
    ten_years = {"advance_s": MAX_ADVANCE_S}
    while (response := client.post("/__sandbox/clock", json=ten_years)).status_code == 200:
        assert response.json["now"] < "9999-12-31T23:59:60"
    before = client.get("/__sandbox/clock").json
    assert before["now"] > "9989"
    assert response.status_code == 400
    assert response.json["error"] == "advance_s: the clock must stay between 1970 and the end of year 9999"
    refused = client.post("/__sandbox/clock", json={"freeze": not frozen, **ten_years})
    assert refused.status_code == 400
    assert client.get("/__sandbox/clock").json["frozen"] is frozen


def test_going_back_before_1970_is_400(client: FlaskClient) -> None:
    response = client.post("/__sandbox/clock", json={"advance_s": -MAX_ADVANCE_S})
    while response.status_code == 200:
        response = client.post("/__sandbox/clock", json={"advance_s": -MAX_ADVANCE_S})
    assert response.json["error"].startswith("advance_s: the clock must stay between 1970")
    assert client.get("/__sandbox/clock").json["now"] < "1980"
