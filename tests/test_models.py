"""The typed surface: forter_orders.models, open value sets a type checker can check, reprs."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import pytest

import forter_orders
import forter_orders_api.models as generated
from forter_orders import (
    APITimeoutError,
    FallbackDecision,
    FallbackPolicy,
    ForterClient,
    OrderDecision,
    UnknownValue,
    cart_item,
    load_spec,
    money,
)
from forter_orders import models as models_module
from forter_orders._drift import strict_schema
from forter_orders.testing import ForterMockState
from forter_orders_api.types import UNSET, Unset

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# ---------------------------------------------------------------- a type checker catches typos

GOOD = """
from typing import assert_never

from forter_orders import FallbackPolicy, OrderDecision, UnknownValue
from forter_orders.models import OrderDecisionForterDecision, VerificationMethod


def action(decision: OrderDecision) -> str:
    if decision.forter_decision == "APPROVE":
        return "capture"
    if decision.forter_decision == "DECLINE":
        return "cancel"
    if decision.forter_decision == "NOT_REVIEWED":
        return "review"
    return f"review ({decision.forter_decision})"  # reachable: a value Forter added later


def exhaustive(value: OrderDecisionForterDecision) -> str:
    match value:
        case "APPROVE" | "DECLINE" | "NOT_REVIEWED":
            return value
        case UnknownValue(value=raw):
            return raw
        case _:
            assert_never(value)


def three_ds(decision: OrderDecision) -> bool:
    method = decision.verification_method
    return (
        decision.recommendation == "VERIFICATION_REQUIRED_3DS_CHALLENGE"
        or (isinstance(method, VerificationMethod) and method.status == "AUTHENTICATED")
        or str(decision.forter_decision) == "VERIFICATION_REQUIRED"  # not in the spec yet
    )


POLICY = FallbackPolicy(decision="NOT_REVIEWED")
"""

BAD = """
from forter_orders import FallbackPolicy, OrderDecision
from forter_orders.models import VerificationMethod


def typos(decision: OrderDecision) -> list[bool]:
    method = decision.verification_method
    assert isinstance(method, VerificationMethod)
    return [
        decision.forter_decision == "APROVE",
        decision.forter_decision != "DECLINED",
        decision.recommendation == "REQUEST_SCA_EXEMPTION_TRAA",
        method.status == "AUTHENTICATD",
    ]


POLICY = FallbackPolicy(decision="APROVE")
"""


def _mypy(tmp_path: Path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on ``source`` as a merchant's module (no project config, its own cache)."""
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(source))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--warn-unreachable",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            f"{name}.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def _docs_match_block() -> str:
    """The ``match`` example of docs/models.md, which must type-check as the docs claim."""
    docs = (ROOT / "docs" / "models.md").read_text()
    match = re.search(r"```python\n(from typing import assert_never\n.*?)```", docs, re.DOTALL)
    assert match, "docs/models.md has no match example"
    return match.group(1)


def test_mypy_strict_flags_misspelt_values_and_accepts_correct_use(tmp_path: Path) -> None:
    good = _mypy(tmp_path, "good", GOOD)
    assert good.returncode == 0, good.stdout + good.stderr
    docs = _mypy(tmp_path, "docs_example", _docs_match_block())
    assert docs.returncode == 0, docs.stdout + docs.stderr
    bad = _mypy(tmp_path, "bad", BAD)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    flagged = {
        (int(line), code)
        for line, code in re.findall(r"^bad\.py:(\d+): error: .*\[([a-z-]+)\]$", bad.stdout, re.M)
    }
    lines = textwrap.dedent(BAD).splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if text in line)

    assert {
        (line_of('"APROVE"'), "comparison-overlap"),
        (line_of('"DECLINED"'), "comparison-overlap"),
        (line_of('"REQUEST_SCA_EXEMPTION_TRAA"'), "comparison-overlap"),
        (line_of('"AUTHENTICATD"'), "comparison-overlap"),
        (line_of('decision="APROVE"'), "arg-type"),
    } <= flagged, bad.stdout


# ---------------------------------------------------------------- unknown values still parse


