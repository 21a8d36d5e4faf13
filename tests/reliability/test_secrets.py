"""Secrets: a canary key and canary card numbers never show, end to end.

The sync and async clients, the CLI and the mock run every scenario of the mock with a canary
secret key (``sk_canary_<random hex>``) and Luhn-valid canary card numbers (random per run, written
as bare digits, with spaces and with dashes) placed where a merchant might wrongly put them. Every
log record (root logger at DEBUG, httpx/httpcore/uvicorn included), exception (its whole
``__cause__``/``__context__`` chain, ``args`` and traceback), repr, journal line, CLI output and
file written is captured in a :class:`Sweep`; the canaries - and the key's base64 forms inside an
``Authorization: Basic`` header - must appear zero times. Each sweep also proves it captured the
real thing (request ids, masked cards, records from every logger), so an empty capture fails.

``tests/test_redaction.py`` covers the pieces one by one with in-process fakes; this suite is the
sweep over real loopback servers and processes.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import dataclasses
import json
import logging
import os
import secrets
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from forter_orders import (
    AsyncForterClient,
    FallbackPolicy,
    ForterClient,
    ForterError,
    OrderValidationError,
    is_fallback,
    validate_order,
)
from forter_orders._paths import dotted
from forter_orders.mock import SCENARIOS, MockConfig, MockServer
from forter_orders_api.models import OrderDecision

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
WEB_ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "full_web_order.json").read_text())
CAPTURED_LOGGERS = ("forter_orders", "httpx", "httpcore", "uvicorn", "uvicorn.error", "asyncio")
# The client waits far less than the mock sleeps, so `slow` is a timeout, never a late answer.
SLOW_SCENARIO = "slow:1500"
SLOW_TIMEOUT_S = 0.25


class MockProcess(Protocol):
    """What this suite uses of the ``start_mock`` fixture's ``MockProcess`` (conftest)."""

    url: str
    site_id: str
    process: subprocess.Popen[str]

    def stderr_text(self) -> str:
        """The mock process's stderr so far."""
        ...


StartMock = Callable[..., Any]

# ------------------------------------------------------------------------------ the canaries


def _luhn_check_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:  # doubled: these positions become odd ones once the check digit is added
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def canary_card() -> str:
    """A random Luhn-valid 16-digit Visa-range number: unique per run, so any hit is a leak."""
    body = "4" + "".join(str(secrets.randbelow(10)) for _ in range(14))
    return body + _luhn_check_digit(body)


def _grouped(card: str, separator: str) -> str:
    return separator.join(card[i : i + 4] for i in range(0, len(card), 4))


def masked(card: str) -> str:
    """How the project masks a card number (``_pan.mask_pan``): only the last four survive."""
    return "*" * (len(card) - 4) + card[-4:]


KEY = "sk_canary_" + secrets.token_hex(16)
WRONG_KEY = "sk_canary_wrong_" + secrets.token_hex(16)
CARD_DIGITS = canary_card()
CARD_SPACED_DIGITS = canary_card()
CARD_DASHED_DIGITS = canary_card()
CARD_SPACED = _grouped(CARD_SPACED_DIGITS, " ")
CARD_DASHED = _grouped(CARD_DASHED_DIGITS, "-")
CARDS = (CARD_DIGITS, CARD_SPACED_DIGITS, CARD_DASHED_DIGITS)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode("ascii")


def _key_needles(name: str, key: str) -> dict[str, str]:
    # The Authorization header is "Basic " + base64("<key>:"); base64 of the key alone is a
    # prefix of it only when the key's length is a multiple of 3, so both are checked, with and
    # without their "=" padding.
    forms = {name: key, f"{name} b64": _b64(key), f"{name} b64 with colon": _b64(key + ":")}
    for label, value in list(forms.items())[1:]:
        forms[f"{label} unpadded"] = value.rstrip("=")
    return forms


NEEDLES: dict[str, str] = {
    **_key_needles("key", KEY),
    **_key_needles("wrong key", WRONG_KEY),
    "card digits": CARD_DIGITS,
    "card spaced": CARD_SPACED,
    "card spaced (digits)": CARD_SPACED_DIGITS,
    "card dashed": CARD_DASHED,
    "card dashed (digits)": CARD_DASHED_DIGITS,
}
_SEPARATORS = str.maketrans("", "", " -")


def test_canaries_are_what_the_sweep_needs() -> None:
    """The canaries are Luhn-valid cards the validator flags, and keys of the expected shape."""
    assert KEY.startswith("sk_canary_")
    assert len(KEY) == 42
    assert len(set(CARDS)) == 3
    for card in (CARD_DIGITS, CARD_SPACED, CARD_DASHED):
        order = _order("canary-check", **{"cartItems[0].basicItemData.name": card})
        (problem,) = validate_order(order)
        assert problem.code == "card_number"
        assert masked(card.translate(_SEPARATORS)) in problem.message
    with_basic = f"Authorization: Basic {_b64(KEY + ':')}"
    assert sorted(name for name, value in NEEDLES.items() if value in with_basic) == [
        "key b64",
        "key b64 unpadded",
        "key b64 with colon",
        "key b64 with colon unpadded",
    ]


