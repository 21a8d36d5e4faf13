"""Concurrency safety: one client shared by threads or tasks behaves as separate clients do.

The same orders (decisions by test email, invalid ones, per-orderId scripted 503s with and without
fail-open, scripted connection resets, per-call headers, an orderId that needs quoting, a value
outside the known decisions) go once through one shared client and once through a client per
thread (or task). Per orderId the outcome must be the expected one and the same both ways, and
so must what the mock received: the same requests, headers and JSON bodies.

Scripted faults are pinned to orderIds (``script_order``), not queued: a queue hands its faults
to whichever request comes next, which under concurrency is not the same order twice.
"""

from __future__ import annotations

import asyncio
import collections
import json
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from forter_orders import (
    APIConnectionError,
    APIStatusError,
    AsyncForterClient,
    FallbackPolicy,
    ForterClient,
    ForterError,
    OrderValidationError,
    RetryPolicy,
    Secret,
    is_fallback,
)
from forter_orders.mock import MockConfig, MockServer
from forter_orders_api.models import OrderDecision

SMALL_ORDER: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "examples" / "mobile_app_order.json").read_text()
)
THREADS = 16
ORDERS_PER_THREAD = 50
TASKS = 64
ORDERS_PER_TASK = 8
RACES = 8

Outcome = tuple[object, ...]


class Received(NamedTuple):
    """One request as the mock recorded it (``Authorization`` shown as ``Basic ***``)."""

    method: str
    path: str
    headers: dict[str, str]
    json: Any
    scenario: str | None
    status: int | None


Wire = list[Received]


@pytest.fixture
def anyio_backend() -> str:
    """The async tests run on asyncio."""
    return "asyncio"


@pytest.fixture
def frequent_thread_switches() -> Iterator[None]:
    """Switch threads every 10 µs instead of 5 ms, so that races have a chance to show."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(interval)


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    """An in-process mock that keeps every request of a test (the default keeps 1,000)."""
    with MockServer(MockConfig(max_recorded=100_000)) as server:
        yield server


def no_sleep(_seconds: float) -> None:
    """Retries wait for nothing: the tests count attempts, not seconds."""


async def no_async_sleep(_seconds: float) -> None:
    """The async client's retries wait for nothing either."""


@dataclass(frozen=True)
class Case:
    """One order, how it is sent, and what must come of it.

    ``expect`` is the start of :func:`outcome_of`'s tuple; ``attempts`` is how many requests the
    mock must receive for it.
    """

    order_id: str
    order: dict[str, Any]
    expect: Outcome
    attempts: int
    script: str | None = None
    call: Mapping[str, Any] = field(default_factory=dict)


def base_order(order_id: str, email: str = "approve@forter.com") -> dict[str, Any]:
    """The small example order under ``order_id`` with ``accountOwner.email`` set."""
    order: dict[str, Any] = json.loads(json.dumps(SMALL_ORDER))
    order["orderId"] = order_id
    order["accountOwner"]["email"] = email
    return order


def invalid_order(order_id: str) -> dict[str, Any]:
    """An order with a lower-case currency and a misspelled field."""
    order = base_order(order_id)
    order["totalAmount"]["currency"] = "usd"
    order["cartItems"][0]["basicItemData"]["nmae"] = "typo"
    return order


INVALID_PATHS = ("cartItems[0].basicItemData.nmae", "totalAmount.currency")


def card_order(order_id: str) -> dict[str, Any]:
    """An order with an error only unvalidated clients send: a full card number."""
    order = base_order(order_id)
    order["payment"][0]["tokenizedCard"]["nameOnCard"] = "4111 1111 1111 1111"
    return order


def typo_order(order_id: str) -> dict[str, Any]:
    """An order with a warning (sent by default, its warning returned with the decision)."""
    order = base_order(order_id)
    order["primaryRecipent"] = order.pop("primaryRecipient")
    return order


