"""``forter-orders demo``: the client against the embedded mock, one row per scenario.

Everything runs in-process on a free loopback port: no network, no credentials. Each scenario
states what it expects; the command exits 1 when any scenario did something else, so the demo
doubles as an end-to-end smoke test of client + mock.
"""

from __future__ import annotations

import copy
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from .._client import ForterClient
    from ..mock import MockServer

#: Short per-attempt timeout of the fallback scenario, and the mock's delay that outlasts it.
FALLBACK_TIMEOUT_S = 0.3
SLOW_MS = 1500


@dataclass
class Row:
    """What one scenario did."""

    order: str
    scenario: str
    expected: str
    outcome: str = ""
    decision: str = ""
    attempts: str = ""
    latency_ms: float = 0.0
    note: str = ""
    ok: bool = False


def _examples() -> tuple[dict[str, Any], dict[str, Any]]:
    """The mobile and full web examples, read from the packaged spec (they ship with it)."""
    from .._spec import load_spec

    examples = load_spec()["paths"]["/v3/orders/{orderId}"]["post"]["requestBody"]["content"][
        "application/json"
    ]["examples"]
    return (
        copy.deepcopy(examples["mobileAppOrder"]["value"]),
        copy.deepcopy(examples["fullWebOrder"]["value"]),
    )


def _with(order: dict[str, Any], order_id: str, email: str | None = None) -> dict[str, Any]:
    out = copy.deepcopy(order)
    out["orderId"] = order_id
    if email is not None:
        out.setdefault("accountOwner", {})["email"] = email
    return out


def _broken(order: dict[str, Any]) -> dict[str, Any]:
    """An order with two warnings (a lower-case currency, no orderType): Forter may accept it,
    strict validation (the client's, or a strict mock's) refuses it."""
    out = _with(order, "bad-request")
    out["cartItems"][0]["basicItemData"]["price"]["currency"] = "usd"
    del out["orderType"]
    return out


def _short(problem: Any) -> str:
    """The path, then the message cut to fit a table cell (the whole text is in the
    exception's or the decision's problems); on two lines, so that the path never wraps."""
    message = str(problem.message)
    if len(message) > _NOTE_CHARS:
        message = message[: _NOTE_CHARS - 1] + "…"
    return f"{problem.path}:\n  {message}" if problem.path else message


_NOTE_CHARS = 40
LEGEND = (
    "(*) the web example with currency 'usd' (lower case) and no orderType. Forter may accept "
    "such an order, so the client sends it by default and returns the warnings; strict checking "
    "- in the client for development and CI, or in the mock for tests - refuses it."
)


def _attempt(
    row: Row,
    call: Callable[[], Any],
    check: Callable[[Row, Any], None],
) -> Row:
    from .._errors import APIStatusError, ForterError
    from .._fallback import is_fallback

    started = time.perf_counter()
    try:
        result = call()
    except ForterError as exc:
        row.latency_ms = (time.perf_counter() - started) * 1000
        row.outcome = type(exc).__name__
        if isinstance(exc, APIStatusError):
            row.outcome += f" ({exc.http_status})"
        check(row, exc)
        return row
    row.latency_ms = (time.perf_counter() - started) * 1000
    decision = getattr(result, "parsed", result)
    row.decision = str(decision.forter_decision)
    if is_fallback(decision):
        row.outcome = f"fallback ({decision.reason})"
        row.attempts = str(decision.attempts)
    else:
        row.outcome = "decision"
        row.attempts = str(getattr(result, "attempts", ""))
    check(row, result)
    return row


