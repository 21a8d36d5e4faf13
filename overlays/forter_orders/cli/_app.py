"""``forter-orders``: validate, send (one order or a resumable batch), serve the mock, demo.

Exit codes: ``send``'s are one table, ``_exits.SEND_EXIT_CODES``, which its ``--help``, the
top-level help, docs/cli.md and the README follow (a test compares them). The other commands:

* 0: everything worked (``validate``: every order can be sent - warnings are printed but do not
  fail unless ``--strict``; ``demo``: every scenario as expected);
* 1: some order cannot be sent (``validate``: an error, or a warning with ``--strict``), a demo
  scenario misbehaved, or ``mock`` could not listen;
* 2: usage error or unreadable input (missing file, not JSON, a JSONL line that is not JSON),
  with a one-line message and no traceback.

The module imports only typer at start-up: httpx, uvicorn, the client and the mock are imported
inside the commands, so ``forter-orders --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ._exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE, send_exit_help, send_exit_summary
from ._help import Command, Group

if TYPE_CHECKING:
    from rich.console import Console

    from ._inputs import Record

app = typer.Typer(
    name="forter-orders",
    help=(
        "Validate, send and replay orders against Forter's Order v3 API, "
        "or run a local mock of it.\n\n"
        "Credentials come from the environment (FORTER_SITE_ID, FORTER_SECRET_KEY, "
        "FORTER_API_VERSION, FORTER_BASE_URL); the secret key is never taken from a flag "
        "and never printed."
    ),
    epilog=(
        "Examples:\n\n"
        "  forter-orders example mobile > order.json\n\n"
        "  forter-orders validate orders.jsonl\n\n"
        "  forter-orders send order.json --mock\n\n"
        "  forter-orders send orders.jsonl --out decisions.jsonl --concurrency 16\n\n"
        "  forter-orders mock --port 8765 --fault-rate 0.1\n\n"
        "  forter-orders demo\n\n"
        f"Exit codes of send: {send_exit_summary()} (send --help says more). validate: 0 every "
        "order can be sent, 1 some cannot, 2 unreadable input. 2 is also every usage error."
    ),
    cls=Group,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


# --------------------------------------------------------------------------------- helpers


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``forter-orders: message`` to stderr and exit (2 = usage / unreadable input)."""
    sys.stderr.write(f"forter-orders: {message}\n")
    sys.stderr.flush()
    raise typer.Exit(code)


def _require_mock(feature: str) -> None:
    """Exit 2 with one line naming the install command when the [mock] extra is missing."""
    from .._extras import MissingExtraError, require

    try:
        require("mock", feature)
    except MissingExtraError as exc:
        _fail(str(exc))


