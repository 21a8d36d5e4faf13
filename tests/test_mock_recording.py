"""The mock records order requests on arrival, and a clear fences the requests in flight.

Real HTTP on loopback; a raw socket where the test must hold a request half-sent (headers in,
body not yet) to put a clear exactly between its arrival and its answer.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from forter_orders.mock import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID, MockConfig, MockServer

HEADERS = {"api-version": "10.1", "x-forter-siteid": DEFAULT_SITE_ID}
AUTH = (DEFAULT_SECRET_KEY, "")
BODY = b'{"orderId": "o-1"}'


@pytest.fixture
def server() -> Iterator[MockServer]:
    with MockServer(MockConfig(validate=False)) as mock:
        yield mock


def wait_until(condition: Callable[[], bool]) -> None:
    """Poll the mock's state (a request's arrival is nothing a test can await)."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "condition never met"
        time.sleep(0.002)  # polling interval, not a wait for a server


def post(server: MockServer, order_id: str, **kw: Any) -> httpx.Response:
    return httpx.post(
        f"{server.url}/v3/orders/{order_id}",
        content=b'{"orderId": "%s"}' % order_id.encode(),
        auth=AUTH,
        headers={**HEADERS, "content-type": "application/json"},
        **kw,
    )


def half_sent(server: MockServer, order_id: str) -> tuple[socket.socket, bytes]:
    """A connection that has sent the request line, headers and part of the body; and the
    rest of the body."""
    parts = urlsplit(server.url)
    sock = socket.create_connection((parts.hostname, parts.port))
    body = b'{"orderId": "%s"}' % order_id.encode()
    token = base64.b64encode(f"{DEFAULT_SECRET_KEY}:".encode()).decode()
    head = (
        f"POST /v3/orders/{order_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Basic {token}\r\napi-version: 10.1\r\n"
        f"x-forter-siteid: {DEFAULT_SITE_ID}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    sock.sendall(head + body[:5])
    return sock, body[5:]


def response_of(sock: socket.socket, rest: bytes) -> bytes:
    """Send the rest of the body; the whole response."""
    sock.sendall(rest)
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    return data


def test_a_slow_request_is_recorded_before_it_is_answered(server: MockServer) -> None:
    server.queue("slow:600")
    answers: list[httpx.Response] = []
    thread = threading.Thread(target=lambda: answers.append(post(server, "o-1")))
    thread.start()
    wait_until(lambda: len(server.received) == 1)
    (entry,) = server.received
    assert (entry["orderId"], entry["status"], entry["scenario"]) == ("o-1", None, "slow:600")
    assert entry["json"] == {"orderId": "o-1"}
    assert server.stats["requests"] == 0  # stats count answers
    thread.join()
    assert answers[0].status_code == 200
    (entry,) = server.received
    assert entry["status"] == 200
    assert server.stats == {"requests": 1, "byScenario": {"slow:600": 1}, "byStatus": {"200": 1}}


def test_a_request_the_client_gave_up_on_is_recorded(server: MockServer) -> None:
    server.queue("slow:1500")
    with pytest.raises(httpx.ReadTimeout):
        post(server, "o-2", timeout=0.2)
    (entry,) = server.received
    assert (entry["orderId"], entry["status"], entry["scenario"]) == ("o-2", None, "slow:1500")


def test_received_is_a_snapshot(server: MockServer) -> None:
    server.queue("slow:300")
    thread = threading.Thread(target=post, args=(server, "o-3"))
    thread.start()
    wait_until(lambda: len(server.received) == 1)
    before = server.received
    thread.join()
    assert before[0]["status"] is None  # the copy taken then
    assert server.received[0]["status"] == 200


def test_a_request_that_arrived_before_a_clear_does_not_take_the_new_queue(
    server: MockServer,
) -> None:
    sock, rest = half_sent(server, "o-old")
    wait_until(lambda: [r["orderId"] for r in server.received] == ["o-old"])
    server.clear()
    server.queue("decline")
    answer = response_of(sock, rest)  # the body arrives now, after the clear
    assert answer.startswith(b"HTTP/1.1 200")
    assert b'"forterDecision": "APPROVE"' in answer  # not the new test's decline
    assert server.controller.pending == ["decline"]
    assert server.received == []
    assert server.stats["requests"] == 0
    decided = post(server, "o-new")
    assert decided.json()["forterDecision"] == "DECLINE"
    assert [r["orderId"] for r in server.received] == ["o-new"]


def test_a_scripted_order_and_the_fault_sequence_are_fenced_too() -> None:
    with MockServer(
        MockConfig(validate=False, fault_rate=1.0, fault_kinds=("http-503",), seed=1)
    ) as server:
        sock, rest = half_sent(server, "o-1")
        wait_until(lambda: len(server.received) == 1)
        server.clear()
        server.script_order("o-1", "decline")
        answer = response_of(sock, rest)
        # Fenced: no scripted decline, no draw from the restarted fault sequence.
        assert answer.startswith(b"HTTP/1.1 200")
        assert b"APPROVE" in answer
        assert post(server, "o-1").json()["forterDecision"] == "DECLINE"


def test_a_client_that_hangs_up_before_its_body_is_recorded_unanswered(
    server: MockServer,
) -> None:
    sock, _ = half_sent(server, "o-gone")
    wait_until(lambda: len(server.received) == 1)
    sock.close()
    # The handler notices the hang-up; the recording stays, never answered, never counted.
    assert post(server, "o-next").status_code == 200
    wait_until(lambda: len(server.received) == 2)
    gone, after = server.received
    assert (gone["orderId"], gone["status"], gone["json"], gone["body_preview"]) == (
        "o-gone",
        None,
        None,
        None,
    )
    assert after["status"] == 200
    assert server.stats["requests"] == 1


def test_requests_endpoint_shows_a_request_in_flight(server: MockServer) -> None:
    server.queue("slow:500")
    thread = threading.Thread(target=post, args=(server, "o-4"))
    thread.start()
    wait_until(lambda: len(server.received) == 1)
    listed = httpx.get(f"{server.url}/_mock/requests").json()
    thread.join()
    assert listed["count"] == 1
    assert listed["requests"][0]["status"] is None
    assert listed["requests"][0]["scenario"] == "slow:500"


def raw_request(order_id: str, scenario: str | None = None) -> bytes:
    body = b'{"orderId": "%s"}' % order_id.encode()
    token = base64.b64encode(f"{DEFAULT_SECRET_KEY}:".encode()).decode()
    extra = f"x-mock-scenario: {scenario}\r\n" if scenario else ""
    return (
        f"POST /v3/orders/{order_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Basic {token}\r\napi-version: 10.1\r\n{extra}"
        f"x-forter-siteid: {DEFAULT_SITE_ID}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def test_a_late_reset_aborts_only_its_own_connection() -> None:
    """A ``reset`` answered after its client gave up must not abort another connection that
    reuses the client's port (Linux reuses loopback ports at once): the mock used to find the
    connection to abort by the client's address, and dropped a stranger's request unrecorded."""
    with MockServer(MockConfig(validate=False, latency_ms=400)) as server:
        parts = urlsplit(server.url)
        address = (parts.hostname, parts.port)
        gone = socket.create_connection(address)
        port = gone.getsockname()[1]
        gone.sendall(raw_request("o-reset", "reset"))
        wait_until(lambda: len(server.received) == 1)
        # Hang up with a RST (no TIME_WAIT), then connect again from the same port.
        gone.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        gone.close()
        reused = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        reused.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        reused.bind(("127.0.0.1", port))
        reused.connect(address)
        reused.sendall(raw_request("o-stranger"))
        answer = b""
        while not answer.rstrip().endswith(b"}"):
            chunk = reused.recv(65536)
            assert chunk, f"the stranger's connection was dropped: {answer!r}"
            answer += chunk
        reused.close()
        assert answer.startswith(b"HTTP/1.1 200")
        wait_until(lambda: len(server.received) == 2)
        stranger = server.received[1]
        assert (stranger["orderId"], stranger["status"]) == ("o-stranger", 200)
