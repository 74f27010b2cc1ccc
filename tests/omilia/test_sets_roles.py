"""The role matrix of learn.ocp.ai/guides/integrations-role-mapping on every numbers-set and CSV route."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from tests.omilia.conftest import OmiliaClient
from tests.omilia.sets_csv_support import DOC_MINIAPP, make_set

EVERYONE = {"owner", "maintainer", "developer", "viewer"}
MAINTAINER_UP = {"owner", "maintainer"}
OWNER = {"owner"}

# (method, path template, body, roles allowed, permission action named in the 403)
ROUTES: list[tuple[str, str, Any, set[str], str]] = [
    ("GET", "/numbers-set", None, EVERYONE, "sets.read"),
    ("GET", "/numbers-set/{id}", None, EVERYONE, "sets.read"),
    ("GET", "/numbers-set/group/ocp-qa", None, EVERYONE, "sets.read"),
    ("GET", "/numbers-set/{id}/numbers", None, EVERYONE, "sets.read"),
    ("POST", "/numbers-set", {"name": "new", "groupId": "ocp-qa"}, MAINTAINER_UP, "sets.write"),
    ("PATCH", "/numbers-set/{id}", {"name": "renamed"}, MAINTAINER_UP, "sets.write"),
    ("POST", "/numbers-set/{id}/numbers", {"numbers": ["+302107654321"]}, MAINTAINER_UP, "sets.write"),
    ("DELETE", "/numbers-set/{id}/numbers", {"numbers": ["+12012049894"]}, MAINTAINER_UP, "sets.write"),
    (
        "PUT",
        "/numbers-set/{id}/attach",
        {"miniAppId": DOC_MINIAPP, "locale": "en-US"},
        MAINTAINER_UP,
        "sets.write",
    ),
    ("PUT", "/numbers-set/{id}/detach", None, MAINTAINER_UP, "sets.write"),
    ("DELETE", "/numbers-set/{id}/delete", None, MAINTAINER_UP, "numbers.delete"),
    ("DELETE", "/numbers-set/{id}", None, OWNER, "sets.delete"),
    ("POST", "/numbers/csv", {"groups": ["ocp-qa"]}, MAINTAINER_UP, "numbers.export"),
]


@pytest.mark.parametrize("user", sorted(EVERYONE))
@pytest.mark.parametrize(("method", "path", "body", "allowed", "action"), ROUTES, ids=lambda v: str(v)[:30])
def test_role_matrix(
    owner: OmiliaClient,
    omilia: Callable[[str], OmiliaClient],
    user: str,
    method: str,
    path: str,
    body: Any,
    allowed: set[str],
    action: str,
    state: Callable[[], Any],
) -> None:
    created = make_set(owner, "s", "ocp-qa", ["+12012049894"])
    before = state()
    response = omilia(user).call(method, path.format(id=created["id"]), body)
    if user in allowed:
        assert response.status_code == 200, response.json
    else:
        assert response.status_code == 403
        assert response.json["message"].startswith(f"Access denied: {action} requires one of the roles")
        assert state()["omilia"] == before["omilia"]


@pytest.mark.parametrize("user", sorted(EVERYONE))
def test_csv_import_is_owner_only(
    omilia: Callable[[str], OmiliaClient], state: Callable[[], Any], user: str
) -> None:
    content = b"OPERATION,NUMBER,NOTE\r\nupdate,+12012049894,hello\r\n"
    before = state()
    response = omilia(user).call("PUT", "/numbers/csv", data={"File": (io.BytesIO(content), "n.csv")})
    if user == "owner":
        assert response.status_code == 200, response.json
    else:
        assert response.status_code == 403
        assert response.json["message"] == "Access denied: numbers.import requires one of the roles Owner"
        assert state()["omilia"] == before["omilia"]
