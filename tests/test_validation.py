"""validate_order: every problem, dotted paths, did-you-mean, the web/mobile rule, card numbers."""

from __future__ import annotations

import copy
import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from forter_orders import Order, OrderValidationError, Problem, validate_order
from forter_orders._validation import encode_order, order_validator

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text())
    return data


@pytest.fixture
def web() -> dict[str, Any]:
    return load("full_web_order.json")


@pytest.fixture
def mobile() -> dict[str, Any]:
    return load("mobile_app_order.json")


def by_path(problems: list[Problem]) -> dict[str, Problem]:
    return {p.path: p for p in problems}


def test_the_examples_are_valid(web: dict[str, Any], mobile: dict[str, Any]) -> None:
    assert validate_order(web) == []
    assert validate_order(mobile) == []
    assert validate_order(Order.from_dict(mobile)) == []


def test_every_problem_is_listed_with_its_path(mobile: dict[str, Any]) -> None:
    item = mobile["cartItems"][0]["basicItemData"]
    item["price"]["currency"] = "usd"
    item["quantity"] = "1"
    del mobile["totalAmount"]["currency"]
    mobile["checkoutTime"] = -5
    del mobile["connectionInformation"]["userAgent"]
    problems = by_path(validate_order(mobile))
    assert set(problems) == {
        "cartItems[0].basicItemData.price.currency",
        "cartItems[0].basicItemData.quantity",
        "totalAmount.currency",
        "checkoutTime",
        "connectionInformation.userAgent",
    }
    currency = problems["cartItems[0].basicItemData.price.currency"]
    assert currency.code == "pattern"
    assert "ISO-4217 alpha-3" in currency.message
    assert "^[A-Z]{3}$" in currency.message
    assert "'usd'" in currency.message
    assert problems["cartItems[0].basicItemData.quantity"].message == (
        "expected integer, got string '1'"
    )
    assert problems["totalAmount.currency"].message == (
        "is required because amountLocalCurrency is set"
    )
    assert problems["connectionInformation.userAgent"].code == "required"
    assert problems["checkoutTime"].code == "minimum"


def test_unknown_keys_get_did_you_mean(mobile: dict[str, Any]) -> None:
    mobile["cartitems"] = mobile.pop("cartItems")
    mobile["totalAmount"]["amountUsd"] = "1.00"
    mobile["payment"][0]["billingDetails"]["adress"] = {}
    problems = by_path(validate_order(mobile))
    assert problems["cartitems"].suggestion == "cartItems"
    assert problems["cartitems"].code == "unknown_field"
    assert "did you mean 'cartItems'?" in problems["cartitems"].message
    assert problems["cartItems"].code == "required"
    assert problems["totalAmount.amountUsd"].suggestion == "amountUSD"
    assert problems["payment[0].billingDetails.adress"].suggestion == "address"


def test_unknown_key_without_a_close_match_lists_the_allowed_names(
    mobile: dict[str, Any],
) -> None:
    mobile["totalAmount"]["zzz"] = 1
    problem = by_path(validate_order(mobile))["totalAmount.zzz"]
    assert problem.suggestion is None
    assert "allowed: amountLocalCurrency, amountUSD, currency" in problem.message


def test_free_form_objects_accept_any_keys(web: dict[str, Any]) -> None:
    web["additionalInformation"] = {"anything": {"goes": [1, "two"]}}
    assert validate_order(web) == []


def test_enum_values_get_did_you_mean(mobile: dict[str, Any]) -> None:
    mobile["cartItems"][0]["basicItemData"]["type"] = "tangible"
    problem = by_path(validate_order(mobile))["cartItems[0].basicItemData.type"]
    assert problem.code == "enum"
    assert problem.suggestion == "TANGIBLE"
    assert "expected one of TANGIBLE, NON_TANGIBLE" in problem.message


# ---------------------------------------------------------------- the web/mobile rule