def _version_callback(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("forter-orders")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            v = "unknown"
        typer.echo(f"forter-orders {v}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Validate, send and replay orders against Forter's Order v3 API."""
    if ctx.invoked_subcommand is None:  # bare `forter-orders`: the help, and success
        typer.echo(ctx.get_help())
        raise typer.Exit(EXIT_OK)


# -------------------------------------------------------------------------------- validate


class OutputFormat(StrEnum):
    """Output formats of ``validate``."""

    text = "text"
    json = "json"


def _problems_of(rec: Record) -> list[Any]:
    """The validator's problems for one record (``Problem`` objects with path and message)."""
    from .._problem import Problem
    from .._validation import validate_order

    if not isinstance(rec.value, dict):
        return [Problem("", "not a JSON object (an order is an object)", "type")]
    return validate_order(rec.value)


@app.command(
    cls=Command,
    epilog=(
        "Examples:\n\n"
        "  forter-orders validate order.json\n\n"
        "  forter-orders validate orders.jsonl more.ndjson --format json\n\n"
        "  cat orders.jsonl | forter-orders validate -\n\n"
        "  forter-orders validate orders.jsonl --strict      (warnings fail too: for CI)\n\n"
        "Output (text): one line per problem, FILE[:LINE] SEVERITY: PATH: message, e.g.\n\n"
        "  orders.jsonl:17 warning: cartItems[0].basicItemData.price.currency: expected ...\n\n"
        "  orders.jsonl:18 error: orderId: is required ..."
    ),
)
def validate(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="JSON (one order or an array of orders) or JSONL files; - reads stdin.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: one line per problem; json: one document."),
    ] = OutputFormat.text,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Treat warnings as errors: exit 1 when any order has one (default: only "
            "errors fail; also FORTER_VALIDATION=strict).",
        ),
    ] = False,
) -> None:
    """Check orders without sending anything: errors (the order cannot be sent) and warnings
    (the spec's strict view: unknown members, types, recommended members, ...).

    Exit 0 when every order can be sent (warnings are printed, marked as such), 1 when any has
    an error (or, with --strict, a warning), 2 when a file cannot be read (missing, not JSON, a
    JSONL line that is not JSON).
    """
    from .._errors import ConfigurationError
    from .._validation import resolve_validation
    from ._inputs import InputError, display_name, read_orders

    if not strict:
        try:
            strict = resolve_validation() == "strict"
        except ConfigurationError as exc:
            _fail(str(exc))
    as_json = output_format is OutputFormat.json
    out = sys.stdout
    orders = invalid = problem_count = error_count = warning_count = with_warnings = 0
    unreadable: list[dict[str, Any]] = []
    first = True
    if as_json:
        # Streamed by hand so that memory stays flat however many problems there are.
        out.write('{"problems": [')
    for path in files:
        name = display_name(path)
        try:
            for rec in read_orders(path):
                if rec.error is not None:
                    unreadable.append({"file": name, "line": rec.line, "message": rec.error})
                    if not as_json:
                        sys.stderr.write(f"forter-orders: {name}:{rec.line}: {rec.error}\n")
                    continue
                orders += 1
                problems = _problems_of(rec)
                if not problems:
                    continue
                errors = sum(1 for p in problems if p.severity == "error")
                warnings = len(problems) - errors
                invalid += bool(errors or (strict and warnings))
                with_warnings += bool(warnings)
                error_count += errors
                warning_count += warnings
                problem_count += len(problems)
                for p in problems:
                    if as_json:
                        import orjson

                        item = {
                            "file": name,
                            "line": rec.line or None,
                            "record": rec.key,
                            "orderId": _order_id(rec.value),
                            "severity": p.severity,
                            "path": p.path,
                            "message": p.message,
                            "code": p.code,
                        }
                        out.write(("" if first else ",") + "\n  " + orjson.dumps(item).decode())
                        first = False
                    else:
                        # A single-order document (line 0) has no useful line number.
                        loc = f"{name}:{rec.line}" if rec.line else name
                        out.write(f"{loc} {p.severity}: {p.path or '(order)'}: {p.message}\n")
        except InputError as exc:
            unreadable.append({"file": exc.source, "line": exc.line, "message": exc.message})
            if not as_json:
                sys.stderr.write(f"forter-orders: {exc}\n")
    code = EXIT_USAGE if unreadable else EXIT_FAILED if invalid else EXIT_OK
    if as_json:
        import orjson

        summary = {
            "valid": code == EXIT_OK,
            "strict": strict,
            "orders": orders,
            "invalidOrders": invalid,
            "ordersWithWarnings": with_warnings,
            "errorCount": error_count,
            "warningCount": warning_count,
            "problemCount": problem_count,
            "unreadable": unreadable,
            "exitCode": code,
        }
        tail = orjson.dumps(summary).decode()[1:]  # reuse the object body after "{"
        out.write(("\n" if not first else "") + "],\n " + tail + "\n")
    else:
        noun = "order" if orders == 1 else "orders"
        counts = _counts(error_count, warning_count)
        if code == EXIT_OK and not warning_count:
            sys.stderr.write(f"ok: {orders} {noun} valid\n")
        elif code == EXIT_OK:
            sys.stderr.write(
                f"ok: {orders} {noun} can be sent; {with_warnings} with warnings ({counts}; "
                "--strict would refuse them)\n"
            )
        elif orders:
            sys.stderr.write(
                f"{invalid} of {orders} {noun} cannot be sent"
                + (" in strict mode" if strict else "")
                + f" ({counts})"
                + (f"; {len(unreadable)} unreadable input(s)" if unreadable else "")
                + "\n"
            )
    out.flush()
    raise typer.Exit(code)


def _order_id(value: Any) -> Any:
    return value.get("orderId") if isinstance(value, dict) else None


def _counts(errors: int, warnings: int) -> str:
    parts = []
    if errors or not warnings:
        parts.append(f"{errors} error{'' if errors == 1 else 's'}")
    if warnings:
        parts.append(f"{warnings} warning{'' if warnings == 1 else 's'}")
    return ", ".join(parts)


# ------------------------------------------------------------------------------------ send


