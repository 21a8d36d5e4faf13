"""Fixtures for the reliability suites: faults, nothing lost, bad input, secrets, load, threads.

The suites drive the real pieces over loopback: the mock as a separate ``forter-orders mock``
process (so its memory can be measured and it can be killed), the CLI as a subprocess, the client
in-process. Sizes scale with ``FORTER_RELIABILITY_SCALE`` (default 1 = the sizes the README's test
command runs; ``scripts/reliability`` runs the long, larger ones).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

_URL_LINE = re.compile(r"listening on (http://\S+)")
_START_TIMEOUT_S = 30.0


def reliability_scale() -> float:
    """``FORTER_RELIABILITY_SCALE`` as a float (default 1.0)."""
    return float(os.environ.get("FORTER_RELIABILITY_SCALE", "1") or "1")


@pytest.fixture(scope="session")
def scale() -> float:
    """Multiplier for suite sizes: 1 in the README's test command, larger in long runs."""
    return reliability_scale()


@dataclasses.dataclass
class MockProcess:
    """A ``forter-orders mock`` child process listening on a free loopback port."""

    process: subprocess.Popen[str]
    url: str
    stderr: tempfile._TemporaryFileWrapper[bytes] | None = None
    site_id: str = "mock-site"
    secret_key: str = "mock_secret_key"

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.process.pid

    def rss_kib(self) -> int:
        """Resident memory of the mock process in KiB (from /proc)."""
        return proc_rss_kib(self.pid)

    def stats(self) -> dict[str, object]:
        """``GET /_mock/stats``: answers counted by scenario and status since start/reset."""
        response = httpx.get(f"{self.url}/_mock/stats", timeout=10)
        response.raise_for_status()
        data: dict[str, object] = response.json()
        return data

    def reset(self) -> None:
        """``POST /_mock/reset``: forget recordings, scripts and counters."""
        control = {"x-mock-control": "1"}
        httpx.post(
            f"{self.url}/_mock/reset", json={}, headers=control, timeout=10
        ).raise_for_status()

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL) and reap it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def stderr_text(self) -> str:
        """What the process wrote to stderr so far (uvicorn's warnings, tracebacks)."""
        if self.stderr is None:
            return ""
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", errors="replace")


def proc_rss_kib(pid: int) -> int:
    """VmRSS of ``pid`` in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def open_fd_count() -> int:
    """File descriptors this process holds open."""
    return len(os.listdir("/proc/self/fd"))


def open_socket_count() -> int:
    """Sockets among this process's file descriptors (TCP connections, the event loop's pair)."""
    fd_dir = "/proc/self/fd"
    count = 0
    for name in os.listdir(fd_dir):
        try:
            target = os.readlink(f"{fd_dir}/{name}")
        except FileNotFoundError:  # the fd listing the directory itself, already closed
            continue
        count += target.startswith("socket:")
    return count


FdCounts = Callable[[], tuple[int, int]]


@pytest.fixture
def fd_counts() -> FdCounts:
    """``fd_counts()``: (open file descriptors, open sockets) of this test process, now."""
    return lambda: (open_fd_count(), open_socket_count())


def _read_url(process: subprocess.Popen[str], stderr: tempfile._TemporaryFileWrapper[bytes]) -> str:
    """The URL from the banner's first line, read without blocking past the start timeout."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + _START_TIMEOUT_S
    try:
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=left):
                continue
            line = process.stdout.readline()
            if not line:
                break
            if match := _URL_LINE.search(line):
                return match.group(1)
    finally:
        selector.close()
    process.kill()
    process.wait(timeout=10)
    stderr.seek(0)
    text = stderr.read().decode("utf-8", errors="replace")
    raise RuntimeError(f"forter-orders mock did not start: {text[-2000:]}")


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/_mock/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            continue
    raise TimeoutError(f"mock at {url} not healthy after {_START_TIMEOUT_S} s")


Figure = Callable[[str, object], None]


@pytest.fixture
def figure(record_property: Callable[[str, object], None]) -> Figure:
    """``figure(name, value)``: a number for RELIABILITY.md (faults tried, orders, RSS, ...).

    Recorded as a JUnit XML property (``scripts/reliability`` collects them into a table) and
    printed, so ``pytest -s`` shows it too.
    """

    def record(name: str, value: object) -> None:
        record_property(name, value)
        print(f"figure {name} = {value}")

    return record


StartMock = Callable[..., MockProcess]


