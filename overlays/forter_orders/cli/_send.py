"""``forter-orders send``: wire the batch engine to the client, the journal, a progress bar and
the summary table. Imported only when the command runs (it pulls in httpx and rich)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._batch import (
    InputCheck,
    JournalMismatchError,
    Sink,
    SinkError,
    Tally,
    Validator,
    check_input,
    client_sender,
    problems_as_dicts,
    run_batch,
    spread,
)
from ._exits import EXIT_FAILED, EXIT_OK, EXIT_SIGINT, EXIT_SIGTERM, EXIT_USAGE
from ._inputs import InputError, display_name, file_size, read_orders
from ._journal import Journal, JournalError, ResumeSet, encode_entry

if TYPE_CHECKING:
    import httpx
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from .._client import AsyncForterClient
    from .._validation import ValidationMode
    from ..mock import MockServer

#: HTTP statuses that stop a batch: the credentials (401) or this caller's access (403) were
#: refused, so every other order would be refused the same way.
STOP_STATUSES = frozenset({401, 403})
CREDENTIAL_SETTINGS = (
    "the site id (--site-id / FORTER_SITE_ID) and the secret key (--secret-key-file / "
    "FORTER_SECRET_KEY)"
)


def refused_credentials(entry: Mapping[str, Any]) -> str | None:
    """The batch's stop rule: why to stop after ``entry`` (a 401 or 403), or ``None``."""
    status = entry.get("httpStatus")
    if entry.get("outcome") != "error" or status not in STOP_STATUSES:
        return None
    said = ""
    problems = entry.get("problems") or ()
    if problems:
        first = problems[0]
        said = f": {first.get('path')}: {first.get('message')}" if first.get("path") else ""
    if status == 401:
        return (
            f"Forter refused the credentials (HTTP 401 for order {entry.get('orderId')!r}{said}); "
            f"check {CREDENTIAL_SETTINGS}"
        )
    return (
        f"Forter refused access (HTTP 403 for order {entry.get('orderId')!r}{said}); check "
        f"{CREDENTIAL_SETTINGS}, and that this host may call Forter (an IP allow-list, a proxy)"
    )


@dataclass(frozen=True)
class SendSettings:
    """Everything ``send`` was asked to do (the secret travels separately)."""

    file: str
    out: Path | None = None
    mock: bool = False
    site_id: str | None = None
    base_url: str | None = None
    api_version: str | None = None
    concurrency: int = 8
    max_retries: int | None = None
    timeout: float | None = None
    deadline: float | None = None
    rate: float | None = None
    fail_open: bool = False
    fallback_decision: str = "APPROVE"
    validation: ValidationMode = "default"
    progress: bool = True
    mock_latency_ms: int = 0
    mock_fault_rate: float = 0.0
    mock_fault_kinds: tuple[str, ...] = ("http-503",)
    mock_seed: int | None = None


def _say(message: str) -> None:
    sys.stderr.write(f"forter-orders: {message}\n")
    sys.stderr.flush()


def _validator() -> Validator:
    from .._validation import validate_order

    def check(order: Any) -> list[dict[str, str]]:
        return problems_as_dicts(validate_order(order))

    return check


@contextlib.contextmanager
def _mock_server(settings: SendSettings) -> Iterator[MockServer]:
    from ..mock import MockConfig, MockServer

    config = MockConfig(
        fault_rate=settings.mock_fault_rate,
        fault_kinds=settings.mock_fault_kinds,
        latency_ms=settings.mock_latency_ms,
        seed=settings.mock_seed,
        # The CLI validates before sending; checking again in the mock only costs time.
        validate=settings.validation == "off",
    )
    with MockServer(config) as server:
        yield server


#: Connections per httpx pool. httpcore scans every connection of a pool for every queued
#: request, so one pool of 64 costs ~4x the CPU per order of eight pools of 8 (profiled at
#: --concurrency 64); the batch spreads orders over ceil(concurrency / 8) clients instead.
POOL_SIZE = 8


