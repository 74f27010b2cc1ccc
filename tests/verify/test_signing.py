"""Signing a request as each side: MOR's u, p and hash; Omilia's and Entra's token grants."""

from __future__ import annotations

import hashlib

from sandbox.verify.exchange import Request
from sandbox.verify.signing import Side, sign


def side(vendor: str, **credentials: str) -> Side:
    return Side(vendor, "http://127.0.0.1:1/x", {}, credentials)


def test_mor_hash_is_recomputed_with_the_sides_key_in_the_functions_order() -> None:
    request = Request(
        "POST",
        "/billing/api/autodialer_get_campaign_statistics",
        body={"form": {"u": "campgain_user", "id": "1", "hash": "[REDACTED]", "period_start": "7"}},
    )
    signed, auth = sign(side("mor", secret="k3y"), request, True)
    assert auth is None
    expected = hashlib.sha1(b"campgain_user" + b"1" + b"7" + b"k3y").hexdigest()
    assert signed.body == {"form": {"u": "campgain_user", "id": "1", "hash": expected, "period_start": "7"}}
    assert request.body["form"]["hash"] == "[REDACTED]"  # the original is left as it was


def test_mor_user_and_password_replace_u_and_p_when_given() -> None:
    request = Request("POST", "/billing/api/user_login", query={"u": "campgain_user", "p": "sandbox"})
    signed, _ = sign(side("mor", secret="k", user="me", password="pw"), request, True)
    assert signed.query == {"u": "me", "p": "pw"}  # user_login takes no hash: none is added
    unchanged, _ = sign(side("mor", secret="k"), request, True)
    assert unchanged.query == {"u": "campgain_user", "p": "sandbox"}


def test_an_omilia_password_grant_carries_the_sides_user() -> None:
    request = Request(
        "POST",
        "/auth/realms/master/protocol/openid-connect/token",
        body={"form": {"grant_type": "password", "client_id": "ocp", "username": "x", "password": "y"}},
    )
    signed, _ = sign(side("omilia", username="me", password="pw", realm="ocp"), request, False)
    assert signed.path == "/auth/realms/ocp/protocol/openid-connect/token"
    assert signed.body["form"] == {
        "grant_type": "password",
        "client_id": "ocp",
        "username": "me",
        "password": "pw",
    }


def test_an_entra_grant_carries_the_sides_tenant_and_client() -> None:
    request = Request(
        "POST",
        "/old-tenant/oauth2/v2.0/token",
        body={"form": {"grant_type": "client_credentials", "client_id": "a", "client_secret": "[REDACTED]"}},
    )
    signed, _ = sign(
        side("operator-connect", tenant="t1", client_id="c1", client_secret="s1"), request, False
    )
    assert signed.path == "/t1/oauth2/v2.0/token"
    assert signed.body["form"] == {
        "grant_type": "client_credentials",
        "client_id": "c1",
        "client_secret": "s1",
    }
