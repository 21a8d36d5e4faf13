from typing import Literal

OrderAuthorizationStep = Literal["POST_AUTHORIZATION", "PRE_AUTHORIZATION"]

ORDER_AUTHORIZATION_STEP_VALUES: set[OrderAuthorizationStep] = {
    "POST_AUTHORIZATION",
    "PRE_AUTHORIZATION",
}


def check_order_authorization_step(value: str) -> OrderAuthorizationStep:
    if value in ORDER_AUTHORIZATION_STEP_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORDER_AUTHORIZATION_STEP_VALUES!r}"
    )
