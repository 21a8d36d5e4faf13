"""AsyncForterClient: the same wire format, retries, fail-open and raw responses, async."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from forter_orders import (
    APITimeoutError,
    AsyncForterClient,
    BadRequestError,
    FallbackPolicy,
    InternalServerError,
    OrderValidationError,
    RateLimitError,
    RetryPolicy,
    is_fallback,
)

ORDER: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "full_web_order.json").read_text()
)
DECISION = {"forterDecision": "DECLINE", "orderId": ORDER["orderId"]}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class FakeTime:
    def __init__(self) -> None:
        self.now = 50.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def client_answering(
    *answers: httpx.Response | Exception, time: FakeTime | None = None, **kw: Any
) -> tuple[AsyncForterClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    time = time or FakeTime()

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = answers[min(len(seen), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    client = AsyncForterClient(
        "site-a",
        "async-key",
        clock=time.clock,
        sleep=time.sleep,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        **kw,
    )
    return client, seen


@pytest.mark.anyio
async def test_async_wire_format() -> None:
    client, seen = client_answering(httpx.Response(200, json=DECISION))
    async with client:
        decision = await client.orders.create(ORDER)
    assert decision.forter_decision == "DECLINE"
    (request,) = seen
    assert request.method == "POST"
    assert request.url.path == f"/v3/orders/{ORDER['orderId']}"
    assert request.url.host == "site-a.api.forter-secure.com"
    assert base64.b64decode(request.headers["authorization"][6:]) == b"async-key:"
    assert request.headers["api-version"] == "10.1"
    assert request.headers["x-forter-siteid"] == "site-a"
    assert request.content == orjson.dumps(ORDER)


@pytest.mark.anyio
async def test_async_retries_with_backoff_then_succeeds() -> None:
    time = FakeTime()
    client, seen = client_answering(
        httpx.Response(503, json={}), httpx.Response(200, json=DECISION), time=time
    )
    decision = await client.orders.create(ORDER)
    assert decision.forter_decision == "DECLINE"
    assert len(seen) == 2
    assert len(time.sleeps) == 1
    assert 0.16 <= time.sleeps[0] <= 0.2


@pytest.mark.anyio
async def test_async_retry_after_and_deadline() -> None:
    time = FakeTime()
    client, seen = client_answering(
        httpx.Response(429, json={}, headers={"Retry-After": "9"}), time=time
    )
    with pytest.raises(RateLimitError):
        await client.orders.create(ORDER)
    assert len(seen) == 1  # 9 s does not fit in the 8 s deadline
    assert time.sleeps == []
    client2, _ = client_answering(
        httpx.Response(429, json={}, headers={"Retry-After": "1"}),
        httpx.Response(200, json=DECISION),
        time=time,
    )
    assert (await client2.orders.create(ORDER)).forter_decision == "DECLINE"
    assert time.sleeps == [1.0]


@pytest.mark.anyio
async def test_async_errors_and_validation() -> None:
    client, seen = client_answering(
        httpx.Response(400, json={"errors": [{"path": "a"}]}), httpx.Response(200, json=DECISION)
    )
    with pytest.raises(BadRequestError) as info:
        await client.orders.create(ORDER)
    assert info.value.errors[0].path == "a"
    with pytest.raises(OrderValidationError) as refused:
        await client.orders.create({"orderId": "x"}, validation="strict")
    assert {p.severity for p in refused.value.problems} == {"warning"}
    with pytest.raises(OrderValidationError) as unsendable:
        await client.orders.create({"orderId": ""})  # an error in every mode
    assert [p.path for p in unsendable.value.errors] == ["orderId"]
    assert len(seen) == 1
    decision = await client.orders.create({"orderId": "x"})  # warnings only: sent
    assert json.loads(seen[1].content) == {"orderId": "x"}
    assert "orderType" in {p.path for p in decision.warnings}


@pytest.mark.anyio
async def test_async_fallback() -> None:
    client, seen = client_answering(httpx.ReadTimeout("slow"), fallback=FallbackPolicy())
    decision = await client.orders.create(ORDER)
    assert is_fallback(decision)
    assert decision.reason == "timeout"
    assert isinstance(decision.error, APITimeoutError)
    assert len(seen) == 2
    with pytest.raises(APITimeoutError):
        await client.orders.create(ORDER, fallback=False)


@pytest.mark.anyio
async def test_async_raw_response_and_options() -> None:
    client, seen = client_answering(
        httpx.Response(500, json={}),
        httpx.Response(200, json=DECISION, headers={"X-Request-Id": "r-9"}),
        httpx.Response(500, json={}),
    )
    raw = await client.orders.with_raw_response.create(ORDER)
    assert (raw.status_code, raw.request_id, raw.attempts) == (200, "r-9", 2)
    no_retry = client.with_options(retry=RetryPolicy(max_retries=0))
    assert no_retry.http_client is client.http_client
    with pytest.raises(InternalServerError):
        await no_retry.orders.create(ORDER)
    assert len(seen) == 3


@pytest.mark.anyio
async def test_async_user_client_is_left_open_own_client_closed() -> None:
    mine = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    async with AsyncForterClient("s", "k", http_client=mine) as client:
        assert client.http_client is mine
    assert not mine.is_closed
    await mine.aclose()
    own = AsyncForterClient("s", "k")
    pool = own.http_client
    await own.aclose()
    assert pool.is_closed


def test_async_client_runs_under_plain_asyncio() -> None:
    import asyncio

    async def main() -> str:
        client, _ = client_answering(httpx.Response(200, json=DECISION))
        async with client:
            return str((await client.orders.create(ORDER)).forter_decision)

    assert asyncio.run(main()) == "DECLINE"