def _key_from_file(path: Path) -> str:
    """The secret key in ``path`` (--secret-key-file), surrounding whitespace removed."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"--secret-key-file {path}: {getattr(exc, 'strerror', None) or exc}")
    if not key:
        _fail(f"--secret-key-file {path} is empty")
    return key


def _read_secret(secret_key_file: Path | None) -> str:
    """The secret key: --secret-key-file, else FORTER_SECRET_KEY, else a hidden prompt."""
    if secret_key_file is not None:
        return _key_from_file(secret_key_file)
    key = os.environ.get("FORTER_SECRET_KEY", "")
    if key:
        return key
    if sys.stdin.isatty():
        import getpass

        key = getpass.getpass("Forter secret key (not echoed): ").strip()
        if key:
            return key
    _fail(
        "no secret key: set FORTER_SECRET_KEY, pass --secret-key-file PATH, "
        "or run interactively to be prompted (or use --mock)"
    )


_SEND_HELP = (
    "Send one order or a batch and journal each outcome.\n\n"
    "Every line is read and checked before the first request: input with a line that is not "
    "JSON sends nothing (exit 2); orders with errors (with --strict, warnings too) are listed, "
    "journalled as invalid and not sent (exit 1); the rest are sent. Batches stream: at most "
    "--concurrency orders are in flight, and each outcome is appended to the journal as one "
    "complete line the moment it is known. After the first 401 or 403 (credentials refused) "
    "no further order is started; the rest stay for a resume.\n\n"
    "Exit codes:\n\n" + send_exit_help()
)


@app.command(
    cls=Command,
    help=_SEND_HELP,
    epilog=(
        "Examples:\n\n"
        "  forter-orders send examples/mobile_app_order.json --mock\n\n"
        "  FORTER_SITE_ID=... FORTER_SECRET_KEY=... forter-orders send order.json\n\n"
        "  forter-orders send orders.jsonl --out decisions.jsonl --concurrency 16 "
        "--rate-limit 50/s --fail-open\n\n"
        "Re-running with the same --out resumes: orders already decided or fallen back are "
        "skipped; errors, invalid orders (checked again) and orders not reached are sent.\n\n"
        "Journal line: "
        '{"line": 17, "orderId": "A1", "outcome": "decision", "forterDecision": "APPROVE", ...}'
    ),
)
def send(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="One order (JSON), a JSON array of orders, or JSONL; - reads stdin.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Journal file (JSONL, one line per order); re-run with it to resume. "
            "Default: journal lines go to stdout.",
            dir_okay=False,
        ),
    ] = None,
    mock: Annotated[
        bool,
        typer.Option("--mock", help="Start the embedded mock on a free loopback port and use it."),
    ] = False,
    site_id: Annotated[
        str | None,
        typer.Option("--site-id", envvar="FORTER_SITE_ID", help="Forter site id."),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="FORTER_BASE_URL",
            help="API base URL (default: https://{siteId}.api.forter-secure.com).",
        ),
    ] = None,
    api_version: Annotated[
        str | None,
        typer.Option(
            "--api-version", envvar="FORTER_API_VERSION", help="api-version header value."
        ),
    ] = None,
    secret_key_file: Annotated[
        Path | None,
        typer.Option(
            "--secret-key-file",
            help="Read the secret key from this file (else FORTER_SECRET_KEY, else a prompt).",
            dir_okay=False,
        ),
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", min=1, max=1024, help="Orders in flight.")
    ] = 8,
    max_retries: Annotated[
        int | None,
        typer.Option("--max-retries", min=0, help="Retries per order (client default: 1)."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.001, help="Seconds per attempt (client default: 4)."),
    ] = None,
    deadline: Annotated[
        float | None,
        typer.Option(
            "--deadline",
            min=0.001,
            help="Seconds per order for all attempts and waits (client default: 8).",
        ),
    ] = None,
    rate_limit: Annotated[
        str | None,
        typer.Option("--rate-limit", metavar="N/s", help="Start at most N orders per second."),
    ] = None,
    fail_open: Annotated[
        bool,
        typer.Option(
            "--fail-open",
            help="On timeouts, connection errors, 5xx and 429 (after retries) record a "
            "fallback decision instead of an error.",
        ),
    ] = False,
    fallback_decision: Annotated[
        str | None,
        typer.Option(
            "--fallback-decision",
            metavar="DECISION",
            help="The fallback forterDecision (implies --fail-open; default APPROVE).",
        ),
    ] = None,
    validate: Annotated[
        bool | None,
        typer.Option(
            "--validate/--no-validate",
            help="Validate each order before sending; orders with errors are journalled as "
            "invalid, not sent; warnings are journalled with the outcome (default: on).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Orders with warnings are journalled as invalid and not sent either "
            "(also FORTER_VALIDATION=strict).",
        ),
    ] = False,
    progress: Annotated[
        bool,
        typer.Option("--progress/--no-progress", help="Live progress bar (only on a terminal)."),
    ] = True,
    mock_latency_ms: Annotated[
        int, typer.Option("--mock-latency-ms", min=0, help="With --mock: added latency.")
    ] = 0,
    mock_fault_rate: Annotated[
        float,
        typer.Option("--mock-fault-rate", min=0.0, max=1.0, help="With --mock: fault rate."),
    ] = 0.0,
    mock_fault_kinds: Annotated[
        str,
        typer.Option("--mock-fault-kinds", help="With --mock: comma-separated fault scenarios."),
    ] = "http-503",
    mock_seed: Annotated[
        int | None, typer.Option("--mock-seed", help="With --mock: fault generator seed.")
    ] = None,
) -> None:
    """Send one order or a batch and journal each outcome (help: ``_SEND_HELP``)."""
    if mock:
        _require_mock("forter-orders send --mock")
    from .._errors import ConfigurationError
    from .._validation import resolve_validation
    from ._send import SendSettings, run_send

    if strict and validate is False:
        _fail("--strict and --no-validate contradict each other")
    try:
        validation = "strict" if strict else resolve_validation(validate=validate)
    except ConfigurationError as exc:
        _fail(str(exc))

    rate: float | None = None
    if rate_limit is not None:
        from ._batch import parse_rate

        try:
            rate = parse_rate(rate_limit)
        except ValueError as exc:
            _fail(f"--rate-limit: {exc}")
    kinds = tuple(k.strip() for k in mock_fault_kinds.split(",") if k.strip())
    settings = SendSettings(
        file=file,
        out=out,
        mock=mock,
        site_id=site_id,
        base_url=base_url,
        api_version=api_version,
        concurrency=concurrency,
        max_retries=max_retries,
        timeout=timeout,
        deadline=deadline,
        rate=rate,
        fail_open=fail_open or fallback_decision is not None,
        fallback_decision=(fallback_decision or "APPROVE").strip().upper(),
        validation=validation,
        progress=progress,
        mock_latency_ms=mock_latency_ms,
        mock_fault_rate=mock_fault_rate,
        mock_fault_kinds=kinds,
        mock_seed=mock_seed,
    )
    if not mock:
        _require_settings(site_id, secret_key_file)
    secret = None if mock else _read_secret(secret_key_file)
    raise typer.Exit(run_send(settings, secret))


def _require_settings(site_id: str | None, secret_key_file: Path | None) -> None:
    """Exit 2 naming every missing setting at once, by flag and environment variable."""
    missing = []
    if not (site_id or "").strip():
        missing.append("--site-id / FORTER_SITE_ID")
    has_secret = secret_key_file is not None or os.environ.get("FORTER_SECRET_KEY", "")
    if not has_secret and not sys.stdin.isatty():  # on a terminal, _read_secret prompts
        missing.append("--secret-key-file / FORTER_SECRET_KEY")
    if missing:
        _fail(f"missing: {', '.join(missing)} (or --mock for the embedded mock)")


# ------------------------------------------------------------------------------------ mock


@app.command(
    "mock",
    cls=Command,
    epilog=(
        "Examples:\n\n"
        "  forter-orders mock\n\n"
        "  forter-orders mock --port 8765 --fault-rate 0.2 --fault-kinds http-503,reset "
        "--seed 7\n\n"
        "  forter-orders mock --latency-ms 50\n\n"
        "Per request, the header x-mock-scenario (http-500, http-503, http-429, "
        "http-429-no-retry-after, http-418, http-520, slow:MS, reset, reset-mid-body, "
        "malformed-json, bad-schema-200, huge-body, huge-body-chunked, decline, not-reviewed, "
        "...; docs/mock.md lists all) or accountOwner.email approve@forter.com / "
        "decline@forter.com / notreviewed@forter.com pick the answer. GET /_mock/stats counts "
        "the answers by scenario and status."
    ),
)
def mock_command(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port (0: any free port).")
    ] = 8765,
    fault_rate: Annotated[
        float,
        typer.Option("--fault-rate", min=0.0, max=1.0, help="Share of requests given a fault."),
    ] = 0.0,
    fault_kinds: Annotated[
        str,
        typer.Option("--fault-kinds", help="Comma-separated scenarios random faults use."),
    ] = "http-503",
    latency_ms: Annotated[
        int, typer.Option("--latency-ms", min=0, help="Delay added to every order request.")
    ] = 0,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed for random faults.")] = None,
    site_id: Annotated[
        str | None, typer.Option("--site-id", help="Site id the mock expects.")
    ] = None,
    secret_key_file: Annotated[
        Path | None,
        typer.Option(
            "--secret-key-file",
            help="Read the test secret key the mock expects from this file (else "
            "FORTER_MOCK_SECRET_KEY, else the public mock key). A custom key is not printed.",
            dir_okay=False,
        ),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            hidden=True,
            help="Deprecated (the key shows in ps): use --secret-key-file.",
        ),
    ] = None,
    validate: Annotated[
        bool,
        typer.Option("--validate/--no-validate", help="Check request bodies against the spec."),
    ] = True,
    read_timeout: Annotated[
        float,
        typer.Option(
            "--read-timeout",
            min=0.001,
            help="Seconds a client has to send a whole request (then it is dropped).",
        ),
    ] = 10.0,
    max_body_bytes: Annotated[
        int,
        typer.Option("--max-body-bytes", min=1, help="Largest request body read (else 413)."),
    ] = 8 * 1024 * 1024,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Answer 400 to what the spec's strict view finds (unknown members, types, "
            "recommended members, ...), not only to errors; default: like Forter, warnings go "
            "in the x-mock-warnings header.",
        ),
    ] = False,
) -> None:
    """Serve the local Forter mock until Ctrl-C; prints its URL and test credentials."""
    _require_mock("forter-orders mock")
    from ..mock import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID, MockConfig, serve

    if api_key is not None:
        sys.stderr.write(
            "forter-orders: --api-key is deprecated and will be removed in 0.3.0 (a key on the "
            "command line shows in ps): use --secret-key-file or FORTER_MOCK_SECRET_KEY\n"
        )
    if secret_key_file is not None:
        secret_key = _key_from_file(secret_key_file)
    else:
        secret_key = api_key or os.environ.get("FORTER_MOCK_SECRET_KEY") or DEFAULT_SECRET_KEY
    kinds = tuple(k.strip() for k in fault_kinds.split(",") if k.strip())
    try:
        config = MockConfig(
            site_id=site_id or DEFAULT_SITE_ID,
            secret_key=secret_key,
            fault_rate=fault_rate,
            fault_kinds=kinds,
            latency_ms=latency_ms,
            seed=seed,
            validate=validate,
            read_timeout=read_timeout,
            max_body_bytes=max_body_bytes,
            strict=strict,
        )
    except ValueError as exc:
        _fail(str(exc))
    try:
        serve(config, host=host, port=port)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_FAILED)
    sys.stderr.write("forter-orders: mock stopped\n")


# --------------------------------------------------------------------------------- example


@app.command(
    cls=Command,
    epilog=(
        "Examples:\n\n"
        "  forter-orders example\n\n"
        "  forter-orders example mobile > order.json\n\n"
        "  forter-orders example web | forter-orders validate -"
    ),
)
def example(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="An example's name or any unique part of it (mobile, web).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print an example order from the packaged spec as JSON; without NAME, list them.

    The examples are the spec's own (no repository checkout needed): Forter's mobile-app sample
    as published, and a web order using every documented field.
    """
    from .._examples import example_names, example_order

    if name is None:
        for key, summary in example_names().items():
            typer.echo(f"{key:<16} {summary}")
        return
    try:
        order = example_order(name)
    except KeyError as exc:
        _fail(str(exc.args[0]))
    import orjson

    sys.stdout.write(orjson.dumps(order, option=orjson.OPT_INDENT_2).decode() + "\n")


# ------------------------------------------------------------------------------------ demo


@app.command(
    cls=Command,
    epilog=("Examples:\n\n  forter-orders demo\n\n  scripts/demo            (sets up .venv first)"),
)
def demo() -> None:
    """Run the tour against the embedded mock: no network, no credentials, a few seconds.

    Sends the mobile and web examples and scenario orders (approve, decline, not reviewed, a
    400 with field paths, a 503 retried then answered, a timeout that falls back) and prints
    what happened. Exit 0 when every scenario behaved as expected.
    """
    _require_mock("forter-orders demo")
    from ._demo import run_demo

    raise typer.Exit(run_demo())


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``forter-orders``)."""
    app(args=argv, prog_name="forter-orders")


__all__ = ["app", "main"]
