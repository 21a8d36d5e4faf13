from typing import Literal, cast

from ..types import UnknownValue

VerificationMethodType = Literal["THREE_DS"] | UnknownValue
"""The values the spec knows are plain strings; any other value is an ``UnknownValue``."""

VERIFICATION_METHOD_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "THREE_DS",
    }
)


def check_verification_method_type(value: str | UnknownValue) -> VerificationMethodType:
    """A known value as it is, any other string as ``UnknownValue(value)``."""
    if isinstance(value, UnknownValue):
        return value
    if not isinstance(value, str):
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    if value in VERIFICATION_METHOD_TYPE_VALUES:
        return cast(VerificationMethodType, value)
    return UnknownValue(value)
