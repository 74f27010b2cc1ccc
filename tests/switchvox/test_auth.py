"""Digest (qop=auth and RFC 2069, long-lived nonce) and Basic; 401 only for missing or bad credentials."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
import requests
from flask.testing import FlaskClient
from requests.auth import HTTPDigestAuth

from sandbox.testing import ServerThread
from tests.switchvox.conftest import xml_error, xml_request

GET_INFO = "switchvox.extensions.getInfo"
BODY = xml_request(GET_INFO, {"extensions": {"extension": "100"}})


def md5(text: str) -> str:
    """Hex MD5, as Digest uses it."""
    return hashlib.md5(text.encode()).hexdigest()


def challenge(client: FlaskClient, path: str = "/switchvox/xml") -> dict[str, str]:
    """The Digest challenge of a HEAD without credentials."""
    response = client.head(path)
    assert response.status_code == 401
    header = response.headers["WWW-Authenticate"]
    assert header.startswith("Digest ")
    return dict(re.findall(r'(\w+)="?([^",]+)"?', header))


def digest_header(fields: dict[str, str], user: str, password: str, uri: str, *, qop: bool) -> str:
    """An Authorization header computed the way the RFC says (qop=auth or RFC 2069)."""
    ha1 = md5(f"{user}:{fields['realm']}:{password}")
    ha2 = md5(f"POST:{uri}")
    if qop:
        digest = md5(f"{ha1}:{fields['nonce']}:00000001:abcdef:auth:{ha2}")
        extra = ', qop=auth, nc=00000001, cnonce="abcdef"'
    else:
        digest = md5(f"{ha1}:{fields['nonce']}:{ha2}")
        extra = ""
    return (
        f'Digest username="{user}", realm="{fields["realm"]}", nonce="{fields["nonce"]}", uri="{uri}", '
        f'response="{digest}"{extra}'
    )


@pytest.mark.parametrize("path", ["/switchvox/xml", "/switchvox/json"])
def test_head_without_credentials_gets_the_digest_challenge(client: FlaskClient, path: str) -> None:
    fields = challenge(client, path)
    assert fields["realm"] == "switchvox_api_auth" and fields["qop"] == "auth" and fields["nonce"]


def test_no_credentials_is_401_in_the_extend_envelope(client: FlaskClient) -> None:
    response = client.post("/switchvox/xml", data=BODY)
    assert response.status_code == 401
    assert b'code="10401"' in response.data


def test_the_401_answer_names_no_method(client: FlaskClient) -> None:
    response = client.post("/switchvox/xml", data=BODY, auth=("admin", "wrong"))
    assert response.status_code == 401
    assert response.data.startswith(b"<response>")


@pytest.mark.parametrize("qop", [True, False], ids=["qop-auth", "rfc2069"])
def test_digest(client: FlaskClient, qop: bool) -> None:
    header = digest_header(challenge(client), "admin", "admin", "/switchvox/xml", qop=qop)
    response = client.post("/switchvox/xml", data=BODY, headers={"Authorization": header})
    assert response.status_code == 200 and b'number="100"' in response.data


def test_digest_nonce_never_goes_stale(client: FlaskClient) -> None:
    fields = challenge(client)
    client.post("/__sandbox/clock", json={"advance_s": 5 * 365 * 86400})
    header = digest_header(fields, "admin", "admin", "/switchvox/xml", qop=True)
    assert client.post("/switchvox/xml", data=BODY, headers={"Authorization": header}).status_code == 200


@pytest.mark.parametrize(
    "change",
    [{"realm": "other"}, {"nonce": "0" * 40}],
    ids=["wrong-realm", "forged-nonce"],
)
def test_digest_refused(client: FlaskClient, change: dict[str, str]) -> None:
    fields = {**challenge(client), **change}
    header = digest_header(fields, "admin", "admin", "/switchvox/xml", qop=True)
    assert client.post("/switchvox/xml", data=BODY, headers={"Authorization": header}).status_code == 401


def test_digest_wrong_password(client: FlaskClient) -> None:
    header = digest_header(challenge(client), "admin", "nope", "/switchvox/xml", qop=True)
    response = client.post("/switchvox/xml", data=BODY, headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Digest realm="switchvox_api_auth"')


def test_basic(client: FlaskClient) -> None:
    assert client.post("/switchvox/xml", data=BODY, auth=("admin", "admin")).status_code == 200


@pytest.mark.parametrize("auth", [("admin", "wrong"), ("nobody", "admin")])
def test_basic_wrong_credentials(client: FlaskClient, auth: tuple[str, str]) -> None:
    assert client.post("/switchvox/xml", data=BODY, auth=auth).status_code == 401


def test_authenticated_head_is_200(client: FlaskClient) -> None:
    assert client.head("/switchvox/json", auth=("admin", "admin")).status_code == 200


def test_extension_login_may_not_use_admin_methods(client: FlaskClient) -> None:
    response = client.post("/switchvox/xml", data=BODY, auth=("100", "web100"))
    assert xml_error(response) == (
        "10403",
        f"Permission denied: your access level does not allow {GET_INFO}.",
    )


def test_requests_digest_auth_over_a_socket(app: object) -> None:
    with ServerThread(app) as server:  # type: ignore[arg-type]
        response = requests.post(
            server.url + "/switchvox/json",
            json={"request": {"method": GET_INFO, "parameters": {"extensions": ["101"]}}},
            auth=HTTPDigestAuth("readonly", "readonly"),
            timeout=10,
        )
    assert response.status_code == 200
    assert response.json()["response"]["result"]["extensions"]["extension"]["number"] == "101"


@pytest.mark.parametrize("username", ["admin", "100"])
def test_a_non_ascii_basic_password_is_the_401_challenge(client: FlaskClient, username: str) -> None:
    header = "Basic " + base64.b64encode(f"{username}:wéb".encode()).decode()
    response = client.post("/switchvox/xml", data=BODY, headers={"Authorization": header})
    assert response.status_code == 401


def test_an_extension_with_a_non_ascii_web_password_logs_in(client: FlaskClient) -> None:
    records = client.get("/__sandbox/state").get_json()["switchvox"]["extensions"]
    records[0]["password"] = "pässwörd"
    client.put("/__sandbox/state", json={"switchvox": {"extensions": records}})
    header = "Basic " + base64.b64encode("100:pässwörd".encode()).decode()
    body = '<request method="switchvox.users.getMyInfo"/>'
    assert client.post("/switchvox/xml", data=body, headers={"Authorization": header}).status_code == 200
