"""End to end over loopback against the real mock (forter_orders.mock), sync and async."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

mock = pytest.importorskip("forter_orders.mock")

from forter_orders import (  # noqa: E402 - after the skip check
    APIConnectionError,
    APITimeoutError,
    AsyncForterClient,
    AuthenticationError,
    BadRequestError,
    FallbackPolicy,
    ForterClient,
    InternalServerError,
    RateLimitError,
    UnexpectedResponseError,
    build_web_order,
    cart_item,
    is_fallback,
    money,
)

# the run_script fixture of tests/conftest.py
RunScript = Callable[[Path, Any], subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


SLOW_ID = "slow-order"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text())
    return data


def received(server: Any) -> list[dict[str, Any]]:
    """What the mock recorded, minus the slow test's request: the mock records that one when
    its delay ends, which may be during a later test on the same server."""
    return [r for r in server.received if r.get("orderId") != SLOW_ID]


@pytest.fixture(scope="module")
def server() -> Iterator[Any]:
    with mock.MockServer(mock.MockConfig(), host="127.0.0.1", port=0) as running:
        yield running


@pytest.fixture
def srv(server: Any) -> Any:
    server.clear()
    return server


@pytest.fixture
def client(srv: Any) -> Iterator[ForterClient]:
    sleeps: list[float] = []
    with ForterClient(srv.site_id, srv.secret_key, base_url=srv.url, sleep=sleeps.append) as forter:
        yield forter


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize("name", ["full_web_order.json", "mobile_app_order.json"])
def test_examples_get_decisions(client: ForterClient, srv: Any, name: str) -> None:
    order = load(name)
    raw = client.orders.with_raw_response.create(order)
    assert raw.status_code == 200
    assert raw.parsed.forter_decision == "APPROVE"
    assert raw.parsed.order_id == order["orderId"]
    assert raw.request_id  # the mock sends X-Request-Id
    (record,) = received(srv)
    assert record["json"] == order
    assert record["path"] == f"/v3/orders/{order['orderId']}"
    headers = record["headers"]
    assert headers["x-forter-siteid"] == srv.site_id
    assert headers["api-version"] == "10.1"
    assert headers["x-forter-client"].startswith("forter-orders-python/")


def test_decline_by_scenario_header(client: ForterClient) -> None:
    decision = client.orders.create(
        load("full_web_order.json"), headers={"x-mock-scenario": "decline"}
    )
    assert decision.forter_decision == "DECLINE"


def test_503_then_success_is_retried(client: ForterClient, srv: Any) -> None:
    srv.queue("http-503")
    assert client.orders.create(load("mobile_app_order.json")).forter_decision == "APPROVE"
    assert [r["status"] for r in received(srv)] == [503, 200]


def test_429_retry_after_is_waited_for(srv: Any) -> None:
    sleeps: list[float] = []
    with ForterClient(srv.site_id, srv.secret_key, base_url=srv.url, sleep=sleeps.append) as c:
        srv.queue("http-429")
        assert c.orders.create(load("mobile_app_order.json")).forter_decision == "APPROVE"
    assert sleeps == [1.0]  # the mock's Retry-After: 1


def test_persistent_429_raises_rate_limit(client: ForterClient, srv: Any) -> None:
    srv.queue("http-429", "http-429")
    with pytest.raises(RateLimitError) as info:
        client.orders.create(load("mobile_app_order.json"))
    assert info.value.retry_after == 1.0


def test_reset_is_a_connection_error_and_can_fail_open(client: ForterClient, srv: Any) -> None:
    srv.queue("reset", "reset")
    with pytest.raises(APIConnectionError):
        client.orders.create(load("mobile_app_order.json"))
    srv.queue("reset", "reset")
    decision = client.orders.create(load("mobile_app_order.json"), fallback=FallbackPolicy())
    assert is_fallback(decision)
    assert decision.reason == "connection_error"


def test_slow_answer_times_out(client: ForterClient, srv: Any) -> None:
    srv.queue("slow:3000")
    order = {**load("mobile_app_order.json"), "orderId": SLOW_ID}
    with pytest.raises(APITimeoutError):
        client.orders.create(order, timeout=0.2, max_retries=0)


def test_malformed_and_html_bodies(client: ForterClient, srv: Any) -> None:
    srv.queue("malformed-json")
    with pytest.raises(UnexpectedResponseError):
        client.orders.create(load("mobile_app_order.json"))
    srv.queue("html-502", "html-502")
    with pytest.raises(InternalServerError) as info:
        client.orders.create(load("mobile_app_order.json"))
    assert info.value.http_status == 502
    assert info.value.body is None


def test_wrong_key_is_authentication_error(srv: Any) -> None:
    with (
        ForterClient(srv.site_id, "wrong-key-123", base_url=srv.url) as c,
        pytest.raises(AuthenticationError) as info,
    ):
        c.orders.create(load("mobile_app_order.json"))
    assert info.value.request_id
    assert len(received(srv)) == 1  # 401 is never retried


def test_server_side_validation_errors_are_parsed(client: ForterClient, srv: Any) -> None:
    order = load("mobile_app_order.json")
    order["totalAmount"]["currency"] = "usd"
    # Like Forter, the mock accepts what the client only warns about, and says so in a header.
    decision = client.orders.create(order, validation="off")
    assert decision.forter_decision == "APPROVE"
    assert [w["path"] for w in received(srv)[0]["warnings"]] == ["totalAmount.currency"]
    # A strict mock refuses it, and the client reads the 400's paths.
    srv.strict = True
    with pytest.raises(BadRequestError) as info:
        client.orders.create(order, validation="off")
    assert "totalAmount.currency" in [e.path for e in info.value.errors]


def test_built_order_is_accepted(client: ForterClient, srv: Any) -> None:
    order = build_web_order(
        order_id="built-1",
        customer_ip="203.0.113.9",
        user_agent="Mozilla/5.0",
        forter_token_cookie="ftr_123",
        cart_items=[cart_item("Mug", money(Decimal("12.5"), "EUR"), 2)],
        total_amount=money(Decimal("25"), "EUR"),
        checkout_time=datetime.now(UTC),
    )
    assert client.orders.create(order).forter_decision == "APPROVE"
    assert received(srv)[0]["json"]["totalAmount"] == {
        "amountLocalCurrency": "25.00",
        "currency": "EUR",
    }


@pytest.mark.anyio
async def test_async_examples(srv: Any) -> None:
    async with AsyncForterClient(srv.site_id, srv.secret_key, base_url=srv.url) as client:
        for name in ("full_web_order.json", "mobile_app_order.json"):
            decision = await client.orders.create(load(name))
            assert decision.forter_decision == "APPROVE"
        srv.queue("http-503")
        decision = await client.orders.create(
            load("mobile_app_order.json"), headers={"x-mock-scenario": "not-reviewed"}
        )
        assert decision.forter_decision == "NOT_REVIEWED"
    assert len(received(srv)) == 3  # the header beats the queue; the 503 was never used


def test_integration_example_runs_against_the_mock(srv: Any, run_script: RunScript) -> None:
    result = run_script(EXAMPLES / "integration.py", srv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["web-1001: capture", "app-1002: cancel"]
    assert srv.secret_key not in result.stderr
    assert [r["orderId"] for r in received(srv)] == ["web-1001", "app-1002"]


def test_integration_example_fails_open_when_forter_is_down(
    srv: Any, run_script: RunScript
) -> None:
    srv.script_order("web-1001", "http-503")
    result = run_script(EXAMPLES / "integration.py", srv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "web-1001: capture",
        "app-1002: cancel",
        "to resend: web-1001",
    ]
    assert "failing open" in result.stderr
