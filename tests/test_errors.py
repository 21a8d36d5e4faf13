"""Every response maps to a decision or a typed ForterError: never a raw JSONDecodeError,
KeyError or HTTPStatus crash, whatever the status code or body."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ForterClient,
    ForterError,
    InternalServerError,
    NotFoundError,
    OrderValidationError,
    Problem,
    RateLimitError,
    UnexpectedResponseError,
)

ORDER: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "full_web_order.json").read_text()
)


def send(response: httpx.Response) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return response

    client = ForterClient(
        "site",
        "key",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    return client.orders.create(ORDER)


def test_hierarchy() -> None:
    for cls in (
        APIConnectionError,
        APIStatusError,
        ConfigurationError,
        OrderValidationError,
    ):
        assert issubclass(cls, ForterError)
    assert issubclass(APITimeoutError, APIConnectionError)
    for cls in (
        BadRequestError,
        AuthenticationError,
        NotFoundError,
        RateLimitError,
        InternalServerError,
        UnexpectedResponseError,
    ):
        assert issubclass(cls, APIStatusError)
    assert issubclass(OrderValidationError, ValueError)


def test_400_carries_the_parsed_errors() -> None:
    body = {
        "status": "failed",
        "message": "Request validation failed",
        "errors": [
            {
                "path": "cartItems[0].basicItemData.price.currency",
                "message": "must match ^[A-Z]{3}",
            },
            {"path": "#/payment/", "message": "bad payment"},
        ],
    }
    response = httpx.Response(400, json=body, headers={"X-Request-Id": "rid-1"})
    with pytest.raises(BadRequestError) as info:
        send(response)
    error = info.value
    assert error.http_status == error.status_code == 400
    assert error.body == body
    assert error.request_id == "rid-1"
    assert error.errors == [
        Problem("cartItems[0].basicItemData.price.currency", "must match ^[A-Z]{3}", "server"),
        Problem("#/payment/", "bad payment", "server"),
    ]
    assert error.message == "Forter returned HTTP 400 Bad Request: Request validation failed"
    text = str(error)
    assert "cartItems[0].basicItemData.price.currency: must match" in text
    assert "request id: rid-1" in text
    assert error.response is response


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (401, AuthenticationError),
        (404, NotFoundError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (504, InternalServerError),
    ],
)
def test_status_classes(code: int, cls: type[APIStatusError]) -> None:
    response = httpx.Response(
        code, json={"status": "failed", "message": "nope"}, headers={"x-forter-request-id": "f1"}
    )
    with pytest.raises(cls) as info:
        send(response)
    assert type(info.value) is cls
    assert info.value.http_status == code
    assert info.value.request_id == "f1"
    assert info.value.errors == []
    assert "nope" in info.value.message


def test_rate_limit_error_exposes_retry_after() -> None:
    with pytest.raises(RateLimitError) as info:
        send(httpx.Response(429, json={}, headers={"Retry-After": "7"}))
    assert info.value.retry_after == 7.0


@pytest.mark.parametrize("code", [418, 520, 499, 403, 302])
def test_undocumented_statuses_are_unexpected_response_errors(code: int) -> None:
    with pytest.raises(UnexpectedResponseError) as info:
        send(httpx.Response(code, text="teapot"))
    assert info.value.http_status == code
    assert "does not document" in str(info.value)
    assert info.value.body is None


def test_html_502_from_a_proxy() -> None:
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    response = httpx.Response(502, text=html, headers={"content-type": "text/html"})
    with pytest.raises(InternalServerError) as info:
        send(response)
    assert info.value.body is None
    assert "502 Bad Gateway" in info.value.message


def test_empty_500_body() -> None:
    with pytest.raises(InternalServerError) as info:
        send(httpx.Response(500))
    assert info.value.body is None
    assert info.value.message == "Forter returned HTTP 500 Internal Server Error"


def test_error_body_that_is_json_but_not_an_object() -> None:
    with pytest.raises(BadRequestError) as info:
        send(httpx.Response(400, json=["a", "b"]))
    assert info.value.body is None
    assert info.value.errors == []


def test_odd_errors_entries_do_not_crash() -> None:
    body = {"errors": ["plain text", {"path": 5}, {"message": "only message"}]}
    with pytest.raises(BadRequestError) as info:
        send(httpx.Response(400, json=body))
    assert info.value.errors[0].message == "plain text"
    assert info.value.errors[2] == Problem("", "only message", "server")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'{"forterDecision": "APP', "not JSON"),
        (b"", "not JSON"),
        (b"[1, 2]", "not an OrderDecision"),
        (b'{"orderId": "x"}', "not an OrderDecision"),
        (b'{"forterDecision": 5}', "not an OrderDecision"),
        (
            b'{"forterDecision": "APPROVE", "verificationMethod": "three ds"}',
            "not an OrderDecision",
        ),
    ],
)
def test_200_bodies_that_are_not_decisions(content: bytes, needle: str) -> None:
    response = httpx.Response(200, content=content, headers={"content-type": "application/json"})
    with pytest.raises(UnexpectedResponseError) as info:
        send(response)
    assert info.value.http_status == 200
    assert needle in str(info.value)


def test_missing_decision_names_the_field() -> None:
    with pytest.raises(UnexpectedResponseError) as info:
        send(httpx.Response(200, json={"orderId": "x"}))
    assert any("forterDecision" in e.message for e in info.value.errors)


def test_card_numbers_echoed_in_error_bodies_are_masked() -> None:
    body = {"message": "card 4111 1111 1111 1111 not allowed"}
    with pytest.raises(BadRequestError) as info:
        send(httpx.Response(400, json=body))
    assert "4111 1111 1111 1111" not in str(info.value)
    assert "************1111" in str(info.value)


def test_connection_error_message_names_the_host_only() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused")

    client = ForterClient(
        "site",
        "key",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    with pytest.raises(APIConnectionError) as info:
        client.orders.create(ORDER)
    assert str(info.value) == (
        "could not reach Forter at site.api.forter-secure.com: [Errno 111] Connection refused"
    )
    assert info.value.request is not None


def test_real_refused_connection_on_loopback() -> None:
    with socket.socket() as sock:  # a loopback port that was free a moment ago: refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = ForterClient("s", "k", base_url=f"http://127.0.0.1:{port}", max_retries=0)
    with pytest.raises(APIConnectionError):
        client.orders.create(ORDER)
    client.close()
