"""README quick start: Kolmisoft MOR, the autodialer's upload, SHA1-signed."""

from __future__ import annotations

import hashlib

import requests

from sandbox.handle import SandboxHandle


def test_mor_quick_start(sandbox: SandboxHandle) -> None:
    server = sandbox.url("mor")  # the client's MOR server; calls go to {server}/billing/api/{function}
    # The hash: SHA1 of the hashed parameters' values, in order, then the user's API secret key.
    signed = hashlib.sha1(b"1" + b"secret").hexdigest()  # autodialer_upload_numbers hashes `id`
    numbers = b"37060000001\n37060000002\n"

    answer = requests.post(
        f"{server}/billing/api/autodialer_upload_numbers",
        data={"u": "campgain_user", "id": "1", "hash": signed},
        files={"file": ("numbers.csv", numbers, "text/csv")},
        timeout=10,
    )
    assert "<success>2 out of 2 numbers were imported</success>" in answer.text

    sandbox.add_fault(
        {
            "match": {"vendor": "mor", "operation": "autodialer_upload_numbers"},
            "action": {"type": "vendor_error", "code": "Incorrect hash"},
            "times": 1,
        }
    )
    again = requests.post(
        f"{server}/billing/api/autodialer_upload_numbers",
        data={"u": "campgain_user", "id": "1", "hash": signed},
        files={"file": ("numbers.csv", numbers, "text/csv")},
        timeout=10,
    )
    assert (again.status_code, "<error>Incorrect hash</error>" in again.text) == (200, True)

    calls = sandbox.requests(vendor="mor", operation="autodialer_upload_numbers")
    assert len(calls) == 2
    assert signed not in calls[0]["body"]  # the journal keeps no hash, password or secret
