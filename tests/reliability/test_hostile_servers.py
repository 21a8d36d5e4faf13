"""Hostile servers: peers that drip, lie, redirect or send nonsense, on raw loopback sockets.

The mock answers in one piece; these servers (``raw_server`` in conftest) write raw bytes at their
own pace, so the client meets what a broken proxy, a tarpit or an attacker in front of Forter
could send:

* **Deadline.** Status line, headers or body dripped a piece every 0.25 s, a chunked body that
  never ends, a ``Content-Length`` that promises more than comes, silence: every ``create()``
  ends at its ``RetryPolicy.deadline`` (plus a small slack) with a fallback or
  ``APITimeoutError``, sync and async, with the client's own pool, with a caller's client built
  on ``deadline_transport()``, and (async, or a body drip) with any caller's client. With the
  defaults (4 s per socket operation, 8 s in total) a checkout waits at most ~8 s.
* **Nothing raw escapes.** An absurd ``Retry-After`` date, and hypothesis fuzzing status lines,
  headers (Retry-After, Date, Content-Length, Content-Type, Content-Encoding, Transfer-Encoding,
  Location) and bodies against both clients: every call ends in a decision, a fallback or a
  ``ForterError``; only a 2xx yields a decision, and a 3xx never does.
* **No redirects.** 301/302/303/307/308, even through ``httpx.Client(follow_redirects=True)``:
  ``RedirectError`` naming the status and the Location host; the order reaches no other server
  and is sent once.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forter_orders import (
    APIConnectionError,
    APITimeoutError,
    AsyncForterClient,
    FallbackPolicy,
    ForterClient,
    ForterError,
    InternalServerError,
    RedirectError,
    RetryPolicy,
    async_deadline_transport,
    deadline_transport,
    is_fallback,
)
from forter_orders_api.models import OrderDecision

pytestmark = pytest.mark.timeout(180)

ROOT = Path(__file__).resolve().parents[2]
ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "full_web_order.json").read_text())
OID: str = ORDER["orderId"]
SITE_ID = "hostile-site"
SECRET_KEY = "sk_hostile_0123456789"  # a test credential
DECISION = json.dumps(
    {"orderId": OID, "forterDecision": "APPROVE", "recommendation": "", "decisionReason": "ok"}
).encode()
# The conftest's fixtures and types (conftest cannot be imported in importlib mode).
Figure = Callable[[str, object], None]
RawServer = Any
RawConnection = Any
RawRequest = Any

# Each drip sends a piece this often: far below the per-operation timeout (4 s), so no single
# read ever times out, which is what kept calls alive for 18-25 s before the deadline was enforced.
DRIP_INTERVAL = 0.25
# A short deadline keeps the suite quick; the defaults are checked once, in full (8 s).
DEADLINE = 1.0
# How late after its deadline a call may end: the timeout fires on the deadline itself; the rest
# is classification, fail-open and a loaded 2-core machine. The measured overshoot is a figure.
SLACK = 1.0
CLIENTS = ["sync", "async"]


def _head(status: str = "200 OK", length: int | None = None, extra: str = "") -> bytes:
    # Connection: close, as the server closes after each answer (else a pooled connection may be
    # reused before its end-of-stream arrives, and the retry fails with a ReadError).
    lines = [
        f"HTTP/1.1 {status}",
        "Content-Type: application/json",
        "X-Request-Id: hostile-1",
        "Connection: close",
    ]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def _forever(piece: bytes) -> Iterator[bytes]:
    while True:
        yield piece


def drip_status_line(connection: RawConnection, request: RawRequest) -> None:
    """The status line one byte at a time, then more of it, forever."""
    connection.drip(_forever(b"H"), DRIP_INTERVAL)


def drip_headers(connection: RawConnection, request: RawRequest) -> None:
    """A status line, then one header every DRIP_INTERVAL, never the blank line."""
    connection.send(b"HTTP/1.1 200 OK\r\n")
    connection.drip((f"X-Drip-{n}: {n}\r\n".encode() for n in range(100_000)), DRIP_INTERVAL)


def drip_body(connection: RawConnection, request: RawRequest) -> None:
    """Headers at once, then the decision one byte every DRIP_INTERVAL."""
    connection.send(_head(length=len(DECISION)))
    connection.drip([DECISION[i : i + 1] for i in range(len(DECISION))], DRIP_INTERVAL)


def drip_chunks(connection: RawConnection, request: RawRequest) -> None:
    """A chunked body whose chunks never end."""
    connection.send(_head(extra="Transfer-Encoding: chunked\r\n"))
    connection.drip(_forever(b"1\r\n \r\n"), DRIP_INTERVAL)


def short_body(connection: RawConnection, request: RawRequest) -> None:
    """``Content-Length`` promises the decision and more; the rest never comes."""
    connection.send(_head(length=len(DECISION) + 100) + DECISION)
    connection.hold(60)


def silence(connection: RawConnection, request: RawRequest) -> None:
    """Read the request, answer nothing, keep the connection open."""
    connection.hold(60)


DRIPS: dict[str, Callable[[RawConnection, RawRequest], None]] = {
    "status line byte by byte": drip_status_line,
    "headers one by one": drip_headers,
    "body byte by byte": drip_body,
    "endless chunked body": drip_chunks,
    "Content-Length longer than the body": short_body,
    "silence": silence,
}
# What a caller's plain httpx.Client bounds without deadline_transport(): the body, checked
# between reads. Everything before the end of the headers is bounded per read only (documented).
BODY_DRIPS = ("body byte by byte", "endless chunked body")


def _kwargs(url: str, **extra: Any) -> dict[str, Any]:
    return {"site_id": SITE_ID, "secret_key": SECRET_KEY, "base_url": url, **extra}


def _short_policy() -> RetryPolicy:
    return RetryPolicy(max_retries=1, deadline=DEADLINE, backoff_initial=0.01, jitter=0.0)


def _call_sync(client: ForterClient, **call: Any) -> tuple[object, float]:
    started = time.monotonic()
    try:
        result: object = client.orders.create(ORDER, validate=False, **call)
    except ForterError as exc:
        result = exc
    return result, time.monotonic() - started


async def _call_async(client: AsyncForterClient, **call: Any) -> tuple[object, float]:
    started = time.monotonic()
    try:
        result: object = await client.orders.create(ORDER, validate=False, **call)
    except ForterError as exc:
        result = exc
    return result, time.monotonic() - started


def _timed_out(result: object) -> bool:
    """A fallback for a timeout, or APITimeoutError naming the deadline."""
    if isinstance(result, OrderDecision):
        return is_fallback(result) and result.reason == "timeout"
    return isinstance(result, APITimeoutError) and "deadline" in str(result)


def _check_deadline(
    result: object, elapsed: float, deadline: float, figure: Figure, name: str
) -> None:
    """Timed out on the deadline, within the slack; the overshoot is recorded as a figure."""
    assert _timed_out(result), result
    assert elapsed < deadline + SLACK, f"{elapsed:.2f} s for a {deadline} s deadline"
    figure(f"{name}: ms past the {deadline:g} s deadline", round((elapsed - deadline) * 1000))


# ----------------------------------------------------------------------------- deadline


@pytest.mark.parametrize("drip", list(DRIPS))
@pytest.mark.parametrize("fallback", [True, False], ids=["fallback", "raise"])
def test_the_deadline_holds_with_the_clients_own_pool(
    raw_server: RawServer, drip: str, fallback: bool, figure: Figure
) -> None:
    """Sync and async at once (two calls, one deadline each): both end by the deadline."""
    raw_server.handler = DRIPS[drip]
    policy = FallbackPolicy() if fallback else None
    kwargs = _kwargs(raw_server.url, retry=_short_policy(), fallback=policy)
    outcome: dict[str, tuple[object, float]] = {}

    def sync_side() -> None:
        with ForterClient(**kwargs) as client:
            outcome["sync"] = _call_sync(client)

    async def async_side() -> None:
        async with AsyncForterClient(**kwargs) as client:
            outcome["async"] = await _call_async(client)

    thread = threading.Thread(target=sync_side)
    thread.start()
    asyncio.run(async_side())
    thread.join(timeout=30)
    assert not thread.is_alive(), "the sync call was still running 30 s later"
    for side in CLIENTS:
        result, elapsed = outcome[side]
        _check_deadline(result, elapsed, DEADLINE, figure, side)
        assert isinstance(result, OrderDecision) == fallback


@pytest.mark.parametrize("drip", list(DRIPS))
def test_the_deadline_holds_with_a_callers_client_on_deadline_transport(
    raw_server: RawServer, drip: str, figure: Figure
) -> None:
    raw_server.handler = DRIPS[drip]
    kwargs = _kwargs(raw_server.url, retry=_short_policy(), fallback=FallbackPolicy())
    outcome: dict[str, tuple[object, float]] = {}

    def sync_side() -> None:
        with (
            httpx.Client(transport=deadline_transport()) as http,
            ForterClient(http_client=http, **kwargs) as client,
        ):
            outcome["sync"] = _call_sync(client)

    async def async_side() -> None:
        async with (
            httpx.AsyncClient(transport=async_deadline_transport()) as http,
            AsyncForterClient(http_client=http, **kwargs) as client,
        ):
            outcome["async"] = await _call_async(client)

    thread = threading.Thread(target=sync_side)
    thread.start()
    asyncio.run(async_side())
    thread.join(timeout=30)
    assert not thread.is_alive(), "the sync call was still running 30 s later"
    for side in CLIENTS:
        _check_deadline(*outcome[side], DEADLINE, figure, side)


@pytest.mark.parametrize("drip", list(DRIPS))
def test_the_deadline_holds_with_any_async_client_of_the_caller(
    raw_server: RawServer, drip: str, figure: Figure
) -> None:
    """A plain httpx.AsyncClient (its transport is not ours): a cancel scope per attempt."""
    raw_server.handler = DRIPS[drip]

    async def main() -> tuple[object, float]:
        async with (
            httpx.AsyncClient() as http,
            AsyncForterClient(
                http_client=http,
                **_kwargs(raw_server.url, retry=_short_policy(), fallback=FallbackPolicy()),
            ) as client,
        ):
            return await _call_async(client)

    _check_deadline(*asyncio.run(main()), DEADLINE, figure, "async")


@pytest.mark.parametrize("drip", BODY_DRIPS)
def test_a_callers_plain_sync_client_bounds_the_body_by_the_deadline(
    raw_server: RawServer, drip: str, figure: Figure
) -> None:
    """A plain httpx.Client: the deadline is checked between body reads (README, "Deadline")."""
    raw_server.handler = DRIPS[drip]
    with (
        httpx.Client() as http,
        ForterClient(
            http_client=http,
            **_kwargs(raw_server.url, retry=_short_policy(), fallback=FallbackPolicy()),
        ) as client,
    ):
        result, elapsed = _call_sync(client)
    # One read may complete after the deadline before the check sees it: one drip interval more.
    assert _timed_out(result), result
    assert elapsed < DEADLINE + DRIP_INTERVAL + SLACK


def test_a_callers_plain_sync_client_is_warned_about_once_when_the_client_is_built(
    raw_server: RawServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Before the headers, a plain httpx.Client bounds each read only: say so, and how to fix
    it, when the ForterClient is built - not silently after a checkout hung."""
    caplog.set_level(logging.WARNING, logger="forter_orders")
    with httpx.Client() as http, ForterClient(http_client=http, **_kwargs(raw_server.url)):
        pass
    (record,) = [r for r in caplog.records if "deadline_transport" in r.getMessage()]
    assert record.levelno == logging.WARNING
    caplog.clear()
    with (
        httpx.Client(transport=deadline_transport()) as http,
        ForterClient(http_client=http, **_kwargs(raw_server.url)),
    ):
        pass
    AsyncForterClient(http_client=httpx.AsyncClient(), **_kwargs(raw_server.url))
    assert [r for r in caplog.records if "deadline_transport" in r.getMessage()] == []


