"""Faults: every way Forter (or what stands in front of it) can fail, through the real mock.

Each fault kind is served by the mock over loopback and met by both ``ForterClient`` and
``AsyncForterClient``, once raising and once under ``FallbackPolicy()``. Every case asserts the
exact outcome: the error class, its ``http_status`` and request id, how many requests reached the
mock (its counters), how many attempts the client reports, what it waited between them (a fake
``sleep`` records it, so no case waits for real), and the fail-open reason or that it still
raises. Size (checked by :func:`test_every_fault_scenario_is_covered`): 17 fault kinds + 3
refusals (400/401/404) = 20 rows x 2 clients x raise/fallback = 80 cases, plus 11 retried kinds
x 2 clients = 22 fault-then-recovery cases, plus 60 random faults from a ``forter-orders mock``
process.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncForterClient,
    AuthenticationError,
    BadRequestError,
    FallbackPolicy,
    ForterClient,
    ForterError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RawResponse,
    RetryPolicy,
    UnexpectedResponseError,
    is_fallback,
)
from forter_orders.mock import SCENARIOS
from forter_orders.testing import ForterMockState
from forter_orders_api.models import OrderDecision

ROOT = Path(__file__).resolve().parents[2]
ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "full_web_order.json").read_text())
OID = ORDER["orderId"]
# Backoff without jitter, so the wait the client asks for is exact; the fake sleep never waits.
BACKOFF = 0.05
RETRY = RetryPolicy(
    max_retries=1, backoff_initial=BACKOFF, backoff_max=BACKOFF, jitter=0.0, deadline=None
)
# `slow` outlasts the client's timeout by a wide margin, so a busy machine cannot flip the case.
SLOW = "slow:1000"
SLOW_CLIENT_TIMEOUT = 0.2
CAP = 1_048_576  # the client's default max_response_bytes
CLIENTS = ["sync", "async"]
# The conftest's `figure` fixture (conftest cannot be imported in importlib mode).
Figure = Callable[[str, object], None]


@dataclasses.dataclass(frozen=True)
class Fault:
    """What one fault kind must do to a client with one retry allowed.

    Attributes:
        scenario: the mock scenario.
        error: the exact class raised (after the retries).
        status: its ``http_status`` (``None``: no HTTP answer, a connection error).
        attempts: requests the client makes (2 = retried once).
        reason: the fallback reason under ``FallbackPolicy()`` (``None``: still raises).
        sleeps: the waits between attempts the client asks for.
        check: further checks of the error (its message, body, problems, cause).
    """

    scenario: str
    error: type[ForterError]
    status: int | None
    attempts: int
    reason: str | None
    sleeps: tuple[float, ...] = ()
    check: Callable[[ForterError], None] | None = None

    def __str__(self) -> str:
        return self.scenario


def _status(error: ForterError) -> APIStatusError:
    assert isinstance(error, APIStatusError)
    return error


def _json_error_body(scenario: str) -> Callable[[ForterError], None]:
    def check(error: ForterError) -> None:
        assert _status(error).body == {
            "status": "failed",
            "message": f"mock scenario {scenario}",
            "errors": [],
        }
        assert f"mock scenario {scenario}" in _status(error).message

    return check


def _retry_after(expected: float | None) -> Callable[[ForterError], None]:
    def check(error: ForterError) -> None:
        assert isinstance(error, RateLimitError)
        assert error.retry_after == expected

    return check


def _caused_by(cause: type[Exception], text: str) -> Callable[[ForterError], None]:
    def check(error: ForterError) -> None:
        assert isinstance(error.__cause__, cause)
        assert text in str(error)

    return check


def _not_json(error: ForterError) -> None:
    assert _status(error).body is None
    assert "body that is not JSON" in str(error)
    assert '{"orderId": "truncated"' in str(error)  # a snippet of what arrived


def _bad_schema(error: ForterError) -> None:
    problems = {problem.path: problem.message for problem in _status(error).errors}
    assert set(problems) == {"", "orderId"}
    assert "forterDecision" in problems[""]
    assert "12345" in problems["orderId"]
    assert _status(error).body == {"orderId": 12345, "recommendation": "", "decisionReason": "mock"}


def _html_snippet(error: ForterError) -> None:
    assert _status(error).body is None
    assert "<h1>502 Bad Gateway</h1>" in _status(error).message


def _empty_500(error: ForterError) -> None:
    assert _status(error).body is None
    assert _status(error).message == "Forter returned HTTP 500 Internal Server Error"


def _too_big(read: int) -> Callable[[ForterError], None]:
    def check(error: ForterError) -> None:
        assert _status(error).body is None
        assert f"max_response_bytes ({CAP} bytes)" in str(error)
        # Never more than the cap in memory; with a Content-Length, nothing at all.
        assert len(_status(error).response.content) == read

    return check


_TIMED_OUT = _caused_by(httpx.ReadTimeout, "did not answer within 0.20 s")
_NO_ANSWER = _caused_by(httpx.RemoteProtocolError, "without sending a response")
_CUT_SHORT = _caused_by(httpx.RemoteProtocolError, "without sending complete message body")
B = (BACKOFF,)  # one retry after the client's own backoff
ISE = InternalServerError
UNEXPECTED = UnexpectedResponseError

# `http-*` rows also check the mock's JSON error body (see assert_error).
FAULTS = [
    Fault("http-500", ISE, 500, 2, "server_error", B),
    Fault("http-502", ISE, 502, 2, "server_error", B),
    Fault("http-503", ISE, 503, 2, "server_error", B),
    Fault("http-504", ISE, 504, 2, "server_error", B),
    # Retry-After: 1 is what the client waits, not its own backoff.
    Fault("http-429", RateLimitError, 429, 2, "rate_limited", (1.0,), _retry_after(1.0)),
    Fault("http-429-no-retry-after", RateLimitError, 429, 2, "rate_limited", B, _retry_after(None)),
    Fault(SLOW, APITimeoutError, None, 2, "timeout", B, _TIMED_OUT),
    Fault("reset", APIConnectionError, None, 2, "connection_error", B, _NO_ANSWER),
    Fault("reset-mid-body", APIConnectionError, None, 2, "connection_error", B, _CUT_SHORT),
    # A 2xx that is not a decision is not retried (the same request gets the same answer), but
    # Forter did not decide: fail-open applies.
    Fault("malformed-json", UNEXPECTED, 200, 1, "server_error", (), _not_json),
    Fault("bad-schema-200", UNEXPECTED, 200, 1, "server_error", (), _bad_schema),
    Fault("html-502", ISE, 502, 2, "server_error", B, _html_snippet),
    Fault("empty-body-500", ISE, 500, 2, "server_error", B, _empty_500),
    # Undocumented statuses are never retried; a 4xx one is a client-side bug and never falls
    # back, a 5xx one (Cloudflare's 520) is Forter's side and does.
    Fault("http-418", UNEXPECTED, 418, 1, None),
    Fault("http-520", UNEXPECTED, 520, 1, "server_error"),
    Fault("huge-body", UNEXPECTED, 200, 1, "server_error", (), _too_big(0)),
    Fault("huge-body-chunked", UNEXPECTED, 200, 1, "server_error", (), _too_big(CAP)),
    # Refusals: bugs or configuration errors, never retried, never hidden by fail-open.
    Fault("http-400", BadRequestError, 400, 1, None),
    Fault("http-401", AuthenticationError, 401, 1, None),
    Fault("http-404", NotFoundError, 404, 1, None),
]


@dataclasses.dataclass
class Call:
    """What one ``create`` / ``create_raw`` call gave, and the waits it asked for."""

    result: object
    sleeps: list[float]


def call(
    flavour: str,
    mock: ForterMockState,
    *,
    scenario: str | None = None,
    fallback: FallbackPolicy | None = None,
    raw: bool = False,
    timeout: float = 4.0,
) -> Call:
    """One order through a fresh sync or async client aimed at the mock; errors are returned."""
    sleeps: list[float] = []
    kwargs: dict[str, Any] = {
        "site_id": mock.site_id,
        "secret_key": mock.secret_key,
        "base_url": mock.url,
        "timeout": timeout,
        "retry": RETRY,
        "fallback": fallback,
    }
    # The header pins the scenario on every attempt; without it the queue decides.
    headers = {"x-mock-scenario": scenario} if scenario else None
    result: object
    if flavour == "sync":
        with ForterClient(sleep=sleeps.append, **kwargs) as client:
            try:
                if raw:
                    result = client.orders.with_raw_response.create(ORDER, headers=headers)
                else:
                    result = client.orders.create(ORDER, headers=headers)
            except ForterError as error:
                result = error
        return Call(result, sleeps)

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def run() -> object:
        async with AsyncForterClient(sleep=fake_sleep, **kwargs) as client:
            try:
                if raw:
                    return await client.orders.with_raw_response.create(ORDER, headers=headers)
                return await client.orders.create(ORDER, headers=headers)
            except ForterError as error:
                return error

    return Call(asyncio.run(run()), sleeps)


def settled_stats(mock: ForterMockState, requests: int) -> dict[str, Any]:
    """The mock's counters once ``requests`` order requests were answered.

    A request the client gave up on (``slow``) is counted when the mock answers it, after the
    call returned; waiting for it also keeps it out of the next test's counts.
    """
    deadline = time.monotonic() + 5  # slow answers come after 1 s; more only on failure
    while (stats := mock.stats)["requests"] < requests and time.monotonic() < deadline:
        time.sleep(0.01)  # polling the mock's state, not waiting for a fixed time
    return stats


def assert_error(fault: Fault, error: object, mock: ForterMockState) -> None:
    """``error`` is exactly what ``fault`` promises."""
    assert type(error) is fault.error, repr(error)
    assert isinstance(error, ForterError)
    if fault.status is None:
        assert not isinstance(error, APIStatusError)
    else:
        assert isinstance(error, APIStatusError)
        assert error.http_status == fault.status
        # The request id of the last answer, for a support ticket.
        assert error.request_id == mock.received[-1]["requestId"]
        assert f"(request id: {error.request_id})" in str(error)
    if fault.scenario.startswith("http-"):
        _json_error_body(fault.scenario)(error)
    if fault.check is not None:
        fault.check(error)
    assert mock.secret_key not in f"{error!s} {error!r}"


@pytest.mark.parametrize("fault", FAULTS, ids=str)
@pytest.mark.parametrize("flavour", CLIENTS)
def test_fault_raises(flavour: str, fault: Fault, forter_mock_state: ForterMockState) -> None:
    """Without fail-open, the fault surfaces as its typed error after the promised attempts."""
    timeout = SLOW_CLIENT_TIMEOUT if fault.scenario == SLOW else 4.0
    outcome = call(flavour, forter_mock_state, scenario=fault.scenario, timeout=timeout)
    stats = settled_stats(forter_mock_state, fault.attempts)
    assert stats["requests"] == fault.attempts
    assert stats["byScenario"] == {fault.scenario: fault.attempts}
    assert outcome.sleeps == list(fault.sleeps)
    assert_error(fault, outcome.result, forter_mock_state)


@pytest.mark.parametrize("fault", FAULTS, ids=str)
@pytest.mark.parametrize("flavour", CLIENTS)
def test_fault_with_fallback(
    flavour: str, fault: Fault, forter_mock_state: ForterMockState
) -> None:
    """With ``FallbackPolicy()``, the fault fails open with its reason, or still raises."""
    timeout = SLOW_CLIENT_TIMEOUT if fault.scenario == SLOW else 4.0
    outcome = call(
        flavour,
        forter_mock_state,
        scenario=fault.scenario,
        fallback=FallbackPolicy(),
        timeout=timeout,
    )
    stats = settled_stats(forter_mock_state, fault.attempts)
    assert stats["requests"] == fault.attempts
    assert outcome.sleeps == list(fault.sleeps)
    decision = outcome.result
    if fault.reason is None:
        assert_error(fault, decision, forter_mock_state)
        return
    assert isinstance(decision, OrderDecision), repr(decision)
    assert is_fallback(decision)
    assert decision.reason == fault.reason
    assert decision.attempts == fault.attempts
    assert decision.forter_decision == "APPROVE"
    assert decision.order_id == OID
    assert_error(fault, decision.error, forter_mock_state)


# Faults that are retried, each followed by a healthy answer.
RECOVERABLE = [fault for fault in FAULTS if fault.attempts == 2]


@pytest.mark.parametrize("fault", RECOVERABLE, ids=str)
@pytest.mark.parametrize("flavour", CLIENTS)
def test_fault_then_recovery(
    flavour: str, fault: Fault, forter_mock_state: ForterMockState
) -> None:
    """One fault, then Forter answers: the decision arrives on the second attempt."""
    forter_mock_state.queue(fault.scenario, "decline")
    timeout = SLOW_CLIENT_TIMEOUT if fault.scenario == SLOW else 4.0
    outcome = call(flavour, forter_mock_state, raw=True, timeout=timeout)
    raw = outcome.result
    assert isinstance(raw, RawResponse), repr(raw)
    assert raw.attempts == 2
    assert raw.parsed.forter_decision == "DECLINE"
    assert raw.status_code == 200
    assert outcome.sleeps == list(fault.sleeps)
    stats = settled_stats(forter_mock_state, 2)
    assert stats["requests"] == 2
    assert stats["byScenario"] == {fault.scenario: 1, "decline": 1}
    # The decision's request id is the healthy answer's (the slow one is recorded later).
    decline = [r for r in forter_mock_state.received if r["scenario"] == "decline"]
    assert raw.request_id == decline[0]["requestId"]


def test_random_new_faults_from_the_cli_mock(start_mock: Any, scale: float, figure: Figure) -> None:
    """``forter-orders mock --fault-kinds`` draws the newer faults; ``/_mock/stats`` counts each,
    and every answer is the one its scenario promises."""
    kinds = [
        "http-418",
        "http-429-no-retry-after",
        "http-520",
        "bad-schema-200",
        "huge-body",
        "huge-body-chunked",
        "reset-mid-body",
    ]
    mock = start_mock("--fault-rate", "1", "--fault-kinds", ",".join(kinds), "--seed", "11")
    count = max(60, int(60 * scale))
    headers = {"api-version": "10.1", "x-forter-siteid": mock.site_id}
    seen: dict[str, int] = {}
    with httpx.Client(base_url=mock.url, auth=(mock.secret_key, ""), headers=headers) as client:
        for index in range(count):
            try:
                response = client.post(f"/v3/orders/o-{index}", json={"orderId": f"o-{index}"})
            except httpx.RemoteProtocolError:
                key = "reset"
            else:
                key = str(response.status_code)
                if key == "200" and len(response.content) > CAP:
                    key = "200-huge"
            seen[key] = seen.get(key, 0) + 1
    stats = mock.stats()
    by_scenario: dict[str, int] = stats["byScenario"]
    assert stats["requests"] == count
    assert set(by_scenario) == set(kinds)  # the seed draws every kind at this size
    assert sum(by_scenario.values()) == count
    huge = by_scenario["huge-body"] + by_scenario["huge-body-chunked"]
    assert seen == {
        "418": by_scenario["http-418"],
        "429": by_scenario["http-429-no-retry-after"],
        "520": by_scenario["http-520"],
        "200": by_scenario["bad-schema-200"],
        "200-huge": huge,
        "reset": by_scenario["reset-mid-body"],
    }
    assert stats["byStatus"] == {
        "418": seen["418"],
        "429": seen["429"],
        "520": seen["520"],
        "200": seen["200"] + huge,
        "reset": seen["reset"],
    }
    figure("faults_cli_mock_requests", count)


def test_every_fault_scenario_is_covered(figure: Figure) -> None:
    """Each fault the mock can produce has a row here: a new scenario fails until it has one."""
    decisions = {"approve", "decline", "not-reviewed", "unknown-decision"}
    faults = {name for name in SCENARIOS if name not in decisions} - {"slow:<ms>"} | {SLOW}
    assert {fault.scenario for fault in FAULTS} == faults
    cases = len(FAULTS) * len(CLIENTS) * 2  # raise / fallback
    assert (cases, len(RECOVERABLE)) == (80, 11)  # the module docstring states these
    figure("fault_kinds", len(FAULTS))
    figure("fault_cases", cases)
    figure("fault_recovery_cases", len(RECOVERABLE) * len(CLIENTS))
