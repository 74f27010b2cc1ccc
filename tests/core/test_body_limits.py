"""Request bodies past the cap are refused (413, the vendor's shape) without reading the rest, chunked too;
a large body is authenticated from its headers before it is read, where the vendor allows it."""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient

from sandbox import create_app
from sandbox.core.body import READ_CHUNK

CAP = 256 * 1024
TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = "client_id=ocp&grant_type=password&username=owner&password=sandbox"


class Endless(io.RawIOBase):
    """A body that never ends, counting what was read of it."""

    def __init__(self, prefix: bytes = b"") -> None:
        self.prefix = prefix
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        n = len(buffer)
        data = (self.prefix + b"x" * n)[:n] if self.read_bytes == 0 else b"x" * n
        buffer[:n] = data
        self.read_bytes += n
        return n


@pytest.fixture
def small() -> FlaskClient:
    config = {"TESTING": True, "MAX_CONTENT_LENGTH": CAP, "AUTH_BEFORE_BODY_BYTES": CAP // 4}
    return create_app(config).test_client()


def chunked(client: FlaskClient, path: str, stream: io.RawIOBase, **headers: str) -> object:
    environ = {"wsgi.input": stream, "wsgi.input_terminated": True}
    return client.post(path, headers={"Transfer-Encoding": "chunked", **headers}, environ_overrides=environ)


def test_a_chunked_body_past_the_cap_is_a_vendor_413_and_the_rest_is_not_read(small: FlaskClient) -> None:
    stream = Endless(b"username=")
    response = chunked(small, TOKEN_PATH, stream, **{"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert response.json["error"] == "invalid_request"  # type: ignore[attr-defined]
    assert response.headers["Connection"] == "close"  # type: ignore[attr-defined]
    assert stream.read_bytes <= CAP + READ_CHUNK


def test_a_chunked_body_within_the_cap_is_read_whole_and_served(small: FlaskClient) -> None:
    form = io.BytesIO(OWNER.encode())
    response = chunked(small, TOKEN_PATH, form, **{"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.json["token_type"] == "bearer"  # type: ignore[attr-defined]
    entry = small.get("/__sandbox/requests").json["requests"][-1]
    assert entry["body_bytes"] == len(OWNER)


def test_a_chunked_body_of_exactly_the_cap_is_served(small: FlaskClient) -> None:
    body = (OWNER + "&pad=").encode()
    body += b"x" * (CAP - len(body))
    response = chunked(
        small, TOKEN_PATH, io.BytesIO(body), **{"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 200  # type: ignore[attr-defined]


def test_a_chunked_control_plane_body_past_the_cap_is_a_json_413(small: FlaskClient) -> None:
    before = small.get("/__sandbox/state").json
    stream = Endless(b'{"omilia": ')
    response = small.put(
        "/__sandbox/state",
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        environ_overrides={"wsgi.input": stream, "wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert response.json["status"] == 413
    assert stream.read_bytes <= CAP + READ_CHUNK
    assert small.get("/__sandbox/state").json == before


def test_a_declared_length_past_the_cap_is_refused_before_reading(small: FlaskClient) -> None:
    stream = Endless()
    response = small.post(
        "/mor/billing/api/autodialer_upload_numbers",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        environ_overrides={"wsgi.input": stream, "CONTENT_LENGTH": str(CAP + 1)},
    )
    assert response.status_code == 413
    assert b"<error>" in response.data
    assert stream.read_bytes == 0


OMILIA_CSV = "/omilia/integrations/api/numbers/csv"
OC_UPLOAD = (
    "/operator-connect/api/v2/oc/numbers/action/upload?msTenantId=11111111-1111-4111-8111-111111111111"
)


@pytest.mark.parametrize(
    ("method", "path", "check"),
    [
        ("PUT", OMILIA_CSV, lambda r: r.json == {"success": False, "message": "No valid API key provided"}),
        ("POST", OC_UPLOAD, lambda r: r.mimetype == "application/problem+json" and r.json["status"] == 401),
        ("POST", "/switchvox/xml", lambda r: r.headers["WWW-Authenticate"].startswith("Digest ")),
        ("POST", "/switchvox/json", lambda r: r.headers["WWW-Authenticate"].startswith("Digest ")),
    ],
)
@pytest.mark.parametrize("how", ["chunked", "declared"])
def test_a_large_body_without_credentials_is_the_vendors_401_before_it_is_read(
    small: FlaskClient, method: str, path: str, check: object, how: str
) -> None:
    stream = Endless()
    headers = {"Transfer-Encoding": "chunked"} if how == "chunked" else {}
    framing = {"wsgi.input_terminated": True} if how == "chunked" else {"CONTENT_LENGTH": str(CAP)}
    environ = {"wsgi.input": stream, **framing}
    response = small.open(
        path,
        method=method,
        headers={**headers, "Authorization": "Bearer nope"},
        environ_overrides=environ,
    )
    assert response.status_code == 401
    assert check(response)  # type: ignore[operator]
    assert response.headers["Connection"] == "close"
    assert stream.read_bytes == 0
    assert small.get("/__sandbox/requests").json["requests"][-1]["status"] == 401


def test_a_large_body_with_a_valid_token_is_read_and_served(small: FlaskClient) -> None:
    token = small.post(TOKEN_PATH, data=OWNER, content_type="application/x-www-form-urlencoded").json
    csv = b"OPERATION,NUMBER,NOTE\r\n" + b"update,+12012049893," + b"n" * (2 * 1024 * 1024 - 60) + b"\r\n"
    app = create_app({"TESTING": True})
    client = app.test_client()
    token = client.post(TOKEN_PATH, data=OWNER, content_type="application/x-www-form-urlencoded").json
    response = client.put(
        OMILIA_CSV,
        data={"File": (io.BytesIO(csv), "numbers.csv")},
        headers={"Authorization": f"Bearer {token['access_token']}"},
    )
    assert response.status_code == 400  # read and checked: the note is longer than Omilia allows
    assert response.json["success"] is False
    assert "line 2" in response.json["message"]