@pytest.fixture
def start_mock() -> Iterator[StartMock]:
    """``start_mock(*cli_args)``: a ``forter-orders mock --port 0 *cli_args`` process, ready.

    Every process started is stopped when the test ends.
    """
    started: list[MockProcess] = []

    def start(*args: str) -> MockProcess:
        command = [sys.executable, "-m", "forter_orders.cli", "mock", "--port", "0", *args]
        # stderr goes to a file, not a pipe: nobody drains a pipe during a run, and a full one
        # would block the mock.
        stderr = tempfile.NamedTemporaryFile(prefix="forter-mock-", suffix=".stderr")  # noqa: SIM115
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        mock = MockProcess(process, _read_url(process, stderr), stderr=stderr)
        started.append(mock)
        _wait_healthy(mock.url)
        return mock

    yield start
    for mock in started:
        mock.stop()
        if mock.stderr is not None:
            mock.stderr.close()


@pytest.fixture
def cli_env(tmp_path: Path) -> Callable[[MockProcess], dict[str, str]]:
    """``cli_env(mock)``: the environment for a ``forter-orders`` subprocess aimed at ``mock``."""

    def env(mock: MockProcess) -> dict[str, str]:
        return {
            **os.environ,
            "FORTER_SITE_ID": mock.site_id,
            "FORTER_SECRET_KEY": mock.secret_key,
            "FORTER_BASE_URL": mock.url,
            "NO_COLOR": "1",
            "COLUMNS": "200",
        }

    return env


# ----------------------------------------------------------------------------- hostile peers


@dataclasses.dataclass
class RawRequest:
    """One HTTP request as a raw server read it: the head (request line and headers) and body."""

    head: bytes
    body: bytes

    @property
    def request_line(self) -> str:
        """``POST /v3/orders/o-1 HTTP/1.1``."""
        return self.head.split(b"\r\n", 1)[0].decode("latin-1")

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), if any."""
        for line in self.head.split(b"\r\n")[1:]:
            key, _, value = line.partition(b":")
            if key.strip().lower() == name.lower().encode():
                return value.strip().decode("latin-1")
        return None


Handler = Callable[["RawConnection", RawRequest], None]


class RawConnection:
    """The server side of one connection, for a handler that answers at its own pace."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.stopping = stopping

    def send(self, data: bytes) -> bool:
        """Write ``data``; False once the client has gone (the handler should stop)."""
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def drip(self, pieces: Iterator[bytes] | list[bytes], interval: float) -> bool:
        """Send each piece ``interval`` seconds apart; False once the client has gone."""
        for piece in pieces:
            if not self.send(piece):
                return False
            if self.stopping.wait(interval):  # the test is over
                return False
        return True

    def hold(self, seconds: float) -> None:
        """Keep the connection open, sending nothing, for ``seconds`` (or until the test ends)."""
        self.stopping.wait(seconds)


class RawServer:
    """A TCP server on 127.0.0.1 that reads each request and lets ``handler`` answer in raw bytes.

    Nothing here is HTTP-aware beyond reading a request (head, then ``Content-Length`` bytes), so
    a handler can send anything: headers one every 0.5 s, a body one byte at a time, a lying
    ``Content-Length``, a redirect. Each connection gets its own thread; the connection is closed
    when the handler returns (one request per connection unless the handler reads more).
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._listener = socket.create_server((host, 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://{host}:{self.port}"
        self.handler: Handler = _answer_nothing
        self.requests: list[RawRequest] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="raw-server", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(30)
            try:
                request = read_request(sock)
            except OSError:
                return
            if request is None:
                return
            with self._lock:
                self.requests.append(request)
            with contextlib.suppress(OSError):  # the client hung up mid-answer
                self.handler(RawConnection(sock, self._stopping), request)

    def close(self) -> None:
        """Stop accepting and wake every handler that is holding or dripping."""
        self._stopping.set()
        self._listener.close()


def read_request(sock: socket.socket) -> RawRequest | None:
    """Read one request (head + ``Content-Length`` body) from ``sock``; None at end of stream."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    request = RawRequest(head, b"")
    length = int(request.header("content-length") or 0)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    request.body = body[:length]
    return request


def _answer_nothing(connection: RawConnection, request: RawRequest) -> None:
    connection.hold(60)


@pytest.fixture
def make_raw_server() -> Iterator[Callable[..., RawServer]]:
    """``make_raw_server(host="127.0.0.1")``: another :class:`RawServer`, closed after the test."""
    servers: list[RawServer] = []

    def make(host: str = "127.0.0.1") -> RawServer:
        server = RawServer(host)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture
def raw_server(make_raw_server: Callable[..., RawServer]) -> RawServer:
    """A :class:`RawServer` on a free loopback port; set ``raw_server.handler`` to answer."""
    return make_raw_server()