def test_defaults_keep_a_checkout_within_8_seconds_whatever_the_server_drips(
    raw_server: RawServer, figure: Figure
) -> None:
    """The README's promise, with nothing but a FallbackPolicy: 4 calls at once, 8 s each."""
    raw_server.handler = lambda connection, request: (
        drip_headers if b"headers" in request.head else drip_body
    )(connection, request)
    kwargs = _kwargs(raw_server.url, fallback=FallbackPolicy())
    outcome: dict[str, tuple[object, float]] = {}

    def sync_side(drip: str) -> None:
        with ForterClient(**kwargs) as client:
            started = time.monotonic()
            result = client.orders.create(ORDER, validate=False, headers={"x-drip": drip})
            outcome[f"sync {drip}"] = (result, time.monotonic() - started)

    async def async_side() -> None:
        async with AsyncForterClient(**kwargs) as client:

            async def one(drip: str) -> None:
                started = time.monotonic()
                result = await client.orders.create(ORDER, validate=False, headers={"x-drip": drip})
                outcome[f"async {drip}"] = (result, time.monotonic() - started)

            await asyncio.gather(one("headers"), one("body"))

    threads = [threading.Thread(target=sync_side, args=(drip,)) for drip in ("headers", "body")]
    for thread in threads:
        thread.start()
    asyncio.run(async_side())
    for thread in threads:
        thread.join(timeout=30)
        assert not thread.is_alive(), "a sync call was still running 30 s later"
    deadline = RetryPolicy().deadline
    assert deadline == 8.0
    assert len(outcome) == 4
    for name, (result, elapsed) in sorted(outcome.items()):
        _check_deadline(result, elapsed, deadline, figure, f"{name} drip")
    # The first attempt used the whole budget (a read never timed out), so no retry started.
    assert raw_server.connections == 4


