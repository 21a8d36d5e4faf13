"""Builders: money as decimal strings, aware epoch times, correct web and mobile orders."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest

from forter_orders import (
    ForterClient,
    Order,
    OrderValidationError,
    Problem,
    build_mobile_order,
    build_web_order,
    cart_item,
    epoch_ms,
    epoch_seconds,
    load_spec,
    money,
    validate_order,
)

CHECKOUT = datetime(2026, 11, 26, 9, 30, 15, 123456, tzinfo=UTC)
SENT = CHECKOUT + timedelta(seconds=2)


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("110"), "USD", "110.00"),
        (Decimal("110.5"), "USD", "110.50"),
        (Decimal("0"), "EUR", "0.00"),
        (Decimal("-0"), "EUR", "0.00"),
        (110, "USD", "110.00"),
        ("19.9", "GBP", "19.90"),
        (Decimal("1000"), "JPY", "1000"),
        (Decimal("1.5"), "KWD", "1.500"),
        (Decimal("1E+3"), "USD", "1000.00"),
        (Decimal("12.3400"), "usd", "12.34"),
    ],
)
def test_money_uses_the_currency_exponent(
    amount: Decimal | int | str, currency: str, expected: str
) -> None:
    result = money(amount, currency)
    assert result.amount_local_currency == expected
    assert result.currency == currency.upper()
    assert result.to_dict() == {"amountLocalCurrency": expected, "currency": currency.upper()}


def test_money_with_usd() -> None:
    assert money(Decimal("100"), "EUR", amount_usd=Decimal("108.2")).to_dict() == {
        "amountLocalCurrency": "100.00",
        "currency": "EUR",
        "amountUSD": "108.20",
    }


@pytest.mark.parametrize("bad", [110.0, 0.1, True])
def test_money_refuses_floats_and_bools(bad: Any) -> None:
    with pytest.raises(TypeError, match="Decimal"):
        money(bad, "USD")


@pytest.mark.parametrize(
    ("amount", "currency", "needle"),
    [
        (Decimal("NaN"), "USD", "finite"),
        (Decimal("Infinity"), "USD", "finite"),
        ("abc", "USD", "not a decimal"),
        (Decimal("-1"), "USD", "negative"),
        (Decimal("1.005"), "USD", "more decimal places than USD allows (2)"),
        (Decimal("1.5"), "JPY", "more decimal places than JPY allows (0)"),
        (Decimal("1"), "US", "3-letter ISO 4217"),
        (Decimal("1"), "US1", "3-letter ISO 4217"),
        (Decimal("1E+40"), "USD", "too large"),
    ],
)
def test_money_refuses_bad_values(amount: Any, currency: str, needle: str) -> None:
    with pytest.raises(ValueError, match=re.escape(needle)):
        money(amount, currency)


def not_recommended(order: Any) -> list[Any]:
    """Every problem but a missing member Forter only recommends (these minimal orders leave
    out payment, delivery, recipient and account owner on purpose)."""
    return [p for p in validate_order(order) if p.code != "recommended"]


def test_money_results_satisfy_the_schema() -> None:
    order = _web(total=money(Decimal("1000"), "JPY"))
    assert not_recommended(order) == []


# ---------------------------------------------------------------- epoch times


def test_epoch_conversions_are_exact() -> None:
    assert epoch_seconds(datetime(1970, 1, 1, tzinfo=UTC)) == 0
    assert epoch_ms(CHECKOUT) == 1795685415123
    assert epoch_seconds(CHECKOUT) == 1795685415
    plus_two = timezone(timedelta(hours=2))
    assert epoch_ms(CHECKOUT.astimezone(plus_two)) == epoch_ms(CHECKOUT)
    before_epoch = datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC)
    assert epoch_ms(before_epoch) == -500


@pytest.mark.parametrize("convert", [epoch_ms, epoch_seconds])
def test_naive_datetimes_are_refused(convert: Any) -> None:
    naive = datetime(2026, 1, 1, 12, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="naive datetime") as info:
        convert(naive)
    assert "timezone" in str(info.value)
    assert "datetime.now(timezone.utc)" in str(info.value)
    with pytest.raises(TypeError):
        convert("2026-01-01")


# ---------------------------------------------------------------- orders


def _items() -> list[Any]:
    return [cart_item("White handbag", money(Decimal("110"), "USD"), 2, product_id="sku-1")]


def _web(total: Any = None, **kw: Any) -> Order:
    return build_web_order(
        order_id="o-1",
        customer_ip="203.0.113.7",
        user_agent="Mozilla/5.0",
        forter_token_cookie="ftr_abc123",
        cart_items=_items(),
        total_amount=total or money(Decimal("220"), "USD"),
        checkout_time=CHECKOUT,
        time_sent=SENT,
        **kw,
    )


def test_web_order() -> None:
    order = _web()
    assert isinstance(order, Order)
    wire = order.to_dict()
    assert wire["orderType"] == "WEB"
    assert wire["connectionInformation"] == {
        "customerIP": "203.0.113.7",
        "userAgent": "Mozilla/5.0",
        "forterTokenCookie": "ftr_abc123",
    }
    assert wire["checkoutTime"] == epoch_seconds(CHECKOUT)  # seconds, as the spec says
    assert wire["timeSentToForter"] == epoch_ms(SENT)  # milliseconds
    assert wire["authorizationStep"] == "PRE_AUTHORIZATION"
    assert wire["cartItems"][0]["basicItemData"] == {
        "name": "White handbag",
        "price": {"amountLocalCurrency": "110.00", "currency": "USD"},
        "quantity": 2,
        "type": "TANGIBLE",
        "productId": "sku-1",
    }
    assert not_recommended(order) == []


def test_time_sent_defaults_to_now() -> None:
    before = epoch_ms(datetime.now(UTC))
    order = build_web_order(
        order_id="o-2",
        customer_ip="203.0.113.7",
        user_agent="UA",
        forter_token_cookie="ftr_x",
        cart_items=_items(),
        total_amount=money(Decimal("220"), "USD"),
        checkout_time=CHECKOUT,
    )
    assert before <= order.time_sent_to_forter <= epoch_ms(datetime.now(UTC))


@pytest.mark.parametrize("order_type", ["MOBILE", "IOS", "ANDROID"])
def test_mobile_order(order_type: Any) -> None:
    order = build_mobile_order(
        order_id="m-1",
        order_type=order_type,
        forter_mobile_uid="10EG-891C",
        customer_ip="38.23.217.48",
        user_agent="demoApp/1.0",
        mobile_app_version="1.0",
        mobile_os_type="iOS",
        mobile_device_brand="Apple",
        mobile_device_model="iPhone14,2",
        cart_items=_items(),
        total_amount=money(Decimal("220"), "USD"),
        checkout_time=CHECKOUT,
        time_sent=SENT,
    )
    wire = order.to_dict()
    assert wire["orderType"] == order_type
    connection = wire["connectionInformation"]
    assert connection["forterMobileUID"] == "10EG-891C"
    assert "forterTokenCookie" not in connection
    assert connection["mobileDeviceModel"] == "iPhone14,2"
    assert not_recommended(order) == []


def test_mobile_order_rejects_web_types_and_missing_uid() -> None:
    common: dict[str, Any] = {
        "order_id": "m-1",
        "customer_ip": "1.2.3.4",
        "user_agent": "UA",
        "cart_items": _items(),
        "total_amount": money(Decimal("1"), "USD"),
        "checkout_time": CHECKOUT,
    }
    with pytest.raises(ValueError, match="use build_web_order"):
        build_mobile_order(forter_mobile_uid="u", order_type="WEB", **common)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="forter_mobile_uid"):
        build_mobile_order(forter_mobile_uid=" ", **common)


def test_web_order_argument_checks() -> None:
    with pytest.raises(ValueError, match="forter_token_cookie"):
        build_web_order(
            order_id="o",
            customer_ip="1.2.3.4",
            user_agent="UA",
            forter_token_cookie="",
            cart_items=_items(),
            total_amount=money(Decimal("1"), "USD"),
            checkout_time=CHECKOUT,
        )
    with pytest.raises(ValueError, match="cart_items"):
        _web_with(cart_items=[])
    with pytest.raises(ValueError, match="naive"):
        _web_with(checkout_time=datetime(2026, 1, 1))  # noqa: DTZ001
    with pytest.raises(TypeError, match="Amount"):
        _web_with(total_amount="220.00")


def _web_with(**overrides: Any) -> Order:
    kwargs: dict[str, Any] = {
        "order_id": "o",
        "customer_ip": "1.2.3.4",
        "user_agent": "UA",
        "forter_token_cookie": "ftr",
        "cart_items": _items(),
        "total_amount": money(Decimal("1"), "USD"),
        "checkout_time": CHECKOUT,
    }
    kwargs.update(overrides)
    return build_web_order(**kwargs)


def test_cart_item_checks() -> None:
    price = money(Decimal("1"), "USD")
    with pytest.raises(ValueError, match="quantity"):
        cart_item("x", price, -1)
    with pytest.raises(ValueError, match="quantity"):
        cart_item("x", price, True)
    with pytest.raises(TypeError, match="Amount"):
        cart_item("x", "1.00")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="name"):
        cart_item("", price)
    digital = cart_item("e-book", price, item_type="NON_TANGIBLE", category="books")
    assert digital.to_dict()["basicItemData"]["type"] == "NON_TANGIBLE"
    assert digital.to_dict()["basicItemData"]["category"] == "books"


# ---------------------------------------------------------------- one kind of error, with paths


def _member(schema: dict[str, Any], name: str) -> dict[str, Any] | None:
    """The schema of member ``name`` of ``schema`` ($ref, allOf and items followed)."""
    components = load_spec()["components"]["schemas"]
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if name in schema.get("properties", {}):
        found: dict[str, Any] = schema["properties"][name]
        return found
    for part in schema.get("allOf", []):
        hit = _member(part, name)
        if hit is not None:
            return hit
    return None


def _resolves(root: str, path: str) -> bool:
    """True when the dotted ``path`` (``cartItems[0].basicItemData``) exists under ``root``."""
    components = load_spec()["components"]["schemas"]
    schema: dict[str, Any] | None = {"$ref": f"#/components/schemas/{root}"}
    for part in path.split("."):
        name, _, index = part.partition("[")
        assert schema is not None
        schema = _member(schema, name)
        if schema is None:
            return False
        if index:
            while "$ref" in schema:
                schema = components[schema["$ref"].rsplit("/", 1)[-1]]
            schema = schema.get("items")
    return schema is not None


def _problems(call: Callable[[], object]) -> list[Problem]:
    with pytest.raises(OrderValidationError) as info:
        call()
    return info.value.problems


def test_builder_errors_are_order_validation_errors_with_wire_paths() -> None:
    naive = datetime(2026, 1, 1)  # noqa: DTZ001 - the point of the test
    problems = _problems(
        lambda: build_web_order(
            order_id="",
            customer_ip=" ",
            user_agent="UA",
            forter_token_cookie="",
            cart_items=[],
            total_amount="220.00",  # type: ignore[arg-type]
            checkout_time=naive,
            time_sent=naive,
            merchant_device_identifier=7,  # type: ignore[arg-type]
        )
    )
    assert [(p.path, p.code) for p in problems] == [
        ("connectionInformation.customerIP", "required"),
        ("connectionInformation.forterTokenCookie", "required"),
        ("connectionInformation.merchantDeviceIdentifier", "type"),
        ("orderId", "required"),
        ("cartItems", "required"),
        ("totalAmount", "type"),
        ("checkoutTime", "timezone"),
        ("timeSentToForter", "timezone"),
    ]
    assert all(_resolves("Order", p.path) for p in problems), problems
    # the message names the Python argument too, so the fix is obvious
    assert "forter_token_cookie must be a non-empty string" in str(problems[1])


def test_mobile_builder_paths_resolve_in_the_spec() -> None:
    problems = _problems(
        lambda: build_mobile_order(
            order_id="m-1",
            forter_mobile_uid="",
            customer_ip="1.2.3.4",
            user_agent="UA",
            cart_items=[_items()[0], "not an item"],  # type: ignore[list-item]
            total_amount=money(Decimal("1"), "USD"),
            checkout_time=CHECKOUT,
            order_type="WEB",  # type: ignore[arg-type]
            mobile_os_type=1,  # type: ignore[arg-type]
        )
    )
    assert [(p.path, p.code) for p in problems] == [
        ("orderType", "enum"),
        ("connectionInformation.forterMobileUID", "required"),
        ("connectionInformation.mobileOSType", "type"),
        ("cartItems[1]", "type"),
    ]
    assert all(_resolves("Order", p.path) for p in problems), problems


def test_cart_item_and_money_paths_resolve_inside_their_schemas() -> None:
    item_problems = _problems(lambda: cart_item("", "1.00", -1))  # type: ignore[arg-type]
    assert [p.path for p in item_problems] == [
        "basicItemData.name",
        "basicItemData.price",
        "basicItemData.quantity",
    ]
    assert all(_resolves("CartItem", p.path) for p in item_problems)
    money_problems = _problems(lambda: money(0.1, "US", amount_usd=Decimal("-1")))  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in money_problems] == [
        ("currency", "pattern"),
        ("amountLocalCurrency", "type"),
        ("amountUSD", "minimum"),
    ]
    assert all(_resolves("Amount", p.path) for p in money_problems)


def test_builder_errors_stay_value_and_type_errors() -> None:
    """Code written for the old plain ValueError / TypeError keeps catching them."""
    with pytest.raises(ValueError, match="negative") as value_error:
        money(Decimal("-1"), "USD")
    assert isinstance(value_error.value, OrderValidationError)
    assert not isinstance(value_error.value, TypeError)
    with pytest.raises(TypeError) as type_error:
        money(1.5, "USD")  # type: ignore[arg-type]
    assert isinstance(type_error.value, OrderValidationError)
    assert isinstance(type_error.value, ValueError)
    with pytest.raises(OrderValidationError) as epoch_error:
        epoch_ms("2026-01-01")  # type: ignore[arg-type]
    assert isinstance(epoch_error.value, TypeError)


def test_create_and_the_builders_raise_the_same_error() -> None:
    def never_called(request: httpx.Request) -> httpx.Response:
        raise AssertionError("an invalid order must not be sent")

    paths = []
    with ForterClient(
        "site-1",
        "sk_test_key",
        http_client=httpx.Client(transport=httpx.MockTransport(never_called)),
    ) as forter:
        for attempt in (
            lambda: forter.orders.create({**_web().to_dict(), "orderId": ""}),
            lambda: cart_item("x", money(Decimal("1"), "USD"), -2),
        ):
            try:
                attempt()
            except OrderValidationError as exc:  # one except clause for both
                paths.append(exc.problems[0].path)
    assert paths == ["orderId", "basicItemData.quantity"]


def test_a_card_number_in_the_wrong_argument_is_masked() -> None:
    with pytest.raises(OrderValidationError) as info:
        money("4111 1111 1111 1111", "USD")
    assert "4111 1111 1111 1111" not in str(info.value)
    assert "1111" in str(info.value)  # the last four digits remain, for support