# ------------------------------------------------------------------------------ orders


def _set(order: dict[str, Any], path: str, value: Any) -> None:
    """Set ``a.b[0].c`` in ``order``."""
    parts: list[str | int] = []
    for piece in path.replace("]", "").split("."):
        name, *indexes = piece.split("[")
        parts.append(name)
        parts.extend(int(i) for i in indexes)
    node: Any = order
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value


def _order(order_id: str, **fields: Any) -> dict[str, Any]:
    order = copy.deepcopy(WEB_ORDER)
    order["orderId"] = order_id
    for path, value in fields.items():
        _set(order, path, value)
    return order


# Where a merchant might wrongly put a card number. The schema allows this order (free text and a
# free-form payload object); a card number is an error for the client (in every mode but off)
# and for the mock alike, so with validation off it really travels, and the mock refuses it.
CARD_FIELDS_ACCEPTED = {
    "payment[0].creditCard.nameOnCard": CARD_SPACED,
    "cartItems[0].basicItemData.name": f"Gift card {CARD_DASHED}",
    "payment[0].creditCard.paymentProcessorData.cardNumber": CARD_DIGITS,
}
# ...and these break the schema too: a whole PAN in `bin`, and an unknown member beside it.
CARD_FIELDS_REFUSED = {
    **CARD_FIELDS_ACCEPTED,
    "payment[0].creditCard.bin": CARD_DIGITS,
    "payment[0].creditCard.cardNumber": CARD_SPACED,
}


def with_card_as_member_name(order: dict[str, Any]) -> dict[str, Any]:
    """``order`` with a card number as the NAME of an unknown member (e.g. a dict keyed by PAN)."""
    order["payment"][0]["creditCard"][CARD_DIGITS] = "approved"
    return order


# ------------------------------------------------------------------------------ the sweep


class _Collect(logging.Handler):
    def __init__(self, sweep: Sweep) -> None:
        super().__init__(logging.NOTSET)
        self.sweep = sweep
        self.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        # The formatted line (message, exc_text, stack) and every attribute of the record.
        self.sweep.add(f"log {record.name}", self.format(record) + "\n" + repr(vars(record)))
        self.sweep.records += 1
        self.sweep.loggers.add(record.name.split(".")[0])


def _safe_repr(value: object) -> str:
    try:
        return repr(value)
    except Exception as exc:  # what an error tracker shows for a repr that raises
        return f"<repr failed: {type(exc).__name__}>"


def _library_frames_with_locals(error: BaseException) -> str:
    """``error``'s traceback with each frame's locals, as an error tracker records it.

    Built by hand rather than with ``capture_locals=True``: trackers survive a ``repr`` that
    raises, and so must the sweep. This file's own frames are left out: their locals are the
    plan (card orders included) and the sweep itself, which are the test's, not the library's.
    """
    lines = []
    for frame, line in traceback.walk_tb(error.__traceback__):
        code = frame.f_code
        if code.co_filename == __file__:
            continue
        lines.append(f'  File "{code.co_filename}", line {line}, in {code.co_name}')
        lines.extend(f"    {name} = {_safe_repr(value)}" for name, value in frame.f_locals.items())
    return "\n".join(lines)


# The running test's `figure` fixture (conftest's): set by `_record_figures` for every test.
_FIGURES: list[Callable[[str, object], None]] = []


@pytest.fixture(autouse=True)
def _record_figures(figure: Callable[[str, object], None]) -> Iterator[None]:
    _FIGURES.append(figure)
    yield
    _FIGURES.pop()


