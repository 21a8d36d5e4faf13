"""validate_order and encode_order: every problem with its path and severity, did-you-mean, the
web/mobile rule, card numbers, and what each validation mode lets through."""

from __future__ import annotations

import copy
import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from forter_orders import (
    ConfigurationError,
    Order,
    OrderValidationError,
    Problem,
    validate_order,
)
from forter_orders._validation import encode_order, order_validator, resolve_validation
from forter_orders_api.types import Unset

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
    """Schema problems are warnings: Forter may accept the order, strict mode refuses it."""
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
    assert {p.severity for p in problems.values()} == {"warning"}
    assert not any(p.is_error for p in problems.values())
    # Sent by default (returned with the body), refused in strict mode, unchecked when off.
    assert {w.path for w in encode_order(mobile).warnings} == set(problems)
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile, validate="strict")
    assert {p.path for p in info.value.warnings} == set(problems)
    assert info.value.errors == []
    assert encode_order(mobile, validate="off").warnings == ()


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


def test_unknown_key_without_a_close_match_lists_the_known_names(
    mobile: dict[str, Any],
) -> None:
    mobile["totalAmount"]["zzz"] = 1
    problem = by_path(validate_order(mobile))["totalAmount.zzz"]
    assert problem.suggestion is None
    assert "known: amountLocalCurrency, amountUSD, currency" in problem.message


def test_a_typo_is_a_warning_by_default_and_an_error_in_strict_mode(
    web: dict[str, Any],
) -> None:
    web["primaryRecipent"] = web.pop("primaryRecipient")
    problems = by_path(validate_order(web))
    typo = problems["primaryRecipent"]
    assert (typo.code, typo.severity, typo.suggestion) == (
        "unknown_field",
        "warning",
        "primaryRecipient",
    )
    assert "did you mean 'primaryRecipient'?" in typo.message
    # primaryRecipient is a member Forter recommends: its absence is reported too.
    assert problems["primaryRecipient"].code == "recommended"
    sent = encode_order(web)
    assert [w.path for w in sent.warnings] == ["primaryRecipent", "primaryRecipient"]
    assert b'"primaryRecipent"' in sent.body  # nothing dropped
    with pytest.raises(OrderValidationError) as info:
        encode_order(web, validate="strict")
    assert "did you mean 'primaryRecipient'?" in str(info.value)
    assert info.value.strict is True


def test_free_form_objects_accept_any_keys(web: dict[str, Any]) -> None:
    web["additionalInformation"] = {"anything": {"goes": [1, "two"]}}
    assert validate_order(web) == []


def test_enum_values_get_did_you_mean(mobile: dict[str, Any]) -> None:
    mobile["cartItems"][0]["basicItemData"]["type"] = "tangible"
    problem = by_path(validate_order(mobile))["cartItems[0].basicItemData.type"]
    assert problem.code == "enum"
    assert problem.suggestion == "TANGIBLE"
    assert "expected one of TANGIBLE, NON_TANGIBLE" in problem.message
    assert problem.severity == "warning"


def test_recommended_members_are_warnings_of_their_own_kind(web: dict[str, Any]) -> None:
    for name in ("accountOwner", "payment", "primaryDeliveryDetails"):
        del web[name]
    problems = validate_order(web)
    assert [(p.path, p.code, p.severity) for p in problems] == [
        (name, "recommended", "warning")
        for name in ("accountOwner", "payment", "primaryDeliveryDetails")
    ]
    assert "Forter recommends it" in problems[0].message


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("totalDiscount",), None),
        (("connectionInformation", "customerIP"), None),
        (("connectionInformation", "merchantDeviceIdentifier"), None),
        (("totalAmount", "amountUSD"), None),
        (("cartItems", 0, "basicItemData", "category"), None),
        (("accountOwner", "pastOrdersSum"), 254.85),
        (("accountOwner", "accountId"), 123456),
        (("totalDiscount", "couponDiscountAmount", "amountLocalCurrency"), "-15.0000"),
    ],
    ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else repr(v),
)
def test_what_real_senders_send_is_no_problem(
    web: dict[str, Any], path: tuple[str | int, ...], value: Any
) -> None:
    """Nulls and types the public senders use (tests/data/corpus) pass even strict mode."""
    node: Any = web
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    assert validate_order(web) == []


def test_a_nullable_member_with_a_wrong_value_says_null_would_do(web: dict[str, Any]) -> None:
    web["totalDiscount"] = "10%"
    (problem,) = validate_order(web)
    assert (problem.path, problem.code) == ("totalDiscount", "type")
    assert problem.message == "expected object or null, got string '10%'"
    web["totalDiscount"] = {"couponCodeUsed": 7}
    (problem,) = validate_order(web)
    assert (problem.path, problem.message) == (
        "totalDiscount.couponCodeUsed",
        "expected string, got integer 7",
    )


def test_a_null_where_none_was_seen_is_a_warning(web: dict[str, Any]) -> None:
    web["cartItems"][0]["basicItemData"]["name"] = None
    (problem,) = validate_order(web)
    assert (problem.path, problem.severity) == ("cartItems[0].basicItemData.name", "warning")
    assert problem.message == "expected string, got null"


