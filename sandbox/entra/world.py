"""Entra's default world: the service provider's tenant, its client app and the Live Platform API.

The documented defaults: tenant `00000000-0000-4000-8000-000000000001`, client id `sandbox-client`, secret
`sandbox-secret`. The API's scope is the Live Platform's "Get Token" `api://9d576dc4-.../.default`.
"""

from __future__ import annotations

import uuid
from typing import Any

SERVICE_PROVIDER_TENANT = "00000000-0000-4000-8000-000000000001"
CUSTOMER_TENANT = "11111111-1111-4111-8111-111111111111"
CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
API_APP_ID = "9d576dc4-b85d-4571-880e-4c6ed4c08c31"
API_AUDIENCE = f"api://{API_APP_ID}"


def _object_id(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"entra:{name}"))


def seed() -> dict[str, list[dict[str, Any]]]:
    """The records of a fresh tenant."""
    return {
        "tenants": [
            {"tenantId": SERVICE_PROVIDER_TENANT, "domain": "sandbox-operator.onmicrosoft.com"},
            {"tenantId": CUSTOMER_TENANT, "domain": "sandbox-customer.onmicrosoft.com"},
        ],
        "applications": [
            {
                "appId": CLIENT_ID,
                "displayName": "LiveCloud-APIToken",
                "tenantId": SERVICE_PROVIDER_TENANT,
                "objectId": _object_id(CLIENT_ID),
                "secrets": [CLIENT_SECRET],
                "identifierUris": [],
            },
            {
                "appId": API_APP_ID,
                "displayName": "AudioCodes Live Platform API",
                "tenantId": SERVICE_PROVIDER_TENANT,
                "objectId": _object_id(API_APP_ID),
                "secrets": [],
                "identifierUris": [API_AUDIENCE],
            },
        ],
    }
