"""Omilia's errors, by the codes of its "HTTP Code Responses" page.

The integrations error body is undocumented; the sandbox answers `{"success": false, "message": ...}`
(the documented success envelope with success false), recorded as an assumption in the contract.
The token endpoint is Keycloak's and answers Keycloak's `{"error", "error_description"}`.
"""

from __future__ import annotations

from sandbox.core.errors import VendorError


class OmiliaError(VendorError):
    """Any error of the Omilia integrations API."""

    status = 400
    message = "Bad Request"


class BadRequest(OmiliaError):
    """400: usually a missing or malformed parameter."""

    status = 400


class Unauthorized(OmiliaError):
    """401: no valid bearer token."""

    status = 401
    message = "No valid API key provided"


class RequestFailed(OmiliaError):
    """402: the parameters were valid but the request failed."""

    status = 402
    message = "Request Failed"


class Forbidden(OmiliaError):
    """403: the caller's role or groups do not allow it."""

    status = 403
    message = "Forbidden"


class NotFound(OmiliaError):
    """404: no such resource."""

    status = 404
    message = "Not Found"


class Conflict(OmiliaError):
    """409: the request conflicts with what exists."""

    status = 409
    message = "Conflict"


class TooManyRequests(OmiliaError):
    """429: slow down (exponential backoff is advised)."""

    status = 429
    message = "Too Many Requests"


class KeycloakError(OmiliaError):
    """An error of the Keycloak token endpoint: `error` is the OAuth error code."""

    status = 400
    code = "invalid_request"


class InvalidGrant(KeycloakError):
    """Wrong username or password, or a refresh token that is not valid."""

    status = 401
    code = "invalid_grant"
    message = "Invalid user credentials"


class InvalidRequest(KeycloakError):
    """A parameter the endpoint needs is missing (Keycloak's own texts)."""

    status = 400
    code = "invalid_request"


class MissingClientId(KeycloakError):
    """No `client_id` form field (Keycloak's ClientIdAndSecretAuthenticator)."""

    status = 400
    code = "invalid_client"
    message = "Missing client_id parameter"


class InvalidClient(KeycloakError):
    """An unknown client_id."""

    status = 401
    code = "invalid_client"
    message = "Invalid client or Invalid client credentials"


class UnsupportedGrantType(KeycloakError):
    """A grant_type Keycloak does not know."""

    status = 400
    code = "unsupported_grant_type"
    message = "Unsupported grant_type"


class RealmNotFound(KeycloakError):
    """An unknown realm: Keycloak answers 404."""

    status = 404
    code = "Realm does not exist"
    message = "Realm does not exist"


STATUS_ERRORS: dict[int, type[OmiliaError]] = {
    400: BadRequest,
    401: Unauthorized,
    402: RequestFailed,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    429: TooManyRequests,
}


def http_error(status: int, description: str) -> OmiliaError:
    """Omilia's error for a bare HTTP status."""
    cls = STATUS_ERRORS.get(status, OmiliaError)
    return cls(description, status=status)