def test_int64_fields_are_bounded_in_the_strict_view(web: dict[str, Any]) -> None:
    web["checkoutTime"] = 2**63  # JSON can carry it (orjson writes up to 2**64 - 1)
    (problem,) = validate_order(web)
    assert (problem.path, problem.code, problem.severity) == (
        "checkoutTime",
        "maximum",
        "warning",
    )


# ---------------------------------------------------------------- the web/mobile rule


@pytest.mark.parametrize("order_type", ["MOBILE", "IOS", "ANDROID"])
def test_mobile_orders_need_the_mobile_uid(mobile: dict[str, Any], order_type: str) -> None:
    mobile["orderType"] = order_type
    del mobile["connectionInformation"]["forterMobileUID"]
    (problem,) = validate_order(mobile)
    assert problem.path == "connectionInformation.forterMobileUID"
    assert problem.code == "mobile_web_rule"
    assert problem.severity == "warning"  # Forter answers such orders: guidance, not a law
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


def test_web_and_app_orders_need_connection_information(
    web: dict[str, Any], mobile: dict[str, Any]
) -> None:
    del web["connectionInformation"]
    (problem,) = validate_order(web)
    assert (problem.path, problem.code) == ("connectionInformation", "mobile_web_rule")
    assert "the forterTokenCookie" in problem.message
    del mobile["connectionInformation"]
    (problem,) = validate_order(mobile)
    assert (problem.path, problem.code) == ("connectionInformation", "mobile_web_rule")
    assert "forterMobileUID" in problem.message


def test_phone_orders_may_leave_connection_information_out(web: dict[str, Any]) -> None:
    web["orderType"] = "PHONE"
    del web["connectionInformation"]
    assert validate_order(web) == []


def test_web_cookie_must_be_a_string(web: dict[str, Any]) -> None:
    web["connectionInformation"]["forterTokenCookie"] = None
    (problem,) = validate_order(web)
    assert problem.path == "connectionInformation.forterTokenCookie"
    assert "must be the Forter JS token cookie (a string) for a WEB order" in problem.message


def test_the_rule_is_checked_for_models_too(mobile: dict[str, Any]) -> None:
    model = Order.from_dict(mobile)
    assert not isinstance(model.connection_information, Unset)
    model.connection_information.forter_mobile_uid = ""  # still set: fine
    assert validate_order(model) == []
    del mobile["connectionInformation"]["forterMobileUID"]
    paths = [p.path for p in validate_order(Order.from_dict(mobile))]
    assert paths == ["connectionInformation.forterMobileUID"]


# ---------------------------------------------------------------- card numbers


@pytest.mark.parametrize(
    "pan",
    [
        "4111111111111111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "378282246310005",
        "4111  1111  1111  1111",  # two spaces
        "4111.1111.1111.1111",
        "4111/1111/1111/1111",
        "5555555555554444",
        "6011111111111117",  # Discover
        "3530111333300000",  # JCB
        "2223000048400011",  # Mastercard 2-series
        "4111111111111111110",  # Visa, 19 digits (Luhn-valid)
    ],
)
def test_full_card_numbers_are_refused_and_masked(mobile: dict[str, Any], pan: str) -> None:
    mobile["payment"][0]["tokenizedCard"]["nameOnCard"] = f"card {pan}"
    (problem,) = validate_order(mobile)
    assert problem.path == "payment[0].tokenizedCard.nameOnCard"
    assert problem.code == "card_number"
    assert problem.severity == "error"
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile)  # the default mode refuses errors
    assert info.value.errors == [problem]
    digits = "".join(c for c in pan if c.isdigit())
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
    assert [(p.code, p.severity) for p in problems] == [
        ("card_number", "error"),
        ("pattern", "warning"),
    ]
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


@pytest.mark.parametrize(
    ("path", "value"),
    [
        # Luhn-valid, 13-19 digits, first digit 2-6 - but no card scheme issues that shape.
        (("connectionInformation", "merchantDeviceIdentifier"), "353918051234561"),  # an IMEI
        (("connectionInformation", "merchantDeviceIdentifier"), 353918051234561),
        (("additionalInformation", "shopOrderId"), "5123456789010"),  # 13 digits
        (("additionalInformation", "variantId"), "44012345678901"),  # 14 digits from 4
        (("additionalInformation", "phone"), "+49 151 23456787"),  # after "+": a phone
        (("additionalInformation", "id"), 4111111111111112),  # a Visa shape, Luhn-invalid
    ],
)
def test_luhn_valid_ids_and_phones_are_not_card_numbers(
    web: dict[str, Any], path: tuple[str, str], value: object
) -> None:
    """Blocking a checkout needs certainty: 1 id or phone number in 10 passes the Luhn check."""
    web.setdefault(path[0], {})[path[1]] = value
    assert [p for p in validate_order(web) if p.code == "card_number"] == []
    encode_order(web)  # the default mode sends it


