"""README quick start: Switchvox Extend API with Digium's own client, pyswitchvox 0.0.1, unchanged.

pyswitchvox takes a bare host name and always speaks https to `https://HOST/json`:
`sandbox.host("switchvox")` is a TLS root listener of this test's own tenant.
"""

from __future__ import annotations

import pytest
from pyswitchvox.client import Client, ExtendAPIError

from sandbox.handle import SandboxHandle

# pyswitchvox posts with verify=False (Switchvox's own certificate is self-signed): urllib3 warns.
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")


def test_switchvox_quick_start(sandbox: SandboxHandle) -> None:
    client = Client(sandbox.host("switchvox"), "admin", "admin")  # "127.0.0.1:PORT"

    info = client.extensions.getInfo(extensions=["100"])
    assert info["result"]["extensions"]["extension"]["number"] == "100"

    sandbox.add_fault(
        {
            "match": {"vendor": "switchvox", "operation": "switchvox.extensions.getInfo"},
            "action": {"type": "vendor_error", "code": "10011"},
        }
    )
    with pytest.raises(ExtendAPIError) as refused:
        client.extensions.getInfo(extensions=["100"])
    assert refused.value.error_code == 10011

    calls = sandbox.requests(vendor="switchvox", operation="switchvox.extensions.getInfo")
    assert [c["status"] for c in calls if c["status"] != 401] == [200, 200]  # 401s: Digest challenges
    client.close()