def _clients(
    settings: SendSettings, secret: str | None, server: MockServer | None
) -> tuple[list[tuple[AsyncForterClient, httpx.AsyncClient]], int]:
    """Clients with their own connection pools (closed by the caller), and slots per client."""
    from .._client import AsyncForterClient
    from .._retry import RetryPolicy

    retry_changes: dict[str, Any] = {}
    if settings.max_retries is not None:
        retry_changes["max_retries"] = settings.max_retries
    if settings.deadline is not None:
        retry_changes["deadline"] = settings.deadline
    kwargs: dict[str, Any] = {"retry": RetryPolicy().replace(**retry_changes)}
    if settings.timeout is not None:
        kwargs["timeout"] = settings.timeout
    if server is not None:
        kwargs.update(
            site_id=server.config.site_id,
            secret_key=server.config.secret_key,
            base_url=server.url,
        )
    else:
        kwargs.update(site_id=settings.site_id, secret_key=secret, base_url=settings.base_url)
    shards = -(-settings.concurrency // POOL_SIZE)
    per_client = -(-settings.concurrency // shards)
    # Each client builds its own pool, every connection kept alive (one per order in flight), and
    # with the call deadline in the pool itself (a caller's client would need a cancel scope per
    # order, ~10 µs each).
    pairs = []
    for _ in range(shards):
        client = AsyncForterClient(
            api_version=settings.api_version, max_connections=per_client, **kwargs
        )
        pairs.append((client, client.http_client))
    return pairs, per_client


class _Progress:
    """A rich progress bar on stderr fed from the tally (bytes read as the measure of work)."""

    def __init__(self, total: int | None, console: Console) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress: Progress = Progress(
            SpinnerColumn(),
            BarColumn(bar_width=30),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[counts]}"),
            console=console,
            transient=False,
            refresh_per_second=8,
        )
        self._task: TaskID = self._progress.add_task("send", total=total, counts="")

    def __enter__(self) -> _Progress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def update(self, tally: Tally, elapsed: float) -> None:
        """Show the current counts and how far into the file reading has got."""
        self._progress.update(
            self._task, completed=tally.offset, counts=live_counts(tally, elapsed)
        )


def live_counts(tally: Tally, elapsed: float) -> str:
    """One line of live counts: decisions by value, fallbacks, errors, invalid, skipped, rate."""
    parts = [f"{value} {count}" for value, count in sorted(tally.decisions.items())]
    parts.append(f"fallback {tally.fallbacks}")
    parts.append(f"error {tally.errors}")
    if tally.invalid:
        parts.append(f"invalid {tally.invalid}")
    if tally.with_warnings:
        parts.append(f"warned {tally.with_warnings}")
    if tally.skipped:
        parts.append(f"skipped {tally.skipped}")
    rate = tally.done / elapsed if elapsed > 0 else 0.0
    parts.append(f"{rate:,.0f}/s")
    return " · ".join(parts)


async def _ticker(view: _Progress, tally: Tally, started: float) -> None:
    while True:
        view.update(tally, time.monotonic() - started)
        await asyncio.sleep(0.1)


async def _drive(
    settings: SendSettings,
    source: str,
    clean: bytearray,
    clients: tuple[list[tuple[AsyncForterClient, httpx.AsyncClient]], int],
    sink: Sink,
    resumed: ResumeSet | None,
    tally: Tally,
    view: _Progress | None,
    started: float,
) -> None:
    from forter_orders_api.models.order_decision_forter_decision import (
        check_order_decision_forter_decision as parse_decision,
    )

    from .._fallback import FallbackPolicy

    pairs, per_client = clients
    fallback = (
        FallbackPolicy(decision=parse_decision(settings.fallback_decision))
        if settings.fail_open
        else None
    )
    sender = spread([client_sender(c, fallback=fallback) for c, _ in pairs], per_client)
    ticker = asyncio.create_task(_ticker(view, tally, started)) if view is not None else None
    try:
        async with contextlib.AsyncExitStack() as stack:
            for client, _ in pairs:
                await stack.enter_async_context(client)  # closes the pool it built
            await run_batch(
                read_orders(source, name=display_name(settings.file)),
                sender=sender,
                sink=sink,
                validator=_validator() if settings.validation != "off" else None,
                strict=settings.validation == "strict",
                resumed=resumed,
                concurrency=settings.concurrency,
                rate=settings.rate,
                tally=tally,
                stop_rule=refused_credentials,
                clean=clean,
            )
    finally:
        if ticker is not None:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
        if view is not None:
            view.update(tally, time.monotonic() - started)


def _run_loop(coro_factory: Callable[[], Any]) -> int | None:
    """Run the batch; on SIGTERM cancel it like Ctrl-C. Returns the signal exit code, if any."""
    got: list[int] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None  # noqa: S101

        def on_sigterm() -> None:
            got.append(EXIT_SIGTERM)
            task.cancel()

        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGTERM, on_sigterm)
        await coro_factory()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        return EXIT_SIGINT
    except asyncio.CancelledError:
        return got[0] if got else EXIT_SIGINT
    return None


