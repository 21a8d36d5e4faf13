"""The wall-clock deadline of one ``create`` call, enforced on every socket operation.

httpx timeouts bound each socket operation, not a request: a server that sends one header, or one
body byte, every half second never trips a 4 s read timeout, and keeps a checkout waiting for as
long as it likes. The total deadline (``RetryPolicy.deadline``, 8 s by default) has to be a clock
that every operation of the call consults.

How, without a thread or a timer per call:

* The call's deadline (a ``time.monotonic()`` instant) sits in a :class:`~contextvars.ContextVar`
  for the duration of the call: per thread in sync code, per task in async code, so concurrent
  calls never see each other's deadline. Setting and resetting it costs ~0.1 µs.
* The connection pools of the httpx client that ``ForterClient`` / ``AsyncForterClient`` build
  get a network backend that wraps httpcore's own (:class:`DeadlineBackend`,
  :class:`AsyncDeadlineBackend`). Every connect, TLS handshake, read and write it performs has
  its timeout capped by the time left; once none is left it raises httpcore's timeout at once.
  So the status line, every header and every body byte share one budget, whatever the server
  drips. Outside a forter-orders call (no deadline in the context) the wrapper only forwards.
  Cost: a context-variable read and a clock read per socket operation (~0.3 µs; a call does 2-3).
* A caller's own ``httpx.AsyncClient``: its transport is not ours, so each attempt runs inside
  an ``anyio.CancelScope`` with the deadline instead (any transport, asyncio or trio; ~10 µs).
  A transport built with :func:`deadline_transport` takes the first route instead.
* A caller's own ``httpx.Client``: its transport is not ours and sync code cannot be cancelled
  from outside. The deadline caps every timeout at the start of each attempt, stops retries and
  waits, and is checked between body reads; what a server drips *before the headers are
  complete* is bounded per read only. Build the client's transport with
  :func:`deadline_transport` for the full guarantee (README, "Deadline").

The wrapper uses one private attribute of httpcore (``ConnectionPool._network_backend``, set in
its constructor and read when a connection is opened) and two of httpx (``Client._transport`` and
``Client._mounts``). :func:`install` reports whether it found them, and the client falls back to
the checks above when it did not (another httpx or httpcore version).
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Coroutine, Iterable
from contextvars import ContextVar
from time import monotonic
from typing import Any, Final

import httpcore
import httpx

DEADLINE: Final[ContextVar[float | None]] = ContextVar("forter_orders_deadline", default=None)
"""The ``time.monotonic()`` instant the current forter-orders call must end by, if any."""

# Writes are capped per piece, so a request body written to a server that drains it slowly is
# re-checked against the deadline at least every 64 KiB (an order is a few KiB: one piece).
_WRITE_PIECE: Final = 64 * 1024
DEADLINE_MESSAGE: Final = "the deadline of this call passed"


def time_left(exc_type: type[Exception]) -> float | None:
    """Seconds left before the current deadline (``None``: no deadline); raises ``exc_type``
    when none are left."""
    deadline = DEADLINE.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise exc_type(DEADLINE_MESSAGE)
    return left


def _cap(timeout: float | None, exc_type: type[Exception]) -> float | None:
    left = time_left(exc_type)
    if left is None or (timeout is not None and timeout <= left):
        return timeout
    return left


def passed(deadline: float | None, *, margin: float = 0.005) -> bool:
    """Whether ``deadline`` (a ``time.monotonic()`` instant) has passed (within ``margin``)."""
    return deadline is not None and time.monotonic() >= deadline - margin


# ---------------------------------------------------------------------------------------- sync


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the current call's deadline.

    ``read`` and ``write`` (a call makes 3-4 of them) inline :func:`_cap`: this is the hot path.
    """

    __slots__ = ("_stream",)

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        deadline = DEADLINE.get()
        if deadline is not None:
            left = deadline - monotonic()
            if left <= 0:
                raise httpcore.ReadTimeout(DEADLINE_MESSAGE)
            if timeout is None or timeout > left:
                timeout = left
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if len(buffer) <= _WRITE_PIECE:
            deadline = DEADLINE.get()
            if deadline is not None:
                left = deadline - monotonic()
                if left <= 0:
                    raise httpcore.WriteTimeout(DEADLINE_MESSAGE)
                if timeout is None or timeout > left:
                    timeout = left
            self._stream.write(buffer, timeout)
            return
        view = memoryview(buffer)
        for start in range(0, len(buffer), _WRITE_PIECE):
            piece = bytes(view[start : start + _WRITE_PIECE])
            self._stream.write(piece, _cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return DeadlineStream(
            self._stream.start_tls(
                ssl_context, server_hostname, _cap(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's sync network backend, with every stream it opens bounded by the deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self.backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.backend.connect_tcp(
            host,
            port,
            timeout=_cap(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.backend.connect_unix_socket(
            path, timeout=_cap(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self.backend.sleep(seconds)


# --------------------------------------------------------------------------------------- async


class AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    """:class:`DeadlineStream` for httpcore's async streams (asyncio or trio).

    ``read`` and ``write`` are plain functions returning the wrapped stream's coroutine, so the
    wrapper adds no coroutine of its own to resume at every await (the hot path); a deadline
    already passed raises when they are called, which is inside the caller's ``await``.
    """

    __slots__ = ("_stream",)

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> Coroutine[Any, Any, bytes]:
        deadline = DEADLINE.get()
        if deadline is not None:
            left = deadline - monotonic()
            if left <= 0:
                raise httpcore.ReadTimeout(DEADLINE_MESSAGE)
            if timeout is None or timeout > left:
                timeout = left
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> Coroutine[Any, Any, None]:
        if len(buffer) > _WRITE_PIECE:
            return self._write_pieces(buffer, timeout)
        deadline = DEADLINE.get()
        if deadline is not None:
            left = deadline - monotonic()
            if left <= 0:
                raise httpcore.WriteTimeout(DEADLINE_MESSAGE)
            if timeout is None or timeout > left:
                timeout = left
        return self._stream.write(buffer, timeout)

    async def _write_pieces(self, buffer: bytes, timeout: float | None) -> None:
        view = memoryview(buffer)
        for start in range(0, len(buffer), _WRITE_PIECE):
            piece = bytes(view[start : start + _WRITE_PIECE])
            await self._stream.write(piece, _cap(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._stream.start_tls(
            ssl_context, server_hostname, _cap(timeout, httpcore.ConnectTimeout)
        )
        return AsyncDeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    """httpcore's async network backend, with every stream it opens bounded by the deadline."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self.backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self.backend.connect_tcp(
            host,
            port,
            timeout=_cap(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return AsyncDeadlineStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self.backend.connect_unix_socket(
            path, timeout=_cap(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return AsyncDeadlineStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self.backend.sleep(seconds)


# ------------------------------------------------------------------------------- installation


def _install_on_transport(transport: object) -> bool:
    """Wrap the backend of an httpx transport's connection pool; False when it has none."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, DeadlineBackend | AsyncDeadlineBackend):
        return True
    if isinstance(pool, httpcore.ConnectionPool) and isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = DeadlineBackend(backend)
        return True
    if isinstance(pool, httpcore.AsyncConnectionPool) and isinstance(
        backend, httpcore.AsyncNetworkBackend
    ):
        pool._network_backend = AsyncDeadlineBackend(backend)
        return True
    return False


def _transports(http: httpx.Client | httpx.AsyncClient) -> list[object] | None:
    transport = getattr(http, "_transport", None)
    mounts = getattr(http, "_mounts", None)
    if transport is None or not isinstance(mounts, dict):
        return None
    return [transport, *(t for t in mounts.values() if t is not None)]


def install(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Bound every connection pool of ``http`` by the call deadline; True when all of them are.

    Only for clients built by forter-orders (their pools are still empty); see the module docs.
    """
    transports = _transports(http)
    if transports is None:
        return False
    results = [_install_on_transport(t) for t in transports]  # every one, no short cut
    return all(results)


def installed(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Whether every connection pool of ``http`` already enforces the deadline."""
    transports = _transports(http)
    if transports is None:
        return False
    for transport in transports:
        backend = getattr(getattr(transport, "_pool", None), "_network_backend", None)
        if not isinstance(backend, DeadlineBackend | AsyncDeadlineBackend):
            return False
    return True


def plain_network_transport(http: httpx.Client) -> bool:
    """Whether ``http`` sends through an ``httpx.HTTPTransport`` that does not enforce the
    deadline (a custom or mock transport is the caller's business: nothing to say about it)."""
    transports = _transports(http)
    if transports is None:
        return False
    return any(
        isinstance(transport, httpx.HTTPTransport)
        and not isinstance(
            getattr(getattr(transport, "_pool", None), "_network_backend", None), DeadlineBackend
        )
        for transport in transports
    )


def deadline_transport(**kwargs: Any) -> httpx.HTTPTransport:
    """An ``httpx.HTTPTransport`` whose connections end by each forter-orders call's deadline.

    For your own ``httpx.Client`` (a proxy, mTLS, other limits) passed as ``http_client=``:
    ``httpx.Client(transport=deadline_transport(proxy=..., verify=...))``. Takes the arguments of
    ``httpx.HTTPTransport``. Outside forter-orders calls it behaves exactly like one. (With
    ``transport=``, httpx ignores proxy environment variables: pass ``proxy=`` here.)
    """
    transport = httpx.HTTPTransport(**kwargs)
    if not _install_on_transport(transport):  # pragma: no cover - another httpx/httpcore
        raise RuntimeError("this httpx/httpcore version has no pool to bound; use http_client=None")
    return transport


def async_deadline_transport(**kwargs: Any) -> httpx.AsyncHTTPTransport:
    """:func:`deadline_transport` for an ``httpx.AsyncClient`` (saves the per-call cancel scope)."""
    transport = httpx.AsyncHTTPTransport(**kwargs)
    if not _install_on_transport(transport):  # pragma: no cover - another httpx/httpcore
        raise RuntimeError("this httpx/httpcore version has no pool to bound; use http_client=None")
    return transport