@dataclasses.dataclass(repr=False)
class Sweep:
    """Everything captured in one scenario run, as labelled texts, searched for the canaries."""

    chunks: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    records: int = 0
    loggers: set[str] = dataclasses.field(default_factory=set)

    def __repr__(self) -> str:
        return f"Sweep({len(self.chunks)} texts)"

    def add(self, label: str, text: str) -> None:
        """Keep ``text`` for the search."""
        self.chunks.append((label, text))

    def obj(self, label: str, value: object) -> None:
        """``repr`` and ``str`` of ``value``."""
        self.add(f"{label} repr", repr(value))
        self.add(f"{label} str", str(value))

    def exception(self, label: str, exc: BaseException, *, with_locals: bool = True) -> None:
        """The exception and its whole cause/context chain: str, repr, args, traceback.

        ``with_locals`` adds the traceback with frame locals, as error trackers capture it; it is
        off when the caller's own order holds a card number (the caller's frames hold it too).
        """
        seen: set[int] = set()
        todo: list[BaseException] = [exc]
        while todo:
            error = todo.pop()
            if id(error) in seen:
                continue
            seen.add(id(error))
            name = f"{label} {type(error).__name__}"
            self.obj(name, error)
            self.add(f"{name} args", repr(error.args))
            for attribute in ("problems", "errors", "body", "message", "request_id"):
                if hasattr(error, attribute):
                    self.add(f"{name}.{attribute}", repr(getattr(error, attribute)))
            response = getattr(error, "response", None)
            if isinstance(response, httpx.Response):
                self.add(f"{name} response", f"{response!r} {response.headers!r} {response.text}")
                self.add(f"{name} request", f"{response.request!r} {response.request.headers!r}")
            todo.extend(e for e in (error.__cause__, error.__context__) if e is not None)
            if with_locals:
                self.add(f"{name} traceback with locals", _library_frames_with_locals(error))
        self.add(f"{label} traceback", "".join(traceback.format_exception(exc)))

    def file_tree(self, label: str, folder: Path) -> int:
        """Every file under ``folder``; returns how many."""
        count = 0
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                self.add(f"{label} {path.relative_to(folder)}", path.read_bytes().decode("utf-8"))
                count += 1
        return count

    @property
    def size(self) -> int:
        """Bytes captured (UTF-8)."""
        return sum(len(text.encode()) for _, text in self.chunks)

    def text(self) -> str:
        """All captured text."""
        return "\n".join(text for _, text in self.chunks)

    def hits(self) -> list[str]:
        """``"<label>: <needle name>"`` for every canary found (never the canary itself)."""
        found = []
        for label, text in self.chunks:
            bare = text.translate(_SEPARATORS)
            for name, needle in NEEDLES.items():
                if needle in text or (name.startswith("card") and needle in bare):
                    found.append(f"{label}: {name}")
        return found

    def assert_clean(self, figure: str) -> None:
        """No canary anywhere; records the figure (texts, bytes and records scanned, hits)."""
        hits = self.hits()
        name = "secrets_" + figure.replace(" ", "_")
        _FIGURES[-1](f"{name}_texts", len(self.chunks))
        _FIGURES[-1](f"{name}_bytes", self.size)
        _FIGURES[-1](f"{name}_log_records", self.records)
        _FIGURES[-1](f"{name}_canary_hits", len(hits))
        assert hits == []

    def assert_captured(self, *fragments: str) -> None:
        """Each fragment occurs somewhere: the sweep saw real output, not nothing."""
        text = self.text()
        assert [f for f in fragments if f not in text] == []


# Below DEBUG: uvicorn logs connections at its TRACE level (5).
CAPTURE_LEVEL = 1


@contextlib.contextmanager
def capturing_logs(sweep: Sweep) -> Iterator[Callable[[], None]]:
    """Every log record of the process into ``sweep`` (a root handler, all levels, propagation on).

    Yields a function that opens the loggers up again: uvicorn resets its own loggers' levels
    when a server is configured, so call it after starting an in-process server.
    """
    handler = _Collect(sweep)
    root = logging.getLogger()
    loggers = [root, *(logging.getLogger(name) for name in CAPTURED_LOGGERS)]
    saved = [(logger, logger.level, logger.propagate) for logger in loggers]

    def open_up() -> None:
        for logger in loggers:
            logger.setLevel(CAPTURE_LEVEL)
            logger.propagate = True

    root.addHandler(handler)
    open_up()
    try:
        yield open_up
    finally:
        root.removeHandler(handler)
        for logger, level, propagate in saved:
            logger.setLevel(level)
            logger.propagate = propagate


# ------------------------------------------------------------------------------ client calls


@dataclasses.dataclass(frozen=True)
class Call:
    """One ``orders.create`` (or ``with_raw_response.create``) of the plan."""

    label: str
    order: dict[str, Any]
    options: dict[str, Any]
    raw: bool = False
    holds_card: bool = False


def fault_names() -> list[str]:
    """Every scenario the mock documents, ``slow:<ms>`` spelled out."""
    return [SLOW_SCENARIO if name == "slow:<ms>" else name for name in SCENARIOS]


def plan() -> list[Call]:
    """Every scenario three ways (raising, failing open, raw), plus the card-number orders."""
    calls = []
    for name in fault_names():
        options: dict[str, Any] = {"headers": {"x-mock-scenario": name}, "max_retries": 0}
        if name.startswith("slow:"):
            options["timeout"] = SLOW_TIMEOUT_S
        order_id = f"sweep-{name.replace(':', '-')}"
        calls.append(Call(name, _order(order_id), options))
        # One retry: the retry path logs too (the injected sleep makes it instant).
        fail_open = {**options, "max_retries": 1, "fallback": FallbackPolicy()}
        calls.append(Call(f"{name} fail-open", _order(order_id + "-fo"), fail_open))
        calls.append(Call(f"{name} raw", _order(order_id + "-raw"), options, raw=True))
    refused = _order("sweep-card-refused", **CARD_FIELDS_REFUSED)
    accepted = _order("sweep-card-accepted", **CARD_FIELDS_ACCEPTED)
    calls.append(Call("card validated", refused, {}, holds_card=True))
    calls.append(Call("card not validated", refused, {"validate": False}, holds_card=True))
    calls.append(Call("card accepted unvalidated", accepted, {"validate": False}, holds_card=True))
    return calls