@pytest.mark.parametrize("order_type", ["MOBILE", "IOS", "ANDROID"])
def test_mobile_orders_need_the_mobile_uid(mobile: dict[str, Any], order_type: str) -> None:
    mobile["orderType"] = order_type
    del mobile["connectionInformation"]["forterMobileUID"]
    (problem,) = validate_order(mobile)
    assert problem.path == "connectionInformation.forterMobileUID"
    assert problem.code == "mobile_web_rule"
    assert f"native mobile-app order (orderType {order_type})" in problem.message
    assert "mobile SDK" in problem.message


def test_mobile_orders_must_not_carry_the_web_cookie(mobile: dict[str, Any]) -> None:
    mobile["connectionInformation"]["forterTokenCookie"] = "ftr_abc"
    (problem,) = validate_order(mobile)
    assert problem.path == "connectionInformation.forterTokenCookie"
    assert problem.code == "mobile_web_rule"
    assert "must be absent or null" in problem.message
    assert "forterMobileUID" in problem.message


def test_web_orders_need_the_token_cookie(web: dict[str, Any]) -> None:
    del web["connectionInformation"]["forterTokenCookie"]
    (problem,) = validate_order(web)
    assert problem.path == "connectionInformation.forterTokenCookie"
    assert problem.code == "mobile_web_rule"
    assert "required for a WEB order" in problem.message
    assert "Forter JS token cookie" in problem.message


def test_web_cookie_must_be_a_string(web: dict[str, Any]) -> None:
    web["connectionInformation"]["forterTokenCookie"] = None
    (problem,) = validate_order(web)
    assert problem.path == "connectionInformation.forterTokenCookie"
    assert "must be the Forter JS token cookie (a string) for a WEB order" in problem.message


def test_the_rule_is_checked_for_models_too(mobile: dict[str, Any]) -> None:
    model = Order.from_dict(mobile)
    model.connection_information.forter_mobile_uid = ""  # still set: fine
    assert validate_order(model) == []
    del mobile["connectionInformation"]["forterMobileUID"]
    paths = [p.path for p in validate_order(Order.from_dict(mobile))]
    assert paths == ["connectionInformation.forterMobileUID"]


# ---------------------------------------------------------------- card numbers


@pytest.mark.parametrize(
    "pan", ["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005"]
)
def test_full_card_numbers_are_refused_and_masked(mobile: dict[str, Any], pan: str) -> None:
    mobile["payment"][0]["tokenizedCard"]["nameOnCard"] = f"card {pan}"
    (problem,) = validate_order(mobile)
    assert problem.path == "payment[0].tokenizedCard.nameOnCard"
    assert problem.code == "card_number"
    digits = pan.replace(" ", "").replace("-", "")
    assert digits not in problem.message
    assert pan not in problem.message
    assert digits[:6] not in problem.message
    assert "*" * (len(digits) - 4) + digits[-4:] in problem.message


def test_card_numbers_anywhere_including_free_form_objects(web: dict[str, Any]) -> None:
    web["additionalInformation"] = {"gateway": {"raw": ["x", {"pan": "5555555555554444"}]}}
    (problem,) = validate_order(web)
    assert problem.path == "additionalInformation.gateway.raw[1].pan"
    with pytest.raises(OrderValidationError) as info:
        encode_order(web, validate=True)
    assert "5555555555554444" not in str(info.value)
    assert "************4444" in str(info.value)


def test_a_card_number_breaking_a_pattern_is_masked_in_both_problems(
    mobile: dict[str, Any],
) -> None:
    mobile["payment"][0]["tokenizedCard"]["lastFourDigits"] = "4111111111111111"
    problems = validate_order(mobile)
    assert {p.code for p in problems} == {"pattern", "card_number"}
    for problem in problems:
        assert "4111111111111111" not in str(problem)


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111112",  # Luhn-invalid
        "1672177899353",  # a millisecond timestamp (starts with 1)
        "2315688945984e9ca69d",  # a hex token that starts with 13 digits
        "+44 20 7946 0958",  # a phone number
        "411111111111",  # 12 digits
    ],
)
def test_things_that_are_not_card_numbers(mobile: dict[str, Any], text: str) -> None:
    mobile["payment"][0]["tokenizedCard"]["nameOnCard"] = text
    assert validate_order(mobile) == []