# ----------------------------------------------------------------------------- nothing raw escapes

# A Retry-After date whose year Python cannot represent: email.utils raises OverflowError.
ABSURD_DATE = "Fri, 31 Dec 999999999999 23:59:59 GMT"


def _answer(status: str, headers: str = "", body: bytes = b"{}") -> Callable[..., None]:
    def handler(connection: RawConnection, request: RawRequest) -> None:
        connection.send(_head(status, len(body), headers) + body)

    return handler


@pytest.mark.parametrize("client", CLIENTS)
@pytest.mark.parametrize("status", ["503 Service Unavailable", "429 Too Many Requests"])
@pytest.mark.parametrize("header", ["Retry-After", "Date"])
def test_an_absurd_date_is_a_garbled_retry_after_not_an_overflow(
    raw_server: RawServer, client: str, status: str, header: str
) -> None:
    """It used to raise OverflowError out of create(), even with fail-open."""
    extra = f"Retry-After: {ABSURD_DATE}\r\n"
    if header == "Date":  # a sane Retry-After date measured against an absurd server Date
        extra = f"Retry-After: Fri, 31 Dec 2027 23:59:59 GMT\r\nDate: {ABSURD_DATE}\r\n"
    raw_server.handler = _answer(status, extra)
    waits: list[float] = []
    # No deadline and a fake sleep: the wait the client asks for is what it made of the header.
    policy = RetryPolicy(
        max_retries=1, backoff_initial=0.01, jitter=0.0, deadline=None, max_retry_after=1e12
    )
    for fallback in (None, FallbackPolicy()):
        kwargs = _kwargs(raw_server.url, retry=policy, fallback=fallback)
        if client == "sync":
            with ForterClient(sleep=waits.append, **kwargs) as sync_client:
                result, _ = _call_sync(sync_client)
        else:

            async def record(seconds: float) -> None:
                waits.append(seconds)

            async def main(kwargs: dict[str, Any] = kwargs) -> tuple[object, float]:
                async with AsyncForterClient(sleep=record, **kwargs) as async_client:
                    return await _call_async(async_client)

            result, _ = asyncio.run(main())
        if fallback is None:
            assert isinstance(result, ForterError), result
            assert result.http_status == int(status[:3])  # type: ignore[attr-defined]
        else:
            assert is_fallback(result), result  # type: ignore[arg-type]
    assert len(raw_server.requests) == 4  # retried once, in each mode
    if header == "Retry-After":  # garbled: the client's own backoff
        assert waits == [0.01, 0.01]
    else:  # measured against the local clock instead of the absurd Date: about a year
        assert all(30 * 86400 < wait < 3 * 365 * 86400 for wait in waits), waits


