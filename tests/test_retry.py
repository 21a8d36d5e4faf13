"""Retries: which failures are retried, backoff bounds, Retry-After, the total deadline.

A fake clock and a fake sleep stand in for time: no test waits for real.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ForterClient,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    UnexpectedResponseError,
)
from forter_orders._retry import attempt_timeout, parse_retry_after

ORDER: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "mobile_app_order.json").read_text()
)
DECISION = {"forterDecision": "APPROVE"}


class FakeTime:
    """A monotonic clock that only moves when something sleeps or a request takes time."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Server:
    """MockTransport handler: answers in order (last repeats); each request costs `latency`."""

    def __init__(
        self, time: FakeTime, *answers: httpx.Response | Exception, latency: float = 0.0
    ) -> None:
        self.time = time
        self.answers = list(answers)
        self.latency = latency
        self.requests: list[httpx.Request] = []
        self.timeouts: list[dict[str, float]] = []
        self.sent_at: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.timeouts.append(request.extensions["timeout"])
        self.sent_at.append(self.time.now)
        self.time.now += self.latency
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer


def client_for(server: Server, **kwargs: Any) -> ForterClient:
    return ForterClient(
        "site",
        "key",
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        clock=server.time.clock,
        sleep=server.time.sleep,
        **kwargs,
    )


def ok() -> httpx.Response:
    return httpx.Response(200, json=DECISION)


def status(code: int, **headers: str) -> httpx.Response:
    return httpx.Response(code, json={"message": f"status {code}"}, headers=headers)


# ---------------------------------------------------------------- the policy itself


def test_backoff_is_exponential_capped_and_jittered_within_bounds() -> None:
    policy = RetryPolicy(backoff_initial=0.2, backoff_max=1.0, jitter=0.25)
    assert [policy.backoff(n, lambda: 0.0) for n in (1, 2, 3, 4, 5)] == [0.2, 0.4, 0.8, 1.0, 1.0]
    assert policy.backoff(2, lambda: 1.0) == pytest.approx(0.4 * 0.75)
    no_jitter = RetryPolicy(jitter=0.0)
    assert no_jitter.backoff(1, lambda: 1.0) == 0.2


def test_policy_validation_and_defaults() -> None:
    policy = RetryPolicy()
    assert (policy.max_retries, policy.deadline, policy.backoff_initial) == (1, 8.0, 0.2)
    assert policy.retry_on_status == frozenset({429, 500, 502, 503, 504})
    assert RetryPolicy(retry_on_status={520}).retry_on_status == frozenset({520})  # type: ignore[arg-type]
    for bad in ({"jitter": 2.0}, {"deadline": 0}, {"backoff_initial": -1}):
        with pytest.raises(ValueError, match=r"jitter|deadline|backoff"):
            RetryPolicy(**bad)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "0.5"}, 0.5),
        ({"Retry-After": "-4"}, 0.0),
        ({"Retry-After": "soon"}, None),
        ({}, None),
        (
            {
                "Retry-After": "Wed, 21 Oct 2026 07:28:05 GMT",
                "Date": "Wed, 21 Oct 2026 07:28:00 GMT",
            },
            5.0,
        ),
        (
            {
                "Retry-After": "Wed, 21 Oct 2026 07:27:00 GMT",
                "Date": "Wed, 21 Oct 2026 07:28:00 GMT",
            },
            0.0,
        ),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(httpx.Response(429, headers=headers)) == expected


def test_attempt_timeout_is_capped_by_the_time_left() -> None:
    four = httpx.Timeout(4.0)
    assert attempt_timeout(four, None) is four
    assert attempt_timeout(four, 10.0) is four
    capped = attempt_timeout(four, 1.5)
    assert (capped.connect, capped.read, capped.write, capped.pool) == (1.5, 1.5, 1.5, 1.5)


# ---------------------------------------------------------------- what is retried


@pytest.mark.parametrize("code", [500, 502, 503, 504])
def test_server_errors_are_retried_once_by_default(code: int) -> None:
    time = FakeTime()
    server = Server(time, status(code), ok())
    decision = client_for(server).orders.create(ORDER)
    assert decision.forter_decision == "APPROVE"
    assert len(server.requests) == 2
    (wait,) = time.sleeps
    assert 0.2 * (1 - 0.2) <= wait <= 0.2  # backoff_initial minus at most 20 % jitter


def test_retries_stop_after_max_retries_with_exponential_backoff() -> None:
    time = FakeTime()
    server = Server(time, status(503))
    client = client_for(server, retry=RetryPolicy(max_retries=3, jitter=0.0, deadline=None))
    with pytest.raises(InternalServerError) as info:
        client.orders.create(ORDER)
    assert info.value.http_status == 503
    assert len(server.requests) == 4
    assert time.sleeps == [0.2, 0.4, 0.8]


def test_max_retries_zero_means_one_attempt() -> None:
    time = FakeTime()
    server = Server(time, status(503))
    with pytest.raises(InternalServerError):
        client_for(server, max_retries=0).orders.create(ORDER)
    assert len(server.requests) == 1
    assert time.sleeps == []


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (418, UnexpectedResponseError),
    ],
)
def test_client_errors_are_never_retried(code: int, error: type[Exception]) -> None:
    time = FakeTime()
    server = Server(time, status(code), ok())
    with pytest.raises(error):
        client_for(server, max_retries=5).orders.create(ORDER)
    assert len(server.requests) == 1
    assert time.sleeps == []