def make_case(prefix: str, index: int) -> Case:
    """The ``index``-th order of a run; ten kinds in turn."""
    order_id = f"{prefix}-{index:04d}"
    kind = index % 10
    if kind < 3:
        email, decision = [
            ("approve@forter.com", "APPROVE"),
            ("decline@forter.com", "DECLINE"),
            ("notreviewed@forter.com", "NOT_REVIEWED"),
        ][kind]
        return Case(order_id, base_order(order_id, email), ("decision", decision), 1)
    if kind == 3:  # strict mode refuses its warnings before sending
        return Case(
            order_id,
            invalid_order(order_id),
            ("invalid", INVALID_PATHS),
            0,
            call={"validation": "strict"},
        )
    if kind == 4:  # retried once (max_retries=1), then raised
        return Case(
            order_id, base_order(order_id), ("status", "InternalServerError", 503), 2, "http-503"
        )
    if kind == 5:  # the same, failing open
        return Case(
            order_id,
            base_order(order_id),
            ("fallback", "server_error", 2),
            2,
            "http-503",
            {"fallback": FallbackPolicy()},
        )
    if kind == 6:
        return Case(order_id, base_order(order_id), ("connection",), 2, "reset")
    if kind == 7:  # per-call headers: built by httpx's build_request, not the cached template
        return Case(
            order_id,
            base_order(order_id),
            ("decision", "DECLINE"),
            1,
            call={"headers": {"x-mock-scenario": "decline"}},
        )
    if kind == 8:
        return Case(
            order_id,
            base_order(order_id),
            ("decision", "VERIFICATION_REQUIRED"),
            1,
            "unknown-decision",
        )
    # An orderId that must be percent-encoded in the path ("/" and a non-ASCII letter), with a
    # typo: sent, its warnings must come back with this order's decision and no other.
    quoted_id = f"{order_id} é/x"
    return Case(quoted_id, typo_order(quoted_id), ("decision", "APPROVE"), 1)


def make_cases(prefix: str, count: int) -> list[Case]:
    """``count`` cases, every kind ``count // 10`` times or more."""
    return [make_case(prefix, index) for index in range(count)]


def outcome_of(result: OrderDecision | ForterError) -> Outcome:
    """Everything a caller can observe of one call, minus what is unique per request."""
    if isinstance(result, OrderDecision):
        if is_fallback(result):
            error = result.error
            status = error.http_status if isinstance(error, APIStatusError) else None
            return (
                "fallback",
                result.reason,
                result.attempts,
                str(result.forter_decision),
                result.order_id,
                type(error).__name__,
                status,
            )
        return (
            "decision",
            str(result.forter_decision),  # UnknownValue("VERIFICATION_REQUIRED") -> the value
            result.order_id,
            result.recommendation,
            result.decision_reason,
            result.link_to_event_in_dashboard,
            type(result).__name__,
            tuple(getattr(result, "warnings", ())),
        )
    if isinstance(result, OrderValidationError):
        paths = tuple(sorted(problem.path for problem in result.problems))
        return ("invalid", paths, tuple(result.problems))
    if isinstance(result, APIStatusError):
        # str(result) ends with the request id, which is unique per request: compare the rest.
        return (
            "status",
            type(result).__name__,
            result.http_status,
            result.message,
            tuple(result.errors),
            result.body,
        )
    if isinstance(result, APIConnectionError):
        # The text says how the dropped connection was noticed (EOF or reset), which is timing.
        return ("connection", type(result).__name__)
    return ("other", type(result).__name__, str(result))


def send(client: ForterClient, case: Case) -> Outcome:
    """One call, its result or error reduced to an :data:`Outcome`."""
    try:
        return outcome_of(client.orders.create(case.order, **case.call))
    except ForterError as error:
        return outcome_of(error)


async def send_async(client: AsyncForterClient, case: Case) -> Outcome:
    """:func:`send` for the async client."""
    try:
        return outcome_of(await client.orders.create(case.order, **case.call))
    except ForterError as error:
        return outcome_of(error)


def prepare(mock: MockServer, cases: Sequence[Case]) -> None:
    """A clean mock with every case's scenario pinned to its orderId."""
    mock.clear()
    for case in cases:
        if case.script is not None:
            mock.script_order(case.order_id, case.script)


def wire_by_order(mock: MockServer) -> dict[str, Wire]:
    """What the mock received, per orderId, in arrival order."""
    wire: dict[str, Wire] = defaultdict(list)
    for entry in mock.received:
        wire[entry["orderId"]].append(
            Received(
                entry["method"],
                entry["path"],
                entry["headers"],
                entry["json"],
                entry["scenario"],
                entry["status"],
            )
        )
    return dict(wire)


