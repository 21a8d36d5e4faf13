from typing import Literal, cast

from ..types import UnknownValue

VerificationMethodStatus = (
    Literal[
        "ATTEMPTED",
        "AUTHENTICATED",
        "FRICTIONLESS",
        "FRICTIONLESS_BANK_REJECT",
        "FRICTIONLESS_NOT_AUTHENTICATED",
        "FRICTIONLESS_TECHNICAL_ISSUE",
        "NETWORK_ERROR",
    ]
    | UnknownValue
)
"""The values the spec knows are plain strings; any other value is an ``UnknownValue``."""

VERIFICATION_METHOD_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "ATTEMPTED",
        "AUTHENTICATED",
        "FRICTIONLESS",
        "FRICTIONLESS_BANK_REJECT",
        "FRICTIONLESS_NOT_AUTHENTICATED",
        "FRICTIONLESS_TECHNICAL_ISSUE",
        "NETWORK_ERROR",
    }
)


def check_verification_method_status(
    value: str | UnknownValue,
) -> VerificationMethodStatus:
    """A known value as it is, any other string as ``UnknownValue(value)``."""
    if isinstance(value, UnknownValue):
        return value
    if not isinstance(value, str):
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    if value in VERIFICATION_METHOD_STATUS_VALUES:
        return cast(VerificationMethodStatus, value)
    return UnknownValue(value)
