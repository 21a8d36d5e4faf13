from typing import Literal

OrderOrderType = Literal[
    "ANDROID",
    "API_ONLY",
    "AUTOMATIC_RENEWAL_OR_INSTALLMENT_PAYMENT",
    "DYNAMIC_PHONE",
    "IOS",
    "MAIL_ORDER",
    "MERCHANT_EMPLOYEE",
    "MERCHANT_INITIATED",
    "MOBILE",
    "MOBILE_IN_STORE",
    "PERSONAL_POS",
    "PHONE",
    "PHONE_LINK",
    "POS",
    "STORE",
    "UNKNOWN",
    "WAP",
    "WEB",
]

ORDER_ORDER_TYPE_VALUES: set[OrderOrderType] = {
    "ANDROID",
    "API_ONLY",
    "AUTOMATIC_RENEWAL_OR_INSTALLMENT_PAYMENT",
    "DYNAMIC_PHONE",
    "IOS",
    "MAIL_ORDER",
    "MERCHANT_EMPLOYEE",
    "MERCHANT_INITIATED",
    "MOBILE",
    "MOBILE_IN_STORE",
    "PERSONAL_POS",
    "PHONE",
    "PHONE_LINK",
    "POS",
    "STORE",
    "UNKNOWN",
    "WAP",
    "WEB",
}


def check_order_order_type(value: str) -> OrderOrderType:
    if value in ORDER_ORDER_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORDER_ORDER_TYPE_VALUES!r}"
    )