def client_args(mock: MockServer) -> dict[str, Any]:
    """Constructor arguments shared by every client of these tests.

    Timeouts are generous and there is no total deadline: on a busy machine a 4 s attempt
    timeout would turn some answers into retries, and these tests compare outcomes, not speed.
    """
    return {
        "site_id": mock.site_id,
        "secret_key": mock.secret_key,
        "base_url": mock.url,
        "timeout": 60.0,
        "retry": RetryPolicy(deadline=None),
    }


def check_run(
    cases: Sequence[Case],
    shared: tuple[dict[str, Outcome], dict[str, Wire]],
    separate: tuple[dict[str, Outcome], dict[str, Wire]],
) -> None:
    """Each orderId: the expected outcome and attempts, and the same outcome and wire both ways."""
    (shared_outcomes, shared_wire), (separate_outcomes, separate_wire) = shared, separate
    for case in cases:
        outcome = shared_outcomes[case.order_id]
        assert outcome[: len(case.expect)] == case.expect, case.order_id
        assert len(shared_wire.get(case.order_id, [])) == case.attempts, case.order_id
    # Only the orderIds that differ, so that a failure names them instead of two huge dicts.
    assert {
        order_id: (outcome, separate_outcomes.get(order_id))
        for order_id, outcome in shared_outcomes.items()
        if outcome != separate_outcomes.get(order_id)
    } == {}
    assert shared_outcomes.keys() == separate_outcomes.keys()
    assert {
        order_id: (requests, separate_wire.get(order_id))
        for order_id, requests in shared_wire.items()
        if requests != separate_wire.get(order_id)
    } == {}
    assert shared_wire.keys() == separate_wire.keys()
    for case in cases:
        for request in shared_wire.get(case.order_id, []):
            assert request.json == case.order
            assert request.headers["api-version"] == "10.1"
            assert request.headers["authorization"] == "Basic ***"
            assert ("x-mock-scenario" in request.headers) == ("headers" in case.call)


# ==================================================================== threads


def run_threads_shared(
    mock: MockServer, cases: Sequence[Case]
) -> tuple[dict[str, Outcome], dict[str, Wire]]:
    """Every case through one ForterClient shared by :data:`THREADS` threads."""
    prepare(mock, cases)
    with (
        ForterClient(**client_args(mock), sleep=no_sleep) as client,
        ThreadPoolExecutor(max_workers=THREADS) as threads,
    ):
        outcomes = list(threads.map(lambda case: send(client, case), cases))
    return {case.order_id: o for case, o in zip(cases, outcomes, strict=True)}, wire_by_order(mock)


def run_threads_separate(
    mock: MockServer, cases: Sequence[Case]
) -> tuple[dict[str, Outcome], dict[str, Wire]]:
    """The same cases, each thread with its own ForterClient."""
    prepare(mock, cases)

    def own_client(chunk: Sequence[Case]) -> dict[str, Outcome]:
        with ForterClient(**client_args(mock), sleep=no_sleep) as client:
            return {case.order_id: send(client, case) for case in chunk}

    outcomes: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=THREADS) as threads:
        for part in threads.map(own_client, [cases[k::THREADS] for k in range(THREADS)]):
            outcomes.update(part)
    return outcomes, wire_by_order(mock)


@pytest.mark.usefixtures("frequent_thread_switches")
def test_one_client_shared_by_threads_acts_as_a_client_per_thread(
    mock: MockServer, scale: float, figure: Callable[[str, object], None]
) -> None:
    """16 threads x 50 orders: one shared ForterClient vs. one client per thread."""
    cases = make_cases("thr", int(THREADS * ORDERS_PER_THREAD * scale))

    shared = run_threads_shared(mock, cases)
    separate = run_threads_separate(mock, cases)

    check_run(cases, shared, separate)
    figure("concurrency_threads_orders_compared", len(cases))
    figure("concurrency_threads_mismatches", 0)


# ==================================================================== asyncio tasks


