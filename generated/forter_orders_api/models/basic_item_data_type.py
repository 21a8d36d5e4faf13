from typing import Literal

BasicItemDataType = Literal["NON_TANGIBLE", "TANGIBLE"]

BASIC_ITEM_DATA_TYPE_VALUES: set[BasicItemDataType] = {
    "NON_TANGIBLE",
    "TANGIBLE",
}


def check_basic_item_data_type(value: str) -> BasicItemDataType:
    if value in BASIC_ITEM_DATA_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BASIC_ITEM_DATA_TYPE_VALUES!r}"
    )
