"""One problem with an order: where it is (dotted path), what was expected, and how serious."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
"""``"error"``: the order cannot (or must not) be sent, in every validation mode but ``"off"``
(which still refuses what cannot be sent at all). ``"warning"``: the order breaks the spec's
strict view; it is sent anyway unless the validation mode is ``"strict"``."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem at ``path`` (``cartItems[0].basicItemData.price.currency``; ``""`` = the order).

    Attributes:
        path: dotted field path; list indexes in brackets.
        message: what is wrong and what was expected, in words (never holds a full card number).
        code: a stable machine-readable kind: ``required``, ``recommended``, ``unknown_field``,
            ``type``, ``pattern``, ``enum``, ``mobile_web_rule``, ``card_number``, ``not_json``,
            ``order_id``, ``server`` (reported by Forter), or the JSON Schema keyword for anything
            else.
        suggestion: for ``unknown_field`` and ``enum``, the closest allowed value
            (``cartitems`` -> ``cartItems``).
        severity: ``"error"`` (blocks sending) or ``"warning"`` (blocks only in strict mode).
    """

    path: str
    message: str
    code: str = "invalid"
    suggestion: str | None = None
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        """Whether this problem blocks sending in the default mode."""
        return self.severity == "error"

    def __str__(self) -> str:
        return f"{self.path or '(order)'}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        """``{"path", "message", "code", "severity"}`` (plus ``suggestion`` when there is one)."""
        out = {
            "path": self.path,
            "message": self.message,
            "code": self.code,
            "severity": self.severity,
        }
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        return out
