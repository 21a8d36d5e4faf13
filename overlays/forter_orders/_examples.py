"""Example orders from the packaged spec: the same orders the docs and the tests use.

The spec embeds its request examples (``mobileAppOrder``: Forter's mobile-app sample exactly
as published; ``fullWebOrder``: a web order with every documented field but the app-only
ones, which the mobile sample has - ``tests/test_one_source.py`` fails when a member the spec
documents is in neither), so a merchant who
installed the package from PyPI has them without a repository checkout::

    from forter_orders import example_order

    order = example_order("mobile")  # a fresh dict each call, safe to change
"""

from __future__ import annotations

import copy
from typing import Any

from ._spec import load_spec

_OPERATION = ("paths", "/v3/orders/{orderId}", "post")


def _examples() -> dict[str, dict[str, Any]]:
    node: Any = load_spec()
    for key in _OPERATION:
        node = node[key]
    examples: dict[str, dict[str, Any]] = node["requestBody"]["content"]["application/json"][
        "examples"
    ]
    return examples


def example_names() -> dict[str, str]:
    """The example orders' names with their one-line summaries, in the spec's order."""
    return {name: str(example.get("summary", "")) for name, example in _examples().items()}


def example_order(name: str) -> dict[str, Any]:
    """A copy of the spec's example order ``name`` (wire format, ready to send).

    ``name`` is the spec's name (``mobileAppOrder``, ``fullWebOrder``) or any part of it that
    matches only one, ignoring case (``"mobile"``, ``"web"``). An unknown or ambiguous name
    raises ``KeyError`` listing the names.
    """
    examples = _examples()
    if name in examples:
        return copy.deepcopy(examples[name]["value"])
    wanted = name.strip().lower()
    matches = [key for key in examples if wanted and wanted in key.lower()]
    if len(matches) != 1:
        known = ", ".join(examples)
        kind = "ambiguous" if matches else "unknown"
        raise KeyError(f"{kind} example order {name!r}; the spec has: {known}")
    return copy.deepcopy(examples[matches[0]]["value"])
