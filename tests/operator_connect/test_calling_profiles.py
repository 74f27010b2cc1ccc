"""GET /api/v2/oc/callingprofile: the profiles, and their trunks' `matchingSbcList` mapping to SBC devices."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.operator_connect.conftest import CUSTOMER_GUID, DOC_SINGLE, PROFILE, PROFILE_NO_SBC, OcClient


def test_lists_both_default_profiles(oc: OcClient) -> None:
    response = oc.call("GET", "/v2/oc/callingprofile")
    assert response.status_code == 200
    profiles = {p["callingProfileId"]: p for p in response.json}
    assert set(profiles) == {PROFILE, PROFILE_NO_SBC}
    sbcs = [s["sbcId"] for t in profiles[PROFILE]["trunksEnrolled"] for s in t["matchingSbcList"]]
    assert sbcs == [8]
    assert profiles[PROFILE_NO_SBC]["trunksEnrolled"] == []


def test_profile_fields_keep_the_vendor_spelling(oc: OcClient) -> None:
    profile = oc.call("GET", "/v2/oc/callingprofile").json[0]
    assert "enviroment" in profile
    for field in ("additionalSbcList", "name", "region", "carrier", "offerTypes", "emergencyDialStrings",
                  "isEmergencyProfile", "emergencyProfileId", "validation"):  # fmt: skip
        assert field in profile


def _with_second_sbc(client: FlaskClient) -> None:
    """Give the SBC profile a second enrolled trunk whose matching SBC is device 9."""
    state = client.get("/__sandbox/state").json
    profiles = state["operator-connect"]["callingprofiles"]
    profile = next(p for p in profiles if p["callingProfileId"] == PROFILE)
    sbc9 = {"sbcId": 9, "fqdn": "sbc-9.sandbox.example", "ipAddress": "192.0.2.9", "name": "SBC-9"}
    profile["trunksEnrolled"].append(
        {"trunkFqdn": "oc-2.sandbox.example", "trunkId": "t2", "matchingSbcList": [sbc9]}
    )
    assert client.put("/__sandbox/state", json=state).status_code in (200, 204)


def test_the_trunks_matching_sbcs_are_where_an_upload_is_programmed(
    client: FlaskClient, oc: OcClient
) -> None:
    _with_second_sbc(client)
    task = oc.finish(oc.upload(DOC_SINGLE).json["taskId"])
    assert task["outputData"]["SbcIdList"] == [8, 9]
    assert task["executionMessages"][6]["message"] == "Telephone numbers programmed in SBC. 8, 9"
    number = oc.numbers()["+61395556880"]
    assert number["sbcList"] == [{"sbcName": "SBC-8", "sbcId": 8}, {"sbcName": "SBC-9", "sbcId": 9}]


def test_a_sip_connection_may_move_only_to_an_sbc_a_profile_maps_to(
    client: FlaskClient, oc: OcClient
) -> None:
    patch = f"/v2/customer/{CUSTOMER_GUID}/sitelocation/"
    assert oc.call("PATCH", patch, {"sbcId": 9}).status_code == 400
    _with_second_sbc(client)
    assert oc.call("PATCH", patch, {"sbcId": 9}).status_code == 200
    assert oc.call("GET", f"/v2/sitelocation/{CUSTOMER_GUID}").json["sbcInfo"]["sbcId"] == 9