@pytest.mark.parametrize("fail_open", [True, False])
def test_send_journals_an_absurd_retry_after_instead_of_crashing(
    raw_server: RawServer, tmp_path: Path, fail_open: bool
) -> None:
    """`send --fail-open` printed a traceback and left the journal with 0 lines."""
    raw_server.handler = _answer("503 Service Unavailable", f"Retry-After: {ABSURD_DATE}\r\n")
    orders = tmp_path / "orders.jsonl"
    orders.write_text("".join(json.dumps({**ORDER, "orderId": f"o-{n}"}) + "\n" for n in range(3)))
    journal = tmp_path / "journal.jsonl"
    command = [*SEND, str(orders), "--out", str(journal), "--no-validate", "--max-retries", "0"]
    done = _run(command + (["--fail-open"] if fail_open else []), raw_server.url)
    assert "Traceback" not in done.stderr
    assert done.returncode == (0 if fail_open else 1), done.stderr
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    assert sorted(line["orderId"] for line in lines) == ["o-0", "o-1", "o-2"]
    outcome = "fallback" if fail_open else "error"
    assert {line["outcome"] for line in lines} == {outcome}
    assert {line["httpStatus"] for line in lines} == {503}


SEND = [sys.executable, "-m", "forter_orders.cli", "send"]