def test_connection_errors_are_retried_then_raised() -> None:
    time = FakeTime()
    server = Server(time, httpx.ConnectError("connection refused"))
    with pytest.raises(APIConnectionError) as info:
        client_for(server).orders.create(ORDER)
    assert not isinstance(info.value, APITimeoutError)
    assert "connection refused" in str(info.value)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert len(server.requests) == 2


def test_connection_error_then_success() -> None:
    time = FakeTime()
    server = Server(time, httpx.RemoteProtocolError("peer closed"), ok())
    assert client_for(server).orders.create(ORDER).forter_decision == "APPROVE"
    assert len(server.requests) == 2


def test_timeouts_are_retried_and_raise_api_timeout_error() -> None:
    time = FakeTime()
    server = Server(time, httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError) as info:
        client_for(server).orders.create(ORDER)
    assert isinstance(info.value, APIConnectionError)
    assert "4.00 s" in str(info.value)
    assert len(server.requests) == 2


def test_connection_errors_not_retried_when_disabled() -> None:
    time = FakeTime()
    server = Server(time, httpx.ConnectError("refused"), ok())
    client = client_for(server, retry=RetryPolicy(retry_on_connection_errors=False))
    with pytest.raises(APIConnectionError):
        client.orders.create(ORDER)
    assert len(server.requests) == 1


def test_custom_retry_statuses() -> None:
    time = FakeTime()
    server = Server(time, status(520), ok())
    policy = RetryPolicy(retry_on_status=frozenset({520}))
    assert client_for(server, retry=policy).orders.create(ORDER).forter_decision == "APPROVE"
    assert len(server.requests) == 2
    server_503 = Server(FakeTime(), status(503), ok())
    with pytest.raises(InternalServerError):
        client_for(server_503, retry=policy).orders.create(ORDER)


def test_per_call_overrides() -> None:
    time = FakeTime()
    server = Server(time, status(503))
    client = client_for(server)
    with pytest.raises(InternalServerError):
        client.orders.create(ORDER, max_retries=2)
    assert len(server.requests) == 3
    with pytest.raises(InternalServerError):
        client.orders.create(ORDER, retry=RetryPolicy(max_retries=0))
    assert len(server.requests) == 4


# ---------------------------------------------------------------- Retry-After


def test_429_honours_retry_after_seconds() -> None:
    time = FakeTime()
    server = Server(time, status(429, **{"Retry-After": "2"}), ok())
    assert client_for(server).orders.create(ORDER).forter_decision == "APPROVE"
    assert time.sleeps == [2.0]


def test_429_honours_retry_after_http_date() -> None:
    time = FakeTime()
    limited = status(
        429,
        **{"Retry-After": "Wed, 21 Oct 2026 07:28:03 GMT", "Date": "Wed, 21 Oct 2026 07:28:00 GMT"},
    )
    server = Server(time, limited, ok())
    client_for(server).orders.create(ORDER)
    assert time.sleeps == [3.0]


def test_503_retry_after_is_honoured_too() -> None:
    time = FakeTime()
    server = Server(time, status(503, **{"Retry-After": "1"}), ok())
    client_for(server).orders.create(ORDER)
    assert time.sleeps == [1.0]


def test_retry_after_beyond_the_deadline_stops_at_once() -> None:
    time = FakeTime()
    server = Server(time, status(429, **{"Retry-After": "30"}), ok())
    with pytest.raises(RateLimitError) as info:
        client_for(server).orders.create(ORDER)
    assert info.value.retry_after == 30.0
    assert len(server.requests) == 1
    assert time.sleeps == []  # never waits past the 8 s deadline


def test_retry_after_longer_than_max_retry_after_stops() -> None:
    time = FakeTime()
    server = Server(time, status(429, **{"Retry-After": "120"}), ok())
    policy = RetryPolicy(deadline=None, max_retry_after=60)
    with pytest.raises(RateLimitError):
        client_for(server, retry=policy).orders.create(ORDER)
    assert time.sleeps == []


# ---------------------------------------------------------------- the deadline


def test_deadline_bounds_all_attempts_together() -> None:
    time = FakeTime()
    start = time.now
    server = Server(time, httpx.ReadTimeout("slow"), latency=3.0)
    policy = RetryPolicy(max_retries=10, jitter=0.0, deadline=8.0)
    with pytest.raises(APITimeoutError):
        client_for(server, retry=policy).orders.create(ORDER)
    # t=0 attempt (3 s), wait 0.2, t=3.2 attempt (3 s), wait 0.4, t=6.6 attempt with 1.4 s left
    assert server.sent_at == [start, start + 3.2, pytest.approx(start + 6.6)]
    assert time.sleeps == [0.2, 0.4]
    third = server.timeouts[2]
    assert third["read"] == pytest.approx(1.4)
    assert third["connect"] == pytest.approx(1.4)
    assert server.timeouts[0]["read"] == 4.0  # the per-attempt timeout when time is plentiful
    assert time.now - start <= 8.0 + 3.0  # the last attempt was bounded by its 1.4 s timeout


def test_no_wait_that_ends_past_the_deadline() -> None:
    time = FakeTime()
    server = Server(time, status(503), latency=7.9)
    with pytest.raises(InternalServerError):
        client_for(server, max_retries=3).orders.create(ORDER)
    assert len(server.requests) == 1  # 0.1 s left: a 0.2 s backoff would overrun
    assert time.sleeps == []


def test_no_deadline_means_only_max_retries_bounds() -> None:
    time = FakeTime()
    server = Server(time, status(503), latency=100.0)
    policy = RetryPolicy(max_retries=2, deadline=None)
    with pytest.raises(InternalServerError):
        client_for(server, retry=policy).orders.create(ORDER)
    assert len(server.requests) == 3
    assert server.timeouts[2]["read"] == 4.0
