"""`X-Ovoc-Channel-Id`: a caller limited to a channel does not see the customers of another one."""

from __future__ import annotations

import pytest

from tests.operator_connect.conftest import (
    CUSTOMER,
    CUSTOMER_GUID,
    OTHER_CUSTOMER,
    OTHER_GUID,
    OcClient,
    assert_problem,
)

CHANNEL_0 = {"X-Ovoc-Channel-Id": "0"}  # the default customer's channel; the other customer is in channel 1


def test_without_the_header_every_channel_is_seen(oc: OcClient) -> None:
    assert {c["Id"] for c in oc.call("GET", "/v2/customer").json} == {CUSTOMER_GUID, OTHER_GUID}


def test_customer_lists_leave_another_channels_customers_out(oc: OcClient) -> None:
    assert [c["Id"] for c in oc.call("GET", "/v2/customer", headers=CHANNEL_0).json] == [CUSTOMER_GUID]
    v3 = oc.call("GET", "/v3/customer", headers={"X-Ovoc-Channel-Id": "1"}).json
    assert [c["UmpCustomerGuid"] for c in v3] == [OTHER_GUID]


def test_a_customer_of_another_channel_reads_as_not_found(oc: OcClient) -> None:
    assert_problem(oc.call("GET", f"/v2/customer/{OTHER_GUID}", headers=CHANNEL_0), 404, None, "not found")
    assert_problem(oc.call("GET", f"/v3/customer/{OTHER_GUID}", headers=CHANNEL_0), 404, None, "not found")


def test_numbers_of_another_channel_are_left_out(oc: OcClient) -> None:
    numbers = oc.call("GET", "/v2/oc/numbers", query_string={"msTenantId": OTHER_CUSTOMER}, headers=CHANNEL_0)
    assert_problem(numbers, 400, "msTenantId", "was not found")
    page = oc.call("GET", "/v3/oc/numbers", headers=CHANNEL_0).json
    assert {item["tenantId"] for item in page["data"]} == {CUSTOMER}
    assert_problem(oc.call("GET", "/v2/oc/numbers/+14155550100", headers=CHANNEL_0), 404, None, "not found")
    assert (
        oc.call("GET", "/v2/oc/numbers/+14155550100", headers={"X-Ovoc-Channel-Id": "1"}).status_code == 200
    )


@pytest.mark.parametrize("value", ["abc", "-1", "1.5"])
def test_a_channel_that_is_not_an_integer_is_400(oc: OcClient, value: str) -> None:
    response = oc.call("GET", "/v2/customer", headers={"X-Ovoc-Channel-Id": value})
    assert_problem(response, 400, "X-Ovoc-Channel-Id", "is not valid")
