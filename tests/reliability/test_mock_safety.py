"""The mock is safe to leave running: slow or idle peers, huge bodies, web pages, credentials.

Raw sockets on loopback play the misbehaving clients; the mock runs in-process (``MockServer``,
real uvicorn) or as its own ``forter-orders mock`` process.

* **Read timeouts.** A connection that sends nothing, sends its headers a byte at a time
  (slowloris) or trickles its body is dropped ``read_timeout`` after it opened, however steadily
  it trickles; it used to stay open indefinitely. A healthy request is untouched.
* **Body limit.** A body over ``max_body_bytes`` is a 413 decided from ``Content-Length`` before
  a byte of it is read (a 256 MiB body was read whole before its 401), or as soon as a chunked
  body passes the limit.
* **Control endpoints.** ``POST /_mock/script`` and ``/_mock/reset`` refuse what a web page can
  send cross-origin without a preflight (a ``text/plain`` or form body, no custom header); a
  mock bound to loopback refuses a foreign ``Host`` (DNS rebinding), on every route; bad or
  100,000-deep JSON to a control endpoint is a 400 with its path, never a 500.
* **Recordings** mask every credential-like header (Cookie, Proxy-Authorization, X-Api-Key,
  tokens, sessions, Bearer credentials).
* **Binding beyond loopback** warns (``forter-orders mock --host``, ``MockServer``).
* **An orderId ending in a newline** reaches the handler whole (the route used to drop it).
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from forter_orders.mock import MockConfig, MockServer

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())
Figure = Callable[[str, object], None]
MockProcess = Any
StartMock = Callable[..., Any]

READ_TIMEOUT = 0.5
# How late after its read timeout the mock may drop a connection (a loaded 2-core machine).
SLACK = 1.5
TRICKLE = 0.1  # seconds between the bytes a slow client sends: far below the read timeout
CONTROL = {"x-mock-control": "1"}


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer(MockConfig(read_timeout=READ_TIMEOUT, max_body_bytes=1 << 20)) as server:
        yield server


def _connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    sock = socket.create_connection((host.strip("[]"), int(port)), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _request_head(
    server: MockServer | MockProcess, path: str, length: int, **headers: str
) -> bytes:
    token = base64.b64encode(f"{server.secret_key}:".encode()).decode()
    host = server.url.removeprefix("http://")
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}",
        f"Authorization: Basic {token}",
        "api-version: 10.1",
        f"x-forter-siteid: {server.site_id}",
        "Content-Type: application/json",
        f"Content-Length: {length}",
        *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _drained(sock: socket.socket) -> tuple[bytes, float]:
    """Everything the server sends until it closes, and when it closed (monotonic)."""
    data = b""
    with contextlib.suppress(ConnectionResetError):
        while chunk := sock.recv(65536):
            data += chunk
    return data, time.monotonic()


def _trickle_until_closed(sock: socket.socket, payload: bytes) -> tuple[bytes, float]:
    """Send ``payload`` one byte every TRICKLE s until the server closes; what it answered."""
    sock.settimeout(TRICKLE)
    received = b""
    for index in range(len(payload)):
        try:
            sock.sendall(payload[index : index + 1])
        except OSError:
            break
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        received += chunk
    sock.settimeout(30)
    more, closed = _drained(sock)
    return received + more, closed


# ----------------------------------------------------------------------------- read timeouts


@pytest.mark.parametrize("peer", ["idle", "slowloris headers", "slow body"])
def test_slow_and_idle_connections_are_dropped_at_the_read_timeout(
    mock: MockServer, peer: str, figure: Figure
) -> None:
    body = json.dumps(ORDER).encode()
    head = _request_head(mock, "/v3/orders/slow-1", len(body))
    with _connect(mock.url) as sock:
        opened = time.monotonic()
        if peer == "idle":
            answer, closed = _drained(sock)
        elif peer == "slowloris headers":
            answer, closed = _trickle_until_closed(sock, head)
        else:
            sock.sendall(head)
            answer, closed = _trickle_until_closed(sock, body)
    held = closed - opened
    assert held < READ_TIMEOUT + SLACK, f"held {held:.2f} s"
    assert held > READ_TIMEOUT * 0.8  # the timeout, not something else, ended it
    if peer != "slow body":  # nothing reached the app: the mock says why
        assert answer.startswith(b"HTTP/1.1 408 ")
    assert mock.stats["requests"] == 0  # nothing recorded for a request that never arrived
    assert httpx.get(f"{mock.url}/_mock/health").status_code == 200
    figure(f"{peer}: seconds held (read timeout {READ_TIMEOUT} s)", round(held, 2))


def test_a_healthy_request_and_a_kept_alive_connection_are_untouched(mock: MockServer) -> None:
    with httpx.Client(
        base_url=mock.url,
        auth=(mock.secret_key, ""),
        headers={"api-version": "10.1", "x-forter-siteid": mock.site_id},
    ) as client:
        for _ in range(3):
            response = client.post(f"/v3/orders/{ORDER['orderId']}", json=ORDER)
            assert response.status_code == 200
            time.sleep(READ_TIMEOUT * 1.5)  # idle between requests, longer than the read timeout
        assert mock.stats["byStatus"] == {"200": 3}


def test_the_mock_process_drops_a_slowloris_too(start_mock: StartMock) -> None:
    process = start_mock("--read-timeout", str(READ_TIMEOUT))
    head = _request_head(process, "/v3/orders/slow-2", 10)
    with _connect(process.url) as sock:
        opened = time.monotonic()
        answer, closed = _trickle_until_closed(sock, head)
    assert closed - opened < READ_TIMEOUT + SLACK
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert "Traceback" not in process.stderr_text()


# ----------------------------------------------------------------------------- body limit


@pytest.mark.parametrize("auth", ["right key", "wrong key"])
def test_a_declared_huge_body_is_refused_before_it_is_read(auth: str, figure: Figure) -> None:
    """Default limit (8 MiB); 256 MiB announced, not one byte of it sent: 413 at once."""
    with MockServer() as server:
        huge = 256 * 1024 * 1024
        head = _request_head(server, "/v3/orders/huge-1", huge)
        if auth == "wrong key":
            head = head.replace(b"Authorization: Basic ", b"Authorization: Basic eHg6")
        with _connect(server.url) as sock:
            started = time.monotonic()
            sock.sendall(head)
            answer, _ = _drained(sock)
            elapsed = time.monotonic() - started
        status = answer.split(b"\r\n", 1)[0]
        assert status == b"HTTP/1.1 413 Request Entity Too Large"
        assert b"larger than 8388608 bytes" in answer
        assert server.stats["byStatus"] == {"413": 1}
    figure(f"256 MiB declared, {auth}: seconds to the 413", round(elapsed, 3))


def test_a_chunked_body_is_cut_off_at_the_limit(mock: MockServer) -> None:
    limit = mock.config.max_body_bytes
    head = _request_head(mock, "/v3/orders/huge-2", 0).replace(
        b"Content-Length: 0", b"Transfer-Encoding: chunked"
    )
    piece = b"x" * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    sent = 0
    with _connect(mock.url) as sock:
        sock.sendall(head)
        with contextlib.suppress(OSError):  # the mock closes once it has answered
            while sent < 8 * limit:
                sock.sendall(chunk)
                sent += len(piece)
        answer, _ = _drained(sock)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert sent < 8 * limit  # it stopped reading long before the client stopped sending


def test_a_body_within_the_limit_is_answered(mock: MockServer) -> None:
    with httpx.Client(auth=(mock.secret_key, "")) as client:
        response = client.post(
            f"{mock.url}/v3/orders/{ORDER['orderId']}",
            json=ORDER,
            headers={"api-version": "10.1", "x-forter-siteid": mock.site_id},
        )
    assert response.status_code == 200


# ----------------------------------------------------------------------------- control


@pytest.mark.parametrize("endpoint", ["/_mock/script", "/_mock/reset"])
@pytest.mark.parametrize(
    ("content_type", "headers", "status"),
    [
        # What any web page can send cross-origin without a preflight: refused.
        ("text/plain", {"origin": "http://evil.example"}, 415),
        ("application/x-www-form-urlencoded", {}, 415),
        ("multipart/form-data; boundary=x", {}, 415),
        # JSON needs a preflight from a page; still refused without the header or the key.
        ("application/json", {}, 403),
        ("application/json", {"authorization": "Basic d3Jvbmc6"}, 403),
        # What a test or curl sends.
        ("application/json", CONTROL, 200),
        ("application/json", {"authorization": "Basic " + "bW9ja19zZWNyZXRfa2V5Og=="}, 200),
    ],
)
def test_control_endpoints_refuse_what_a_web_page_can_send(
    mock: MockServer, endpoint: str, content_type: str, headers: dict[str, str], status: int
) -> None:
    mock.queue("decline")
    body = json.dumps({"next": ["http-503"]} if endpoint.endswith("script") else {})
    response = httpx.post(
        mock.url + endpoint, content=body, headers={"content-type": content_type, **headers}
    )
    assert response.status_code == status, response.text
    expected = ["decline", "http-503"] if endpoint.endswith("script") else []
    assert mock.controller.pending == (expected if status == 200 else ["decline"])


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        # json.loads raised RecursionError on these: a 500 with a traceback.
        (b"[" * 30_000 + b"]" * 30_000, 400),
        (b'{"next": ' + b"[" * 30_000 + b"]" * 30_000 + b"}", 400),
        (b"\xff\xfe not utf-8", 400),
        (b'{"next": [1e999]}', 400),
        (b'{"next": ["approve"], "next": ["decline"]}', 400),
        # Past the 64 KiB a control body may have: refused before it is parsed.
        (b"[" * 100_000 + b"]" * 100_000, 413),
    ],
    ids=["30k-deep array", "30k-deep member", "not UTF-8", "1e999", "duplicate key", "100k-deep"],
)
def test_bad_json_to_a_control_endpoint_is_a_400_with_a_path(
    start_mock: StartMock, payload: bytes, status: int
) -> None:
    process = start_mock()
    response = httpx.post(
        f"{process.url}/_mock/script",
        content=payload,
        headers={"content-type": "application/json", **CONTROL},
        timeout=30,
    )
    assert response.status_code == status, response.text
    assert response.json()["status"] == "failed"
    if status == 400 and payload.startswith(b"{"):
        assert response.json()["errors"][0]["path"]  # where in the body it went wrong
    assert "Traceback" not in process.stderr_text()
    assert httpx.get(f"{process.url}/_mock/health").status_code == 200


@pytest.mark.parametrize("route", ["/_mock/requests", "/_mock/stats", "/v3/orders/o-1"])
@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("evil.example", 421),
        ("evil.example:{port}", 421),
        ("127.0.0.1.evil.example", 421),
        ("", 400),  # HTTP/1.1 without a Host: refused by h11 itself
        ("localhost:{port}", None),
        ("127.0.0.1:{port}", None),
        ("[::1]:{port}", None),
    ],
)
def test_a_loopback_mock_answers_only_its_own_host_names(
    mock: MockServer, route: str, host: str, status: int | None
) -> None:
    """DNS rebinding: a page whose own name now resolves to 127.0.0.1 sends its own Host."""
    mock.script_order("o-1", "decline")
    port = mock.url.rsplit(":", 1)[1]
    header = host.format(port=port)
    method = "POST" if route.startswith("/v3") else "GET"
    with _connect(mock.url) as sock:
        request = f"{method} {route} HTTP/1.1\r\n"
        if header:
            request += f"Host: {header}\r\n"
        request += "Content-Length: 0\r\nConnection: close\r\n\r\n"
        sock.sendall(request.encode())
        answer, _ = _drained(sock)
    code = int(answer.split(b" ", 2)[1])
    if status is None:
        assert code != 421
    else:
        assert code == status, answer[:200]
        assert code == 400 or b"DNS rebinding" in answer


def test_binding_beyond_loopback_warns() -> None:
    with pytest.warns(RuntimeWarning, match="beyond loopback"):
        MockServer(host="0.0.0.0")  # noqa: S104 - never started: nothing listens
    done = subprocess.run(
        # 192.0.2.1 (TEST-NET-1) is not an address of this machine: the bind fails after the
        # warning, so nothing is ever exposed.
        [sys.executable, "-m", "forter_orders.cli", "mock", "--host", "192.0.2.1", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "beyond loopback" in done.stderr
    assert "cannot listen on 192.0.2.1" in done.stderr


# ----------------------------------------------------------------------------- recordings

CREDENTIALS = {
    "Cookie": "session=cookie-canary-1",
    "Proxy-Authorization": "Basic cHJveHktY2FuYXJ5LTI6",
    "X-Api-Key": "api-key-canary-3",
    "X-Auth-Token": "auth-token-canary-4",
    "X-Session-Id": "session-canary-5",
    "X-Shop-Secret": "secret-canary-6",
    "Api_Key": "underscore-key-canary-8",
    "X-Access-Key": "access-key-canary-9",
    "Bearer": "bearer-header-canary-10",
}


def test_recordings_mask_every_credential_like_header(mock: MockServer) -> None:
    headers = {"api-version": "10.1", "x-forter-siteid": mock.site_id, **CREDENTIALS}
    with httpx.Client() as client:
        client.post(
            f"{mock.url}/v3/orders/{ORDER['orderId']}",
            json=ORDER,
            headers={**headers, "Authorization": "Bearer bearer-canary-7"},
        )
        client.post(f"{mock.url}/nowhere", json=ORDER, headers=headers)  # a 404, recorded too
        served = client.get(f"{mock.url}/_mock/requests").text
    recorded = json.loads(served)["requests"]
    assert len(recorded) == 2
    assert recorded[0]["headers"]["authorization"] == "Bearer ***"
    for entry in recorded:
        for name in CREDENTIALS:
            assert entry["headers"][name.lower()] in ("***", "Basic ***")
    assert "canary" not in served
    assert "cHJveHkt" not in served


def test_a_header_named_like_a_key_only_by_accident_is_kept() -> None:
    from forter_orders.mock._state import redact_headers

    headers = {"X-Monkey-Patch": "on", "Keyboard-Layout": "us", "X-Request-Id": "r-1"}
    assert redact_headers(headers) == {k.lower(): v for k, v in headers.items()}


# ----------------------------------------------------------------------------- orderId


@pytest.mark.parametrize("order_id", ["nl-1\n", "nl\n2", "cr-3\r\n", "\n"])
def test_an_order_id_with_newlines_reaches_the_handler_whole(
    mock: MockServer, order_id: str
) -> None:
    order = {**ORDER, "orderId": order_id}
    with httpx.Client(auth=(mock.secret_key, "")) as client:
        response = client.post(
            f"{mock.url}/v3/orders/{quote(order_id, safe='')}",
            json=order,
            headers={"api-version": "10.1", "x-forter-siteid": mock.site_id},
        )
    assert response.status_code == 200, response.text
    assert response.json()["orderId"] == order_id
    assert mock.received[-1]["orderId"] == order_id
