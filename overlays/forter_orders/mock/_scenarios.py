"""Scenario names the mock understands, and their parsing.

Kept free of Starlette/uvicorn imports so that config validation and the pytest plugin
can use it cheaply.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from .._spec import SpecShapeError, known_values

# Upper bound for `slow:<ms>`: long enough for any client timeout test, short enough that a
# typo (slow:600000000) cannot wedge a test run.
MAX_SLOW_MS: Final = 120_000

# The decision scenarios come from the spec: one per known forterDecision value (NOT_REVIEWED ->
# "not-reviewed"), plus "unknown-decision", whose value is computed to
# lie outside the known set (see unknown_decision). A value added to the spec's
# x-forter-known-values is a scenario with no edit here.
DECISION_SCHEMA: Final = "OrderDecision"
DECISION_MEMBER: Final = "forterDecision"
UNKNOWN_DECISION_SCENARIO: Final = "unknown-decision"
# The first of these the spec does not know is the unknown-decision scenario's value.
# VERIFICATION_REQUIRED is what Forter's accounts APIs return, the likeliest value to appear in
# orders one day; when the spec learns it, the next candidate takes over.
_UNKNOWN_CANDIDATES: Final = ("VERIFICATION_REQUIRED", "MOCK_UNKNOWN_DECISION")

_FAULT_SCENARIOS: Final = {
    "slow:<ms>": "Wait <ms> milliseconds (0..120000), then answer normally.",
    "http-400": "400 with the JSON error body, before any check.",
    "http-401": "401 with the JSON error body, before any check.",
    "http-404": "404 with the JSON error body, before any check.",
    "http-429": "429 with the JSON error body and `Retry-After: 1`, before any check.",
    "http-429-no-retry-after": "429 with the JSON error body and no Retry-After header "
    "(the client falls back to its own backoff), before any check.",
    "http-418": "418 with the JSON error body: a status the API does not document.",
    "http-500": "500 with the JSON error body, before any check.",
    "http-502": "502 with the JSON error body, before any check.",
    "http-503": "503 with the JSON error body, before any check.",
    "http-504": "504 with the JSON error body, before any check.",
    "http-520": "520 with the JSON error body: undocumented, what Cloudflare sends for an "
    "unknown origin error.",
    "empty-body-500": "500 with an empty body and no Content-Type.",
    "html-502": "502 with a text/html body (what a proxy in front of Forter sends).",
    "malformed-json": "200 with Content-Type application/json and a truncated, non-JSON body.",
    "bad-schema-200": "200 application/json that is valid JSON but not an OrderDecision "
    "(forterDecision missing, orderId a number).",
    "huge-body": "200 application/json: a valid decision padded to over 8 MiB (a long "
    "decisionReason), sent with Content-Length.",
    "huge-body-chunked": "The huge-body decision sent without Content-Length, in 64 KiB "
    "chunks (chunked transfer encoding): the size is unknown in advance.",
    "reset": "Drop the TCP connection without sending any response (client sees a "
    "connection error).",
    "reset-mid-body": "Send the 200 status line, headers (Content-Length of the full "
    "decision) and part of the body, then drop the TCP connection.",
}


def scenario_name(decision: str) -> str:
    """The scenario that answers ``decision``: ``NOT_REVIEWED`` -> ``not-reviewed``."""
    return decision.strip().lower().replace("_", "-")


def known_decisions() -> tuple[str, ...]:
    """The ``forterDecision`` values the spec knows (``x-forter-known-values``)."""
    return known_values(DECISION_SCHEMA, DECISION_MEMBER)


def unknown_decision(known: tuple[str, ...] | None = None) -> str:
    """A ``forterDecision`` value the spec does not know: the first of the candidates outside
    the known set, else the last candidate with a number appended."""
    known = known_decisions() if known is None else known
    for candidate in _UNKNOWN_CANDIDATES:
        if candidate not in known:
            return candidate
    number = 2
    while f"{_UNKNOWN_CANDIDATES[-1]}_{number}" in known:
        number += 1
    return f"{_UNKNOWN_CANDIDATES[-1]}_{number}"


@functools.cache
def decision_scenarios() -> Mapping[str, str]:
    """Each decision scenario mapped to the ``forterDecision`` it answers with."""
    out = {scenario_name(value): value for value in known_decisions()}
    clash = sorted((set(out) | {UNKNOWN_DECISION_SCENARIO}) & set(_FAULT_SCENARIOS))
    if clash or UNKNOWN_DECISION_SCENARIO in out or len(out) != len(known_decisions()):
        raise SpecShapeError(
            f"openapi.yaml: the {DECISION_SCHEMA}.{DECISION_MEMBER} known values "
            f"{', '.join(known_decisions())} give mock scenario names that clash with each "
            f"other or with {', '.join(clash) or UNKNOWN_DECISION_SCENARIO}; rename the "
            "scenario in forter_orders/mock/_scenarios.py"
        )
    out[UNKNOWN_DECISION_SCENARIO] = unknown_decision()
    return MappingProxyType(out)


@functools.cache
def scenarios() -> Mapping[str, str]:
    """Every scenario name, mapped to what the mock does (``slow:<ms>`` takes a number)."""
    table: dict[str, str] = {}
    for name, value in decision_scenarios().items():
        if name == UNKNOWN_DECISION_SCENARIO:
            table[name] = (
                f"200, forterDecision {value}, a value outside the known set (computed from the "
                "spec, so it stays unknown), to prove clients do not choke (after the normal "
                "checks)."
            )
        else:
            table[name] = f"200, forterDecision {value} (after the normal auth and schema checks)."
    return MappingProxyType({**table, **_FAULT_SCENARIOS})


if TYPE_CHECKING:
    SCENARIOS: Mapping[str, str]
    """Every scenario name, mapped to what the mock does. ``slow:<ms>`` takes a number."""
    DECISION_SCENARIOS: Mapping[str, str]
    """Scenarios that model Forter's answer to a good request: they run after the auth and
    schema checks and only change the decision."""


def __getattr__(name: str) -> Mapping[str, str]:
    # Read from the spec on first use, not at import: the pytest plugin imports this module.
    if name == "SCENARIOS":
        return scenarios()
    if name == "DECISION_SCENARIOS":
        return decision_scenarios()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ERROR_STATUS: Final = {
    "http-400": 400,
    "http-401": 401,
    "http-404": 404,
    "http-418": 418,
    "http-429": 429,
    "http-429-no-retry-after": 429,
    "http-500": 500,
    "http-502": 502,
    "http-503": 503,
    "http-504": 504,
    "http-520": 520,
}


@dataclasses.dataclass(frozen=True, slots=True)
class Scenario:
    """One parsed scenario: ``kind`` is the table name (``slow`` for ``slow:<ms>``)."""

    kind: str
    delay_ms: int = 0

    @property
    def name(self) -> str:
        """The canonical spelling, e.g. ``http-503`` or ``slow:250``."""
        return f"slow:{self.delay_ms}" if self.kind == "slow" else self.kind


class UnknownScenarioError(ValueError):
    """A scenario name that is not in :func:`scenarios`."""


def parse_scenario(text: str) -> Scenario:
    """Parse a scenario name (surrounding blanks and case ignored).

    Raises:
        UnknownScenarioError: the name is not in :func:`scenarios`, or ``slow:<ms>`` has no
            valid number.
    """
    name = text.strip().lower()
    if name.startswith("slow:"):
        raw = name.removeprefix("slow:")
        if not raw.isdigit() or int(raw) > MAX_SLOW_MS:
            raise UnknownScenarioError(
                f"slow scenario needs whole milliseconds 0..{MAX_SLOW_MS}: {text!r}"
            )
        return Scenario("slow", int(raw))
    if name == "slow:<ms>" or name not in scenarios():
        known = ", ".join(sorted(scenarios()))
        raise UnknownScenarioError(f"unknown mock scenario {text!r}; known: {known}")
    return Scenario(name)
