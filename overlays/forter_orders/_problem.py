"""One problem with an order: where it is (dotted path) and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem at ``path`` (``cartItems[0].basicItemData.price.currency``; ``""`` = the order).

    Attributes:
        path: dotted field path; list indexes in brackets.
        message: what is wrong and what was expected, in words (never holds a full card number).
        code: a stable machine-readable kind: ``required``, ``unknown_field``, ``type``,
            ``pattern``, ``enum``, ``mobile_web_rule``, ``card_number``, ``not_json``, ``server``
            (reported by Forter), or the JSON Schema keyword for anything else.
        suggestion: for ``unknown_field`` and ``enum``, the closest allowed value
            (``cartitems`` -> ``cartItems``).
    """

    path: str
    message: str
    code: str = "invalid"
    suggestion: str | None = None

    def __str__(self) -> str:
        return f"{self.path or '(order)'}: {self.message}"
