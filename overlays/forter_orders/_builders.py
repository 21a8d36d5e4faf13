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

The builders check their arguments and raise :class:`~forter_orders.OrderValidationError`, the
error ``create()`` raises, listing every problem with the wire path of the field it would fill
(``connectionInformation.forterTokenCookie``, ``checkoutTime``; ``money()`` reports paths inside
the ``Amount``: ``amountLocalCurrency``, ``currency``, ``amountUSD``). The error is also a
``ValueError``, as before, and - when an argument has the wrong type (a float amount, a string
where an ``Amount`` belongs) - a ``TypeError`` too, so existing ``except`` clauses keep working.
Problem codes: ``type``, ``required`` (empty or missing), ``enum``, ``pattern`` (not a decimal
amount or currency code), ``minimum`` (negative), ``precision`` (more fraction digits than the
currency has), ``timezone`` (a naive datetime). The full schema check runs when the order is
sent (or call :func:`forter_orders.validate_order`).
"""

from __future__ import annotations

import functools
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
from forter_orders_api.models.basic_item_data_type import BasicItemDataType
from forter_orders_api.models.order_authorization_step import OrderAuthorizationStep
from forter_orders_api.types import UNSET, Unset

from ._errors import OrderValidationError
from ._pan import mask_pans
from ._problem import Problem
from ._spec import order_type_rules, schema_properties

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)

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
"""The native mobile-app order types. A type checker needs the values written out; at run time
the builders check against the spec's own list (the web/mobile rule), and
``tests/test_one_source.py`` fails when this alias and the spec disagree."""
ItemType = BasicItemDataType
"""``basicItemData.type``: the generated alias of the spec's enum."""


@functools.cache
def _currency_re() -> re.Pattern[str]:
    """``Amount.currency``'s pattern from the spec (an ISO 4217 code)."""
    return re.compile(str(schema_properties("Amount")["currency"]["pattern"]))


def _web_order_type() -> str:
    """The order type of :func:`build_web_order`, from the spec's web/mobile rule."""
    (web,) = order_type_rules()[1]
    return web


class ArgumentTypeError(OrderValidationError, TypeError):
    """An :class:`OrderValidationError` where an argument has the wrong type.

    Also a ``TypeError`` (and, through ``OrderValidationError``, a ``ValueError``), which is what
    the builders raised before they reported field paths.
    """


