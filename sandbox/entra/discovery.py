"""OpenID Connect discovery, `/{tenant}/v2.0/.well-known/openid-configuration`, as MSAL reads it.

MSAL clients fetch this document first and post to its `token_endpoint`, so the endpoints point
back at the sandbox authority the client was given (whatever its base URL and tenant prefix).
"""

from __future__ import annotations

from typing import Any

from sandbox.core.store import TenantState
from sandbox.entra.tokens import resolve_tenant

SUFFIX = "/v2.0/.well-known/openid-configuration"
CLAIMS = [
    "sub",
    "iss",
    "cloud_instance_name",
    "cloud_instance_host_name",
    "cloud_graph_host_name",
    "msgraph_host",
    "aud",
    "exp",
    "iat",
    "auth_time",
    "acr",
    "nonce",
    "preferred_username",
    "name",
    "tid",
    "ver",
    "at_hash",
    "c_hash",
    "email",
]


def openid_configuration(tenant: TenantState, identifier: str, authority: str) -> dict[str, Any]:
    """The discovery document of one directory; `authority` is the URL up to the tenant segment."""
    tid = resolve_tenant(tenant, identifier)["tenantId"]
    return {
        "token_endpoint": f"{authority}/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported": [
            "client_secret_post",
            "private_key_jwt",
            "client_secret_basic",
        ],
        "jwks_uri": f"{authority}/discovery/v2.0/keys",
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": f"https://login.microsoftonline.com/{tid}/v2.0",
        "request_uri_parameter_supported": False,
        "userinfo_endpoint": "https://graph.microsoft.com/oidc/userinfo",
        "authorization_endpoint": f"{authority}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{authority}/oauth2/v2.0/devicecode",
        "http_logout_supported": True,
        "frontchannel_logout_supported": True,
        "end_session_endpoint": f"{authority}/oauth2/v2.0/logout",
        "claims_supported": CLAIMS,
        "kerberos_endpoint": f"{authority}/kerberos",
        "tenant_region_scope": "OC",
        "cloud_instance_name": "microsoftonline.com",
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com",
        "rbac_url": "https://pas.windows.net",
    }