def _record_result(sweep: Sweep, call: Call, result: object) -> str:
    """Capture a successful call's result; returns its outcome name."""
    sweep.obj(call.label, result)
    if call.raw:
        response = getattr(result, "http_response")  # noqa: B009 - RawResponse
        assert isinstance(response, httpx.Response)
        sweep.add(f"{call.label} response", f"{response.headers!r} {response.text}")
        sweep.add(f"{call.label} request", f"{response.request!r} {response.request.headers!r}")
        return f"raw {response.status_code}"
    assert isinstance(result, OrderDecision)
    if is_fallback(result):
        sweep.exception(f"{call.label} fallback error", result.error)
        return f"fallback {result.reason}"
    return f"decision {result.forter_decision}"


def _record_error(sweep: Sweep, call: Call, error: ForterError) -> str:
    sweep.exception(call.label, error, with_locals=not call.holds_card)
    return f"error {type(error).__name__}"


def run_sync(sweep: Sweep, mock: MockProcess, key: str, calls: list[Call]) -> dict[str, str]:
    """Every call on a ``ForterClient``; the outcome of each by label."""
    outcomes: dict[str, str] = {}
    with ForterClient(mock.site_id, key, base_url=mock.url, sleep=lambda _s: None) as client:
        sweep.obj("sync client", client)
        sweep.add("sync client vars", repr(vars(client)))
        sweep.add("sync client config", repr(client._config))
        sweep.add("sync http client", f"{client.http_client!r} {client.http_client.headers!r}")
        for call in calls:
            try:
                if call.raw:
                    result: object = client.orders.with_raw_response.create(
                        call.order, **call.options
                    )
                else:
                    result = client.orders.create(call.order, **call.options)
            except ForterError as error:
                outcomes[call.label] = _record_error(sweep, call, error)
            else:
                outcomes[call.label] = _record_result(sweep, call, result)
    return outcomes


async def _no_sleep(_seconds: float) -> None:
    return None


async def run_async(sweep: Sweep, mock: MockProcess, key: str, calls: list[Call]) -> dict[str, str]:
    """Every call on an ``AsyncForterClient``; the outcome of each by label."""
    outcomes: dict[str, str] = {}
    async with AsyncForterClient(mock.site_id, key, base_url=mock.url, sleep=_no_sleep) as client:
        sweep.obj("async client", client)
        sweep.add("async client vars", repr(vars(client)))
        sweep.add("async client config", repr(client._config))
        sweep.add("async http client", f"{client.http_client!r} {client.http_client.headers!r}")
        for call in calls:
            try:
                if call.raw:
                    result: object = await client.orders.with_raw_response.create(
                        call.order, **call.options
                    )
                else:
                    result = await client.orders.create(call.order, **call.options)
            except ForterError as error:
                outcomes[call.label] = _record_error(sweep, call, error)
            else:
                outcomes[call.label] = _record_result(sweep, call, result)
    return outcomes


@pytest.fixture
def anyio_backend() -> str:
    """The async client runs under asyncio here (trio is covered by the client's own tests)."""
    return "asyncio"


@pytest.fixture
def canary_mock(start_mock: StartMock) -> MockProcess:
    """A ``forter-orders mock`` process that expects the canary key."""
    mock: MockProcess = start_mock("--api-key", KEY)
    return mock


def _check_client_outcomes(outcomes: dict[str, str]) -> None:
    """The scenarios did what the mock documents: the sweep ran real exchanges."""
    expected = {
        "approve": "decision APPROVE",
        "decline": "decision DECLINE",
        "http-401": "error AuthenticationError",
        "http-400": "error BadRequestError",
        "http-503": "error InternalServerError",
        "http-503 fail-open": "fallback server_error",
        "reset": "error APIConnectionError",
        "reset fail-open": "fallback connection_error",
        SLOW_SCENARIO: "error APITimeoutError",
        f"{SLOW_SCENARIO} fail-open": "fallback timeout",
        "approve raw": "raw 200",
        "card validated": "error OrderValidationError",
        "card not validated": "error BadRequestError",
        "card accepted unvalidated": "error BadRequestError",
        "wrong key": "error AuthenticationError",
    }
    assert {label: outcomes.get(label) for label in expected} == expected
    assert len(outcomes) == 3 * len(SCENARIOS) + 4