def _run(command: list[str], url: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "FORTER_SITE_ID": SITE_ID,
        "FORTER_SECRET_KEY": SECRET_KEY,
        "FORTER_BASE_URL": url,
        "NO_COLOR": "1",
        "COLUMNS": "200",
        **env,
    }
    return subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


# Status codes a server might send, including ones h11 or httpx treat specially.
_STATUSES = st.one_of(
    st.just(200),
    st.sampled_from(
        [
            *(200, 201, 204, 206, 299, 300, 301, 302, 303, 304, 307, 308, 399, 400, 401, 404),
            *(418, 429, 500, 502, 503, 504, 520, 100, 101, 103, 199, 600, 999),
        ]
    ),
    st.integers(0, 1200),
)
_YEARS = st.sampled_from([0, 1, 70, 1969, 2026, 9999, 10000, 99999, 999999999999, 10**30])
_HTTP_DATES = st.builds(
    "{}, 31 Dec {} 23:59:59 {}".format,
    st.sampled_from(["Fri", "Mon", "Xyz"]),
    _YEARS,
    st.sampled_from(["GMT", "+0000", "-9999", "+2400", "UTC", "ZZZ"]),
)
_NUMBERS = st.one_of(
    st.integers(-10, 10**25).map(str),
    st.floats().map(repr),
    st.sampled_from(["", " ", "1e400", "-0", "0x10", "\u0661\u0662", "nan", "inf", "1, 2"]),
)
_LATIN1 = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=24)
_VALUES: dict[str, st.SearchStrategy[str]] = {
    "Retry-After": st.one_of(_NUMBERS, _HTTP_DATES, _LATIN1),
    "Date": st.one_of(_HTTP_DATES, _LATIN1),
    "Content-Length": st.one_of(_NUMBERS, st.just("{length}"), st.just("{length+1}")),
    "Content-Type": st.one_of(
        st.sampled_from(
            [
                "application/json",
                "application/json; charset=utf-16",
                "application/json; charset=bogus",
                "text/html",
                "application/octet-stream",
                "",
            ]
        ),
        _LATIN1,
    ),
    "Content-Encoding": st.one_of(
        st.sampled_from(["gzip", "deflate", "br", "zstd", "identity", "gzip, gzip", "x-bogus"]),
        _LATIN1,
    ),
    "Transfer-Encoding": st.sampled_from(["chunked", "gzip", "chunked, chunked", "x-bogus", ""]),
    "Location": st.one_of(
        st.sampled_from(
            ["http://localhost:9/steal", "/v3/orders/elsewhere", "https://evil.example/", ""]
        ),
        _LATIN1,
    ),
    "X-Request-Id": _LATIN1,
}
_BODIES = st.one_of(
    st.just(DECISION),
    st.just(DECISION),
    st.just(DECISION),
    st.just(json.dumps({"orderId": OID, "forterDecision": 7}).encode()),
    st.just(b'{"status": "failed", "message": "no", "errors": [{"path": 1}]}'),
    st.just(gzip.compress(DECISION)),
    st.just(gzip.compress(DECISION)[:-6]),
    st.just(b"x" * (1 << 20) + b"y"),
    st.binary(max_size=64),
    st.just(b""),
)


