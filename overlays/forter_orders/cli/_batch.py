"""The batch engine behind ``forter-orders send``: stream orders, send them with bounded
concurrency, journal every outcome.

The engine knows nothing about HTTP: it takes a :class:`Sender` (an async callable that turns one
order into journal fields and never raises) and a validator, so it can be tested with fakes and
driven by :func:`client_sender` around the real ``AsyncForterClient``.

Flow control: the reader is a plain iterator consumed only when a send slot is free, so at most
``concurrency`` orders are in flight and at most one more is held in memory, whatever the size of
the input.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ._inputs import Record
from ._journal import ResumeSet, decision_fields

if TYPE_CHECKING:
    from .._client import AsyncForterClient
    from .._fallback import FallbackPolicy

Entry = dict[str, Any]
ProblemDict = dict[str, str]
# Every problem of an order: {"path", "message", "code", "severity"}; "error" ones keep it from
# being sent, "warning" ones too in strict mode, else they are journalled with the outcome.
Validator = Callable[[Any], list[ProblemDict]]
Sink = Callable[[Mapping[str, Any]], None]


class Sender(Protocol):
    """Sends one (valid) order; returns the journal fields for it.

    The result holds ``outcome`` (``decision`` / ``fallback`` / ``error`` / ``invalid``) and the
    fields that go with it. It must not raise: failures are outcomes.
    """

    def __call__(self, order: dict[str, Any]) -> Awaitable[Entry]: ...


class JournalMismatchError(Exception):
    """The journal says line N was order A, but the input's line N is order B."""


#: Decides from a journal entry whether the batch must stop (a reason), or go on (``None``).
StopRule = Callable[[Mapping[str, Any]], str | None]


class SinkError(Exception):
    """The sink (the journal, or stdout) refused an outcome, e.g. a full disk: the batch stopped.

    The cause is the sink's own exception (``__cause__``).
    """


def _sink_error(key: int, exc: Exception) -> SinkError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    error = SinkError(
        f"cannot write the outcome of line {key} ({reason or type(exc).__name__}); "
        "the batch stopped"
    )
    error.__cause__ = exc
    return error


@dataclass
class Tally:
    """Live counts of a batch, by outcome; ``decisions`` counts each ``forterDecision`` value."""

    decisions: Counter[str] = field(default_factory=Counter)
    fallbacks: int = 0
    errors: int = 0
    invalid: int = 0
    with_warnings: int = 0
    warnings: int = 0
    skipped: int = 0
    in_flight: int = 0
    offset: int = 0
    error_types: Counter[str] = field(default_factory=Counter)
    #: Decisions carrying each unknown member / value ("member riskScore", "value
    #: forterDecision=VERIFICATION_REQUIRED"): the spec is stale.
    drift: Counter[str] = field(default_factory=Counter)
    #: Why the batch stopped before the end of the input (a ``StopRule``'s reason), if it did.
    stopped: str | None = None
    #: The entry that stopped it (e.g. the first 401).
    stopped_by: Mapping[str, Any] | None = None

    @property
    def done(self) -> int:
        """Orders with an outcome in this run (skipped ones excluded)."""
        return sum(self.decisions.values()) + self.fallbacks + self.errors + self.invalid

    def add(self, entry: Mapping[str, Any]) -> None:
        """Count one journal entry."""
        outcome = entry["outcome"]
        warnings = entry.get("warnings")
        if warnings:
            self.with_warnings += 1
            self.warnings += len(warnings)
        if outcome == "decision":
            self.decisions[str(entry.get("forterDecision"))] += 1
            for drift in entry.get("drift") or ():
                self.drift[drift_label(drift)] += 1
        elif outcome == "fallback":
            self.fallbacks += 1
        elif outcome == "invalid":
            self.invalid += 1
        else:
            self.errors += 1
            self.error_types[str(entry.get("errorType", "error"))] += 1


def drift_label(drift: Mapping[str, Any]) -> str:
    """``member PATH`` or ``value PATH=VALUE`` for one journalled drift item."""
    if drift.get("kind") == "value":
        return f"value {drift.get('path')}={drift.get('value')}"
    return f"member {drift.get('path')}"


_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:/\s*(s|sec|second|m|min|minute))?\s*$", re.I)


def parse_rate(text: str) -> float:
    """``"50"``, ``"50/s"``, ``"3000/m"`` -> orders per second (> 0)."""
    m = _RATE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a rate like 50/s or 3000/m")
    value = float(m.group(1))
    unit = (m.group(2) or "s").lower()
    per_second = value / 60 if unit.startswith("m") else value
    if per_second <= 0:
        raise ValueError("the rate must be greater than 0")
    return per_second