async def run_tasks(
    mock: MockServer, cases: Sequence[Case], *, shared: bool
) -> tuple[dict[str, Outcome], dict[str, Wire]]:
    """Every case from :data:`TASKS` tasks: one shared AsyncForterClient, or one per task."""
    prepare(mock, cases)
    outcomes: dict[str, Outcome] = {}
    common = AsyncForterClient(**client_args(mock), sleep=no_async_sleep)

    async def task(chunk: Sequence[Case]) -> None:
        client = common if shared else AsyncForterClient(**client_args(mock), sleep=no_async_sleep)
        try:
            for case in chunk:
                outcomes[case.order_id] = await send_async(client, case)
        finally:
            if client is not common:
                await client.close()

    try:
        await asyncio.gather(*(task(cases[k::TASKS]) for k in range(TASKS)))
    finally:
        await common.close()
    return outcomes, wire_by_order(mock)


@pytest.mark.anyio
async def test_one_async_client_shared_by_tasks_acts_as_a_client_per_task(
    mock: MockServer, scale: float, figure: Callable[[str, object], None]
) -> None:
    """64 asyncio tasks x 8 orders: one shared AsyncForterClient vs. one client per task."""
    cases = make_cases("task", int(TASKS * ORDERS_PER_TASK * scale))

    shared = await run_tasks(mock, cases, shared=True)
    separate = await run_tasks(mock, cases, shared=False)

    check_run(cases, shared, separate)
    figure("concurrency_tasks_orders_compared", len(cases))
    figure("concurrency_tasks_mismatches", 0)


# ==================================================================== with_options, first use


def public_state(client: ForterClient) -> tuple[object, ...]:
    """What a caller can see of a client's configuration."""
    return (
        client.site_id,
        client.base_url,
        client.api_version,
        client.timeout,
        client.retry_policy,
        client.fallback_policy,
        client.http_client,
        client.orders._client,
        repr(client),
    )


@pytest.mark.usefixtures("frequent_thread_switches")
def test_with_options_from_many_threads_leaves_the_parent_as_it_was(
    mock: MockServer, scale: float
) -> None:
    """Threads derive clients (other headers, api-version, retries, fail-open, validation) from
    one parent and send through both at once: each derived client sends with its options, the
    parent with its own, all over the parent's pool."""
    per_thread = max(4, int(4 * scale))
    variants: list[tuple[dict[str, Any], Callable[[str], Case]]] = [
        (
            {"headers": {"x-mock-scenario": "decline"}},
            lambda oid: Case(oid, base_order(oid), ("decision", "DECLINE"), 1),
        ),
        (
            {"api_version": "10.2"},
            lambda oid: Case(
                oid, base_order(oid, "notreviewed@forter.com"), ("decision", "NOT_REVIEWED"), 1
            ),
        ),
        (
            {"max_retries": 0, "fallback": FallbackPolicy()},
            lambda oid: Case(oid, base_order(oid), ("fallback", "server_error", 1), 1, "http-503"),
        ),
        (
            {"validate": False},  # sent unchecked: the mock refuses the card number
            lambda oid: Case(oid, card_order(oid), ("status", "BadRequestError", 400), 1),
        ),
    ]
    jobs: list[tuple[int, Case, Case]] = []  # (variant, case for the derived, case for the parent)
    for thread in range(THREADS):
        for n in range(per_thread):
            variant = (thread + n) % len(variants)
            jobs.append(
                (
                    variant,
                    variants[variant][1](f"opt-{thread:02d}-{n:03d}"),
                    make_case(f"par-{thread:02d}-{n:03d}", 4 if n % 2 else 0),
                )
            )
    prepare(mock, [case for _, derived, parent in jobs for case in (derived, parent)])

    with ForterClient(**client_args(mock), sleep=no_sleep) as parent:
        before = public_state(parent)

        def job(item: tuple[int, Case, Case]) -> tuple[Outcome, Outcome, bool]:
            variant, derived_case, parent_case = item
            derived = parent.with_options(**variants[variant][0])
            derived_outcome = send(derived, derived_case)
            return (
                derived_outcome,
                send(parent, parent_case),
                derived.http_client is parent.http_client,
            )

        with ThreadPoolExecutor(max_workers=THREADS) as threads:
            results = list(threads.map(job, jobs))

        assert public_state(parent) == before
        # The parent still sends with its own options, through the cached template.
        after = make_case("par-after", 0)
        assert send(parent, after)[:2] == ("decision", "APPROVE")

    wire = wire_by_order(mock)
    for (variant, derived_case, parent_case), (derived_outcome, parent_outcome, same_pool) in zip(
        jobs, results, strict=True
    ):
        assert same_pool
        assert derived_outcome[: len(derived_case.expect)] == derived_case.expect, (
            derived_case.order_id
        )
        assert parent_outcome[: len(parent_case.expect)] == parent_case.expect, parent_case.order_id
        assert len(wire[derived_case.order_id]) == derived_case.attempts
        assert len(wire[parent_case.order_id]) == parent_case.attempts
        derived_headers = wire[derived_case.order_id][0].headers
        assert derived_headers["api-version"] == ("10.2" if variant == 1 else "10.1")
        assert derived_headers.get("x-mock-scenario") == ("decline" if variant == 0 else None)
        for request in wire[parent_case.order_id]:
            assert request.headers["api-version"] == "10.1"
            assert "x-mock-scenario" not in request.headers
    (after_request,) = wire["par-after-0000"]
    assert after_request.headers["api-version"] == "10.1"
    assert "x-mock-scenario" not in after_request.headers


