"""The batch engine (forter_orders.cli._batch.run_batch) with a fake sender: bounded concurrency,
lazy reading, one outcome per record, resume, cancellation, rate pacing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from forter_orders.cli._batch import (
    JournalMismatchError,
    Pacer,
    Tally,
    parse_rate,
    run_batch,
    spread,
)
from forter_orders.cli._inputs import InputError, Record
from forter_orders.cli._journal import ResumeSet


def _records(n: int, pulled: list[int] | None = None) -> Iterator[Record]:
    for i in range(1, n + 1):
        if pulled is not None:
            pulled.append(i)
        yield Record(i, i, {"orderId": f"O{i}"})


class FakeSender:
    """Answers APPROVE, or DECLINE for even order numbers; can hold orders until released."""

    def __init__(self, hold: bool = False) -> None:
        self.in_flight = 0
        self.max_in_flight = 0
        self.started: list[str] = []
        self.release = asyncio.Event()
        if not hold:
            self.release.set()

    async def __call__(self, order: dict[str, Any]) -> dict[str, Any]:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        self.started.append(order["orderId"])
        try:
            await self.release.wait()
            await asyncio.sleep(0)  # let other tasks interleave
        finally:
            self.in_flight -= 1
        n = int(order["orderId"][1:])
        return {"outcome": "decision", "forterDecision": "DECLINE" if n % 2 == 0 else "APPROVE"}


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_every_record_gets_exactly_one_outcome_and_concurrency_is_bounded() -> None:
    sent: list[Mapping[str, Any]] = []

    async def go() -> tuple[Tally, FakeSender]:
        sender = FakeSender()
        tally = await run_batch(_records(200), sender=sender, sink=sent.append, concurrency=7)
        return tally, sender

    tally, sender = _run(go())
    assert sorted(e["line"] for e in sent) == list(range(1, 201))
    assert 1 < sender.max_in_flight <= 7
    assert tally.decisions == {"APPROVE": 100, "DECLINE": 100}
    assert tally.done == 200
    assert all("latencyMs" in e for e in sent)


def test_reader_is_not_consumed_ahead_of_free_slots() -> None:
    pulled: list[int] = []

    async def go() -> None:
        sender = FakeSender(hold=True)
        task = asyncio.create_task(
            run_batch(_records(1000, pulled), sender=sender, sink=lambda e: None, concurrency=4)
        )
        while len(sender.started) < 4:
            await asyncio.sleep(0)
        for _ in range(50):
            await asyncio.sleep(0)
        # 4 in flight plus the one waiting for a slot: the rest of the file is unread.
        assert len(pulled) == 5
        sender.release.set()
        await task

    _run(go())
    assert len(pulled) == 1000


def test_invalid_records_are_journalled_not_sent() -> None:
    records = [
        Record(1, 1, {"orderId": "O1"}),
        Record(2, 2, None, "not JSON: unexpected character"),
        Record(3, 3, [1, 2]),
        Record(4, 4, {"orderId": "O4", "bad": True}),
    ]
    sent: list[Mapping[str, Any]] = []

    def validator(order: Any) -> list[dict[str, str]]:
        return [{"path": "bad", "message": "unknown field"}] if "bad" in order else []

    async def go() -> FakeSender:
        sender = FakeSender()
        await run_batch(records, sender=sender, sink=sent.append, validator=validator)
        return sender

    sender = _run(go())
    assert sender.started == ["O1"]
    by_line = {e["line"]: e for e in sent}
    assert by_line[1]["outcome"] == "decision"
    assert by_line[2] == {
        "line": 2,
        "orderId": None,
        "outcome": "invalid",
        "problems": [
            {"path": "", "message": "not JSON: unexpected character", "severity": "error"}
        ],
    }
    assert by_line[3]["problems"] == [
        {"path": "", "message": "not a JSON object", "severity": "error"}
    ]
    # A validator's problem without a severity blocks, as every problem did before warnings.
    assert by_line[4]["problems"] == [{"path": "bad", "message": "unknown field"}]


@pytest.mark.parametrize("strict", [False, True])
def test_warnings_are_journalled_with_the_outcome_unless_strict(strict: bool) -> None:
    warning = {"path": "x", "message": "unknown field", "code": "unknown_field"}
    records = [
        Record(1, 1, {"orderId": "O1"}),
        Record(2, 2, {"orderId": "O2", "x": 1}),
        Record(3, 3, {"orderId": "O3", "x": 1, "card": True}),
    ]
    sent: list[Mapping[str, Any]] = []

    def validator(order: Any) -> list[dict[str, str]]:
        found = [{**warning, "severity": "warning"}] if "x" in order else []
        if "card" in order:
            found.insert(0, {"path": "card", "message": "a card number", "severity": "error"})
        return found

    async def go() -> tuple[Tally, FakeSender]:
        sender = FakeSender()
        tally = await run_batch(
            records, sender=sender, sink=sent.append, validator=validator, strict=strict
        )
        return tally, sender

    tally, sender = _run(go())
    by_line = {e["line"]: e for e in sent}
    assert "warnings" not in by_line[1]
    assert by_line[3]["outcome"] == "invalid"  # an error blocks in every mode
    if strict:
        assert sender.started == ["O1"]
        assert by_line[2]["outcome"] == "invalid"
        assert by_line[2]["problems"] == [{**warning, "severity": "warning"}]
        assert (tally.invalid, tally.with_warnings) == (2, 0)
    else:
        assert sender.started == ["O1", "O2"]
        assert by_line[2]["outcome"] == "decision"
        assert by_line[2]["warnings"] == [{**warning, "severity": "warning"}]
        assert (tally.invalid, tally.with_warnings, tally.warnings) == (1, 1, 1)


def test_resumed_lines_are_skipped_and_a_changed_input_is_refused() -> None:
    done = ResumeSet()
    done.add(2, "O2")
    done.add(3, "O3")
    sent: list[Mapping[str, Any]] = []

    async def go(resumed: ResumeSet) -> Tally:
        return await run_batch(_records(4), sender=FakeSender(), sink=sent.append, resumed=resumed)

    tally = _run(go(done))
    assert sorted(e["line"] for e in sent) == [1, 4]
    assert tally.skipped == 2

    other = ResumeSet()
    other.add(2, "SOMETHING-ELSE")
    with pytest.raises(JournalMismatchError, match="line 2"):
        _run(go(other))


def test_cancel_writes_nothing_for_orders_in_flight() -> None:
    sent: list[Mapping[str, Any]] = []

    async def go() -> None:
        sender = FakeSender(hold=True)
        task = asyncio.create_task(
            run_batch(_records(10), sender=sender, sink=sent.append, concurrency=3)
        )
        while len(sender.started) < 3:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert sender.in_flight == 0

    _run(go())
    assert sent == []


def test_input_error_lets_orders_in_flight_finish_then_raises() -> None:
    sent: list[Mapping[str, Any]] = []

    def broken() -> Iterator[Record]:
        yield Record(1, 2, {"orderId": "O1"})
        yield Record(2, 3, {"orderId": "O2"})
        raise InputError("orders.json", "not JSON: expected ',' or ']'", 4)

    async def go() -> None:
        await run_batch(broken(), sender=FakeSender(), sink=sent.append)

    with pytest.raises(InputError, match=r"orders\.json:4"):
        _run(go())
    assert sorted(e["line"] for e in sent) == [1, 2]


def test_sender_results_pass_through_to_the_journal() -> None:
    sent: list[Mapping[str, Any]] = []

    async def failing(order: dict[str, Any]) -> dict[str, Any]:
        return {"outcome": "error", "errorType": "InternalServerError", "httpStatus": 503}

    async def go() -> Tally:
        return await run_batch(_records(3), sender=failing, sink=sent.append)

    tally = _run(go())
    assert tally.errors == 3
    assert tally.error_types == {"InternalServerError": 3}
    assert {e["httpStatus"] for e in sent} == {503}


@pytest.mark.parametrize(
    ("text", "per_second"),
    [("50", 50.0), ("50/s", 50.0), ("3000/m", 50.0), ("0.5/s", 0.5), (" 10 / sec ", 10.0)],
)
def test_parse_rate(text: str, per_second: float) -> None:
    assert parse_rate(text) == pytest.approx(per_second)


@pytest.mark.parametrize("text", ["", "fast", "0/s", "10/h", "-1"])
def test_parse_rate_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="rate"):
        parse_rate(text)


def test_pacer_spaces_starts_without_bursts() -> None:
    now = [100.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        now[0] += seconds

    async def go() -> None:
        pacer = Pacer(4.0, clock=lambda: now[0], sleep=fake_sleep)
        for _ in range(3):
            await pacer.wait()
        now[0] += 10.0  # idle: the next start is immediate, with no catch-up burst after it
        await pacer.wait()
        await pacer.wait()

    _run(go())
    assert slept == [0.25, 0.25, 0.25]


def test_rate_limit_goes_through_the_pacer() -> None:
    waits: list[int] = []

    class CountingPacer(Pacer):
        async def wait(self) -> None:
            waits.append(1)

    async def go() -> None:
        await run_batch(
            _records(5), sender=FakeSender(), sink=lambda e: None, pacer=CountingPacer(1.0)
        )

    _run(go())
    assert len(waits) == 5


def test_concurrency_must_be_positive() -> None:
    with pytest.raises(ValueError, match="concurrency"):
        _run(run_batch(_records(1), sender=FakeSender(), sink=lambda e: None, concurrency=0))


def test_spread_sends_each_order_to_a_sender_with_a_free_slot() -> None:
    shards = [FakeSender() for _ in range(3)]
    sent: list[Mapping[str, Any]] = []

    async def go() -> None:
        sender = spread(list(shards), 2)
        await run_batch(_records(60), sender=sender, sink=sent.append, concurrency=6)

    _run(go())
    assert len(sent) == 60
    assert all(s.max_in_flight <= 2 for s in shards)
    assert all(len(s.started) > 0 for s in shards)
    assert sum(len(s.started) for s in shards) == 60


def test_client_sender_journals_an_unexpected_exception_as_an_error() -> None:
    """The client raises only ForterErrors; if it ever did not, the order is an error line (sent
    again on resume) instead of a traceback that stops the batch."""
    from forter_orders.cli._batch import client_sender

    class Broken:
        class orders:
            class with_raw_response:
                @staticmethod
                async def create(order: dict[str, Any], **kwargs: Any) -> Any:
                    raise OverflowError("date value out of range")

    send = client_sender(Broken())  # type: ignore[arg-type]

    async def one() -> dict[str, Any]:
        return await send({"orderId": "A"})

    entry = asyncio.run(one())
    assert entry == {
        "outcome": "error",
        "errorType": "OverflowError",
        "message": "date value out of range",
    }