def test_an_unknown_decision_parses_and_is_readable() -> None:
    body = {"forterDecision": "VERIFICATION_REQUIRED", "recommendation": "SOMETHING_NEW"}
    decision = OrderDecision.from_dict(body)
    assert decision.forter_decision == UnknownValue("VERIFICATION_REQUIRED")
    assert isinstance(decision.forter_decision, UnknownValue)
    assert decision.forter_decision.value == "VERIFICATION_REQUIRED"
    assert str(decision.forter_decision) == "VERIFICATION_REQUIRED"
    assert str(decision.recommendation) == "SOMETHING_NEW"
    assert decision.to_dict() == body  # sent back exactly as received
    empty = OrderDecision.from_dict({"forterDecision": "APPROVE", "recommendation": ""})
    assert empty.recommendation == ""  # Forter's "no recommendation": the spec's example has it
    assert not UnknownValue("")  # an unknown value is as truthy as its string
    known = OrderDecision.from_dict({"forterDecision": "DECLINE"})
    assert known.forter_decision == "DECLINE"
    assert type(known.forter_decision) is str


def test_an_unknown_decision_from_the_mock_reaches_the_caller(
    forter_client: ForterClient, forter_mock_state: ForterMockState
) -> None:
    forter_mock_state.queue("unknown-decision")
    order = json.loads((EXAMPLES / "mobile_app_order.json").read_text())
    decision = forter_client.orders.create(order)
    assert decision.forter_decision == UnknownValue("VERIFICATION_REQUIRED")


def test_a_fallback_decision_from_configuration_is_parsed_like_forter_answers() -> None:
    assert FallbackPolicy().decision == "APPROVE"
    policy = FallbackPolicy(decision="VERIFICATION_REQUIRED")  # type: ignore[arg-type]
    assert policy.decision == UnknownValue("VERIFICATION_REQUIRED")


def _open_response_members() -> dict[str, tuple[str, str]]:
    """``Schema+Member`` -> (schema, member) for the response-only members with known values."""
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    found = {}
    for schema_name in sorted(_response_only(spec)):
        for member, schema in schemas[schema_name].get("properties", {}).items():
            if "x-forter-known-values" in schema:
                found[schema_name + member[0].upper() + member[1:]] = (schema_name, member)
    return found