def _spool_stdin() -> Path:
    """Copy stdin to a private temporary file (mode 0600), so that it can be checked whole
    before anything is sent, then read again to send."""
    import shutil
    import tempfile

    fd, name = tempfile.mkstemp(prefix="forter-orders-stdin-", suffix="")
    try:
        with os.fdopen(fd, "wb") as copy:
            shutil.copyfileobj(sys.stdin.buffer, copy, 1 << 20)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _open_journal(path: Path) -> Journal | str:
    """The journal, or the one-line reason it cannot be used."""
    try:
        journal = Journal.open(path)
    except JournalError as exc:
        return str(exc)
    for note in journal.notes:
        _say(note)
    return journal


def _report_check(name: str, check: InputCheck, strict: bool) -> None:
    """Before sending: which orders will not be sent, and how many carry warnings."""
    checked = check.records - check.done
    if check.invalid:
        why = "an error or, with --strict, a warning" if strict else "an error"
        _say(
            f"{name}: {check.invalid} of {checked} order(s) have {why} and will not be sent "
            "(journalled as invalid, with every problem):"
        )
        for line, order_id, problem in check.invalid_shown:
            sys.stderr.write(f"  {name}:{line}: orderId {order_id!r}: {problem}\n")
        if check.invalid > len(check.invalid_shown):
            sys.stderr.write(f"  ... and {check.invalid - len(check.invalid_shown)} more\n")
    if check.with_warnings:
        _say(
            f"{name}: {check.with_warnings} order(s) have warnings ({check.warnings} in all); "
            "they are sent, the warnings journalled with each outcome (--strict refuses them)"
        )
    sys.stderr.flush()


def run_send(settings: SendSettings, secret: str | None) -> int:
    """Run ``send``; returns the exit code (see ``_exits.SEND_EXIT_CODES``)."""
    if settings.file != "-" and not Path(settings.file).is_file():
        _say(
            f"{settings.file}: no such file"
            if not Path(settings.file).exists()
            else f"{settings.file}: not a regular file"
        )
        return EXIT_USAGE
    spooled: Path | None = None
    try:
        if settings.file == "-":
            try:
                spooled = _spool_stdin()
            except OSError as exc:
                _say(f"cannot keep a copy of stdin to check it first: {exc.strerror or exc}")
                return EXIT_USAGE
        return _run_send(settings, secret, str(spooled) if spooled else settings.file)
    finally:
        if spooled is not None:
            spooled.unlink(missing_ok=True)