def _client_sweep_evidence(sweep: Sweep) -> None:
    """What a sweep that captured nothing would lack."""
    # Records from the client, httpx and httpcore (DEBUG), with the attempt lines.
    assert {"forter_orders", "httpx", "httpcore"} <= sweep.loggers
    sweep.assert_captured(
        "(attempt 1 of 2)",
        "failing open with APPROVE",
        "Secret('**********')",
        "sweep-card-refused",
        masked(CARD_DIGITS),
        masked(CARD_SPACED_DIGITS),
        masked(CARD_DASHED_DIGITS),
        "payment[0].creditCard.bin",
        "(request id: ",
    )


def test_sync_client_sweep_over_every_scenario(
    canary_mock: MockProcess, capfd: pytest.CaptureFixture[str]
) -> None:
    """Sync client, every mock scenario raising / failing open / raw, card orders, a wrong key."""
    sweep = Sweep()
    with capturing_logs(sweep):
        outcomes = run_sync(sweep, canary_mock, KEY, plan())
        wrong = Call("wrong key", _order("sweep-wrong-key"), {"max_retries": 0})
        outcomes.update(run_sync(sweep, canary_mock, WRONG_KEY, [wrong]))
    out, err = capfd.readouterr()
    sweep.add("stdout", out)
    sweep.add("stderr", err)
    # The decisions came through the mock's auth check: the canary key was really sent.
    _check_client_outcomes(outcomes)
    _client_sweep_evidence(sweep)
    sweep.assert_clean("sync client")


@pytest.mark.anyio
async def test_async_client_sweep_matches_sync(
    canary_mock: MockProcess, capfd: pytest.CaptureFixture[str]
) -> None:
    """The async client: the same plan and expected outcomes as the sync client, nothing leaked."""
    sweep = Sweep()
    calls = plan()
    with capturing_logs(sweep):
        outcomes = await run_async(sweep, canary_mock, KEY, calls)
        wrong = Call("wrong key", _order("sweep-wrong-key"), {"max_retries": 0})
        outcomes.update(await run_async(sweep, canary_mock, WRONG_KEY, [wrong]))
    out, err = capfd.readouterr()
    sweep.add("stdout", out)
    sweep.add("stderr", err)
    # The decisions came through the mock's auth check: the canary key was really sent.
    _check_client_outcomes(outcomes)
    _client_sweep_evidence(sweep)
    sweep.assert_clean("async client")


def masked_member_path() -> str:
    """The path of the member :func:`with_card_as_member_name` adds, as problems show it."""
    return f"payment[0].creditCard[{masked(CARD_DIGITS)!r}]"


def test_field_paths_mask_a_card_number_used_as_a_member_name() -> None:
    """Regression: ``dotted`` printed a member named by a card number verbatim, so the client's
    ``unknown_field`` problem (and ``validate``'s output) carried the whole number."""
    assert dotted(["payment", 0, "creditCard", CARD_DIGITS]) == masked_member_path()
    assert dotted(["a", f"_{CARD_DIGITS}"]) == f"a['_{masked(CARD_DIGITS)}']"
    assert dotted([CARD_SPACED, "x"]) == f"['{masked(CARD_SPACED_DIGITS)}'].x"
    assert dotted(["cartItems", 0, "basicItemData", "name"]) == "cartItems[0].basicItemData.name"


def test_refused_card_order_names_every_place_masked() -> None:
    """Client-side refusal: every card placement is reported, masked, and nothing was sent."""
    order = with_card_as_member_name(_order("sweep-card-places", **CARD_FIELDS_REFUSED))
    client = ForterClient("site", KEY, base_url="http://127.0.0.1:9")  # never reached
    with pytest.raises(OrderValidationError) as info:
        client.orders.create(order)
    client.close()
    problems = info.value.problems
    card_problems = {p.path: p.message for p in problems if p.code == "card_number"}
    # The member named by a card number is reported at its parent, masked, and as unknown.
    assert sorted(card_problems) == sorted([*CARD_FIELDS_REFUSED, "payment[0].creditCard"])
    unknown = [p.path for p in problems if p.code == "unknown_field"]
    assert unknown == ["payment[0].creditCard.cardNumber", masked_member_path()]
    for path, value in CARD_FIELDS_REFUSED.items():
        digits = value.translate(_SEPARATORS)[-16:]
        assert masked(digits) in card_problems[path]
    sweep = Sweep()
    sweep.exception("refusal", info.value, with_locals=False)
    sweep.assert_clean("client refusal")


# ------------------------------------------------------------------------------ CLI


def _cli(
    *args: str, env: dict[str, str], cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forter_orders.cli", *args],
        env=env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _script(mock: MockProcess, order_id: str, scenario: str) -> None:
    response = httpx.post(
        f"{mock.url}/_mock/script",
        json={"orderId": order_id, "scenario": scenario},
        headers={"x-mock-control": "1"},
        timeout=10,
    )
    response.raise_for_status()


def _write_jsonl(path: Path, orders: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(order) + "\n" for order in orders))
    return path


