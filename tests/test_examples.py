"""example_order(): the spec's example orders, reachable after a plain pip install."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forter_orders import example_names, example_order, validate_order

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("mobileAppOrder", "mobile_app_order.json"),
        ("mobile", "mobile_app_order.json"),
        ("MOBILE", "mobile_app_order.json"),
        ("fullWebOrder", "full_web_order.json"),
        ("web", "full_web_order.json"),
    ],
)
def test_example_orders_are_the_spec_examples(name: str, file: str) -> None:
    order = example_order(name)
    assert order == json.loads((EXAMPLES / file).read_text())
    assert validate_order(order) == []


def test_each_call_returns_a_fresh_copy() -> None:
    first = example_order("mobile")
    first["cartItems"][0]["basicItemData"]["name"] = "changed"
    assert example_order("mobile")["cartItems"][0]["basicItemData"]["name"] != "changed"


@pytest.mark.parametrize(
    ("name", "kind"), [("nosuch", "unknown"), ("order", "ambiguous"), ("", "unknown")]
)
def test_unknown_or_ambiguous_names_list_the_examples(name: str, kind: str) -> None:
    with pytest.raises(KeyError, match=f"{kind} example order .*mobileAppOrder, fullWebOrder"):
        example_order(name)


def test_names_come_with_summaries() -> None:
    names = example_names()
    assert list(names) == ["mobileAppOrder", "fullWebOrder"]
    assert all(summary for summary in names.values())
