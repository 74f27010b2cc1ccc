"""Kolmisoft MOR's errors: the message is the whole error (`<page><error>MSG</error></page>`).

MOR answers every API error with HTTP 200 and the error text (wiki.kolmisoft.com/index.php/MOR_API:
the status is undocumented, assumed 200). Each class below is one documented error message, worded
as MOR writes it.
"""

from __future__ import annotations

from sandbox.core.errors import VendorError


class MorError(VendorError):
    """Any MOR API error."""

    status = 200
    message = "Access Denied"


class ApiRequestsDisabled(MorError):
    """ "Allow API globally" is off (MOR's server source)."""

    message = "API Requests are disabled"


class GetRequestsDisabled(MorError):
    """A GET while "Allow GET API" is off (MOR's server source)."""

    message = "GET Requests are disabled"


class AccessDenied(MorError):
    """No `u`, or no such user."""

    message = "Access Denied"


class IncorrectHash(MorError):
    """The hash is missing, not 40 characters, or does not match."""

    message = "Incorrect hash"


class NotAuthorized(MorError):
    """The user may not use the autodialer (only simple users own campaigns)."""

    message = "You are not authorized to use this functionality"


class CampaignNotFound(MorError):
    """No such campaign among the caller's campaigns."""

    message = "Campaign was not found"


class FileEmpty(MorError):
    """The uploaded file has 0 bytes."""

    message = "File is empty"


class FileMissing(MorError):
    """No `file` part in the request."""

    message = "Please provide a file"


class NotCsv(MorError):
    """The file name does not end in .csv."""

    message = "Please provide CSV file"


class NoNumbers(MorError):
    """Statistics of a campaign without numbers."""

    message = "Campaign does not have any Numbers"


class NoCallsInPeriod(MorError):
    """Statistics of a period without calls."""

    message = "Campaign does not have any Calls in selected time period"


class BadPeriod(MorError):
    """period_start after period_end."""

    message = "Date from is greater than date till"


class UserNotFound(MorError):
    """No such user among those the caller may read."""

    message = "User was not found"


class FeatureDisabled(MorError):
    """user_balance_get while "Allow devices to check balance over HTTP" is off."""

    message = "Feature disabled"


class UnknownFunction(MorError):
    """A path under /billing/api that names no MOR function (a routing error, so HTTP 404)."""

    status = 404
    message = "Not Found"


DOCUMENTED: dict[str, type[MorError]] = {
    cls.message: cls
    for cls in (
        ApiRequestsDisabled,
        GetRequestsDisabled,
        AccessDenied,
        IncorrectHash,
        NotAuthorized,
        CampaignNotFound,
        FileEmpty,
        FileMissing,
        NotCsv,
        NoNumbers,
        NoCallsInPeriod,
        BadPeriod,
        UserNotFound,
        FeatureDisabled,
    )
}


def http_error(status: int, description: str) -> MorError:
    """MOR's answer to a bare HTTP status: its XML error envelope with that status."""
    return MorError(description, status=status)


def coded_error(code: str) -> MorError:
    """The documented MOR error whose message is `code` (fault `vendor_error`); ValueError if unknown."""
    cls = DOCUMENTED.get(str(code))
    if cls is None:
        raise ValueError(f"unknown MOR error {code!r}; documented: {sorted(DOCUMENTED)}")
    return cls()
