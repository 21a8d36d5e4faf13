"""The decision ``orders.create`` returns: Forter's ``OrderDecision`` plus the order's warnings."""

from __future__ import annotations

from attrs import define, field

from forter_orders_api.models import OrderDecision
from forter_orders_api.types import repr_set_members

from ._problem import Problem


@define(repr=False)  # keep OrderDecision's repr: only the members that are set
class Decision(OrderDecision):
    """Forter's decision on an order, as the client returns it.

    It *is* the generated ``OrderDecision`` (``forter_decision``, ``recommendation``, unknown
    response members in ``additional_properties``), with one more attribute:

    Attributes:
        warnings: what validation found in the order that was sent (severity ``"warning"``:
            unknown members, types, patterns, recommended members, the web/mobile rule). Empty
            when the order matched the spec's strict view, or when validation was off.
            Count or alert on it; strict mode turns the same list into an
            :class:`~forter_orders.OrderValidationError` before anything is sent.
    """

    warnings: tuple[Problem, ...] = field(default=(), kw_only=True, repr=False)

    def __repr__(self) -> str:
        # OrderDecision's repr (the members that are set), and the warnings when there are any.
        text = repr_set_members(self)
        if self.warnings:
            text = f"{text[:-1]}, warnings={self.warnings!r})"
        return text