@st.composite
def raw_responses(draw: st.DrawFn) -> tuple[bytes, int | None, bool]:
    """(the bytes a server writes, the status it meant, whether it then keeps the line open).

    Most responses are well-formed HTTP/1.1 with a right Content-Length and a few fuzzed headers,
    so the client's own handling (statuses, Retry-After, encodings, redirects) gets exercised;
    the rest break the framing, the status line or a header line outright.
    """
    body = draw(_BODIES)
    status = draw(_STATUSES)
    version = draw(st.sampled_from(["HTTP/1.1"] * 6 + ["HTTP/1.0", "HTTP/2", "ICY"]))
    reason = draw(st.sampled_from(["OK", "", "Whatever", "\u00e9t\u00e9"]))
    status_line = f"{version} {status} {reason}".rstrip().encode("latin-1")
    if draw(st.integers(0, 19)) == 0:
        status_line = draw(st.binary(max_size=30))
    names = draw(st.lists(st.sampled_from(sorted(_VALUES)), max_size=4))
    lines = [status_line]
    framed = "Content-Length" in names or "Transfer-Encoding" in names
    chunked = False
    for name in names:
        value = draw(_VALUES[name])
        value = value.replace("{length}", str(len(body))).replace("{length+1}", str(len(body) + 1))
        chunked = chunked or (name == "Transfer-Encoding" and value == "chunked")
        lines.append(f"{name}: {value}".encode())  # UTF-8: obs-text to h11
    if not framed and draw(st.integers(0, 3)):
        lines.append(f"Content-Length: {len(body)}".encode())
    if draw(st.integers(0, 19)) == 0:
        lines.append(draw(st.binary(max_size=30)))  # a header line of raw bytes
    payload = body
    if chunked and draw(st.booleans()):
        payload = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    blob = b"\r\n".join(lines) + b"\r\n\r\n" + payload
    keep_open = draw(st.integers(0, 7)) == 0
    return blob, status, keep_open


def test_no_raw_exception_escapes_whatever_the_server_sends(
    raw_server: RawServer, scale: float, figure: Figure
) -> None:
    """Hypothesis writes status lines, headers and bodies; 4 calls meet each (sync/async x
    raise/fail-open): a decision only from a 2xx, never from a 3xx; else a ForterError or a
    fallback. Nothing else may come out of create()."""
    outcomes: Counter[str] = Counter()
    examples = max(1, round(150 * scale))
    policy = RetryPolicy(max_retries=1, deadline=1.0, backoff_initial=0.01, jitter=0.0)
    # A short read timeout: a response that stops short (keep_open) costs 0.1 s per attempt.
    kwargs = _kwargs(raw_server.url, retry=policy, timeout=0.1)
    sync_raise = ForterClient(sleep=lambda seconds: None, **kwargs)
    sync_open = ForterClient(sleep=lambda seconds: None, fallback=FallbackPolicy(), **kwargs)

    async def no_wait(seconds: float) -> None:
        return None

    async def async_calls(tag: dict[str, str]) -> list[object]:
        results: list[object] = []
        for fallback in (None, FallbackPolicy()):
            async with AsyncForterClient(sleep=no_wait, fallback=fallback, **kwargs) as client:
                results.append((await _call_async(client, headers=tag))[0])
        return results

    def check(result: object, status: int | None, response: bytes) -> None:
        assert isinstance(result, OrderDecision | ForterError), (type(result), response[:300])
        if isinstance(result, OrderDecision) and not is_fallback(result):
            assert status is not None, response[:300]
            assert 200 <= status < 300, response[:300]
            outcomes["decision"] += 1
        elif isinstance(result, OrderDecision):
            assert not isinstance(result.error, RedirectError)
            outcomes[f"fallback {result.reason}"] += 1
        else:
            outcomes[type(result).__name__] += 1

    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(raw_responses())
    def one(case: tuple[bytes, int | None, bool]) -> None:
        response, status, keep_open = case

        def handler(connection: RawConnection, request: RawRequest) -> None:
            connection.send(response)
            if keep_open:
                connection.hold(2)

        raw_server.handler = handler
        # Tagged, because a request the client gave up on may be read by the server only later,
        # during the next case on a loaded machine.
        tag = {"x-case": str(len(seen))}
        results = [
            _call_sync(sync_raise, headers=tag)[0],
            _call_sync(sync_open, headers=tag)[0],
            *asyncio.run(async_calls(tag)),
        ]
        for result in results:
            check(result, status, response)
        # At most one retry per call, and every request reached this server (no redirect).
        sent = [r for r in list(raw_server.requests) if r.header("x-case") == tag["x-case"]]
        assert len(sent) <= 2 * len(results)
        seen.append(case)

    seen: list[tuple[bytes, int | None, bool]] = []
    try:
        one()
    finally:
        sync_raise.close()
        sync_open.close()
    assert len(seen) >= examples
    figure("fuzzed server responses", len(seen))
    figure("calls (sync/async x raise/fail-open)", 4 * len(seen))
    for name, count in sorted(outcomes.items()):
        if count:
            figure(f"outcome {name}", count)