def test_numbers_are_not_card_numbers(web: dict[str, Any]) -> None:
    web["additionalInformation"] = {"id": 4111111111111111}
    assert validate_order(web) == []
    encode_order(web, validate=True)


# ---------------------------------------------------------------- inputs


def test_non_json_values_are_reported_with_a_hint(mobile: dict[str, Any]) -> None:
    mobile["checkoutTime"] = datetime.datetime.now(datetime.UTC)
    mobile["totalAmount"]["amountLocalCurrency"] = Decimal("1.00")
    problems = by_path(validate_order(mobile))
    assert "epoch_ms()" in problems["checkoutTime"].message
    assert "decimal string" in problems["totalAmount.amountLocalCurrency"].message
    assert {p.code for p in problems.values()} == {"not_json"}
    with pytest.raises(OrderValidationError):
        encode_order(mobile, validate=False)  # cannot be sent at all


def test_other_inputs_are_type_errors() -> None:
    with pytest.raises(TypeError, match="Order or a dict"):
        validate_order([1, 2])  # type: ignore[arg-type]


def test_missing_order_id_cannot_be_sent_even_unvalidated(mobile: dict[str, Any]) -> None:
    del mobile["orderId"]
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile, validate=False)
    assert info.value.problems[0].path == "orderId"


def test_encode_returns_the_bytes_and_never_mutates(mobile: dict[str, Any]) -> None:
    before = copy.deepcopy(mobile)
    order_id, body = encode_order(mobile, validate=True)
    assert order_id == "B12261933767"
    assert json.loads(body) == mobile == before


def test_validation_error_lists_every_problem(mobile: dict[str, Any]) -> None:
    mobile["bogus"] = 1
    del mobile["totalAmount"]
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile, validate=True)
    text = str(info.value)
    assert "2 problems" in text
    assert "  - bogus: unknown field" in text
    assert "  - totalAmount: is required" in text
    assert str(Problem("", "x")) == "(order): x"


def test_the_validator_is_compiled_once() -> None:
    assert order_validator() is order_validator()
    assert order_validator.cache_info().currsize == 1


def _spec_patterns(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.add(value)
            else:
                found |= _spec_patterns(value)
    elif isinstance(node, list):
        for item in node:
            found |= _spec_patterns(item)
    return found


def test_compiled_patterns_give_the_spec_patterns_verdicts() -> None:
    """The validators compile ``(?![\\s\\S])`` as ``\\z``: same verdict on every string tried."""
    import itertools
    import re

    import jsonschema_rs

    from forter_orders._spec import load_spec
    from forter_orders._validation import END_OF_TEXT, compiled_form

    patterns = _spec_patterns(load_spec())
    assert patterns
    assert all(END_OF_TEXT in p for p in patterns)  # else this test checks nothing new
    alphabet = ["0", "1", "2", "9", "A", "Z", "a", ".", "\n", " ", "é"]
    tries = ["".join(t) for n in range(5) for t in itertools.product(alphabet, repeat=n)]
    tries += ["US", "US\n", "USD\n", "12.50", "12.50\n", "2026", "2026\n", "12", "12\n"]
    tries += ["123456", "12345678", "123456789", "411111\n", "07", "13", "00", "1.", ".5"]
    for pattern in patterns:
        spec = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
        ours = jsonschema_rs.validator_for(compiled_form({"type": "string", "pattern": pattern}))
        # The spec pattern as ECMA-262 means it: a search, with "(?![\s\S])" as end of text.
        python = re.compile(pattern.replace(END_OF_TEXT, r"\Z"))
        for text in tries:
            expected = python.search(text) is not None
            assert spec.is_valid(text) is expected, (pattern, text)
            assert ours.is_valid(text) is expected, (pattern, text)


def test_pattern_problems_show_a_plain_end_anchor(web: dict[str, Any]) -> None:
    web["cartItems"][0]["basicItemData"]["price"]["currency"] = "usd"
    (problem,) = validate_order(web)
    assert "(pattern ^[A-Z]{3}$)" in problem.message
