"""Scenario names the mock understands, and their parsing.

Kept free of Starlette/uvicorn imports so that config validation and the pytest plugin
can use it cheaply.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

# Upper bound for `slow:<ms>`: long enough for any client timeout test, short enough that a
# typo (slow:600000000) cannot wedge a test run.
MAX_SLOW_MS: Final = 120_000

SCENARIOS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "approve": "200, forterDecision APPROVE (after the normal auth and schema checks).",
        "decline": "200, forterDecision DECLINE (after the normal auth and schema checks).",
        "not-reviewed": "200, forterDecision NOT_REVIEWED (after the normal auth and schema "
        "checks).",
        "unknown-decision": "200, forterDecision VERIFICATION_REQUIRED, a value outside the known "
        "set, to prove clients do not choke (after the normal checks).",
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
)
"""Every scenario name, mapped to what the mock does. ``slow:<ms>`` takes a number."""

# Scenarios that model Forter's answer to a good request: they run after the auth and schema
# checks and only change the decision. Every other scenario (except slow) answers at once,
# like an outage or a proxy would, whatever the request holds.
DECISION_SCENARIOS: Final = {
    "approve": "APPROVE",
    "decline": "DECLINE",
    "not-reviewed": "NOT_REVIEWED",
    "unknown-decision": "VERIFICATION_REQUIRED",
}

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
    """A scenario name that is not in :data:`SCENARIOS`."""


def parse_scenario(text: str) -> Scenario:
    """Parse a scenario name (surrounding blanks and case ignored).

    Raises:
        UnknownScenarioError: the name is not in :data:`SCENARIOS`, or ``slow:<ms>`` has no
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
    if name == "slow:<ms>" or name not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise UnknownScenarioError(f"unknown mock scenario {text!r}; known: {known}")
    return Scenario(name)
