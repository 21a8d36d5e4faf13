"""One source: what the hand-written code and docs say about the API agrees with openapi.yaml.

Most facts are read from the spec at run time (``forter_orders._spec``: the mobile and web order
types, the orderId rules, the currency pattern, the decision body, the decision scenarios, the
sandbox addresses, the journal's decision members). What cannot be read at run time - a type
checker's ``Literal``, a builder's keyword arguments, the examples, the docs - is checked here,
and each failure says what to change. ``tests/test_one_source_edit.py`` proves the run-time
reading end to end on an edited copy of the spec.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from forter_orders import (
    build_mobile_order,
    build_web_order,
    cart_item,
    example_order,
    money,
    validate_order,
)
from forter_orders._builders import ItemType, MobileOrderType
from forter_orders._spec import (
    decision_example,
    documented_members,
    known_values,
    members_used,
    order_type_rules,
    sandbox_decisions,
    schema_properties,
    strict_component_schema,
)
from forter_orders.cli._journal import decision_fields, decision_members
from forter_orders.mock._app import error_body
from forter_orders.mock._scenarios import (
    UNKNOWN_DECISION_SCENARIO,
    decision_scenarios,
    known_decisions,
    scenario_name,
    unknown_decision,
)
from forter_orders.models import (
    AccountOwner,
    Address,
    DeliveryDetails,
    Payment,
    PersonalDetails,
    Recipient,
)

ROOT = Path(__file__).resolve().parents[1]
SPEC_FILE = "openapi.yaml"


# ------------------------------------------------------------------ examples


def test_the_request_examples_use_every_documented_member() -> None:
    """fullWebOrder ("a web order using every documented field") and the mobile-app sample
    together set every member the spec documents, so a new member fails here until an example
    shows it."""
    documented = documented_members("Order")
    used = members_used("Order", example_order("web")) | members_used(
        "Order", example_order("mobile")
    )
    missing = sorted(path for member, path in documented.items() if member not in used)
    assert missing == [], (
        f"{SPEC_FILE}: the fullWebOrder example (and examples/full_web_order.json, which must "
        f"equal it) does not use these documented members; add a value for each: {missing}"
    )


def test_the_decision_example_sets_every_documented_member() -> None:
    """The mock answers with the 200 example, so every member it lacks is one the mock never
    sends (and the journal never shows)."""
    documented = documented_members("OrderDecision")
    used = members_used("OrderDecision", decision_example())
    missing = sorted(path for member, path in documented.items() if member not in used)
    assert missing == [], (
        f"{SPEC_FILE}: the 200 example of POST /v3/orders/{{orderId}} (and "
        f"examples/decision_response.json) lacks these OrderDecision members: {missing}"
    )


def test_documented_members_see_a_new_member_where_its_component_is_used() -> None:
    members = documented_members("Order")
    assert members[("BasicItemData", "price")] == "cartItems[].basicItemData.price"
    assert members[("Order", "totalAmount")] == "totalAmount"
    assert members[("Amount", "currency")].endswith("Amount.currency")
    assert ("Order", "orderId") in members_used("Order", {"orderId": "1"})
    assert members_used("Order", {"cartItems": [{"basicItemData": {"name": "n"}}]}) == {
        ("Order", "cartItems"),
        ("CartItem", "basicItemData"),
        ("BasicItemData", "name"),
    }


# ------------------------------------------------------------------ the mock


def test_decision_scenarios_are_the_known_values_and_one_unknown() -> None:
    scenarios = dict(decision_scenarios())
    unknown = scenarios.pop(UNKNOWN_DECISION_SCENARIO)
    assert scenarios == {
        scenario_name(v): v for v in known_values("OrderDecision", "forterDecision")
    }
    assert scenarios["not-reviewed"] == "NOT_REVIEWED"
    assert unknown not in known_decisions()


def test_unknown_decision_stays_outside_whatever_the_spec_knows() -> None:
    assert unknown_decision(("APPROVE",)) == "VERIFICATION_REQUIRED"
    assert unknown_decision(("APPROVE", "VERIFICATION_REQUIRED")) == "MOCK_UNKNOWN_DECISION"
    crowded = ("VERIFICATION_REQUIRED", "MOCK_UNKNOWN_DECISION", "MOCK_UNKNOWN_DECISION_2")
    assert unknown_decision(crowded) == "MOCK_UNKNOWN_DECISION_3"


def test_the_sandbox_addresses_are_the_spec_s_and_decide_known_values() -> None:
    triggers = sandbox_decisions()
    assert triggers["approve@forter.com"] == "APPROVE"
    assert set(triggers.values()) <= set(known_decisions())


def test_the_mock_s_error_body_is_the_spec_s_error_response() -> None:
    """Every ErrorResponse member, nothing else (the strict view closes the object), each
    ErrorDetail member in ``errors``."""
    body = error_body("bad", [{"path": "orderId", "message": "missing"}])
    jsonschema.Draft202012Validator(strict_component_schema("ErrorResponse")).validate(body)
    assert list(body) == list(schema_properties("ErrorResponse")), (
        "mock/_app.py error_body: set every ErrorResponse member of openapi.yaml"
    )
    assert set(body["errors"][0]) == set(schema_properties("ErrorDetail"))


# ------------------------------------------------------------------ the journal


def test_the_journal_carries_the_spec_s_decision_members_in_its_order() -> None:
    assert decision_members() == tuple(
        m for m in schema_properties("OrderDecision") if m != "orderId"
    )
    example = dict(decision_example())
    example["decisionReason"] = "card 4111 1111 1111 1111"
    example["somethingNew"] = "not in the spec: named by drift, not copied"
    fields = decision_fields(example)
    assert list(fields) == [m for m in decision_members() if m in example]
    assert next(iter(fields)) == "forterDecision"
    assert "4111 1111 1111 1111" not in str(fields)
    assert "1111" in fields["decisionReason"]
    assert "somethingNew" not in fields


# ------------------------------------------------------------------ builders


def test_the_builders_literals_are_the_spec_s_values() -> None:
    mobile, web = order_type_rules()
    assert typing.get_args(MobileOrderType) == mobile, (
        f"_builders.MobileOrderType must list {mobile}: the mobile order types of the web/mobile "
        f"rule (Order's x-forter-strict-allOf) in {SPEC_FILE}"
    )
    assert web == ("WEB",)
    assert set(typing.get_args(ItemType)) == set(known_values("BasicItemData", "type"))


def _when() -> datetime:
    return datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _everything(builder: Callable[..., Any]) -> dict[str, Any]:
    """A value for every keyword of ``builder``: each string unique, so it can be traced."""
    values: dict[str, Any] = {}
    for name, param in inspect.signature(builder).parameters.items():
        annotation = str(param.annotation)
        if name == "order_type":
            values[name] = "IOS"
        elif name == "authorization_step":
            values[name] = "POST_AUTHORIZATION"
        elif name == "item_type":
            values[name] = "NON_TANGIBLE"
        elif name in ("checkout_time", "time_sent"):
            values[name] = _when()
        elif name in ("price", "total_amount"):
            values[name] = money(Decimal("10"), "USD")
        elif name == "quantity":
            values[name] = 2
        elif name == "cart_items":
            values[name] = [cart_item(**_everything(cart_item))]
        elif name == "payment":
            values[name] = [
                Payment.from_dict({"amount": {"amountLocalCurrency": "10.00", "currency": "USD"}})
            ]
        elif name == "account_owner":
            values[name] = AccountOwner(email="a@example.com", first_name="A", last_name="B")
        elif name == "primary_delivery_details":
            values[name] = DeliveryDetails.from_dict({"deliveryType": "PHYSICAL"})
        elif name == "primary_recipient":
            values[name] = Recipient(
                personal_details=PersonalDetails(first_name="A", last_name="B"),
                address=Address(address1="1 Main St", city="Springfield", country="US"),
            )
        elif "str" in annotation:
            values[name] = f"arg-{name}"
        else:
            raise AssertionError(f"no test value for {builder.__name__}({name}: {annotation})")
    return values


def _strings(value: Any, path: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, child in value.items():
            out.update(_strings(child, f"{path}.{key}" if path else key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.update(_strings(child, f"{path}[{index}]"))
    elif isinstance(value, str):
        out[value] = path
    return out


@pytest.mark.parametrize("builder", [build_web_order, build_mobile_order])
def test_a_built_order_with_every_argument_is_what_the_spec_s_strict_view_wants(
    builder: Callable[..., Any],
) -> None:
    """No unknown member (a builder writing a member the spec renamed or removed), no missing
    required or recommended member (one the spec made required), nothing else."""
    order = builder(**_everything(builder)).to_dict()
    problems = [str(p) for p in validate_order(order)]
    assert problems == [], (
        f"{builder.__name__} with every argument builds an order the spec's strict view "
        f"refuses; update _builders.py to {SPEC_FILE}: {problems}"
    )


@pytest.mark.parametrize("builder", [build_web_order, build_mobile_order, cart_item])
def test_every_builder_argument_reaches_a_documented_member(builder: Callable[..., Any]) -> None:
    arguments = _everything(builder)
    built = builder(**arguments).to_dict()
    where = _strings(built)
    dropped = [
        n
        for n, v in arguments.items()
        if isinstance(v, str) and v.startswith("arg-") and v not in where
    ]
    assert dropped == [], f"{builder.__name__}: arguments that never reach the order: {dropped}"
    root = "CartItem" if builder is cart_item else "Order"
    assert members_used(root, built) <= set(documented_members(root))


def test_build_mobile_order_refuses_a_type_outside_the_spec_s_mobile_types() -> None:
    from forter_orders import OrderValidationError

    arguments = _everything(build_mobile_order)
    arguments["order_type"] = "WEB"
    with pytest.raises(OrderValidationError) as caught:
        build_mobile_order(**arguments)
    mobile = order_type_rules()[0]
    assert f"{', '.join(mobile[:-1])} or {mobile[-1]}" in str(caught.value)


# ------------------------------------------------------------------ docs


def _value_sets() -> dict[str, tuple[str, ...]]:
    return {
        "OrderDecision.forterDecision known values": known_decisions(),
        "the mobile order types (Order's web/mobile rule)": order_type_rules()[0],
        "Order.authorizationStep": known_values("Order", "authorizationStep"),
        "BasicItemData.type": known_values("BasicItemData", "type"),
    }


def _documents() -> list[Path]:
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return docs + sorted((ROOT / "overlays" / "forter_orders").rglob("*.py"))


def _units(text: str) -> list[str]:
    """Paragraphs, with each table row a unit of its own."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        rows = [line for line in block.splitlines() if line.lstrip().startswith("|")]
        units += rows if rows else [block]
    return units


def test_docs_that_list_a_value_set_list_all_of_it() -> None:
    """A paragraph (or docstring block) naming two or more values of one of the spec's value
    sets names all of them, so a value the spec adds cannot be left out of an enumeration."""
    incomplete: list[str] = []
    for document in _documents():
        text = document.read_text()
        for block in _units(text):
            for label, values in _value_sets().items():
                named = [
                    v for v in values if re.search(rf"(?<![\w@-]){re.escape(v)}(?![\w@-])", block)
                ]
                if len(named) >= 2 and len(named) < len(values):
                    line = text[: text.index(block)].count("\n") + 1
                    missing = [v for v in values if v not in named]
                    incomplete.append(
                        f"{document.relative_to(ROOT)}:{line}: lists {label} without {missing}"
                    )
    assert incomplete == [], "\n".join(incomplete)