class Pacer:
    """Spaces request starts ``1/rate`` seconds apart (a token bucket with no burst).

    ``clock`` and ``sleep`` are injectable so tests need no real waiting.
    """

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._next = clock()

    async def wait(self) -> None:
        """Sleep until the next start is allowed."""
        now = self._clock()
        # After an idle spell do not "catch up" with a burst: restart the schedule from now.
        start = max(self._next, now)
        self._next = start + self._interval
        if start > now:
            await self._sleep(start - now)


def order_id_of(value: Any) -> Any:
    """The ``orderId`` of a parsed order, or None when there is none."""
    return value.get("orderId") if isinstance(value, dict) else None


def invalid_entry(problems: list[ProblemDict]) -> Entry:
    """Journal fields for an order that was not sent because it is invalid."""
    return {"outcome": "invalid", "problems": problems}


def classify(
    rec: Record, validator: Validator | None, strict: bool
) -> tuple[list[ProblemDict] | None, list[ProblemDict]]:
    """``(problems, warnings)`` of one record: ``problems`` (not ``None``) when it must not be
    sent (not JSON, not an object, an error - or in ``strict`` mode a warning); else the
    warnings to journal with its outcome."""
    if rec.error is not None:
        return [{"path": rec.error_path, "message": rec.error, "severity": "error"}], []
    if not isinstance(rec.value, dict):
        return [{"path": "", "message": "not a JSON object", "severity": "error"}], []
    if validator is None:
        return None, []
    found = validator(rec.value)
    # A problem without a severity is an error (validators written before there were warnings
    # block every problem they find).
    if strict or any(p.get("severity", "error") == "error" for p in found):
        return found or None, []
    return None, found


#: How many invalid orders / unreadable lines :class:`InputCheck` keeps to show.
SHOWN = 20


@dataclass
class InputCheck:
    """What a look at the whole input found before anything is sent (:func:`check_input`)."""

    records: int = 0
    #: Records a journal already has an outcome for (skipped).
    done: int = 0
    #: Orders that will not be sent: an error (or a warning in strict mode).
    invalid: int = 0
    #: Orders that will be sent with warnings, and how many warnings in all.
    with_warnings: int = 0
    warnings: int = 0
    #: JSONL lines (or array items) that are not JSON.
    unreadable: int = 0
    #: The first :data:`SHOWN` invalid orders: ``(line, orderId, first problem)``.
    invalid_shown: list[tuple[int, Any, str]] = field(default_factory=list)
    #: The first :data:`SHOWN` unreadable lines: ``(line, message)``.
    unreadable_shown: list[tuple[int, str]] = field(default_factory=list)
    #: A journal line that belongs to another order (the input changed): the message.
    mismatch: str | None = None
    #: ``clean[key]`` is 1 for a record found free of problems, so that the batch need not
    #: validate it a second time (one byte per record; the input must not change meanwhile).
    clean: bytearray = field(default_factory=bytearray)

    @property
    def to_send(self) -> int:
        """Orders this run will send (not done, readable, valid)."""
        return self.records - self.done - self.invalid - self.unreadable


def check_input(
    records: Iterable[Record],
    *,
    validator: Validator | None,
    strict: bool,
    resumed: ResumeSet | None = None,
) -> InputCheck:
    """Read and check every record before anything is sent: unreadable lines, orders that will
    not be sent and why, warnings, and (with ``resumed``) a journal written for another input.

    Keeps counts and the first :data:`SHOWN` of each kind, never the orders: memory stays flat.
    Raises the reader's InputError when the input is not orders at all.
    """
    found = InputCheck()
    for rec in records:
        found.records += 1
        order_id = order_id_of(rec.value)
        if resumed is not None and rec.key in resumed:
            if not resumed.check(rec.key, order_id) and found.mismatch is None:
                found.mismatch = mismatch_message(rec.key, order_id)
            found.done += 1
            continue
        if rec.error is not None:
            found.unreadable += 1
            if len(found.unreadable_shown) < SHOWN:
                found.unreadable_shown.append((rec.line or rec.key, rec.error))
            continue
        problems, warnings = classify(rec, validator, strict)
        if problems:
            found.invalid += 1
            if len(found.invalid_shown) < SHOWN:
                first = problems[0]
                text = f"{first.get('path') or '(order)'}: {first.get('message')}"
                if len(problems) > 1:
                    text += f" (+{len(problems) - 1} more)"
                found.invalid_shown.append((rec.line or rec.key, order_id, text))
        elif warnings:
            found.with_warnings += 1
            found.warnings += len(warnings)
        else:
            if rec.key >= len(found.clean):
                found.clean.extend(bytes(rec.key + 1 - len(found.clean)))
            found.clean[rec.key] = 1
    return found