def run_scenarios(server: MockServer, client: ForterClient) -> list[Row]:
    """Run every scenario against ``server`` through ``client``; return one row each."""
    from .._errors import BadRequestError, OrderValidationError
    from .._fallback import FallbackPolicy, is_fallback
    from .._spec import sandbox_decisions
    from ..mock._app import default_decision
    from ..mock._scenarios import scenario_name

    mobile, web = _examples()
    raw = client.orders.with_raw_response.create
    # What the mock answers an order nothing else decides: the spec's 200 example's decision.
    default = default_decision()
    rows: list[Row] = []

    def expect_decision(value: str, attempts: int = 1) -> Callable[[Row, Any], None]:
        def check(row: Row, result: Any) -> None:
            row.ok = (
                row.outcome == "decision"
                and row.decision == value
                and row.attempts == str(attempts)
            )

        return check

    # 1-2: the two published examples, unchanged apart from their ids.
    for order_id, order, label in (
        ("mobile", mobile, "mobile app example"),
        ("web", web, "full web example"),
    ):
        rows.append(
            _attempt(
                Row(order_id, label, default),
                functools.partial(raw, _with(order, order_id)),
                expect_decision(default),
            )
        )
    # 3-5: Forter's sandbox addresses in accountOwner.email (the spec's x-forter-test-decisions).
    for email, value in sandbox_decisions().items():
        rows.append(
            _attempt(
                Row(scenario_name(value), f"email {email}", value),
                functools.partial(raw, _with(web, scenario_name(value), email)),
                expect_decision(value),
            )
        )

    # 6: by default the broken order is sent, as Forter would take it, with its warnings.
    def warned_check(row: Row, result: Any) -> None:
        warnings = getattr(result, "warnings", ())
        row.note = "\n".join(["sent; warnings:", *(_short(p) for p in warnings[:3])])
        row.ok = row.decision == default and len(warnings) == 2

    rows.append(
        _attempt(
            Row("warned", "2 mistakes (*), default validation", f"{default} + 2 warnings"),
            lambda: raw(_with(_broken(web), "warned")),
            warned_check,
        )
    )

    # 7: strict validation stops the broken order before it leaves the process.
    def local_check(row: Row, result: Any) -> None:
        if isinstance(result, OrderValidationError):
            row.note = "\n".join(["not sent:", *(_short(p) for p in result.problems[:3])])
            row.ok = True

    rows.append(
        _attempt(
            Row("invalid", "the same, validation='strict'", "OrderValidationError"),
            lambda: raw(_with(_broken(web), "invalid"), validation="strict"),
            local_check,
        )
    )

    # 8: the same order unvalidated, to a strict mock: a 400 with field paths.
    def strict_mock(order: dict[str, Any]) -> Any:
        server.strict = True
        try:
            return raw(order, validation="off")
        finally:
            server.strict = False

    def bad_request_check(row: Row, result: Any) -> None:
        if isinstance(result, BadRequestError):
            paths = [e.path for e in result.errors]
            row.note = "\n".join(["the mock's 400:", *(_short(e) for e in result.errors[:3])])
            row.attempts = "1"
            row.ok = "cartItems[0].basicItemData.price.currency" in paths
        else:
            row.note = "expected a 400 BadRequestError"

    rows.append(
        _attempt(
            Row("bad-request", "the same, validation='off', mock --strict", "400 with paths"),
            lambda: strict_mock(_broken(web)),
            bad_request_check,
        )
    )

    # 9: one 503, retried after a short backoff, then Forter's decision.
    def queue_503_then_send() -> Any:
        server.queue("http-503")
        return raw(_with(mobile, "retry-503"), max_retries=1)

    def retry_check(row: Row, result: Any) -> None:
        expect_decision(default, attempts=2)(row, result)
        row.note = "503, retried after backoff, answered"

    rows.append(
        _attempt(
            Row("retry-503", "one http-503 queued", f"{default} after 2 attempts"),
            queue_503_then_send,
            retry_check,
        )
    )

    # 10: the mock is slower than the timeout; fail-open returns a marked fallback decision.
    def slow_with_fallback() -> Any:
        return client.orders.create(
            _with(mobile, "timeout"),
            headers={"x-mock-scenario": f"slow:{SLOW_MS}"},
            timeout=FALLBACK_TIMEOUT_S,
            max_retries=0,
            fallback=FallbackPolicy(decision="APPROVE"),
        )

    def fallback_check(row: Row, result: Any) -> None:
        row.ok = is_fallback(result) and result.reason == "timeout"
        row.note = f"timeout {FALLBACK_TIMEOUT_S} s; is_fallback(): resend later"

    rows.append(
        _attempt(
            Row("timeout", f"slow:{SLOW_MS}, fail-open", "fallback APPROVE"),
            slow_with_fallback,
            fallback_check,
        )
    )
    return rows


def render(rows: list[Row], console: Console, url: str, elapsed: float) -> None:
    """Print the rows as a table, then a one-line verdict."""
    from rich.table import Table

    table = Table(
        title=f"forter-orders demo against the embedded mock at {url}",
        title_justify="left",
        show_lines=False,
    )
    table.add_column("order", overflow="fold")
    table.add_column("scenario", overflow="fold")
    table.add_column("outcome", overflow="fold")
    table.add_column("decision", overflow="fold")
    table.add_column("attempts/latency", justify="right")
    table.add_column("note", overflow="fold", min_width=44)  # a field path on one line
    for row in rows:
        mark = "[green]✓[/]" if row.ok else "[red]✗[/]"
        note = row.note if row.ok else f"[red]expected {row.expected}[/] {row.note}"
        table.add_row(
            f"{mark} {row.order}",
            row.scenario,
            row.outcome,
            row.decision or "-",
            f"{row.attempts or '-'} / {row.latency_ms:.0f} ms",
            note,
        )
    console.print(table)
    console.print(LEGEND)
    bad = [r for r in rows if not r.ok]
    if bad:
        console.print(
            f"[red]{len(bad)} of {len(rows)} scenarios did not behave as expected[/] "
            f"({elapsed:.1f} s)"
        )
    else:
        console.print(f"[green]all {len(rows)} scenarios behaved as expected[/] ({elapsed:.1f} s)")


def run_demo(console: Console | None = None) -> int:
    """Start the mock, run the scenarios, print the table; 0 when all behaved as expected."""
    from rich.console import Console

    from .._client import ForterClient
    from ..mock import MockConfig, MockServer

    if console is None:
        console = Console(highlight=False)
        if not console.is_terminal:
            # Piped or captured: no terminal width to honour, so do not squeeze the table.
            console = Console(highlight=False, width=200)
    started = time.perf_counter()
    with (
        MockServer(MockConfig()) as server,
        ForterClient(
            site_id=server.site_id,
            secret_key=server.secret_key,
            base_url=server.url,
        ) as client,
    ):
        rows = run_scenarios(server, client)
        url = server.url
    render(rows, console, url, time.perf_counter() - started)
    return 0 if all(r.ok for r in rows) else 1
