"""Microsoft identity platform errors: an OAuth `error` plus an AADSTS code and message.

The codes and wordings are the identity platform's own (learn.microsoft.com "Microsoft Entra
authentication and authorization error codes"); the Live Platform's "Get Token" documents AADSTS700016.
"""

from __future__ import annotations

import re

from sandbox.core.errors import VendorError


class EntraError(VendorError):
    """Any token endpoint error: `code` is the OAuth error, `aadsts` the AADSTS number."""

    status = 400
    code = "invalid_request"
    aadsts = 900144
    message = "The request body must contain the following parameter: 'grant_type'."


class MissingParameter(EntraError):
    """AADSTS900144: a required form parameter is absent."""

    def __init__(self, name: str) -> None:
        super().__init__(f"The request body must contain the following parameter: '{name}'.")


class UnsupportedGrantType(EntraError):
    """AADSTS70003: a grant this endpoint does not serve."""

    code = "unsupported_grant_type"
    aadsts = 70003

    def __init__(self, grant: str) -> None:
        super().__init__(f"The app requested an unsupported grant type '{grant}'.")


class TenantNotFound(EntraError):
    """AADSTS90002: no such tenant."""

    aadsts = 90002

    def __init__(self, tenant: str) -> None:
        super().__init__(
            f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are "
            "signing into the correct cloud. Check with your subscription administrator, this may happen "
            "if there are no active subscriptions for the tenant."
        )


class InvalidTenantIdentifier(EntraError):
    """AADSTS900023: a tenant segment that is neither a GUID nor a domain."""

    aadsts = 900023

    def __init__(self, tenant: str) -> None:
        super().__init__(
            f"Specified tenant identifier '{tenant}' is neither a valid DNS name, "
            "nor a valid external domain."
        )


class NoTenantInformation(EntraError):
    """AADSTS50059: client credentials sent to /common or /organizations."""

    aadsts = 50059
    message = (
        "No tenant-identifying information found in either the request or implied by any provided "
        "credentials."
    )


class ApplicationNotFound(EntraError):
    """AADSTS700016: an unknown client_id (the Live Platform's documented failure)."""

    code = "unauthorized_client"
    aadsts = 700016

    def __init__(self, client_id: str, tenant: str) -> None:
        super().__init__(
            f"Application with identifier '{client_id}' was not found in the directory '{tenant}'. "
            "This can happen if the application has not been installed by the administrator of the tenant "
            "or consented to by any user in the tenant. You may have sent your authentication request to "
            "the wrong tenant."
        )


class MissingClientSecret(EntraError):
    """AADSTS7000218: neither a client secret nor an assertion."""

    status = 401
    code = "invalid_client"
    aadsts = 7000218
    message = "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."


class InvalidClientSecret(EntraError):
    """AADSTS7000215: a wrong client secret."""

    status = 401
    code = "invalid_client"
    aadsts = 7000215

    def __init__(self, client_id: str) -> None:
        super().__init__(
            "Invalid client secret provided. Ensure the secret being sent in the request is the client "
            f"secret value, not the client secret ID, for a secret added to app '{client_id}'."
        )


class InvalidScope(EntraError):
    """AADSTS1002012: a client-credentials scope without `/.default`."""

    code = "invalid_scope"
    aadsts = 1002012

    def __init__(self, scope: str) -> None:
        super().__init__(
            f"The provided value for scope {scope} is not valid. Client credential flows must have a "
            "scope value with /.default suffixed to the resource identifier (application ID URI)."
        )


class ResourceNotFound(EntraError):
    """AADSTS500011: a scope naming a resource the tenant does not have."""

    code = "invalid_resource"
    aadsts = 500011

    def __init__(self, resource: str, tenant: str) -> None:
        super().__init__(
            f"The resource principal named {resource} was not found in the tenant named {tenant}. This "
            "can happen if the application has not been installed by the administrator of the tenant or "
            "consented to by any user in the tenant. You might have sent your authentication request to "
            "the wrong tenant."
        )


HTTP_AADSTS = {404: 90011, 405: 900561, 413: 90015, 429: 50196, 500: 90033}
"""The AADSTS number used for a bare HTTP status (routing errors, fault `error`)."""


def http_error(status: int, description: str) -> EntraError:
    """The identity platform's answer to a bare HTTP status."""
    if status == 405:
        description = "The endpoint only accepts POST, OPTIONS requests. Received a GET request."
    error = EntraError(
        description, status=status, code="invalid_request" if status < 500 else "temporarily_unavailable"
    )
    error.aadsts = HTTP_AADSTS.get(status, 90014 if status < 500 else 90033)
    return error


CODED: dict[str, type[EntraError]] = {
    "AADSTS7000218": MissingClientSecret,
    "AADSTS50059": NoTenantInformation,
}


def coded_error(code: str) -> EntraError:
    """The documented error for an AADSTS code (fault `vendor_error`), e.g. `AADSTS700016`."""
    text = code.strip().upper()
    number = text.removeprefix("AADSTS")
    if text in CODED:
        return CODED[text]()
    factories = {
        "700016": lambda: ApplicationNotFound("sandbox-client", "sandbox"),
        "7000215": lambda: InvalidClientSecret("sandbox-client"),
        "90002": lambda: TenantNotFound("sandbox"),
        "70003": lambda: UnsupportedGrantType("unknown"),
        "1002012": lambda: InvalidScope("unknown"),
        "900144": lambda: MissingParameter("grant_type"),
    }
    if number in factories:
        return factories[number]()
    if re.fullmatch(r"[1-5][0-9][0-9]", number):
        return http_error(int(number), "The service is temporarily unavailable.")
    if not re.fullmatch(r"AADSTS[0-9]{1,9}", text):
        raise ValueError(
            f"unknown Entra error {code!r}: give an AADSTS code (e.g. AADSTS700016) or an HTTP status"
        )
    # Another AADSTS code: Entra's generic invalid_request envelope carrying that code.
    error = EntraError(f"{code}", code="invalid_request")
    error.aadsts = int(number)
    return error