def _run_send(settings: SendSettings, secret: str | None, source: str) -> int:

    name = display_name(settings.file)
    validator = _validator() if settings.validation != "off" else None
    strict = settings.validation == "strict"
    journal: Journal | None = None
    try:
        # An existing journal is opened (locked, cleaned) first, so that the check below
        # knows which orders it already has and that it belongs to this input; a new one is
        # created only once the input has passed, so a refused run leaves no file behind.
        if settings.out is not None and (settings.out.exists() or settings.out.is_symlink()):
            opened = _open_journal(settings.out)
            if isinstance(opened, str):
                _say(opened)
                return EXIT_USAGE
            journal = opened
        # Every line read and checked before the first request: a file with lines that are
        # not JSON (or not orders at all: a CSV, an empty file) sends nothing.
        try:
            check = check_input(
                read_orders(source, name=name),
                validator=validator,
                strict=strict,
                resumed=journal.resumed if journal is not None else None,
            )
        except InputError as exc:
            _say(f"{exc}; nothing was sent")
            return EXIT_USAGE
        if check.unreadable:
            _say(
                f"{name}: {check.unreadable} line(s) are not JSON; nothing was sent (fix or "
                "remove them, then run again):"
            )
            for line, message in check.unreadable_shown:
                sys.stderr.write(f"  {name}:{line}: {message}\n")
            if check.unreadable > len(check.unreadable_shown):
                sys.stderr.write(
                    f"  ... and {check.unreadable - len(check.unreadable_shown)} more\n"
                )
            return EXIT_USAGE
        if check.mismatch is not None:
            _say(f"{display_name(str(settings.out))}: {check.mismatch}; nothing was sent")
            return EXIT_USAGE
        _report_check(name, check, strict)
        if settings.out is not None and journal is None:
            opened = _open_journal(settings.out)
            if isinstance(opened, str):
                _say(opened)
                return EXIT_USAGE
            journal = opened
        return _send_checked(settings, secret, source, journal, check)
    finally:
        if journal is not None:
            journal.close()


def _send_checked(
    settings: SendSettings,
    secret: str | None,
    source: str,
    journal: Journal | None,
    check: InputCheck,
) -> int:
    from rich.console import Console

    from .._errors import ConfigurationError

    resumed: ResumeSet | None = None
    if journal is not None:
        resumed = journal.resumed
        sink: Sink = journal.write
        summary_console = Console(highlight=False)
    else:
        out = sys.stdout

        def sink(entry: Mapping[str, Any]) -> None:
            # Without a journal there is nothing to resume: ordinary buffered stdout, flushed
            # per line so a pipe reader sees each outcome as it happens.
            out.write(encode_entry(entry).decode())
            out.flush()

        summary_console = Console(stderr=True, highlight=False)

    err_console = Console(stderr=True, highlight=False)
    # The bar is drawn only on a terminal, and not when journal lines go to that terminal.
    show_progress = (
        settings.progress
        and err_console.is_terminal
        and not (journal is None and sys.stdout.isatty())
    )
    tally = Tally()
    started = time.monotonic()
    interrupted: int | None = None
    failure: str | None = None
    try:
        with contextlib.ExitStack() as stack:
            server = stack.enter_context(_mock_server(settings)) if settings.mock else None
            if server is not None:
                _say(f"using the embedded mock at {server.url}")
            try:
                clients = _clients(settings, secret, server)
            except ConfigurationError as exc:
                _say(str(exc))
                return EXIT_USAGE
            view = (
                stack.enter_context(_Progress(file_size(source), err_console))
                if show_progress
                else None
            )
            # The clock starts with the batch, not with the mock's start-up.
            started = time.monotonic()
            try:
                interrupted = _run_loop(
                    lambda: _drive(
                        settings, source, check.clean, clients, sink, resumed, tally, view, started
                    )
                )
            except InputError as exc:
                failure = str(exc)
            except JournalMismatchError as exc:
                failure = f"{display_name(str(settings.out))}: {exc}"
            except SinkError as exc:
                # Disk full, file too large, a closed pipe: the journal (or stdout) is unusable
                # like one that cannot be opened. What was written stays; resume from it.
                where = display_name(str(settings.out)) if settings.out else "stdout"
                failure = f"{where}: {exc}; {tally.done} outcomes written" + (
                    "; re-run the same command to resume" if settings.out else ""
                )
    except KeyboardInterrupt:
        # Ctrl-C before the batch started (e.g. while the mock was starting): nothing sent.
        interrupted = EXIT_SIGINT
    elapsed = time.monotonic() - started
    # Orders a stop left without an outcome (they get no line, so a resumed run sends them).
    not_reached = max(check.records - check.done - tally.done, 0) if tally.stopped else 0
    _summary(summary_console, settings, tally, journal, elapsed, not_reached)
    again = "re-run the same command to" if settings.out else "use --out to be able to"
    if failure is not None:
        _say(failure)
        return EXIT_USAGE
    if interrupted is not None:
        where = f" in {settings.out}" if settings.out else ""
        _say(
            f"interrupted: {tally.done} outcomes written{where}; "
            + ("re-run the same command to resume" if settings.out else "use --out to resume")
        )
        return interrupted
    if tally.stopped is not None:
        _say(
            f"stopped: {tally.stopped}; {tally.errors} order(s) refused, {not_reached} not "
            f"sent; {again} send them once fixed"
        )
        return EXIT_USAGE
    if tally.errors or tally.invalid:
        parts = []
        if tally.errors:
            parts.append(f"{tally.errors} ended in an error")
        if tally.invalid:
            parts.append(f"{tally.invalid} invalid (not sent)")
        _say(
            f"{tally.errors + tally.invalid} order(s) not answered: {', '.join(parts)}"
            + ("; re-run the same command to retry them" if settings.out else "")
        )
        return EXIT_FAILED
    return EXIT_OK


