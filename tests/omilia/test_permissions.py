"""The role matrix (learn.ocp.ai/guides/integrations-role-mapping) on every numbers route, for every user."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sandbox.omilia.world import DOC_MINIAPP
from tests.omilia.conftest import OmiliaClient

EVERYONE = {"owner", "support", "maintainer", "developer", "viewer"}
MAINTAINERS = {"owner", "support", "maintainer"}
OWNERS = {"owner", "support"}
SPARE = "+12012049894"

# (method, path, body, users allowed); every request is valid for the ocp-qa group all users share.
MATRIX: list[tuple[str, str, Any, set[str]]] = [
    ("GET", "/numbers", None, EVERYONE),
    ("POST", "/numbers/search", {"groups": ["ocp-qa"]}, EVERYONE),
    ("POST", "/numbers", {"provider": "Twilio", "code": "US", "group": "ocp-qa"}, OWNERS),
    ("PUT", "/numbers", {"provider": "Twilio", "numbers": ["+12015551000"], "group": "ocp-qa"}, OWNERS),
    ("PUT", "/number/note", {"number": SPARE, "note": "x"}, OWNERS),
    ("PUT", "/numbers/group", {"numbers": [SPARE], "group": "ocp-qa"}, MAINTAINERS),
    ("PUT", "/numbers/detach", {"numbers": [SPARE]}, MAINTAINERS),
    (
        "PUT",
        "/numbers/attach",
        {"numbers": [SPARE], "miniAppId": DOC_MINIAPP, "locale": "en-US"},
        MAINTAINERS,
    ),
    ("DELETE", f"/numbers/delete/{SPARE}", None, MAINTAINERS),
    ("POST", "/numbers/direct", {"numbers": ["+12015550100"], "group": "ocp-qa"}, {"support"}),
]
CASES = [
    pytest.param(user, method, path, body, user in allowed, id=f"{user}-{method}-{path}")
    for method, path, body, allowed in MATRIX
    for user in sorted(EVERYONE)
]


@pytest.mark.parametrize(("user", "method", "path", "body", "allowed"), CASES)
def test_role_matrix(
    omilia: Callable[[str], OmiliaClient],
    state: Callable[[], Any],
    user: str,
    method: str,
    path: str,
    body: Any,
    allowed: bool,
) -> None:
    before = state()
    response = omilia(user).call(method, path, body)
    if allowed:
        assert response.status_code == 200, response.json
    else:
        assert response.status_code == 403
        assert response.json["success"] is False
        assert response.json["message"].startswith("Access denied: numbers.")
        assert state()["omilia"] == before["omilia"]
