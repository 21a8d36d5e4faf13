"""The orders every section uses: the full example, a small one, and a broken copy."""

from __future__ import annotations

import copy
import json
from typing import Any

from bench._util import FULL_EXAMPLE, MOBILE_EXAMPLE


def full_order() -> dict[str, Any]:
    order: dict[str, Any] = json.loads(FULL_EXAMPLE.read_text())
    return order


def small_order() -> dict[str, Any]:
    order: dict[str, Any] = json.loads(MOBILE_EXAMPLE.read_text())
    return order


def invalid_order() -> dict[str, Any]:
    """The full example with four independent mistakes (pattern, type, unknown key, required)."""
    bad = copy.deepcopy(full_order())
    bad["totalAmount"]["currency"] = "usd"
    bad["checkoutTime"] = 1.5
    bad["cartItems"][0]["basicItemData"]["nmae"] = "typo"
    del bad["connectionInformation"]["customerIP"]
    return bad