def _journal(text: str) -> dict[str, dict[str, Any]]:
    entries = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    return {str(entry["orderId"]): entry for entry in entries}


def test_configuration_errors_never_echo_the_key(tmp_path: Path) -> None:
    """Misconfigured clients and CLI runs name the problem, never the key they were given."""
    attempts: list[dict[str, Any]] = [
        {"site_id": "site", "secret_key": KEY, "base_url": "ftp://forter.example"},
        {"site_id": "site", "secret_key": KEY, "api_key": KEY},
        {"site_id": "", "secret_key": KEY},
        {"site_id": "not a host!", "secret_key": KEY},
    ]
    sweep = Sweep()
    errors = []
    for kwargs in attempts:
        with pytest.raises(ForterError) as info:
            ForterClient(**kwargs)
        sweep.exception(f"config {sorted(kwargs)}", info.value)
        errors.append(type(info.value).__name__)
    assert errors == ["ConfigurationError"] * len(attempts)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORTER_")}
    order = tmp_path / "order.json"
    order.write_text(json.dumps(_order("config-order")))
    runs = {
        "no site id": _cli("send", str(order), env={**env, "FORTER_SECRET_KEY": KEY}, cwd=tmp_path),
        "bad base url": _cli(
            "send",
            str(order),
            env={**env, "FORTER_SECRET_KEY": KEY, "FORTER_SITE_ID": "s", "FORTER_BASE_URL": "x:"},
            cwd=tmp_path,
        ),
    }
    for label, run in runs.items():
        sweep.add(f"{label} output", run.stdout + run.stderr)
    assert [run.returncode for run in runs.values()] == [2, 2]
    sweep.assert_captured("no Forter site id", "base URL must be an http(s) URL")
    sweep.assert_clean("configuration errors")


def test_constructor_error_tracebacks_with_locals_can_be_formatted() -> None:
    """``traceback`` with ``capture_locals=True`` works on a constructor's ConfigurationError.

    The half-built client is a local of ``__init__``; its ``repr`` must not raise there.
    """
    with pytest.raises(ForterError) as info:
        ForterClient("site", KEY, base_url="ftp://forter.example")
    found = traceback.TracebackException.from_exception(info.value, capture_locals=True)
    text = "".join(found.format())
    assert "base URL must be an http(s) URL" in text
    assert KEY not in text


CLI_SCENARIOS = ("http-401", "http-503", "reset", "html-502", "malformed-json", "http-429")


