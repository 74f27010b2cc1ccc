"""Authenticating as each vendor does, with one side's credentials (a registry by vendor name).

A signer takes a request (from a contract example or a cassette, its secrets absent or redacted)
and makes it that side's: Omilia's Keycloak password grant and bearer token, MOR's `u` and SHA1
`hash`, Switchvox's Digest (or Basic) answer, Entra client credentials and the Operator Connect
bearer token. Token grants are fetched once per side and reused.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from sandbox.verify.exchange import Request, header, send

# The credentials of the sandbox's default world, and the names `--auth` takes.
SANDBOX_CREDENTIALS: dict[str, dict[str, str]] = {
    "omilia": {"username": "owner", "password": "sandbox", "realm": "master", "client_id": "ocp"},
    "mor": {"secret": "secret"},  # the system's API secret key; `u` stays the example's unless given
    "switchvox": {"username": "admin", "password": "admin", "scheme": "digest"},
    "operator-connect": {
        "tenant": "00000000-0000-4000-8000-000000000001",
        "client_id": "sandbox-client",
        "client_secret": "sandbox-secret",
        "scope": "api://9d576dc4-b85d-4571-880e-4c6ed4c08c31/.default",
    },
}
# Contract servers a vendor reaches through a credential-named base URL (Entra's authority).
SERVER_KEYS: dict[str, dict[str, str]] = {"operator-connect": {"/entra": "authority"}}
# MOR's hashed parameters by function, in each function's order (unknown functions: u, id).
MOR_DEFAULT_HASHED = ("u", "id")


@dataclass
class Side:
    """Where one side's requests go and whose credentials sign them."""

    vendor: str
    base: str
    servers: dict[str, str]
    credentials: dict[str, str]
    verify_tls: bool = True
    session: requests.Session = field(default_factory=requests.Session)
    tokens: dict[str, str] = field(default_factory=dict)

    def base_for(self, server: str) -> str:
        """The base URL of a contract server ("" or the vendor's own: the vendor base)."""
        return self.servers.get(server, self.base)

    def send(self, request: Request, needs_auth: bool) -> Any:
        """Sign and send; returns the Answer."""
        signed, auth = sign(self, request, needs_auth)
        return send(self.session, self.base_for(signed.server), signed, auth=auth, verify=self.verify_tls)


def credentials_for(vendor: str, given: dict[str, str]) -> dict[str, str]:
    """The sandbox's default credentials of a vendor overlaid with the given ones."""
    return {**SANDBOX_CREDENTIALS.get(vendor, {}), **given}


def bases(
    vendor: str, contract_server: str, base: str, servers: set[str], creds: dict[str, str]
) -> dict[str, str]:
    """The base URL of every other server: a named credential, else the base with its path swapped."""
    out = {}
    for server in servers:
        if server == contract_server:
            continue
        key = SERVER_KEYS.get(vendor, {}).get(server)
        if key and creds.get(key):
            out[server] = creds[key].rstrip("/")
        elif contract_server and base.rstrip("/").endswith(contract_server):
            out[server] = base.rstrip("/")[: -len(contract_server)] + server
        else:
            out[server] = base.rstrip("/") + server
    return out


def _copy(request: Request) -> Request:
    return Request.from_dict(_deep(request.to_dict()))


def _deep(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep(v) for v in value]
    return value


def _drop_auth(request: Request) -> None:
    request.headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}


def _form(request: Request) -> dict[str, Any] | None:
    body = request.body or {}
    if "form" in body:
        return body["form"]
    if "multipart" in body:
        return body["multipart"].setdefault("fields", {})
    if isinstance(body.get("json"), dict):
        return body["json"]
    return None


def _sign_omilia(side: Side, request: Request, needs_auth: bool) -> Any:
    creds = side.credentials
    if request.path.rstrip("/").endswith("/protocol/openid-connect/token"):
        if creds.get("realm"):
            request.path = re.sub(r"^/auth/realms/[^/]+/", f"/auth/realms/{creds['realm']}/", request.path)
        form = _form(request)
        if form is not None and form.get("grant_type", "password") == "password":
            form["username"], form["password"] = creds.get("username", ""), creds.get("password", "")
        elif form is not None and form.get("grant_type") == "refresh_token":
            _omilia_token(side)
            form["refresh_token"] = side.tokens["refresh"]  # one of this side's own
        return None
    if needs_auth:
        request.headers["Authorization"] = f"Bearer {_omilia_token(side)}"
    return None


