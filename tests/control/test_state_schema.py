"""PUT /__sandbox/state and world files are checked against each collection's record schema:
a 400 naming the record and the field, and nothing stored from a refused document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core.store.schema import Field
from sandbox.core.store.tenant import StateError, check_world
from sandbox.core.vendor import CollectionSpec
from sandbox.schemas import RECORD_SCHEMAS
from tests.core.test_tenancy import token

SAMPLES: dict[str, Any] = {
    "string": "x",
    "integer": 1,
    "number": 1.5,
    "boolean": True,
    "object": {},
    "array": [],
}
WRONG: dict[str, Any] = {
    "string": 7,
    "integer": "1",
    "number": "abc",
    "boolean": "yes",
    "object": [],
    "array": {},
}


def minimal(schema: dict[str, Field]) -> dict[str, Any]:
    """A record holding only the schema's required fields."""
    return {name: SAMPLES[field.kind] for name, field in schema.items() if field.required}


def put(client: FlaskClient, namespace: str, collection: str, *records: dict[str, Any]) -> Any:
    return client.put("/__sandbox/state", json={namespace: {collection: list(records)}})


REQUIRED = [
    (ns, coll, name)
    for (ns, coll), schema in RECORD_SCHEMAS.items()
    for name, field in schema.items()
    if field.required
]
KEYS = {
    where: spec.key
    for where, spec in create_app({"TESTING": True}).extensions["sandbox"].store.schema.items()
}
DECLARED = [
    (ns, coll, name)
    for (ns, coll), schema in RECORD_SCHEMAS.items()
    for name in schema
    if name != KEYS[(ns, coll)]
]


@pytest.mark.parametrize(("namespace", "collection", "field"), REQUIRED)
def test_a_record_missing_a_required_field_is_400_naming_it(
    client: FlaskClient, namespace: str, collection: str, field: str
) -> None:
    schema = dict(RECORD_SCHEMAS[(namespace, collection)])
    record = minimal(schema)
    assert put(client, namespace, collection, record).status_code == 200
    before = client.get("/__sandbox/state").json
    del record[field]
    response = put(client, namespace, collection, record)
    assert response.status_code == 400
    assert f"{namespace}.{collection}[0]" in response.json["error"]
    assert f".{field}: required" in response.json["error"]
    assert client.get("/__sandbox/state").json == before


@pytest.mark.parametrize(("namespace", "collection", "field"), DECLARED)
def test_a_field_of_the_wrong_type_is_400_naming_it(
    client: FlaskClient, namespace: str, collection: str, field: str
) -> None:
    schema = dict(RECORD_SCHEMAS[(namespace, collection)])
    record = {**minimal(schema), KEYS[(namespace, collection)]: "y", field: WRONG[schema[field].kind]}
    before = client.get("/__sandbox/state").json
    response = put(client, namespace, collection, minimal(schema), record)
    assert response.status_code == 400
    assert response.json["error"].startswith(f"{namespace}.{collection}[1] ")
    assert f").{field}: must be " in response.json["error"]
    assert client.get("/__sandbox/state").json == before


def test_a_clock_offset_that_is_not_a_number_is_refused_and_the_tenant_keeps_working(
    client: FlaskClient,
) -> None:
    response = client.put(
        "/__sandbox/state", json={"sandbox": {"clock": [{"id": "clock", "offset_s": "abc"}]}}
    )
    assert (response.status_code, response.json["error"]) == (
        400,
        "sandbox.clock[0] (id 'clock').offset_s: must be a number",
    )
    assert client.get("/__sandbox/clock").status_code == 200
    numbers = client.get(
        "/omilia/integrations/api/numbers", headers={"Authorization": f"Bearer {token(client)}"}
    )
    assert numbers.status_code == 200


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "clock", "offset_s": 1e300}, "offset_s: must be at most"),
        ({"id": "clock", "frozen_at": -1}, "frozen_at: must be at least 0"),
        ({"id": "clock", "frozen_at": 253_402_300_800}, "frozen_at: must be at most 253402300799"),
        ({"id": "clock", "frozen_at": True}, "frozen_at: must be a number"),
    ],
)
def test_a_clock_out_of_the_years_1970_to_9999_is_refused(
    client: FlaskClient, record: dict[str, Any], message: str
) -> None:
    response = client.put("/__sandbox/state", json={"sandbox": {"clock": [record]}})
    assert response.status_code == 400
    assert message in response.json["error"]


def test_an_omilia_user_without_an_id_is_refused(client: FlaskClient) -> None:
    user = {"username": "x", "password": "p", "roles": ["Owner"], "groups": ["ocp"]}
    response = client.put("/__sandbox/state", json={"omilia": {"users": [user]}})
    assert response.json == {"error": "omilia.users[0] (username 'x').id: required, a string", "status": 400}


def test_a_mor_campaign_without_a_name_is_refused(client: FlaskClient) -> None:
    response = client.put(
        "/__sandbox/state", json={"mor": {"campaigns": [{"id": "1", "user": "campgain_user"}]}}
    )
    assert response.json == {"error": "mor.campaigns[0] (id '1').name: required, a string", "status": 400}


def test_an_array_item_of_the_wrong_type_is_named_by_index(client: FlaskClient) -> None:
    user = {"username": "x", "password": "p", "id": "1", "roles": ["Owner", 3], "groups": []}
    response = client.put("/__sandbox/state", json={"omilia": {"users": [user]}})
    assert response.json["error"] == "omilia.users[0] (username 'x').roles[1]: must be a string"


def test_nan_anywhere_in_a_record_is_refused(client: FlaskClient) -> None:
    body = '{"omilia": {"inventory": [{"number": "+1", "provider": "Twilio", "extra": {"deep": [NaN]}}]}}'
    response = client.put("/__sandbox/state", data=body, content_type="application/json")
    assert response.status_code == 400
    assert (
        response.json["error"] == "omilia.inventory[0] (number '+1').extra.deep[0]: must be a finite number"
    )


def test_a_snapshot_of_the_default_world_fits_every_schema(client: FlaskClient) -> None:
    snapshot = client.get("/__sandbox/state").json
    assert client.put("/__sandbox/state", json=snapshot).status_code == 200


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        (["not a record"], "x.things[0]: must be an object"),
        ([{"name": "no key"}], "x.things[0].id: required, a string"),
        ([{"id": 5}], "x.things[0].id: required, a string"),
        ([{"id": "a", "n": float("inf")}], "x.things[0] (id 'a').n: must be a finite number"),
    ],
)
def test_a_collection_without_a_declared_schema_still_gets_the_generic_check(
    docs: list[Any], message: str
) -> None:
    with pytest.raises(StateError) as caught:
        check_world({"x": {"things": docs}}, {("x", "things"): CollectionSpec(key="id")})
    assert str(caught.value) == message


def test_a_world_file_with_a_bad_record_is_refused_at_start(tmp_path: Path) -> None:
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"mor": {"campaigns": [{"id": "1"}]}}), encoding="utf-8")
    with pytest.raises(StateError, match=r"mor\.campaigns\[0\] \(id '1'\)\.name: required, a string"):
        create_app({"TESTING": True, "WORLD": str(world)})