@pytest.mark.parametrize(
    "value",
    [
        4111111111111111,
        378282246310005,
        "%B4111111111111111^DOE/JOHN^2512",
        ";4111111111111111=2512",
    ],
    ids=["visa-as-number", "amex-as-number", "track-1", "track-2"],
)
def test_card_numbers_as_json_numbers_and_track_data_are_refused(
    mobile: dict[str, Any], value: object
) -> None:
    mobile["payment"][0]["tokenizedCard"]["bin"] = value
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile)
    (error,) = info.value.errors
    assert (error.path, error.code) == ("payment[0].tokenizedCard.bin", "card_number")
    digits = "".join(c for c in str(value) if c.isdigit())
    pan = digits[:16] if len(digits) > 16 and str(value)[0] in "%;" else digits
    assert pan not in str(info.value)
    assert "*" * (len(pan) - 4) + pan[-4:] in str(info.value)


# ---------------------------------------------------------------- inputs


def test_non_json_values_are_reported_with_a_hint(mobile: dict[str, Any]) -> None:
    mobile["checkoutTime"] = datetime.datetime.now(datetime.UTC)
    mobile["totalAmount"]["amountLocalCurrency"] = Decimal("1.00")
    problems = by_path(validate_order(mobile))
    assert "epoch_ms()" in problems["checkoutTime"].message
    assert "decimal string" in problems["totalAmount.amountLocalCurrency"].message
    assert {p.code for p in problems.values()} == {"not_json"}
    assert {p.severity for p in problems.values()} == {"error"}
    with pytest.raises(OrderValidationError):
        encode_order(mobile, validate=False)  # cannot be sent at all


def test_other_inputs_are_type_errors() -> None:
    with pytest.raises(TypeError, match="Order or a dict"):
        validate_order([1, 2])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("order_id", "code", "fragment"),
    [
        (None, "required", "is required"),
        (12345, "type", "must be a string"),
        ("", "minLength", "must not be empty"),
        ("x" * 256, "maxLength", "at most 255"),
        (".", "order_id", "cannot be '.'"),
        ("..", "order_id", "cannot be '..'"),
    ],
    ids=["missing", "number", "empty", "too-long", "dot", "dot-dot"],
)
@pytest.mark.parametrize("mode", ["default", "strict", "off"])
def test_an_order_id_that_cannot_be_the_url_is_an_error_in_every_mode(
    mobile: dict[str, Any], order_id: Any, code: str, fragment: str, mode: str
) -> None:
    if order_id is None:
        del mobile["orderId"]
    else:
        mobile["orderId"] = order_id
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile, validate=mode)  # type: ignore[arg-type]
    (problem,) = info.value.problems  # the schema's own orderId rules are not repeated
    assert (problem.path, problem.code, problem.severity) == ("orderId", code, "error")
    assert fragment in problem.message


def test_encode_returns_the_bytes_and_never_mutates(mobile: dict[str, Any]) -> None:
    before = copy.deepcopy(mobile)
    order_id, body, warnings = encode_order(mobile, validate=True)
    assert order_id == "B12261933767"
    assert warnings == ()
    assert json.loads(body) == mobile == before


def test_validation_error_lists_every_problem(mobile: dict[str, Any]) -> None:
    mobile["bogus"] = 1
    del mobile["totalAmount"]
    assert [w.path for w in encode_order(mobile).warnings] == ["bogus", "totalAmount"]
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile, validate="strict")
    text = str(info.value)
    assert "(2 warnings; strict mode refuses warnings too)" in text
    assert "  - warning: bogus: unknown field" in text
    assert "  - warning: totalAmount: is required" in text
    mobile["payment"][0]["tokenizedCard"]["nameOnCard"] = "5555555555554444"
    with pytest.raises(OrderValidationError) as info:
        encode_order(mobile)
    text = str(info.value)
    assert "order not sent (1 error, 2 warnings)" in text
    assert text.index("  - error: payment[0]") < text.index("  - warning: bogus")
    assert "5555555555554444" not in text
    assert str(Problem("", "x")) == "(order): x"
    assert Problem("", "x").severity == "error"


# ---------------------------------------------------------------- modes


def test_modes_resolve_from_arguments_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FORTER_VALIDATION", raising=False)
    assert resolve_validation() == "default"
    assert resolve_validation(validate=True) == "default"
    assert resolve_validation(validate=False) == "off"
    assert resolve_validation("strict") == "strict"
    monkeypatch.setenv("FORTER_VALIDATION", " Strict ")
    assert resolve_validation() == "strict"
    assert resolve_validation("off") == "off"  # an argument wins
    assert resolve_validation(validate=True) == "default"
    assert resolve_validation(env=False) == "default"
    monkeypatch.setenv("FORTER_VALIDATION", "lenient")
    with pytest.raises(ConfigurationError, match="FORTER_VALIDATION must be one of"):
        resolve_validation()
    with pytest.raises(ConfigurationError, match="validation= must be one of"):
        resolve_validation("STRICT")
    with pytest.raises(ConfigurationError, match="not both"):
        resolve_validation("strict", True)


def test_the_validator_is_compiled_once() -> None:
    # warm_up() (every client constructor) compiles it; every call reuses it.
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
