"""Fail-open: an opt-in local decision when Forter cannot answer in time.

Forter's guidance is to retry once and then let the order proceed (and resend it later). With a
:class:`FallbackPolicy` the client returns a :class:`FallbackDecision` instead of raising when the
deadline passes, Forter is unreachable, or it keeps answering 5xx / 429 after the retries. A
``FallbackDecision`` *is* an ``OrderDecision`` (a :class:`Decision`, with the order's
``warnings``), so code that reads ``forter_decision`` keeps working, but it is
distinguishable: ``is_fallback(decision)``, ``decision.reason`` and ``decision.error`` tell the
truth about what happened, so the order can be resent later.

Bad requests (400), authentication (401), not found (404) and local validation errors never fall
back: they are bugs or configuration errors, and hiding them would approve every order silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeGuard

from attrs import define, field

from forter_orders_api.models import OrderDecision
from forter_orders_api.models.order_decision_forter_decision import (
    OrderDecisionForterDecision,
    check_order_decision_forter_decision,
)

from ._decision import Decision
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ForterError,
    RateLimitError,
    UnexpectedResponseError,
)

FallbackReason = Literal["timeout", "connection_error", "server_error", "rate_limited"]


@dataclass(frozen=True, slots=True)
class FallbackPolicy:
    """Which failures turn into a local ``decision`` instead of an exception.

    Attributes:
        decision: the ``forterDecision`` to return (``"APPROVE"``: fail open, as Forter advises;
            a type checker catches a misspelt value; a plain ``str`` from configuration is
            accepted at run time and parsed like Forter's answers).
        on_timeout: after a timeout or the deadline running out.
        on_connection_error: when Forter cannot be reached (refused, reset, DNS).
        on_server_error: after 5xx answers (including undocumented ones such as 520) or a 2xx
            body that is not a decision.
        on_rate_limited: after 429 answers.
    """

    decision: OrderDecisionForterDecision = "APPROVE"
    on_timeout: bool = True
    on_connection_error: bool = True
    on_server_error: bool = True
    on_rate_limited: bool = True

    def __post_init__(self) -> None:
        # A str read from configuration ("VERIFICATION_REQUIRED") becomes what a decision from
        # Forter would hold: the known value itself, or UnknownValue.
        object.__setattr__(self, "decision", check_order_decision_forter_decision(self.decision))

    def reason_for(self, error: ForterError) -> FallbackReason | None:
        """The fallback reason for ``error``, or ``None`` when it must be raised."""
        if isinstance(error, APITimeoutError):
            return "timeout" if self.on_timeout else None
        if isinstance(error, APIConnectionError):
            return "connection_error" if self.on_connection_error else None
        if isinstance(error, RateLimitError):
            return "rate_limited" if self.on_rate_limited else None
        if isinstance(error, APIStatusError):
            server_side = error.http_status >= 500 or (
                isinstance(error, UnexpectedResponseError) and 200 <= error.http_status < 300
            )
            return "server_error" if server_side and self.on_server_error else None
        return None


@define(repr=False)  # keep OrderDecision's repr: only the members that are set
class FallbackDecision(Decision):
    """A decision made locally because Forter could not answer (see :class:`FallbackPolicy`).

    Attributes:
        reason: ``"timeout"``, ``"connection_error"``, ``"server_error"`` or ``"rate_limited"``.
        error: the failure that triggered the fallback (after the retries).
        attempts: how many requests were made.
    """

    reason: FallbackReason = field(kw_only=True)
    error: ForterError = field(kw_only=True)
    attempts: int = field(kw_only=True, default=0)


def is_fallback(decision: OrderDecision) -> TypeGuard[FallbackDecision]:
    """True when ``decision`` was made locally by the fail-open policy, not by Forter."""
    return isinstance(decision, FallbackDecision)