@pytest.mark.usefixtures("frequent_thread_switches")
def test_a_new_client_first_used_by_many_threads_at_once_sends_what_one_thread_sends(
    mock: MockServer, scale: float
) -> None:
    """The per-client request template is built on first use: 16 threads racing to build it
    all send requests identical to those of a client used by one thread."""
    races = max(RACES, int(RACES * scale))
    # Decisions only (three emails, and the orderId that needs quoting): no faults to script.
    indexes = [index for index in range(10 * THREADS) if index % 10 in (0, 1, 2, 9)][:THREADS]
    batches = [[make_case(f"race-{race:02d}", i) for i in indexes] for race in range(races)]
    cases = [case for batch in batches for case in batch]
    prepare(mock, cases)
    raced: dict[str, Outcome] = {}
    for batch in batches:
        start_together = threading.Barrier(len(batch))
        with ForterClient(**client_args(mock), sleep=no_sleep) as client:

            def first_call(
                case: Case,
                client: ForterClient = client,
                start_together: threading.Barrier = start_together,
            ) -> Outcome:
                start_together.wait()  # every thread makes the client's first call at once
                return send(client, case)

            with ThreadPoolExecutor(max_workers=len(batch)) as threads:
                raced.update(
                    zip([c.order_id for c in batch], threads.map(first_call, batch), strict=True)
                )
    raced_wire = wire_by_order(mock)

    prepare(mock, cases)
    with ForterClient(**client_args(mock), sleep=no_sleep) as one_thread:
        alone = {case.order_id: send(one_thread, case) for case in cases}

    check_run(cases, (raced, raced_wire), (alone, wire_by_order(mock)))


@pytest.mark.usefixtures("frequent_thread_switches")
def test_calls_that_log_while_another_thread_creates_a_client_still_fail_open(
    mock: MockServer,
) -> None:
    """A client made in one thread (its key joins the log filter's set of secrets) while another
    thread's call logs its fail-open warning (the filter walks that set): the call still returns
    its FallbackDecision. It used to raise "RuntimeError: Set changed size during iteration"."""
    case = Case("log-race", base_order("log-race"), ("fallback", "server_error", 1), 1, "http-503")
    prepare(mock, [case])
    stop, filled = threading.Event(), threading.Event()

    def make_keys() -> None:
        # What constructing clients does to the set, without the cost of 10,000 httpx clients;
        # a full set makes each walk of it long, and keys keep coming and going.
        alive: collections.deque[Secret] = collections.deque(maxlen=10_000)
        number = 0
        while not stop.is_set():
            alive.append(Secret(f"another-client-key-{number:08d}"))
            number += 1
            if number == alive.maxlen:
                filled.set()

    with ForterClient(
        **client_args(mock), max_retries=0, fallback=FallbackPolicy(), sleep=no_sleep
    ) as client:
        maker = threading.Thread(target=make_keys)
        maker.start()
        try:
            assert filled.wait(timeout=60)
            outcomes = [send(client, case) for _ in range(100)]
        finally:
            stop.set()
            maker.join()

    assert {outcome[:3] for outcome in outcomes} == {case.expect}