def mismatch_message(key: int, order_id: Any) -> str:
    """Why a journal cannot be resumed with this input."""
    return (
        f"line {key} of the input is order {order_id!r}, but the journal recorded another order "
        "for that line: the input changed since the journal was written; use a new --out file"
    )


async def run_batch(
    records: Iterable[Record],
    *,
    sender: Sender,
    sink: Sink,
    validator: Validator | None = None,
    resumed: ResumeSet | None = None,
    concurrency: int = 8,
    rate: float | None = None,
    tally: Tally | None = None,
    pacer: Pacer | None = None,
    strict: bool = False,
    stop_rule: StopRule | None = None,
    clean: bytearray | None = None,
) -> Tally:
    """Send every record not already in ``resumed``; write each outcome to ``sink`` once.

    Invalid orders (not JSON, not an object, or with an error from ``validator``, or with a
    warning when ``strict``) are journalled as ``invalid`` and not sent; the warnings of an
    order that is sent are journalled with its outcome (``warnings``). Cancelling the coroutine
    (Ctrl-C) cancels the orders in flight; nothing is written for them, so a resumed run sends
    them again.

    Raises JournalMismatchError when ``resumed`` was written for a different input, and
    propagates the reader's InputError after the orders in flight have finished. When the sink
    fails, nothing more is read, sent or written: the orders in flight are cancelled (as on
    Ctrl-C) and SinkError is raised.

    ``stop_rule`` looks at every entry written: when it gives a reason (the first 401: the
    credentials are wrong, so every other order would fail the same way), no further order is
    started - only those already in flight finish and are journalled - and the reason is left
    in ``tally.stopped``. The orders not reached get no line, so a resumed run sends them.

    ``clean``: :attr:`InputCheck.clean` from a check of this same input; the records it marks
    are sent without being validated again.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    tally = tally if tally is not None else Tally()
    slots = asyncio.Semaphore(concurrency)
    pending: set[asyncio.Task[None]] = set()
    if pacer is None and rate:
        pacer = Pacer(rate)
    # The first failure: a write the sink refused, or a Sender that broke its contract by
    # raising. A task's exception would otherwise vanish with the task (and the order's line
    # with it) while the batch went on sending orders it could not record. After a failed write
    # the sink may end in a torn line, which a resume drops only as the last line: so nothing
    # more is written, and the orders in flight are cancelled.
    failure: list[Exception] = []

    def fail(exc: Exception) -> None:
        if not failure:
            failure.append(exc)
        current = asyncio.current_task()
        for task in pending:
            if task is not current:
                task.cancel()

    def record(key: int, order_id: Any, fields: Entry, started: float | None = None) -> None:
        if failure:
            return
        entry: Entry = {"line": key, "orderId": order_id, **fields}
        if started is not None:
            entry["latencyMs"] = round((time.monotonic() - started) * 1000, 1)
        try:
            sink(entry)
        except Exception as exc:
            fail(_sink_error(key, exc))
            return
        tally.add(entry)
        if stop_rule is not None and tally.stopped is None:
            reason = stop_rule(entry)
            if reason is not None:
                tally.stopped = reason
                tally.stopped_by = entry

    async def send_one(
        key: int, order_id: Any, order: dict[str, Any], warnings: list[ProblemDict]
    ) -> None:
        try:
            started = time.monotonic()
            fields = await sender(order)
            if warnings:
                fields = {**fields, "warnings": warnings}
            record(key, order_id, fields, started)
        except Exception as exc:
            fail(exc)
        finally:
            tally.in_flight -= 1
            slots.release()

    try:
        since_yield = 0
        for rec in records:
            if failure or tally.stopped:
                break
            tally.offset = rec.offset
            order_id = order_id_of(rec.value)
            if resumed is not None and rec.key in resumed:
                if not resumed.check(rec.key, order_id):
                    raise JournalMismatchError(mismatch_message(rec.key, order_id))
                tally.skipped += 1
                since_yield += 1
                # Skipping or rejecting many lines in a row never awaits; let the orders in
                # flight complete and the progress bar refresh.
                if since_yield >= 512:
                    since_yield = 0
                    await asyncio.sleep(0)
                continue
            problems: list[ProblemDict] | None = None
            warnings: list[ProblemDict] = []
            if clean is None or rec.key >= len(clean) or not clean[rec.key]:
                problems, warnings = classify(rec, validator, strict)
            if problems:
                record(rec.key, order_id, invalid_entry(problems))
                since_yield += 1
                if since_yield >= 512:
                    since_yield = 0
                    await asyncio.sleep(0)
                continue
            since_yield = 0
            await slots.acquire()
            if pacer is not None:
                try:
                    await pacer.wait()
                except BaseException:
                    slots.release()
                    raise
            if failure or tally.stopped:
                # The slot freed by the order that failed or stopped the batch: start nothing.
                slots.release()
                break
            tally.in_flight += 1
            task = asyncio.create_task(send_one(rec.key, order_id, rec.value, warnings))
            pending.add(task)
            task.add_done_callback(pending.discard)
        if pending:
            # Tasks never raise (failures are kept above); after a failure some are cancelled.
            await asyncio.gather(*pending, return_exceptions=True)
        if failure:
            raise failure[0]
    except asyncio.CancelledError:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        raise
    except BaseException:
        # The reader failed (InputError) or the journal does not match: let the orders already
        # in flight finish and be journalled, then report.
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        raise
    return tally


# ----------------------------------------------------------------------------- real client


def problems_as_dicts(problems: Iterable[Any]) -> list[ProblemDict]:
    """``Problem`` objects (anything with ``path`` and ``message``) as JSON-ready dicts, with
    their ``severity`` and ``code`` when they have them."""
    out: list[ProblemDict] = []
    for p in problems:
        item = {"path": str(p.path), "message": str(p.message)}
        for name in ("severity", "code"):
            value = getattr(p, name, None)
            if value is not None:
                item[name] = str(value)
        out.append(item)
    return out


def client_sender(
    client: AsyncForterClient,
    *,
    fallback: FallbackPolicy | None = None,
    headers: Mapping[str, str] | None = None,
) -> Sender:
    """A :class:`Sender` around ``AsyncForterClient.orders.with_raw_response.create``.

    The raw call is used so that every journal line can say how many attempts the order took
    and which request id Forter gave it, and what in the decision the spec does not know
    (``drift``). Fail-open is decided by ``fallback.reason_for`` -- the
    same rule the client applies in ``orders.create`` -- so a fallback line can also name the
    error behind it. The engine validates before sending, so the client is called with
    ``validate=False``.
    """
    from .. import _errors as errors

    kwargs: dict[str, Any] = {"validate": False}
    if headers:
        kwargs["headers"] = dict(headers)

    async def send(order: dict[str, Any]) -> Entry:
        try:
            raw = await client.orders.with_raw_response.create(order, **kwargs)
        except errors.OrderValidationError as exc:
            return invalid_entry(problems_as_dicts(exc.problems))
        except errors.ForterError as exc:
            reason = fallback.reason_for(exc) if fallback is not None else None
            if fallback is not None and reason is not None:
                entry: Entry = {
                    "outcome": "fallback",
                    "forterDecision": str(fallback.decision),
                    "reason": reason,
                }
                entry.update(_error_fields(exc))
                return entry
            return {"outcome": "error", **_error_fields(exc)}
        except Exception as exc:  # the client raises only ForterErrors; should it not, the
            # order is an error line (sent again on resume), never a traceback and a lost batch
            return {"outcome": "error", **_error_fields(exc)}
        # The decision's members come from the spec's OrderDecision (_journal.decision_fields).
        entry = {"outcome": "decision", **decision_fields(raw.parsed.to_dict())}
        entry["attempts"] = raw.attempts
        request_id = errors.request_id_of(raw.http_response)
        if request_id:
            entry["requestId"] = request_id
        drift = raw.drift
        if drift:  # what the decision carried that the spec does not know
            entry["drift"] = [item.as_dict() for item in drift]
        return entry

    return send


def spread(senders: list[Sender], per_sender: int) -> Sender:
    """One :class:`Sender` over several: each order goes to a sender with a free slot.

    Every sender takes at most ``per_sender`` orders at a time; with ``run_batch`` bounding
    the total to ``len(senders) * per_sender`` or less, an order never waits for a slot.
    """
    if len(senders) == 1:
        return senders[0]
    free: asyncio.Queue[int] = asyncio.Queue()
    for _ in range(per_sender):
        for i in range(len(senders)):
            free.put_nowait(i)

    async def send(order: dict[str, Any]) -> Entry:
        i = await free.get()
        try:
            return await senders[i](order)
        finally:
            free.put_nowait(i)

    return send


def _error_fields(exc: BaseException) -> Entry:
    """``errorType`` / ``httpStatus`` / ``message`` / ``requestId`` / ``problems`` of an error."""
    from .. import _errors as errors

    fields: Entry = {"errorType": type(exc).__name__}
    if isinstance(exc, errors.APIStatusError):
        fields["httpStatus"] = exc.http_status
        fields["message"] = exc.message
        if exc.request_id:
            fields["requestId"] = exc.request_id
        if exc.errors:
            fields["problems"] = problems_as_dicts(exc.errors)
    elif isinstance(exc, errors.APIConnectionError):
        fields["message"] = exc.message
    else:
        fields["message"] = str(exc)
    return fields