def test_cli_send_and_validate_sweep(canary_mock: MockProcess, tmp_path: Path) -> None:
    """``send`` (key from a file, from the environment, a wrong key, unvalidated cards),
    ``validate`` (text and JSON): outputs, journals and every file written are clean."""
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    key_file = inputs / "forter.key"
    key_file.write_text(KEY + "\n")
    orders = [_order("cli-approve"), _order("cli-card", **CARD_FIELDS_REFUSED)]
    for name in CLI_SCENARIOS:
        orders.append(_order(f"cli-{name}"))
        _script(canary_mock, f"cli-{name}", name)
    batch = _write_jsonl(inputs / "orders.jsonl", orders)
    cards = inputs / "cards.json"
    cards.write_text(json.dumps(_order("cli-card-file", **CARD_FIELDS_REFUSED), indent=2))
    # Only validated here; the mock's answer to the same order is swept below.
    member = inputs / "member.json"
    member.write_text(json.dumps(with_card_as_member_name(_order("cli-card-member"))))
    accepted = _write_jsonl(
        inputs / "accepted.jsonl", [_order("cli-card-unvalidated", **CARD_FIELDS_ACCEPTED)]
    )

    base = {k: v for k, v in os.environ.items() if not k.startswith("FORTER_")}
    base.update(
        FORTER_SITE_ID=canary_mock.site_id,
        FORTER_BASE_URL=canary_mock.url,
        NO_COLOR="1",
        COLUMNS="200",
    )
    with_key = {**base, "FORTER_SECRET_KEY": KEY}
    # The key comes from the file only: FORTER_SECRET_KEY is not in `base`.
    to_journal = ["send", str(batch), "--out", "journal.jsonl", "--secret-key-file", str(key_file)]
    to_journal += ["--max-retries", "0"]
    sweep = Sweep()
    runs = {
        "send --secret-key-file": _cli(*to_journal, env=base, cwd=outputs),
        "send resumed": _cli(*to_journal, env=base, cwd=outputs),
        "send FORTER_SECRET_KEY fail-open": _cli(
            "send", str(batch), "--fail-open", "--max-retries", "1", env=with_key, cwd=outputs
        ),
        "send wrong key": _cli(
            "send", str(batch), env={**base, "FORTER_SECRET_KEY": WRONG_KEY}, cwd=outputs
        ),
        "send --no-validate refused": _cli(
            "send", str(cards), "--no-validate", env=with_key, cwd=outputs
        ),
        "send --no-validate accepted": _cli(
            "send", str(accepted), "--no-validate", env=with_key, cwd=outputs
        ),
        "send stdin": _cli("send", "-", env=with_key, cwd=outputs, stdin=batch.read_text()),
        "validate text": _cli(
            "validate", str(cards), str(batch), str(member), env=with_key, cwd=outputs
        ),
        "validate json": _cli(
            "validate", str(cards), str(member), "--format", "json", env=with_key, cwd=outputs
        ),
    }
    for label, run in runs.items():
        sweep.add(f"{label} stdout", run.stdout)
        sweep.add(f"{label} stderr", run.stderr)
    files = sweep.file_tree("file", outputs)

    codes = {label: run.returncode for label, run in runs.items()}
    assert codes == {
        # The batch holds an order scripted to get a 401: send stops after it (exit 2); all
        # eight orders are in flight by then (concurrency 8), so each still gets its line.
        "send --secret-key-file": 2,
        "send resumed": 2,  # the errors are sent again, and fail again
        "send FORTER_SECRET_KEY fail-open": 2,  # a 401 never falls back
        "send wrong key": 2,
        "send --no-validate refused": 1,
        "send --no-validate accepted": 1,  # the mock refuses the card: an error outcome
        "send stdin": 2,
        "validate text": 1,
        "validate json": 1,
    }
    assert files == 1  # only the journal: no stray temporary file
    journal = _journal((outputs / "journal.jsonl").read_text())
    assert {order_id: entry["outcome"] for order_id, entry in journal.items()} == {
        "cli-approve": "decision",
        "cli-card": "invalid",
        **{f"cli-{name}": "error" for name in CLI_SCENARIOS},
    }
    assert journal["cli-http-401"]["errorType"] == "AuthenticationError"
    wrong = _journal(runs["send wrong key"].stdout)
    assert wrong["cli-approve"]["errorType"] == "AuthenticationError"
    refused = _journal(runs["send --no-validate refused"].stdout)["cli-card-file"]
    assert refused["httpStatus"] == 400
    assert refused["requestId"] in sweep.text()
    sweep.assert_captured(
        "cli-card",
        "card_number",
        masked(CARD_DIGITS),
        masked(CARD_SPACED_DIGITS),
        masked(CARD_DASHED_DIGITS),
        "payment[0].creditCard.bin",
        masked_member_path(),
        journal["cli-approve"]["requestId"],
        journal["cli-http-503"]["requestId"],
    )
    sweep.add("mock stderr", canary_mock.stderr_text())
    sweep.assert_clean("CLI")


def test_mock_banner_never_prints_a_custom_key(canary_mock: MockProcess) -> None:
    """``forter-orders mock --api-key <canary>``: the banner and stderr keep the key out."""
    process = canary_mock.process
    process.terminate()
    process.wait(timeout=10)
    assert process.stdout is not None
    sweep = Sweep()
    sweep.add("mock stdout", process.stdout.read())
    sweep.add("mock stderr", canary_mock.stderr_text())
    sweep.assert_captured("secret key (Basic user, empty password): (custom key, not shown)")
    sweep.assert_clean("mock banner")


# ------------------------------------------------------------------------------ the mock


def _raw_post(url: str, body: bytes, authorization: str, site_id: str) -> httpx.Response:
    """What a merchant's curl sends: no client, no client-side validation."""
    return httpx.post(
        url,
        content=body,
        headers={
            "Authorization": authorization,
            "api-version": "10.1",
            "x-forter-siteid": site_id,
            "Content-Type": "application/json",
        },
        timeout=10,
    )


def _curl_sweep(sweep: Sweep, mock_url: str, site_id: str) -> list[int]:
    """Post card-holding bodies and wrong credentials straight to the mock; statuses in order.

    Every answer's ``X-Request-Id`` must show up in the sweep (proof it holds the answers).
    """
    refused = _order("curl-card-refused", **CARD_FIELDS_REFUSED)
    accepted = _order("curl-card-accepted", **CARD_FIELDS_ACCEPTED)
    keyed = with_card_as_member_name(_order("curl-card-key"))
    basic = f"Basic {_b64(KEY + ':')}"
    posts = [
        ("refused", refused, basic),
        ("accepted", accepted, basic),
        ("card as member name", keyed, basic),
        ("wrong key", accepted, f"Basic {_b64(WRONG_KEY + ':')}"),
        ("bearer key", accepted, f"Bearer {KEY}"),
    ]
    statuses = []
    for label, order, authorization in posts:
        url = f"{mock_url}/v3/orders/{order['orderId']}"
        response = _raw_post(url, json.dumps(order).encode(), authorization, site_id)
        sweep.add(f"curl {label} answer", f"{response.headers!r} {response.text}")
        sweep.assert_captured(response.headers["x-request-id"])
        statuses.append(response.status_code)
    # Not JSON: a body the mock can only keep as a preview.
    url = f"{mock_url}/v3/orders/curl-not-json"
    response = _raw_post(url, f"card={CARD_DIGITS}&x".encode(), basic, site_id)
    sweep.add("curl not json answer", f"{response.headers!r} {response.text}")
    sweep.assert_captured(response.headers["x-request-id"])
    statuses.append(response.status_code)
    return statuses


