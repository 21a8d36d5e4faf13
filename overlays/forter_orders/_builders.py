"""Helpers that make a correct order the easy path.

* :func:`money` turns a ``Decimal`` into the wire's decimal strings (``"110.00"``), with exactly as
  many fraction digits as the currency has (JPY 0, USD 2, KWD 3), refusing floats, NaN and amounts
  that would need rounding.
* :func:`epoch_ms` / :func:`epoch_seconds` take timezone-aware datetimes only: a naive datetime is
  ambiguous (local time of which server?) and is refused with a clear message.
* :func:`build_web_order` and :func:`build_mobile_order` compose the generated models and encode
  the web/mobile rule in their signatures: a web order needs the Forter JS token cookie; a
  native-app order (``MOBILE`` / ``IOS`` / ``ANDROID``) needs the mobile SDK's ``forterMobileUID``
  and never carries ``forterTokenCookie``.

The builders check their arguments; the full schema check runs when the order is sent (or call
:func:`forter_orders.validate_order`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Final, Literal

from forter_orders_api.models import (
    AccountOwner,
    Amount,
    BasicItemData,
    CartItem,
    ConnectionInformation,
    DeliveryDetails,
    Order,
    Payment,
    Recipient,
)
from forter_orders_api.models.order_authorization_step import OrderAuthorizationStep
from forter_orders_api.types import UNSET, Unset

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_CURRENCY_RE: Final = re.compile(r"[A-Z]{3}")

# ISO 4217 minor units that are not 2 (the default for every other code).
CURRENCY_EXPONENTS: Final[dict[str, int]] = {
    **dict.fromkeys(
        ("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI"), 0
    ),
    **dict.fromkeys(("VND", "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    **dict.fromkeys(("CLF", "UYW"), 4),
}

MobileOrderType = Literal["MOBILE", "IOS", "ANDROID"]
ItemType = Literal["TANGIBLE", "NON_TANGIBLE"]


def _to_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool | float):
        raise TypeError(
            f"{what} must be a Decimal, int or str, not {type(value).__name__}: floats cannot "
            "hold cents exactly (0.1 + 0.2 != 0.3); use Decimal('110.00')"
        )
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{what} {value!r} is not a decimal number") from None
    else:
        raise TypeError(f"{what} must be a Decimal, int or str, not {type(value).__name__}")
    if not number.is_finite():
        raise ValueError(f"{what} must be a finite number, got {number}")
    if number < 0:
        raise ValueError(f"{what} must not be negative, got {number}")
    return abs(number)  # abs() turns Decimal("-0") into "0"


def _quantize(number: Decimal, exponent: int, what: str, currency: str) -> str:
    try:
        quantized = number.quantize(Decimal(1).scaleb(-exponent))
    except InvalidOperation:
        raise ValueError(f"{what} {number} is too large") from None
    if quantized != number:
        raise ValueError(
            f"{what} {number} has more decimal places than {currency} allows ({exponent}); "
            "round it yourself so that the order total and the charge agree"
        )
    return f"{quantized:f}"


def money(
    amount: Decimal | int | str,
    currency: str,
    *,
    amount_usd: Decimal | int | str | None = None,
) -> Amount:
    """An ``Amount`` with decimal strings: ``money(Decimal("110"), "USD")`` -> ``"110.00" USD``.

    ``amount`` gets exactly the currency's ISO 4217 fraction digits (``"1000"`` JPY, ``"1.500"``
    KWD); ``amount_usd`` (optional) gets 2. Floats, NaN, infinities, negative amounts and amounts
    with more fraction digits than the currency allows are refused.
    """
    if not isinstance(currency, str):
        raise TypeError("currency must be an ISO 4217 code such as 'USD'")
    code = currency.strip().upper()
    if not _CURRENCY_RE.fullmatch(code):
        raise ValueError(
            f"currency must be a 3-letter ISO 4217 code such as 'USD', got {currency!r}"
        )
    exponent = CURRENCY_EXPONENTS.get(code, 2)
    local = _quantize(_to_decimal(amount, "amount"), exponent, "amount", code)
    usd: str | Unset = UNSET
    if amount_usd is not None:
        usd = _quantize(_to_decimal(amount_usd, "amount_usd"), 2, "amount_usd", "USD")
    return Amount(amount_local_currency=local, currency=code, amount_usd=usd)


def _check_aware(when: datetime) -> None:
    if not isinstance(when, datetime):
        raise TypeError(f"expected a datetime, got {type(when).__name__}")
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(
            f"naive datetime {when.isoformat()} has no timezone, so its epoch time depends on "
            "the server's local zone; pass an aware datetime, e.g. datetime.now(timezone.utc) "
            "or dt.replace(tzinfo=ZoneInfo('America/New_York'))"
        )


def epoch_ms(when: datetime) -> int:
    """Unix epoch milliseconds of an aware datetime (exact; no float rounding)."""
    _check_aware(when)
    return (when - _EPOCH) // timedelta(milliseconds=1)


def epoch_seconds(when: datetime) -> int:
    """Unix epoch seconds (floored) of an aware datetime."""
    _check_aware(when)
    return (when - _EPOCH) // timedelta(seconds=1)


def _require_text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value


def cart_item(
    name: str,
    price: Amount,
    quantity: int = 1,
    *,
    item_type: ItemType = "TANGIBLE",
    product_id: str | None = None,
    category: str | None = None,
) -> CartItem:
    """A ``CartItem`` with its required ``basicItemData`` (name, unit ``price``, ``quantity``)."""
    _require_text(name, "name")
    if not isinstance(price, Amount):
        raise TypeError("price must be an Amount; build it with money(Decimal('9.99'), 'USD')")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
        raise ValueError(f"quantity must be a non-negative int, got {quantity!r}")
    return CartItem(
        basic_item_data=BasicItemData(
            name=name,
            price=price,
            quantity=quantity,
            type_=item_type,
            product_id=UNSET if product_id is None else product_id,
            category=UNSET if category is None else category,
        )
    )


def _order(
    *,
    order_id: str,
    order_type: str,
    connection: ConnectionInformation,
    cart_items: Sequence[CartItem],
    total_amount: Amount,
    checkout_time: datetime,
    time_sent: datetime | None,
    authorization_step: OrderAuthorizationStep | None,
    payment: Sequence[Payment] | None,
    account_owner: AccountOwner | None,
    primary_delivery_details: DeliveryDetails | None,
    primary_recipient: Recipient | None,
) -> Order:
    _require_text(order_id, "order_id")
    if not cart_items:
        raise ValueError("cart_items must list at least one CartItem (see cart_item())")
    if not isinstance(total_amount, Amount):
        raise TypeError("total_amount must be an Amount; build it with money(...)")
    sent = time_sent if time_sent is not None else datetime.now(UTC)
    return Order(
        order_id=order_id,
        order_type=order_type,  # type: ignore[arg-type]  # checked by the callers' Literal types
        # The spec: checkoutTime in epoch seconds from the builders, timeSentToForter in ms.
        checkout_time=epoch_seconds(checkout_time),
        time_sent_to_forter=epoch_ms(sent),
        connection_information=connection,
        cart_items=list(cart_items),
        total_amount=total_amount,
        authorization_step=UNSET if authorization_step is None else authorization_step,
        payment=UNSET if payment is None else list(payment),
        account_owner=UNSET if account_owner is None else account_owner,
        primary_delivery_details=UNSET
        if primary_delivery_details is None
        else primary_delivery_details,
        primary_recipient=UNSET if primary_recipient is None else primary_recipient,
    )


def build_web_order(
    *,
    order_id: str,
    customer_ip: str,
    user_agent: str,
    forter_token_cookie: str,
    cart_items: Sequence[CartItem],
    total_amount: Amount,
    checkout_time: datetime,
    time_sent: datetime | None = None,
    authorization_step: OrderAuthorizationStep | None = "PRE_AUTHORIZATION",
    payment: Sequence[Payment] | None = None,
    account_owner: AccountOwner | None = None,
    primary_delivery_details: DeliveryDetails | None = None,
    primary_recipient: Recipient | None = None,
    merchant_device_identifier: str | None = None,
) -> Order:
    """A ``WEB`` order (browsers, mobile web and in-app webviews).

    ``forter_token_cookie`` is the Forter JS snippet's cookie (``ftr_...``) from the customer's
    browser: Forter requires it on web orders. ``checkout_time`` and ``time_sent`` (default: now)
    must be timezone-aware.
    """
    connection = ConnectionInformation(
        customer_ip=_require_text(customer_ip, "customer_ip"),
        user_agent=_require_text(user_agent, "user_agent"),
        forter_token_cookie=_require_text(forter_token_cookie, "forter_token_cookie"),
        merchant_device_identifier=UNSET
        if merchant_device_identifier is None
        else merchant_device_identifier,
    )
    return _order(
        order_id=order_id,
        order_type="WEB",
        connection=connection,
        cart_items=cart_items,
        total_amount=total_amount,
        checkout_time=checkout_time,
        time_sent=time_sent,
        authorization_step=authorization_step,
        payment=payment,
        account_owner=account_owner,
        primary_delivery_details=primary_delivery_details,
        primary_recipient=primary_recipient,
    )


def build_mobile_order(
    *,
    order_id: str,
    forter_mobile_uid: str,
    customer_ip: str,
    user_agent: str,
    cart_items: Sequence[CartItem],
    total_amount: Amount,
    checkout_time: datetime,
    order_type: MobileOrderType = "MOBILE",
    time_sent: datetime | None = None,
    mobile_app_version: str | None = None,
    mobile_os_type: str | None = None,
    mobile_device_brand: str | None = None,
    mobile_device_model: str | None = None,
    authorization_step: OrderAuthorizationStep | None = "PRE_AUTHORIZATION",
    payment: Sequence[Payment] | None = None,
    account_owner: AccountOwner | None = None,
    primary_delivery_details: DeliveryDetails | None = None,
    primary_recipient: Recipient | None = None,
    merchant_device_identifier: str | None = None,
) -> Order:
    """A native mobile-app order (``order_type`` ``MOBILE``, ``IOS`` or ``ANDROID``).

    ``forter_mobile_uid`` is the device id from Forter's mobile SDK and is required; the web
    token cookie is never set on app orders. The ``mobile_*`` fields describe the app and device.
    """
    if order_type not in ("MOBILE", "IOS", "ANDROID"):
        raise ValueError(
            f"order_type must be MOBILE, IOS or ANDROID for a native-app order, got {order_type!r}"
            " (mobile web and webviews are WEB orders: use build_web_order)"
        )

    def opt(value: str | None) -> str | Unset:
        return UNSET if value is None else value

    connection = ConnectionInformation(
        customer_ip=_require_text(customer_ip, "customer_ip"),
        user_agent=_require_text(user_agent, "user_agent"),
        forter_mobile_uid=_require_text(forter_mobile_uid, "forter_mobile_uid"),
        mobile_app_version=opt(mobile_app_version),
        mobile_os_type=opt(mobile_os_type),
        mobile_device_brand=opt(mobile_device_brand),
        mobile_device_model=opt(mobile_device_model),
        merchant_device_identifier=opt(merchant_device_identifier),
    )
    return _order(
        order_id=order_id,
        order_type=order_type,
        connection=connection,
        cart_items=cart_items,
        total_amount=total_amount,
        checkout_time=checkout_time,
        time_sent=time_sent,
        authorization_step=authorization_step,
        payment=payment,
        account_owner=account_owner,
        primary_delivery_details=primary_delivery_details,
        primary_recipient=primary_recipient,
    )
