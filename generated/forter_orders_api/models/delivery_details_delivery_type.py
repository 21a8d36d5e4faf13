from typing import Literal

DeliveryDetailsDeliveryType = Literal["DIGITAL", "HYBRID", "PHYSICAL"]

DELIVERY_DETAILS_DELIVERY_TYPE_VALUES: set[DeliveryDetailsDeliveryType] = {
    "DIGITAL",
    "HYBRID",
    "PHYSICAL",
}


def check_delivery_details_delivery_type(value: str) -> DeliveryDetailsDeliveryType:
    if value in DELIVERY_DETAILS_DELIVERY_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DELIVERY_DETAILS_DELIVERY_TYPE_VALUES!r}"
    )
