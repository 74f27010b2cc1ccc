"""Switchvox Extend API errors: numeric codes with messages, sent with HTTP 200.

Method-specific codes and messages are copied from the method pages (Sangoma KB and the Digium Extend
API wiki). The "Generic Error Codes" page is not public: the generic
codes below (10001-10004, 10011, 10015-10017, 10401, 10403 and 10000 + HTTP status) are the sandbox's own
choice, recorded in contracts/switchvox.yaml.
"""

from __future__ import annotations

from typing import Any

from sandbox.core.errors import VendorError

REALM = "switchvox_api_auth"


class SwitchvoxError(VendorError):
    """Any Extend API error: `<error code=".." message=".."/>`, HTTP 200."""

    status = 200
    code = 10000
    message = "Error"


# Documented messages by code; %1 (or %NAME%) is filled in by `coded`.
MESSAGES: dict[int, str] = {
    # switchvox.extensions.phones.bulk.upload (its method page)
    86161: "Your phone system has not yet been registered and is limited to %1 extensions.",
    86162: "You have exceeded the number of phone extensions available for your PBX. "
    "Please contact your reseller to purchase more extensions.",
    86173: "Invalid template account ID (%1)",
    61987: "Invalid extension type. Only SIP and Virtual extensions can be created in bulk.",
    95106: "Invalid dupe process (%1). Valid options are: 1 (Skip), 2 (Replace), and 3 (Update).",
    96463: "The extension_array parameter is not an array.",
    38297: "Error getting template values for template with id %1.",
    94772: "Your CSV file is not in the correct format. "
    "Please see the help link next to the Extension File input for more information.",
    70674: "Problems uploading your CSV file.",
    51132: "Your CSV file contained no extension data.",
    32334: "Error creating temporary file for bulk extension creation.",
    # switchvox.extensions.getInfo / phones.sip.getInfo
    10000: "Missing extensions or account_ids",
    10010: "Invalid extension (%1). Extensions may only contain digits or *.",
    10012: "Invalid extension (%1). Extension must be between %2 to %3 characters in length.",
    10013: "Invalid number of parameters. At least one of the following parameters is required : "
    "(extensions,account_ids)",
    10014: "Invalid account_id (%1). Account_ids may only contain digits.",
    84711: "That account_id is invalid.",
    # switchvox.users.callLogs.search (its page's error table; switchvox.callLogs.search shares it)
    77534: "Invalid date (%1). Date and time format is (YYYY-MM-DD HH:MM:SS)",
    25673: "Invalid date (%1). You selected the 31st of a month with only 30 days.",
    75429: "Invalid date (%1). February 29th is outside a leap year.",
    63014: "Invalid date (%1). February 30th and 31st do not exist.",
    12010: "The 'To Date' is before your 'From Date'",
    12016: "Invalid sort field",
    12017: "Invalid sort order",
    12018: "items_per_page may only contain digits",
    12019: "page_number may only contain digits",
    # users.* methods (users.callLogs.search, users.voicemail.remove): another account's data
    27168: "Your account is not permitted to run this action.",
    # Generic (the sandbox's choice; the vendor's list is not public)
    10001: "The request was empty.",
    10002: "The request could not be parsed (%1).",
    10003: "Invalid method (%1).",
    10004: "Missing method: the request names no method.",
    10011: "Missing required parameter (%1)",
    10015: "Invalid value for parameter %1 (%2).",
    10401: "Authentication required: a valid username and password are needed.",
    10403: "Permission denied: your access level does not allow %1.",
    10016: "Invalid current_call_id (%1). No such call is in progress.",
    10017: "Invalid extension_group_id (%1).",
}


def fill(template: str, *args: Any) -> str:
    """Replace %1, %2... in a documented message."""
    text = template
    for index, value in enumerate(args, start=1):
        text = text.replace(f"%{index}", str(value))
    return text


def coded(code: int, *args: Any, status: int | None = None, **kwargs: Any) -> SwitchvoxError:
    """The documented error `code` with its message's placeholders filled by `args`."""
    return SwitchvoxError(fill(MESSAGES[code], *args), code=code, status=status, **kwargs)


def missing(name: str) -> SwitchvoxError:
    """10011: a required parameter is absent."""
    return coded(10011, name)


def invalid(name: str, value: Any) -> SwitchvoxError:
    """10015: a parameter value is out of its domain."""
    return coded(10015, name, value)


def unauthorized(challenge: str) -> SwitchvoxError:
    """HTTP 401 with the Digest challenge: missing or wrong credentials (the only 401)."""
    return coded(10401, status=401, headers={"WWW-Authenticate": challenge})


def http_error(status: int, description: str) -> SwitchvoxError:
    """Switchvox's answer to a bare HTTP status: the Extend envelope, code 10000 + status."""
    return SwitchvoxError(description, status=status, code=10000 + status)