class _Checks:
    """Problems found in a builder's arguments, raised together at the end."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.wrong_type = False

    def add(self, path: str, message: str, code: str) -> None:
        # Messages quote the argument; a card number pasted into the wrong one stays masked.
        self.problems.append(Problem(path, mask_pans(message), code))
        self.wrong_type = self.wrong_type or code == "type"

    def raise_if_any(self) -> None:
        if self.problems:
            error = ArgumentTypeError if self.wrong_type else OrderValidationError
            raise error(self.problems)


def _to_decimal(value: object, what: str, path: str, checks: _Checks) -> Decimal | None:
    if isinstance(value, bool | float):
        checks.add(
            path,
            f"{what} must be a Decimal, int or str, not {type(value).__name__}: floats cannot "
            "hold cents exactly (0.1 + 0.2 != 0.3); use Decimal('110.00')",
            "type",
        )
        return None
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            checks.add(path, f"{what} {value!r} is not a decimal number", "pattern")
            return None
    else:
        checks.add(
            path, f"{what} must be a Decimal, int or str, not {type(value).__name__}", "type"
        )
        return None
    if not number.is_finite():
        checks.add(path, f"{what} must be a finite number, got {number}", "pattern")
        return None
    if number < 0:
        checks.add(path, f"{what} must not be negative, got {number}", "minimum")
        return None
    return abs(number)  # abs() turns Decimal("-0") into "0"


def _quantize(
    number: Decimal, exponent: int, what: str, currency: str, path: str, checks: _Checks
) -> str | None:
    try:
        quantized = number.quantize(Decimal(1).scaleb(-exponent))
    except InvalidOperation:
        checks.add(path, f"{what} {number} is too large", "pattern")
        return None
    if quantized != number:
        checks.add(
            path,
            f"{what} {number} has more decimal places than {currency} allows ({exponent}); "
            "round it yourself so that the order total and the charge agree",
            "precision",
        )
        return None
    return f"{quantized:f}"


def _amount(
    value: object, what: str, exponent: int, currency: str, path: str, checks: _Checks
) -> str | None:
    number = _to_decimal(value, what, path, checks)
    return None if number is None else _quantize(number, exponent, what, currency, path, checks)


def money(
    amount: Decimal | int | str,
    currency: str,
    *,
    amount_usd: Decimal | int | str | None = None,
) -> Amount:
    """An ``Amount`` with decimal strings: ``money(Decimal("110"), "USD")`` -> ``"110.00" USD``.

    ``amount`` gets exactly the currency's ISO 4217 fraction digits (``"1000"`` JPY, ``"1.500"``
    KWD); ``amount_usd`` (optional) gets 2. Floats, NaN, infinities, negative amounts and amounts
    with more fraction digits than the currency allows are refused with an
    :class:`OrderValidationError` whose paths are inside the ``Amount`` (``amountLocalCurrency``,
    ``currency``, ``amountUSD``).
    """
    checks = _Checks()
    code = ""
    given: object = currency  # typed str, but callers without a type checker pass anything
    if not isinstance(given, str):
        checks.add(
            "currency",
            f"currency must be an ISO 4217 code such as 'USD', not {type(given).__name__}",
            "type",
        )
    else:
        code = given.strip().upper()
        if not _currency_re().fullmatch(code):
            checks.add(
                "currency",
                f"currency must be a 3-letter ISO 4217 code such as 'USD', got {currency!r}",
                "pattern",
            )
            code = ""
    exponent = CURRENCY_EXPONENTS.get(code, 2)
    local = _amount(
        amount, "amount", exponent, code or "the currency", "amountLocalCurrency", checks
    )
    usd: str | Unset | None = UNSET
    if amount_usd is not None:
        usd = _amount(amount_usd, "amount_usd", 2, "USD", "amountUSD", checks)
    checks.raise_if_any()
    assert local is not None  # noqa: S101 - raise_if_any() returned
    assert usd is not None  # noqa: S101
    return Amount(amount_local_currency=local, currency=code, amount_usd=usd)


def _aware(when: object, what: str, path: str, checks: _Checks) -> datetime | None:
    if not isinstance(when, datetime):
        checks.add(path, f"{what} must be a datetime, not {type(when).__name__}", "type")
        return None
    if when.tzinfo is None or when.utcoffset() is None:
        checks.add(
            path,
            f"{what}: naive datetime {when.isoformat()} has no timezone, so its epoch time "
            "depends on the server's local zone; pass an aware datetime, e.g. "
            "datetime.now(timezone.utc) or dt.replace(tzinfo=ZoneInfo('America/New_York'))",
            "timezone",
        )
        return None
    return when


def _epoch(when: datetime, unit: timedelta) -> int:
    return (when - _EPOCH) // unit


def _checked_epoch(when: datetime, unit: timedelta) -> int:
    checks = _Checks()
    aware = _aware(when, "when", "", checks)
    checks.raise_if_any()
    assert aware is not None  # noqa: S101 - raise_if_any() returned
    return _epoch(aware, unit)


def epoch_ms(when: datetime) -> int:
    """Unix epoch milliseconds of an aware datetime (exact; no float rounding).

    A naive datetime (or not a datetime) raises :class:`OrderValidationError`.
    """
    return _checked_epoch(when, timedelta(milliseconds=1))


def epoch_seconds(when: datetime) -> int:
    """Unix epoch seconds (floored) of an aware datetime (a naive one raises, like epoch_ms)."""
    return _checked_epoch(when, timedelta(seconds=1))


def _text(value: object, name: str, path: str, checks: _Checks) -> str:
    if not isinstance(value, str):
        checks.add(path, f"{name} must be a string, not {type(value).__name__}", "type")
        return ""
    if not value.strip():
        checks.add(path, f"{name} must be a non-empty string, got {value!r}", "required")
    return value


def _one_of(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _optional(value: object, name: str, path: str, checks: _Checks) -> str | Unset:
    if value is None:
        return UNSET
    if not isinstance(value, str):
        checks.add(path, f"{name} must be a string, not {type(value).__name__}", "type")
        return UNSET
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
    """A ``CartItem`` with its required ``basicItemData`` (name, unit ``price``, ``quantity``).

    Problems are reported at paths inside the item (``basicItemData.quantity``).
    """
    checks = _Checks()
    _text(name, "name", "basicItemData.name", checks)
    _amount_argument(price, "price", "basicItemData.price", checks)
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        checks.add(
            "basicItemData.quantity",
            f"quantity must be a non-negative int, got {quantity!r}",
            "type",
        )
    elif quantity < 0:
        checks.add(
            "basicItemData.quantity",
            f"quantity must be a non-negative int, got {quantity!r}",
            "minimum",
        )
    product = _optional(product_id, "product_id", "basicItemData.productId", checks)
    kind = _optional(category, "category", "basicItemData.category", checks)
    checks.raise_if_any()
    return CartItem(
        basic_item_data=BasicItemData(
            name=name,
            price=price,
            quantity=quantity,
            type_=item_type,
            product_id=product,
            category=kind,
        )
    )


def _order(
    checks: _Checks,
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
    _text(order_id, "order_id", "orderId", checks)
    _cart_items_argument(cart_items, checks)
    _amount_argument(total_amount, "total_amount", "totalAmount", checks)
    checkout = _aware(checkout_time, "checkout_time", "checkoutTime", checks)
    sent = _aware(
        datetime.now(UTC) if time_sent is None else time_sent,
        "time_sent",
        "timeSentToForter",
        checks,
    )
    checks.raise_if_any()
    assert checkout is not None  # noqa: S101 - raise_if_any() returned
    assert sent is not None  # noqa: S101
    return Order(
        order_id=order_id,
        order_type=order_type,  # type: ignore[arg-type]  # checked by the callers' Literal types
        # The spec: checkoutTime in epoch seconds from the builders, timeSentToForter in ms.
        checkout_time=_epoch(checkout, timedelta(seconds=1)),
        time_sent_to_forter=_epoch(sent, timedelta(milliseconds=1)),
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


def _amount_argument(value: object, name: str, path: str, checks: _Checks) -> None:
    if not isinstance(value, Amount):
        checks.add(
            path,
            f"{name} must be an Amount, not {type(value).__name__}; build it with "
            "money(Decimal('9.99'), 'USD')",
            "type",
        )


def _cart_items_argument(value: object, checks: _Checks) -> None:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        checks.add("cartItems", "cart_items must be a list of CartItem (see cart_item())", "type")
        return
    if not value:
        checks.add(
            "cartItems", "cart_items must list at least one CartItem (see cart_item())", "required"
        )
    for index, item in enumerate(value):
        if not isinstance(item, CartItem):
            checks.add(
                f"cartItems[{index}]",
                f"cart_items[{index}] must be a CartItem (see cart_item()), "
                f"not {type(item).__name__}",
                "type",
            )


_CONNECTION = "connectionInformation"


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
    must be timezone-aware. Every problem with the arguments is listed in one
    :class:`OrderValidationError`.
    """
    checks = _Checks()
    connection = ConnectionInformation(
        customer_ip=_text(customer_ip, "customer_ip", f"{_CONNECTION}.customerIP", checks),
        user_agent=_text(user_agent, "user_agent", f"{_CONNECTION}.userAgent", checks),
        forter_token_cookie=_text(
            forter_token_cookie,
            "forter_token_cookie",
            f"{_CONNECTION}.forterTokenCookie",
            checks,
        ),
        merchant_device_identifier=_optional(
            merchant_device_identifier,
            "merchant_device_identifier",
            f"{_CONNECTION}.merchantDeviceIdentifier",
            checks,
        ),
    )
    return _order(
        checks,
        order_id=order_id,
        order_type=_web_order_type(),
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
    Every problem with the arguments is listed in one :class:`OrderValidationError`.
    """
    checks = _Checks()
    mobile_types = order_type_rules()[0]
    if order_type not in mobile_types:
        checks.add(
            "orderType",
            f"order_type must be {_one_of(mobile_types)} for a native-app order, got "
            f"{order_type!r} (mobile web and webviews are WEB orders: use build_web_order)",
            "enum",
        )

    def opt(value: str | None, name: str, member: str) -> str | Unset:
        return _optional(value, name, f"{_CONNECTION}.{member}", checks)

    connection = ConnectionInformation(
        customer_ip=_text(customer_ip, "customer_ip", f"{_CONNECTION}.customerIP", checks),
        user_agent=_text(user_agent, "user_agent", f"{_CONNECTION}.userAgent", checks),
        forter_mobile_uid=_text(
            forter_mobile_uid, "forter_mobile_uid", f"{_CONNECTION}.forterMobileUID", checks
        ),
        mobile_app_version=opt(mobile_app_version, "mobile_app_version", "mobileAppVersion"),
        mobile_os_type=opt(mobile_os_type, "mobile_os_type", "mobileOSType"),
        mobile_device_brand=opt(mobile_device_brand, "mobile_device_brand", "mobileDeviceBrand"),
        mobile_device_model=opt(mobile_device_model, "mobile_device_model", "mobileDeviceModel"),
        merchant_device_identifier=opt(
            merchant_device_identifier, "merchant_device_identifier", "merchantDeviceIdentifier"
        ),
    )
    return _order(
        checks,
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
