"""``max_response_bytes``: a response body is read only up to the limit, sync and async."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import orjson
import pytest

from forter_orders import (
    AsyncForterClient,
    ConfigurationError,
    FallbackPolicy,
    ForterClient,
    InternalServerError,
    UnexpectedResponseError,
    is_fallback,
)

LIMIT = 4096
ORDER_ID = "o-limit-1"
DECISION = orjson.dumps({"orderId": ORDER_ID, "forterDecision": "APPROVE"})
CHUNK = b"x" * 1024


class ChunkSource:
    """A body of ``total`` bytes streamed in 1 KiB chunks, counting how much was pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    def __iter__(self) -> Iterator[bytes]:
        while self.pulled < self.total:
            self.pulled += len(CHUNK)
            yield CHUNK

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def sync_client(handler: Callable[[httpx.Request], httpx.Response], **kw: Any) -> ForterClient:
    kw.setdefault("max_response_bytes", LIMIT)
    kw.setdefault("sleep", lambda _s: None)
    return ForterClient(
        "site-1",
        "sk_test_limit",
        validate=False,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **kw,
    )


def async_client(
    handler: Callable[[httpx.Request], httpx.Response], **kw: Any
) -> AsyncForterClient:
    async def no_sleep(_s: float) -> None:
        return None

    kw.setdefault("max_response_bytes", LIMIT)
    kw.setdefault("sleep", no_sleep)
    return AsyncForterClient(
        "site-1",
        "sk_test_limit",
        validate=False,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        **kw,
    )


ORDER = {"orderId": ORDER_ID}


def test_decision_at_the_limit_is_read() -> None:
    body = DECISION + b" " * (LIMIT - len(DECISION))
    with sync_client(lambda _r: httpx.Response(200, content=body)) as client:
        raw = client.orders.with_raw_response.create(ORDER)
    assert raw.parsed.forter_decision == "APPROVE"
    assert len(raw.http_response.content) == LIMIT


def test_oversized_2xx_with_content_length_is_not_read() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=DECISION + b" " * LIMIT)

    with sync_client(handler) as client, pytest.raises(UnexpectedResponseError) as caught:
        client.orders.create(ORDER)
    error = caught.value
    assert error.http_status == 200
    assert error.body is None
    assert f"max_response_bytes ({LIMIT} bytes)" in str(error)
    assert error.response.content == b""  # Content-Length said too much: nothing was read
    assert len(calls) == 1  # a 2xx is never retried


def test_streamed_body_stops_just_past_the_limit() -> None:
    source = ChunkSource(total=100 * LIMIT)
    with (
        sync_client(lambda _r: httpx.Response(200, content=iter(source))) as client,
        pytest.raises(UnexpectedResponseError) as caught,
    ):
        client.orders.create(ORDER)
    assert source.pulled == LIMIT + len(CHUNK)  # one chunk past the limit, never the rest
    assert caught.value.response.content == b"x" * LIMIT


def test_gzip_bomb_is_bounded_after_decoding() -> None:
    bomb = gzip.compress(b"0" * (8 << 20))
    assert len(bomb) < LIMIT * 4  # small on the wire, 8 MiB once inflated

    def handler(_r: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=bomb, headers={"content-encoding": "gzip"})

    with (
        sync_client(handler, max_response_bytes=64 * 1024) as client,
        pytest.raises(UnexpectedResponseError) as caught,
    ):
        client.orders.create(ORDER)
    assert len(caught.value.response.content) == 64 * 1024


def test_oversized_error_page_keeps_its_status_class_and_is_retried() -> None:
    calls: list[httpx.Request] = []
    page = b"<html>" + b"busy " * LIMIT + b"</html>"

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return httpx.Response(503, content=iter([page]), headers={"x-request-id": "r-1"})
        return httpx.Response(200, content=DECISION)

    with sync_client(handler) as client:
        raw = client.orders.with_raw_response.create(ORDER)
    assert raw.parsed.forter_decision == "APPROVE"
    assert raw.attempts == 2

    calls.clear()
    with (
        sync_client(handler, max_retries=0) as client,
        pytest.raises(InternalServerError) as caught,
    ):
        client.orders.create(ORDER)
    error = caught.value
    assert error.http_status == 503
    assert error.request_id == "r-1"
    assert "larger than max_response_bytes" in str(error)
    assert "<html>busy" in str(error)  # a snippet of what was read


def test_oversized_2xx_falls_back_as_server_error() -> None:
    with sync_client(
        lambda _r: httpx.Response(200, content=iter([b"{" * (2 * LIMIT)])),
        fallback=FallbackPolicy(),
    ) as client:
        decision = client.orders.create(ORDER)
    assert is_fallback(decision)
    assert decision.reason == "server_error"
    assert isinstance(decision.error, UnexpectedResponseError)
    assert decision.attempts == 1


def test_with_options_and_bad_values() -> None:
    big = DECISION + b" " * (2 * LIMIT)
    with sync_client(lambda _r: httpx.Response(200, content=big)) as client:
        roomy = client.with_options(max_response_bytes=4 * LIMIT)
        assert roomy.orders.create(ORDER).forter_decision == "APPROVE"
        with pytest.raises(UnexpectedResponseError):
            client.orders.create(ORDER)  # the parent keeps its own limit
        for bad in (0, -1, True, 1.5):
            with pytest.raises(ConfigurationError, match="max_response_bytes"):
                client.with_options(max_response_bytes=bad)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="max_response_bytes"):
        ForterClient("site-1", "sk_test_limit", max_response_bytes=0)


def test_async_streamed_body_stops_just_past_the_limit() -> None:
    source = ChunkSource(total=100 * LIMIT)

    async def run() -> UnexpectedResponseError:
        async with async_client(
            lambda _r: httpx.Response(200, content=source.__aiter__())
        ) as client:
            try:
                await client.orders.create(ORDER)
            except UnexpectedResponseError as error:
                return error
        raise AssertionError("no error raised")

    error = asyncio.run(run())
    assert source.pulled == LIMIT + len(CHUNK)
    assert error.http_status == 200
    assert error.response.content == b"x" * LIMIT


def test_async_small_decision_and_declared_oversize() -> None:
    async def run() -> tuple[str, UnexpectedResponseError]:
        async with async_client(lambda _r: httpx.Response(200, content=DECISION)) as client:
            decision = await client.orders.create(ORDER)
        big = DECISION + b" " * LIMIT
        async with async_client(lambda _r: httpx.Response(200, content=big)) as client:
            try:
                await client.orders.create(ORDER)
            except UnexpectedResponseError as error:
                return str(decision.forter_decision), error
        raise AssertionError("no error raised")

    value, error = asyncio.run(run())
    assert value == "APPROVE"
    assert error.response.content == b""
