"""Serving the mock with uvicorn: in a background thread (tests) or blocking (CLI)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import sys
import threading
import time
import warnings
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TextIO

import h11
import httpx
import uvicorn
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from ._app import CONTROL_HEADER, TRANSPORT_KEY, create_app
from ._state import DEFAULT_READ_TIMEOUT, DEFAULT_SECRET_KEY, MockConfig, MockController
from ._validate import warm_up

if TYPE_CHECKING:
    from .._client import AsyncForterClient, ForterClient

_READY_TIMEOUT_S: Final = 15.0
_LOOPBACK_NAMES: Final = frozenset({"localhost", "127.0.0.1", "::1"})
_TIMEOUT_BODY: Final = b'{"status": "failed", "message": "request timeout", "errors": []}'
_TIMED_OUT: Final = (
    b"HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nConnection: close\r\n"
    + f"Content-Length: {len(_TIMEOUT_BODY)}\r\n\r\n".encode()
    + _TIMEOUT_BODY
)


class _MockH11Protocol(H11Protocol):
    """uvicorn's h11 protocol that lets the app find its connection (for ``reset``), and drops
    connections that do not deliver a whole request within ``read_timeout``.

    uvicorn closes a kept-alive connection idle between requests (``timeout_keep_alive``, 5 s)
    but has no limit on reading a request: a client that connects and says nothing, sends its
    headers a byte at a time (slowloris) or trickles its body held a connection - and for a
    body, an app task - open forever. The timer starts when the connection opens, or with the
    first byte of the next request on a kept-alive one, and stops once the request is complete.
    """

    read_timeout: float = DEFAULT_READ_TIMEOUT
    _read_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # Every request of this connection carries its transport in the scope (for `reset`).
        app = self.app

        async def with_transport(scope: Scope, receive: Receive, send: Send) -> None:
            scope[TRANSPORT_KEY] = transport
            await app(scope, receive, send)

        self.app = with_transport
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._read_timer is None and self.conn.their_state is h11.IDLE:
            self._arm()  # the first bytes of another request on a kept-alive connection
        super().data_received(data)
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._disarm()  # the whole request is in (or the connection is ending)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._read_timer = self.loop.call_later(self.read_timeout, self._timed_out)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _timed_out(self) -> None:
        self._read_timer = None
        if self.transport.is_closing():
            return
        # No request of this connection is with the app (none yet, or the last one answered).
        cycle: object = self.cycle
        idle = cycle is None or getattr(cycle, "response_complete", False)
        if self.conn.their_state is h11.IDLE and self.conn.our_state is h11.IDLE and idle:
            # Nothing of this request reached the app: say why before hanging up.
            self.transport.write(_TIMED_OUT)
        self.transport.close()


def _protocol(config: MockConfig) -> type[_MockH11Protocol]:
    """The protocol class with this mock's read timeout."""
    return type("MockH11Protocol", (_MockH11Protocol,), {"read_timeout": config.read_timeout})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address to bind) is this machine's loopback."""
    name = host.strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> frozenset[str] | None:
    """The ``Host`` names a mock bound to ``host`` answers: the loopback names on loopback, any
    (``None``) beyond it."""
    if not is_loopback(host):
        return None
    return _LOOPBACK_NAMES | {host.strip("[]").lower()}


def exposure_warning(host: str) -> str | None:
    """What to say when the mock binds beyond loopback (``None`` on loopback)."""
    if is_loopback(host):
        return None
    return (
        f"warning: the mock listens on {host}, beyond loopback: anyone who can reach this port "
        "can read the recorded orders (personal data) and script the mock, whose control "
        "endpoints take no credentials; bind 127.0.0.1 unless that is what you want"
    )


