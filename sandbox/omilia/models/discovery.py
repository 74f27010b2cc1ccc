"""A realm's OpenID Connect discovery document, as Keycloak's OIDCWellKnownProvider writes it."""

from __future__ import annotations

from typing import Any

GRANT_TYPES = ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"]
RESPONSE_TYPES = ["code", "none", "id_token", "token", "id_token token", "code id_token", "code token"]
CLAIMS = [
    "aud",
    "sub",
    "iss",
    "auth_time",
    "name",
    "given_name",
    "family_name",
    "preferred_username",
    "email",
]


def realm_issuer(base: str, realm: str) -> str:
    """The issuer of a realm's tokens: `{host}/auth/realms/{realm}` (Keycloak's legacy /auth context)."""
    return f"{base}/auth/realms/{realm}"


def openid_configuration(issuer: str) -> dict[str, Any]:
    """GET .../.well-known/openid-configuration: the realm's endpoints and what they support."""
    oidc = f"{issuer}/protocol/openid-connect"
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{oidc}/auth",
        "token_endpoint": f"{oidc}/token",
        "introspection_endpoint": f"{oidc}/token/introspect",
        "userinfo_endpoint": f"{oidc}/userinfo",
        "end_session_endpoint": f"{oidc}/logout",
        "jwks_uri": f"{oidc}/certs",
        "check_session_iframe": f"{oidc}/login-status-iframe.html",
        "registration_endpoint": f"{issuer}/clients-registrations/openid-connect",
        "grant_types_supported": GRANT_TYPES,
        "response_types_supported": RESPONSE_TYPES,
        "subject_types_supported": ["public", "pairwise"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": [
            "private_key_jwt",
            "client_secret_basic",
            "client_secret_post",
            "client_secret_jwt",
        ],
        "claims_supported": CLAIMS,
        "scopes_supported": ["openid", "profile", "email", "roles"],
        "code_challenge_methods_supported": ["plain", "S256"],
    }
