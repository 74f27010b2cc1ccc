"""GET /api/v2/oc/callingprofile: the default world's two profiles, in the documented shape."""

from __future__ import annotations

from tests.operator_connect.conftest import PROFILE, PROFILE_NO_SBC, OcClient


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
