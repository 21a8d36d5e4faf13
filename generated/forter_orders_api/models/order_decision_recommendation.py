from typing import Literal, cast

from ..types import UnknownValue

OrderDecisionRecommendation = (
    Literal[
        "",
        "REQUEST_SCA_EXCLUSION_ANONYMOUS",
        "REQUEST_SCA_EXCLUSION_MIT",
        "REQUEST_SCA_EXCLUSION_MOTO",
        "REQUEST_SCA_EXCLUSION_ONE_LEG_OUT",
        "REQUEST_SCA_EXEMPTION_CORP",
        "REQUEST_SCA_EXEMPTION_LOW_VALUE",
        "REQUEST_SCA_EXEMPTION_TRA",
        "REQUEST_SCA_EXEMPTION_TRUSTED_BENEFICIARY",
        "VERIFICATION_REQUIRED_3DS_CHALLENGE",
    ]
    | UnknownValue
)
"""The values the spec knows are plain strings; any other value is an ``UnknownValue``."""

ORDER_DECISION_RECOMMENDATION_VALUES: frozenset[str] = frozenset(
    {
        "",
        "REQUEST_SCA_EXCLUSION_ANONYMOUS",
        "REQUEST_SCA_EXCLUSION_MIT",
        "REQUEST_SCA_EXCLUSION_MOTO",
        "REQUEST_SCA_EXCLUSION_ONE_LEG_OUT",
        "REQUEST_SCA_EXEMPTION_CORP",
        "REQUEST_SCA_EXEMPTION_LOW_VALUE",
        "REQUEST_SCA_EXEMPTION_TRA",
        "REQUEST_SCA_EXEMPTION_TRUSTED_BENEFICIARY",
        "VERIFICATION_REQUIRED_3DS_CHALLENGE",
    }
)


def check_order_decision_recommendation(
    value: str | UnknownValue,
) -> OrderDecisionRecommendation:
    """A known value as it is, any other string as ``UnknownValue(value)``."""
    if isinstance(value, UnknownValue):
        return value
    if not isinstance(value, str):
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    if value in ORDER_DECISION_RECOMMENDATION_VALUES:
        return cast(OrderDecisionRecommendation, value)
    return UnknownValue(value)
