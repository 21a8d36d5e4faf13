from typing import Literal, cast

from ..types import UnknownValue

OrderDecisionForterDecision = (
    Literal["APPROVE", "DECLINE", "NOT_REVIEWED"] | UnknownValue
)
"""The values the spec knows are plain strings; any other value is an ``UnknownValue``."""

ORDER_DECISION_FORTER_DECISION_VALUES: frozenset[str] = frozenset(
    {
        "APPROVE",
        "DECLINE",
        "NOT_REVIEWED",
    }
)


def check_order_decision_forter_decision(
    value: str | UnknownValue,
) -> OrderDecisionForterDecision:
    """A known value as it is, any other string as ``UnknownValue(value)``."""
    if isinstance(value, UnknownValue):
        return value
    if not isinstance(value, str):
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    if value in ORDER_DECISION_FORTER_DECISION_VALUES:
        return cast(OrderDecisionForterDecision, value)
    return UnknownValue(value)