def test_mock_answers_to_raw_requests_never_echo_a_card_or_key(start_mock: StartMock) -> None:
    """The mock's 400/401 answers to a merchant's own requests hold no card number or key."""
    mock = start_mock("--api-key", KEY)
    sweep = Sweep()
    statuses = _curl_sweep(sweep, mock.url, mock.site_id)
    assert statuses == [400, 400, 400, 401, 401, 400]
    sweep.assert_captured("payment[0].creditCard.bin", "wrong secret key")
    sweep.add("mock stderr", mock.stderr_text())
    sweep.assert_clean("mock answers")


def test_mock_recordings_never_keep_a_card_or_key(start_mock: StartMock) -> None:
    """``GET /_mock/requests`` (and the in-process ``received``) hold no card number or key."""
    mock = start_mock("--api-key", KEY)
    sweep = Sweep()
    _curl_sweep(sweep, mock.url, mock.site_id)
    recorded = httpx.get(f"{mock.url}/_mock/requests", timeout=10)
    sweep.chunks = [("/_mock/requests", recorded.text)]
    assert recorded.json()["count"] == 6
    sweep.assert_captured('"authorization": "Basic ***"', "curl-card-accepted", "curl-not-json")
    sweep.assert_clean("mock recordings")


def _card_hit(hit: str) -> bool:
    return hit.split(": ")[-1].startswith("card")


def test_in_process_mock_and_uvicorn_logs_are_clean(capfd: pytest.CaptureFixture[str]) -> None:
    """``MockServer`` in-process with uvicorn's loggers captured: reprs and logs are clean."""
    sweep = Sweep()
    with capturing_logs(sweep) as open_up, MockServer(MockConfig(secret_key=KEY)) as server:
        open_up()
        sweep.obj("server", server)
        sweep.obj("config", server.config)
        with ForterClient(server.site_id, KEY, base_url=server.url, max_retries=0) as client:
            decision = client.orders.create(_order("inproc-approve"))
            with pytest.raises(ForterError) as info:
                client.orders.create(_order("inproc-reset"), headers={"x-mock-scenario": "reset"})
        sweep.obj("decision", decision)
        sweep.exception("reset", info.value)
        received = server.received
    out, err = capfd.readouterr()
    sweep.add("stdout", out)
    sweep.add("stderr", err)
    assert decision.forter_decision == "APPROVE"
    assert [entry["orderId"] for entry in received] == ["inproc-approve", "inproc-reset"]
    sweep.add("received headers", repr([entry["headers"] for entry in received]))
    assert {"uvicorn", "httpcore", "forter_orders"} <= sweep.loggers
    sweep.assert_captured("MockConfig(", "secret_key=***", "could not reach Forter")
    sweep.assert_clean("in-process mock")


# ------------------------------------------------------------------------------ server errors


def _server_echo_client(echo: str) -> ForterClient:
    """A client whose server answers 400 with an error path that echoes ``echo``."""
    body = {
        "status": "failed",
        "message": "request breaks the Order schema",
        "errors": [{"path": f"payment[0].creditCard.{echo}", "message": f"bad value {echo}"}],
    }

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json=body, headers={"X-Request-Id": "req-echo"})

    return ForterClient(
        "site", KEY, http_client=httpx.Client(transport=httpx.MockTransport(answer))
    )


def test_server_problems_echoing_a_card_are_masked_in_the_error() -> None:
    """A server that echoes a card number in its ``errors`` does not put it in the exception."""
    client = _server_echo_client(CARD_DIGITS)
    with pytest.raises(ForterError) as info:
        client.orders.create(_order("echo"), validate=False)
    error = info.value
    sweep = Sweep()
    # What the client itself writes: message, args, problems, traceback. (The response body
    # and the parsed `body` are the server's own bytes, kept as they came.)
    sweep.obj("echo", error)
    sweep.add("echo args", repr(error.args))
    sweep.add("echo errors", repr(getattr(error, "errors", None)))
    sweep.add("echo traceback", "".join(traceback.format_exception(error)))
    sweep.assert_captured("req-echo", "payment[0].creditCard.")
    sweep.assert_clean("server echo")