def _summary(
    console: Console,
    settings: SendSettings,
    tally: Tally,
    journal: Journal | None,
    elapsed: float,
    not_reached: int = 0,
) -> None:
    from rich.table import Table

    table = Table(title="forter-orders send", title_justify="left", show_edge=False)
    table.add_column("outcome")
    table.add_column("orders", justify="right")
    for value, count in sorted(tally.decisions.items()):
        table.add_row(f"decision {value}", f"{count:,}")
    if not tally.decisions:
        table.add_row("decision", "0")
    table.add_row("fallback", f"{tally.fallbacks:,}")
    if tally.error_types:
        for kind, count in sorted(tally.error_types.items()):
            table.add_row(f"error {kind}", f"{count:,}", style="red")
    else:
        table.add_row("error", "0")
    table.add_row("invalid (not sent)", f"{tally.invalid:,}")
    if tally.with_warnings:
        table.add_row(
            "sent with warnings",
            f"{tally.with_warnings:,} ({tally.warnings:,} warning"
            f"{'' if tally.warnings == 1 else 's'})",
            style="yellow",
        )
    if journal is not None and tally.skipped:
        table.add_row("skipped (already in the journal)", f"{tally.skipped:,}")
    if not_reached:
        table.add_row("not reached (stopped)", f"{not_reached:,}", style="red")
    if tally.drift:
        # Decisions carried members or values openapi.yaml does not know: it is stale.
        table.add_section()
        for label, count in sorted(tally.drift.items()):
            table.add_row(f"spec drift: {label}", f"{count:,}", style="yellow")
    table.add_section()
    rate = tally.done / elapsed if elapsed > 0 else 0.0
    table.add_row("total this run", f"{tally.done:,}")
    table.add_row("elapsed", f"{elapsed:.2f} s")
    table.add_row("rate", f"{rate:,.1f} orders/s")
    if journal is not None:
        table.add_row("journal", os.fspath(journal.path))
    console.print(table)