def _omilia_token(side: Side) -> str:
    creds = side.credentials
    form = {
        "client_id": creds.get("client_id", "ocp"),
        "grant_type": "password",
        "username": creds.get("username", ""),
        "password": creds.get("password", ""),
    }
    path = f"/auth/realms/{creds.get('realm', 'master')}/protocol/openid-connect/token"
    return _bearer(side, Request("POST", path, body={"form": form}))


def _bearer(side: Side, grant: Request) -> str:
    """The side's access token, fetched once with `grant` (its refresh token kept beside it)."""
    if "bearer" not in side.tokens:
        answer = send(side.session, side.base_for(grant.server), grant, verify=side.verify_tls)
        side.tokens["bearer"] = _token_field(answer, "access_token")
        side.tokens["refresh"] = _token_field(answer, "refresh_token")
    return side.tokens["bearer"]


def _token_field(answer: Any, name: str) -> str:
    try:
        return str(json.loads(answer.content)[name])
    except (ValueError, KeyError, TypeError):
        return "invalid"


def _mor_hashed(function: str) -> tuple[str, ...]:
    from sandbox.mor.functions import FUNCTIONS

    known = FUNCTIONS.get(function)
    return known.hashed[0] if known and known.hashed else MOR_DEFAULT_HASHED


def _sign_mor(side: Side, request: Request, needs_auth: bool) -> Any:
    """`u` and `p` (user_login) from the side's `user` and `password` when given; `hash` recomputed."""
    creds = side.credentials
    function = request.path.rstrip("/").rsplit("/", 1)[-1]
    form = _form(request)
    sources = [request.query] if form is None else [request.query, form]
    for source in sources:
        if "u" in source and creds.get("user"):
            source["u"] = creds["user"]
        if "p" in source and creds.get("password"):
            source["p"] = creds["password"]
    merged: dict[str, Any] = {}
    for source in sources:
        merged.update(source)
    if "hash" not in merged:
        return None
    values = "".join(str(merged.get(name, "")) for name in _mor_hashed(function))
    signature = hashlib.sha1((values + creds.get("secret", "")).encode("utf-8")).hexdigest()
    for source in sources:
        if "hash" in source:
            source["hash"] = signature
    return None


def _sign_switchvox(side: Side, request: Request, needs_auth: bool) -> Any:
    creds = side.credentials
    scheme = creds.get("scheme", "digest").lower()
    recorded = (header(request.headers, "Authorization") or "").split(" ", 1)[0].lower()
    _drop_auth(request)
    if not needs_auth:
        return None
    if (recorded or scheme) == "basic":
        return HTTPBasicAuth(creds.get("username", ""), creds.get("password", ""))
    return HTTPDigestAuth(creds.get("username", ""), creds.get("password", ""))


TOKEN_PATH = re.compile(r"^/([^/]+)/oauth2/v2\.0/token$")


def _sign_operator_connect(side: Side, request: Request, needs_auth: bool) -> Any:
    creds = side.credentials
    match = TOKEN_PATH.match(request.path)
    if match:
        request.path = f"/{creds.get('tenant', match.group(1))}/oauth2/v2.0/token"
        form = _form(request)
        if form is not None:
            form["client_id"] = creds.get("client_id", "")
            form["client_secret"] = creds.get("client_secret", "")
        _drop_auth(request)
        return None
    if needs_auth:
        request.headers["Authorization"] = f"Bearer {_entra_token(side)}"
    return None


def _entra_token(side: Side) -> str:
    creds = side.credentials
    form = {
        "grant_type": "client_credentials",
        "client_id": creds.get("client_id", ""),
        "client_secret": creds.get("client_secret", ""),
        "scope": creds.get("scope", ""),
    }
    path = f"/{creds.get('tenant', '')}/oauth2/v2.0/token"
    return _bearer(side, Request("POST", path, body={"form": form}, server="/entra"))


SIGNERS: dict[str, Callable[[Side, Request, bool], Any]] = {
    "omilia": _sign_omilia,
    "mor": _sign_mor,
    "switchvox": _sign_switchvox,
    "operator-connect": _sign_operator_connect,
}


def sign(side: Side, request: Request, needs_auth: bool) -> tuple[Request, Any]:
    """A copy of `request` signed with the side's credentials, and the requests auth object to send with."""
    signed = _copy(request)
    signer = SIGNERS.get(side.vendor)
    if signer is None:
        return signed, None
    if side.vendor != "switchvox" and header(signed.headers, "Authorization") is not None:
        _drop_auth(signed)
        needs_auth = True
    auth = signer(side, signed, needs_auth)
    return signed, auth


def secrets_of(credentials: dict[str, str]) -> list[str]:
    """The credential values that must never be printed or written."""
    names = ("password", "secret", "client_secret")
    return [value for key, value in credentials.items() if key in names and value]