def _bind(host: str, port: int) -> socket.socket:
    """Bind and listen before uvicorn starts: the port is known at once (port=0 works) and
    early clients wait in the backlog instead of being refused."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio turns Nagle off only on sockets whose proto says TCP,
    # and uvicorn writes headers and body separately - with Nagle on, every response waits
    # ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _uvicorn_config(app: Any, log_level: str, config: MockConfig) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        http=_protocol(config),
        ws="none",
        lifespan="off",
        access_log=False,  # nothing logged per request: batches of 10,000 orders replay
        log_level=log_level,
        timeout_graceful_shutdown=2,
    )


def banner(config: MockConfig, url: str) -> str:
    """Start-up text: where the mock listens and which test credentials it expects.

    The key is shown only when it is the public default; a custom key might be real.
    """
    key = (
        config.secret_key if config.secret_key == DEFAULT_SECRET_KEY else "(custom key, not shown)"
    )
    lines = [
        f"Forter Order v3 mock listening on {url}",
        f"  POST {url}/v3/orders/{{orderId}}",
        f"  site id (x-forter-siteid): {config.site_id}",
        f"  secret key (Basic user, empty password): {key}",
        "  headers required: api-version, x-forter-siteid, Authorization",
        f"  control: {url}/_mock/health  {url}/_mock/requests  {url}/_mock/stats  "
        f"{url}/_mock/script  {url}/_mock/reset",
        f"  (POST /_mock/*: Content-Type: application/json and {CONTROL_HEADER}: 1)",
    ]
    if config.fault_rate:
        kinds = ",".join(config.fault_kinds)
        lines.append(f"  random faults: rate {config.fault_rate} of [{kinds}], seed {config.seed}")
    if config.latency_ms:
        lines.append(f"  latency: {config.latency_ms} ms per order request")
    lines.append(
        "  validation: strict (spec warnings answer 400)"
        if config.strict
        else "  validation: like Forter (400 for errors only; warnings in x-mock-warnings)"
        if config.validate
        else "  validation: off"
    )
    return "\n".join(lines)


def print_banner(config: MockConfig, url: str, file: TextIO | None = None) -> None:
    """Print :func:`banner` (to stdout by default)."""
    print(banner(config, url), file=file or sys.stdout, flush=True)


def serve(
    config: MockConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    log_level: str = "warning",
) -> None:
    """Run the mock in the foreground until interrupted (Ctrl-C); for the CLI."""
    config = config or MockConfig()
    app = create_app(config, allowed_hosts=allowed_hosts(host))
    warning = exposure_warning(host)
    if warning is not None:
        print(f"forter-orders: {warning}", file=sys.stderr, flush=True)
    warm_up()
    sock = _bind(host, port)
    print_banner(config, _url(sock))
    try:
        uvicorn.Server(_uvicorn_config(app, log_level, config)).run(sockets=[sock])
    except KeyboardInterrupt:
        # uvicorn shuts down gracefully, then re-raises the captured SIGINT; Ctrl-C is the
        # normal way to stop the mock, not an error worth a traceback.
        pass
    finally:
        sock.close()


class MockServer:
    """The mock served by uvicorn on a background thread; use as a context manager.

    ``port=0`` picks a free port; :attr:`url` tells which. Start-up returns once the mock
    answers its health endpoint; leaving the ``with`` block stops uvicorn and joins the thread.
    """

    def __init__(
        self, config: MockConfig | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.config = config or MockConfig()
        self.app = create_app(self.config, allowed_hosts=allowed_hosts(host))
        self.host = host
        warning = exposure_warning(host)
        if warning is not None:
            warnings.warn(f"forter mock: {warning}", RuntimeWarning, stacklevel=2)
        self.port = port
        self._sock: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    # ---------------------------------------------------------------- lifecycle
    def start(self) -> MockServer:
        """Start serving; returns when the mock is ready."""
        if self._thread is not None:
            raise RuntimeError("MockServer already started")
        warm_up()
        self._sock = _bind(self.host, self.port)
        self.url = _url(self._sock)
        self._server = uvicorn.Server(_uvicorn_config(self.app, "warning", self.config))
        sock = self._sock
        server = self._server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="forter-mock", daemon=True
        )
        self._thread.start()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        assert self._thread is not None  # noqa: S101 - start() set it
        deadline = time.monotonic() + _READY_TIMEOUT_S
        # The socket already listens, so a health request simply waits in the backlog until
        # uvicorn accepts it: no sleeping, one round trip once the loop runs.
        while time.monotonic() < deadline:
            if not self._thread.is_alive():
                raise RuntimeError("forter mock: uvicorn stopped during start-up")
            try:
                response = httpx.get(f"{self.url}/_mock/health", timeout=1.0)
            except httpx.TransportError:
                continue
            if response.status_code == 200:
                return
        raise TimeoutError(f"forter mock not ready after {_READY_TIMEOUT_S} s at {self.url}")

    def stop(self) -> None:
        """Stop uvicorn and wait for its thread (idempotent)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._sock is not None:
            self._sock.close()
        self._thread = self._server = self._sock = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ---------------------------------------------------------------- conveniences
    @property
    def controller(self) -> MockController:
        """The app's :class:`MockController` (scripting and recordings)."""
        controller: MockController = self.app.state.mock
        return controller

    @property
    def site_id(self) -> str:
        """The site id the mock expects."""
        return self.config.site_id

    @property
    def secret_key(self) -> str:
        """The secret key the mock expects (a test credential)."""
        return self.config.secret_key

    @property
    def api_key(self) -> str:
        """Deprecated old name of :attr:`secret_key` (removed in 0.3.0)."""
        warnings.warn(
            "MockServer.api_key is deprecated and will be removed in 0.3.0: use secret_key",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.config.secret_key

    def client(self, **options: Any) -> ForterClient:
        """A ``ForterClient`` for this mock (its URL and test credentials); close it after use.

        ``options`` go to ``ForterClient`` (``fallback=``, ``timeout=``, ...)::

            with MockServer() as mock, mock.client() as forter:
                decision = forter.orders.create(example_order("mobile"))
        """
        from .._client import ForterClient

        return ForterClient(**self._client_settings(options))

    def async_client(self, **options: Any) -> AsyncForterClient:
        """An ``AsyncForterClient`` for this mock, like :meth:`client`."""
        from .._client import AsyncForterClient

        return AsyncForterClient(**self._client_settings(options))

    def _client_settings(self, options: dict[str, Any]) -> dict[str, Any]:
        if not self.url:
            raise RuntimeError("start the MockServer (use it in a with block) before client()")
        return {
            "site_id": self.site_id,
            "secret_key": self.secret_key,
            "base_url": self.url,
            **options,
        }

    @property
    def strict(self) -> bool:
        """Whether strict-view warnings are refused (400) now, not only errors."""
        return self.controller.strict

    @strict.setter
    def strict(self, value: bool) -> None:
        self.controller.strict = value

    def queue(self, *scenarios: str) -> None:
        """Queue scenarios for the next order requests, in order."""
        self.controller.queue(*scenarios)

    def script_order(self, order_id: str, scenario: str) -> None:
        """Answer every request for ``order_id`` with ``scenario``."""
        self.controller.script_order(order_id, scenario)

    @property
    def received(self) -> list[dict[str, Any]]:
        """Recorded requests, newest last."""
        return self.controller.received

    @property
    def stats(self) -> dict[str, Any]:
        """Order requests answered since start or :meth:`clear`, by scenario and status."""
        return self.controller.stats

    def clear(self) -> None:
        """Forget recordings, scripts and stats; restart the seeded fault sequence."""
        self.controller.clear()

    def __repr__(self) -> str:
        return f"MockServer(url={self.url!r}, site_id={self.site_id!r})"
