"""Fail-open: which failures turn into a FallbackDecision, and which never do."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    FallbackDecision,
    FallbackPolicy,
    ForterClient,
    InternalServerError,
    NotFoundError,
    OrderDecision,
    OrderValidationError,
    UnexpectedResponseError,
    is_fallback,
)

ORDER: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "full_web_order.json").read_text()
)


def client_answering(
    *answers: httpx.Response | Exception, fallback: FallbackPolicy | None = None, **kw: Any
) -> tuple[ForterClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = answers[min(len(seen), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    client = ForterClient(
        "site",
        "key",
        fallback=fallback,
        sleep=lambda _s: None,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **kw,
    )
    return client, seen


@pytest.mark.parametrize(
    ("answer", "reason", "error_type"),
    [
        (httpx.ReadTimeout("slow"), "timeout", APITimeoutError),
        (httpx.ConnectTimeout("slow"), "timeout", APITimeoutError),
        (httpx.ConnectError("refused"), "connection_error", None),
        (httpx.Response(503, json={}), "server_error", InternalServerError),
        (httpx.Response(520, text="cf"), "server_error", UnexpectedResponseError),
        (httpx.Response(200, text="<html>"), "server_error", UnexpectedResponseError),
        (httpx.Response(429, json={}), "rate_limited", None),
    ],
)
def test_each_trigger_falls_back_after_the_retries(
    answer: httpx.Response | Exception,
    reason: str,
    error_type: type[Exception] | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client, seen = client_answering(answer, fallback=FallbackPolicy())
    with caplog.at_level(logging.WARNING, logger="forter_orders"):
        decision = client.orders.create(ORDER)
    assert isinstance(decision, OrderDecision)
    assert is_fallback(decision)
    assert isinstance(decision, FallbackDecision)
    assert decision.forter_decision == "APPROVE"
    assert decision.order_id == ORDER["orderId"]
    assert decision.reason == reason
    if error_type is not None:
        assert isinstance(decision.error, error_type)
    retried = not (isinstance(answer, httpx.Response) and answer.status_code in (200, 520))
    assert decision.attempts == len(seen) == (2 if retried else 1)
    (record,) = [r for r in caplog.records if r.name == "forter_orders"]
    assert record.levelno == logging.WARNING
    assert ORDER["orderId"] in record.getMessage()
    assert reason in record.getMessage()
    assert "failing open with APPROVE" in record.getMessage()


@pytest.mark.parametrize(
    ("code", "error"),
    [(400, BadRequestError), (401, AuthenticationError), (404, NotFoundError)],
)
def test_client_errors_never_fall_back(code: int, error: type[Exception]) -> None:
    client, seen = client_answering(httpx.Response(code, json={}), fallback=FallbackPolicy())
    with pytest.raises(error):
        client.orders.create(ORDER)
    assert len(seen) == 1


def test_418_never_falls_back() -> None:
    client, _ = client_answering(httpx.Response(418, text="teapot"), fallback=FallbackPolicy())
    with pytest.raises(UnexpectedResponseError):
        client.orders.create(ORDER)


def test_validation_errors_never_fall_back() -> None:
    client, seen = client_answering(httpx.Response(503), fallback=FallbackPolicy())
    with pytest.raises(OrderValidationError):  # an error: a full card number
        client.orders.create({**ORDER, "note": "card 4111 1111 1111 1111"})
    with pytest.raises(OrderValidationError):  # a warning, in strict mode
        client.orders.create({**ORDER, "cartitems": []}, validation="strict")
    assert seen == []


def test_a_fallback_decision_keeps_the_orders_warnings() -> None:
    client, seen = client_answering(httpx.Response(503), fallback=FallbackPolicy())
    decision = client.orders.create({**ORDER, "cartitems": []})
    assert is_fallback(decision)
    assert [(p.path, p.suggestion) for p in decision.warnings] == [("cartitems", "cartItems")]
    assert len(seen) == 2


def test_disabled_triggers_raise() -> None:
    policy = FallbackPolicy(on_timeout=False, on_server_error=False)
    client, _ = client_answering(httpx.ReadTimeout("slow"), fallback=policy)
    with pytest.raises(APITimeoutError):
        client.orders.create(ORDER)
    client, _ = client_answering(httpx.Response(500, json={}), fallback=policy)
    with pytest.raises(InternalServerError):
        client.orders.create(ORDER)


def test_no_fallback_by_default_and_per_call_switches() -> None:
    client, _ = client_answering(httpx.Response(503, json={}))
    with pytest.raises(InternalServerError):
        client.orders.create(ORDER)
    decision = client.orders.create(ORDER, fallback=FallbackPolicy(decision="NOT_REVIEWED"))
    assert is_fallback(decision)
    assert decision.forter_decision == "NOT_REVIEWED"

    fail_open, _ = client_answering(httpx.Response(503, json={}), fallback=FallbackPolicy())
    with pytest.raises(InternalServerError):
        fail_open.orders.create(ORDER, fallback=False)
    with pytest.raises(InternalServerError):
        fail_open.with_options(fallback=False).orders.create(ORDER)


def test_a_real_decision_is_not_a_fallback() -> None:
    client, _ = client_answering(
        httpx.Response(200, json={"forterDecision": "DECLINE"}), fallback=FallbackPolicy()
    )
    decision = client.orders.create(ORDER)
    assert not is_fallback(decision)
    assert decision.forter_decision == "DECLINE"


def test_fallback_serializes_like_a_decision() -> None:
    client, _ = client_answering(httpx.ConnectError("x"), fallback=FallbackPolicy())
    decision = client.orders.create(ORDER)
    assert decision.to_dict() == {"forterDecision": "APPROVE", "orderId": ORDER["orderId"]}


def test_raw_responses_never_fall_back() -> None:
    client, _ = client_answering(httpx.Response(503, json={}), fallback=FallbackPolicy())
    with pytest.raises(InternalServerError):
        client.orders.with_raw_response.create(ORDER)