def _response_only(spec: dict[str, Any]) -> set[str]:
    def refs(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield from [value] if key == "$ref" else refs(value)
        elif isinstance(node, list):
            for item in node:
                yield from refs(item)

    def reachable(roots: list[Any]) -> set[str]:
        seen: set[tuple[str, str]] = set()
        todo = [ref for root in roots for ref in refs(root)]
        while todo:
            kind, name = todo.pop().split("/")[-2:]
            if (kind, name) not in seen:
                seen.add((kind, name))
                todo.extend(refs(spec["components"].get(kind, {}).get(name, {})))
        return {name for kind, name in seen if kind == "schemas"}

    operations = [op for item in spec["paths"].values() for op in item.values()]
    answered = reachable([op.get("responses", {}) for op in operations])
    return answered - reachable([op.get("requestBody", {}) for op in operations])


def test_open_value_sets_are_what_the_spec_and_the_drift_reports_know() -> None:
    """Known = x-forter-known-values plus the spec's example values, as forter_orders._drift."""
    expected = _open_response_members()
    assert {"OrderDecisionForterDecision", "OrderDecisionRecommendation"} <= expected.keys()
    open_types = {
        name for name in generated.__all__ if UnknownValue in get_args(getattr(generated, name))
    }
    assert open_types == expected.keys()
    strict = strict_schema(load_spec())["components"]["schemas"]
    for name, (schema_name, member) in expected.items():
        module = importlib.import_module(f"forter_orders_api.models.{_snake(name)}")
        literal, unknown = get_args(getattr(module, name))
        assert unknown is UnknownValue
        known = [v for v in strict[schema_name]["properties"][member]["enum"] if v is not None]
        assert set(
            load_spec()["components"]["schemas"][schema_name]["properties"][member][
                "x-forter-known-values"
            ]
        ) <= set(known)
        assert sorted(get_args(literal)) == sorted(known), name
        assert getattr(module, f"{_snake(name).upper()}_VALUES") == frozenset(known)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_request_members_with_known_values_stay_plain_strings() -> None:
    """A merchant may send any value there; the validator reports unknown ones."""
    card = models_module.CreditCard(card_type="DEBIT_PREPAID_NEW")
    assert card.to_dict() == {"cardType": "DEBIT_PREPAID_NEW"}
    assert inspect.get_annotations(models_module.CreditCard)["card_type"] == "str | Unset"


# ---------------------------------------------------------------- one place for the models


def test_forter_orders_models_reexports_every_generated_model() -> None:
    for name in generated.__all__:
        assert getattr(models_module, name) is getattr(generated, name), name
    assert set(generated.__all__) < set(models_module.__all__)
    assert models_module.UNSET is UNSET
    assert models_module.Unset is Unset
    assert models_module.UnknownValue is UnknownValue
    assert forter_orders.models is models_module  # reachable without its own import
    assert forter_orders.UnknownValue is UnknownValue


def _model_classes() -> dict[str, type]:
    return {
        name: cls
        for name in generated.__all__
        if inspect.isclass(cls := getattr(generated, name)) and hasattr(cls, "to_dict")
    }


def _renames() -> list[tuple[str, str, str]]:
    """(class, wire name, Python name) wherever the Python name is not the plain snake_case."""
    rows = []
    for name, cls in _model_classes().items():
        source = inspect.getsource(cls.to_dict)  # type: ignore[attr-defined]
        pairs = re.findall(r'field_dict\["([^"]+)"\] = \(?\s*(\w+)', source)
        pairs += re.findall(r'^\s+"([^"]+)": (\w+),$', source, flags=re.M)
        for wire, python in pairs:
            if python != re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", wire).lower():
                rows.append((name, wire, python))
    return sorted(rows)


def _homes() -> dict[str, list[str]]:
    """class -> the members (``Payment.gift_card``) whose type mentions it."""
    classes = _model_classes()
    homes: dict[str, list[str]] = {name: [] for name in classes}
    for name, cls in sorted(classes.items()):
        for member, annotation in inspect.get_annotations(cls).items():
            if member == "additional_properties":
                continue
            for used in sorted(set(re.findall(r"\b[A-Z]\w*", annotation)) & homes.keys() - {name}):
                homes[used].append(f"`{name}.{member}`")
    return homes


def _doc_table(docs: str, marker: str) -> str:
    match = re.search(rf"<!-- {marker}:start -->\n(.*?)<!-- {marker}:end -->", docs, re.DOTALL)
    assert match, f"docs/models.md has no {marker} table"
    return match.group(1)


def test_docs_list_every_renamed_member_and_where_each_class_goes() -> None:
    docs = (ROOT / "docs" / "models.md").read_text()
    renames = "| class | wire name | Python name |\n|---|---|---|\n" + "".join(
        f"| `{cls}` | `{wire}` | `{python}` |\n" for cls, wire, python in _renames()
    )
    assert _doc_table(docs, "renames") == renames, "run scripts/regenerate"
    for python in ("bin_", "zip_", "type_"):
        assert f"`{python}`" in renames
    homes = "| class | the members that take it |\n|---|---|\n" + "".join(
        f"| `{name}` | {', '.join(where) or '(a request or response body)'} |\n"
        for name, where in sorted(_homes().items())
    )
    assert _doc_table(docs, "classes") == homes, "run scripts/regenerate"
    assert "| `StoredValue` | `Payment.gift_card`, `Payment.store_credit_used` |" in homes


# ---------------------------------------------------------------- reprs


def test_reprs_show_only_the_members_that_are_set() -> None:
    price = money(Decimal("110"), "USD")
    assert repr(price) == "Amount(amount_local_currency='110.00', currency='USD')"
    item = cart_item("White handbag", price)
    assert repr(item) == (
        "CartItem(basic_item_data=BasicItemData(name='White handbag', price=Amount("
        "amount_local_currency='110.00', currency='USD'), quantity=1, type_='TANGIBLE'))"
    )
    decision = OrderDecision.from_dict({"forterDecision": "SOON", "extra": {"a": 1}})
    assert repr(decision) == (
        "OrderDecision(forter_decision=UnknownValue(value='SOON'), "
        "additional_properties={'extra': {'a': 1}})"
    )
    assert repr(UNSET) == "UNSET"
    everything = repr(
        models_module.Order.from_dict(json.loads((EXAMPLES / "full_web_order.json").read_text()))
    )
    assert "Unset" not in everything
    assert "UNSET" not in everything
    assert " object at 0x" not in everything


def test_a_fallback_decision_repr_says_why() -> None:
    error = APITimeoutError("timed out")
    fallback = FallbackDecision(
        forter_decision="APPROVE", order_id="o-1", reason="timeout", error=error, attempts=2
    )
    assert repr(fallback) == (
        "FallbackDecision(forter_decision='APPROVE', order_id='o-1', reason='timeout', "
        "error=APITimeoutError('timed out'), attempts=2)"
    )


@pytest.mark.parametrize("value", ["APPROVE", "VERIFICATION_REQUIRED"])
def test_decisions_keep_equality_and_hashing(value: str) -> None:
    one = OrderDecision.from_dict({"forterDecision": value})
    two = OrderDecision.from_dict({"forterDecision": value})
    assert one == two
    assert hash(UnknownValue(value)) == hash(UnknownValue(value))