# ----------------------------------------------------------------------------- redirects


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("client", CLIENTS)
@pytest.mark.parametrize("follow", [False, True], ids=["own pool", "caller follow_redirects"])
def test_a_redirect_is_never_followed_and_never_a_decision(
    raw_server: RawServer,
    make_raw_server: Callable[..., RawServer],
    code: int,
    client: str,
    follow: bool,
) -> None:
    """The order goes to one server, once; the 3xx is a RedirectError naming the Location host,
    raised even under fail-open (it is a misconfiguration, like a 401)."""
    elsewhere = make_raw_server()
    elsewhere.handler = _answer("200 OK", body=DECISION)
    location = f"http://localhost:{elsewhere.port}/collect"
    raw_server.handler = _answer(f"{code} Moved", f"Location: {location}\r\n")
    errors: list[object] = []
    for fallback in (None, FallbackPolicy()):
        kwargs = _kwargs(raw_server.url, fallback=fallback)
        if client == "sync":
            with (
                httpx.Client(follow_redirects=True) as http,
                ForterClient(http_client=http if follow else None, **kwargs) as sync_client,
            ):
                errors.append(_call_sync(sync_client)[0])
        else:

            async def main(kwargs: dict[str, Any] = kwargs) -> object:
                async with (
                    httpx.AsyncClient(follow_redirects=True) as http,
                    AsyncForterClient(
                        http_client=http if follow else None, **kwargs
                    ) as async_client,
                ):
                    return (await _call_async(async_client))[0]

            errors.append(asyncio.run(main()))
    for error in errors:
        assert isinstance(error, RedirectError), error
        assert error.http_status == code
        assert error.location_host == "localhost"
        assert f"HTTP {code}" in str(error)
        assert "'localhost'" in str(error)
    assert len(raw_server.requests) == 2  # once per mode: never retried
    assert elsewhere.requests == []  # never re-sent (or turned into a GET) elsewhere


# ----------------------------------------------------------------------------- a caller's client


class HookFailed(Exception):
    """What a caller's event hook raises."""


@pytest.mark.parametrize("hook", ["request", "response", "raise_for_status"])
def test_whatever_a_callers_event_hook_raises_comes_out_as_a_forter_error(
    raw_server: RawServer, hook: str
) -> None:
    """A 503 checked by the caller's own `raise_for_status` hook keeps its status class."""
    raw_server.handler = _answer("503 Service Unavailable")

    def failing(_: object) -> None:
        raise HookFailed("the caller's hook failed")

    def sync_hooks() -> dict[str, list[Callable[..., Any]]]:
        if hook == "raise_for_status":
            return {"response": [lambda response: response.raise_for_status()]}
        return {hook: [failing]}

    async def raise_for_status(response: httpx.Response) -> None:
        response.raise_for_status()

    async def afailing(_: object) -> None:
        raise HookFailed("the caller's hook failed")

    kwargs = _kwargs(raw_server.url, max_retries=0)
    with (
        httpx.Client(event_hooks=sync_hooks()) as http,
        ForterClient(http_client=http, **kwargs) as client,
    ):
        sync_result, _ = _call_sync(client)

    async def main() -> object:
        hooks: dict[str, list[Callable[..., Any]]] = {hook: [afailing]}
        if hook == "raise_for_status":
            hooks = {"response": [raise_for_status]}
        async with (
            httpx.AsyncClient(event_hooks=hooks) as http,
            AsyncForterClient(http_client=http, **kwargs) as client,
        ):
            return (await _call_async(client))[0]

    for result in (sync_result, asyncio.run(main())):
        if hook == "raise_for_status":
            assert isinstance(result, InternalServerError), result
            assert result.http_status == 503
        else:
            assert isinstance(result, APIConnectionError), result
            assert isinstance(result.__cause__, HookFailed)
            assert "HookFailed" in str(result)
