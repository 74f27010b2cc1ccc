"""Tokens are signed by a key made per process, or by the one a world file or SANDBOX_SIGNING_KEY gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from sandbox import create_app
from sandbox.core import jwt

TOKEN_PATH = "/omilia/auth/realms/master/protocol/openid-connect/token"
OWNER = {"client_id": "ocp", "grant_type": "password", "username": "owner", "password": "sandbox"}


@pytest.fixture(autouse=True)
def keep_process_key() -> Iterator[None]:
    before = jwt.signing_key()
    yield
    jwt.use_private_key(before.private_pem())


def new_key() -> jwt.SigningKey:
    return jwt.SigningKey.of(rsa.generate_private_key(public_exponent=65537, key_size=2048))


def kid_of_token(app_config: dict[str, object]) -> str:
    client = create_app({"TESTING": True, **app_config}).test_client()
    token = client.post(TOKEN_PATH, data=OWNER).json["access_token"]
    return str(json.loads(jwt._unb64(token.split(".")[0]))["kid"])


def test_a_world_file_can_give_the_signing_key(tmp_path: Path) -> None:
    key = new_key()
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"sandbox": {"signing_key": key.private_pem()}}), encoding="utf-8")
    assert kid_of_token({"WORLD": str(world)}) == key.kid


def test_the_signing_key_setting_takes_a_pem_file(tmp_path: Path) -> None:
    key = new_key()
    path = tmp_path / "key.pem"
    path.write_text(key.private_pem(), encoding="ascii")
    assert kid_of_token({"SIGNING_KEY": str(path)}) == key.kid


def test_the_process_key_is_not_a_constant_of_the_source() -> None:
    source = (Path(jwt.__file__)).read_text(encoding="utf-8")
    assert "PRIVATE KEY-----" not in source
    assert jwt.signing_key().private_pem() not in source


def test_a_token_signed_by_another_key_is_refused() -> None:
    client = create_app({"TESTING": True}).test_client()
    token = client.post(TOKEN_PATH, data=OWNER).json["access_token"]
    ours = jwt.signing_key()
    jwt.use_private_key(new_key().private_pem())  # a forger signs the same claims with a key of their own
    forged = jwt.encode(json.loads(jwt._unb64(token.split(".")[1])))
    jwt.use_private_key(ours.private_pem())
    for bearer, status in ((token, 200), (forged, 401)):
        response = client.get(
            "/omilia/integrations/api/numbers", headers={"Authorization": f"Bearer {bearer}"}
        )
        assert response.status_code == status


def test_a_bad_signing_key_is_refused_at_start(tmp_path: Path) -> None:
    world = tmp_path / "world.json"
    world.write_text(json.dumps({"sandbox": {"signing_key": "-----BEGIN nonsense"}}), encoding="utf-8")
    with pytest.raises(ValueError, match="signing key: not a PEM private key"):
        create_app({"TESTING": True, "WORLD": str(world)})
