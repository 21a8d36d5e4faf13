"""Nothing lost: thousands of orders through ``forter-orders send`` against a faulty mock.

Every order ends as exactly one journal line, and each line is proven right order by order: the
mock (in-process, real HTTP on loopback, ``max_recorded`` large enough to keep every request)
records every request it answered with its ``orderId``, the scenario it injected and the request
id it sent, so each journal line is checked against the *last* request the mock saw for that
order. The CLI runs as a real subprocess, so the interruption tests stop a real process.

* ``--max-retries 0``, 10 % faults of seven kinds: one request per order, so the injected
  faults, counted by kind, equal the journal's fallback and error lines, counted by kind.
* retries on (the default: one retry), SIGKILL / SIGTERM a third of the way in, then the same
  command again: one line per order; a decision's ``attempts`` equals the requests the mock saw
  for it; orders journalled before the interruption are not sent again; only the errors (retried
  by design) and at most ``--concurrency`` orders in flight are sent by both runs.

Each process is tagged with its own ``FORTER_CLIENT_ID`` (sent as ``x-forter-client``), so the
mock's recordings say which run sent each request.

Sizes: ``int(5000 * scale)`` orders (the SIGTERM variant a fifth of that), with
``FORTER_RELIABILITY_SCALE`` as the scale. The measured numbers go to the ``figure`` fixture
(``pytest -s`` prints them).
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from forter_orders.cli._batch import SinkError, run_batch
from forter_orders.cli._inputs import Record
from forter_orders.cli._journal import decision_members
from forter_orders.mock import MockConfig, MockServer

ROOT = Path(__file__).resolve().parents[2]
MOBILE: dict[str, Any] = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())

pytestmark = pytest.mark.timeout(600)

# The conftest's ``figure`` fixture (conftest cannot be imported under importlib mode).
Figure = Callable[[str, object], None]

ORDERS = 5000
SEED = 20240611
FAULT_RATE = 0.1
CONCURRENCY = 32
# Per-attempt timeout and a slow answer well past it: decisions on loopback take ~10-100 ms even
# on a busy box, so 2 s never times out a healthy request, and 3.5 s always times out a slow one.
TIMEOUT_S = "2"
SLOW = "slow:3500"
ALL_FAULTS = ("http-500", "http-503", "http-429", "reset", "malformed-json", "http-400", SLOW)
# With retries on, ``slow`` would add 3.5 s per fault to runs that are about the journal; the
# timeout path is covered by the no-retry run, so these runs leave it out. (The mock records a
# request on arrival, so a timed-out attempt is recorded before the retry that replaces it.)
FAULTS_NO_SLOW = ALL_FAULTS[:-1]
# Scenarios the client retries (connection errors, timeouts, 429 and 5xx); 400 and a 200 with a
# body that is not JSON are final.
RETRYABLE = frozenset({"http-500", "http-503", "http-429", "reset", SLOW})
FAIL_OPEN_DECISION = "APPROVE"  # the documented default of --fallback-decision

#: What the journal must say after the last request for an order got this scenario (fail-open).
#: ``None`` for a key means the key must be absent.
EXPECTED_FIELDS: dict[str, dict[str, object]] = {
    "http-500": {
        "outcome": "fallback",
        "reason": "server_error",
        "errorType": "InternalServerError",
        "httpStatus": 500,
    },
    "http-503": {
        "outcome": "fallback",
        "reason": "server_error",
        "errorType": "InternalServerError",
        "httpStatus": 503,
    },
    "malformed-json": {
        "outcome": "fallback",
        "reason": "server_error",
        "errorType": "UnexpectedResponseError",
        "httpStatus": 200,
    },
    "http-429": {
        "outcome": "fallback",
        "reason": "rate_limited",
        "errorType": "RateLimitError",
        "httpStatus": 429,
    },
    "reset": {
        "outcome": "fallback",
        "reason": "connection_error",
        "errorType": "APIConnectionError",
        "httpStatus": None,
    },
    SLOW: {
        "outcome": "fallback",
        "reason": "timeout",
        "errorType": "APITimeoutError",
        "httpStatus": None,
    },
    "http-400": {
        "outcome": "error",
        "reason": None,
        "errorType": "BadRequestError",
        "httpStatus": 400,
    },
}
COMPARED = ("outcome", "forterDecision", "reason", "errorType", "httpStatus")

# A decision line carries the decision's members the spec lists (the mock sends them all).
DECISION_KEYS = {"line", "orderId", "outcome", "attempts", "requestId", *decision_members()}
FALLBACK_KEYS = {"line", "orderId", "outcome", "forterDecision", "reason", "errorType", "message"}
ERROR_KEYS = {"line", "orderId", "outcome", "errorType", "message"}
OPTIONAL_KEYS = {"latencyMs", "httpStatus", "requestId", "problems"}


# ----------------------------------------------------------------------------- inputs


def order_id(line: int) -> str:
    """The orderId written on input line ``line``."""
    return f"NL-{line:06d}"


def email_decision(line: int) -> str:
    """The decision the mock's ``accountOwner.email`` trigger gives the order on ``line``."""
    if line % 5 == 0:
        return "DECLINE"
    if line % 7 == 0:
        return "NOT_REVIEWED"
    return "APPROVE"


_TRIGGER = {"DECLINE": "decline@forter.com", "NOT_REVIEWED": "notreviewed@forter.com"}


def write_orders(path: Path, n: int) -> None:
    """``n`` valid mobile orders, one per line, with unique orderIds and varied triggers."""
    with path.open("w") as f:
        for line in range(1, n + 1):
            order = dict(MOBILE, orderId=order_id(line))
            decision = email_decision(line)
            if decision in _TRIGGER:
                order["accountOwner"] = dict(MOBILE["accountOwner"], email=_TRIGGER[decision])
            f.write(json.dumps(order) + "\n")


# ----------------------------------------------------------------------------- running


@dataclass
class Run:
    """One finished ``forter-orders send`` process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float


def send_command(orders: Path, out: Path | None, *extra: str) -> list[str]:
    """The ``send`` command line every run of these tests uses (no ``out``: to stdout)."""
    return [
        sys.executable,
        "-m",
        "forter_orders.cli",
        "send",
        str(orders),
        *(["--out", str(out)] if out is not None else []),
        "--concurrency",
        str(CONCURRENCY),
        "--timeout",
        TIMEOUT_S,
        "--no-progress",
        "--fail-open",
        *extra,
    ]


def start_send(server: MockServer, client_id: str, command: list[str]) -> subprocess.Popen[str]:
    """Start ``command`` against ``server``; its requests carry ``x-forter-client: client_id``."""
    env = {
        **os.environ,
        "FORTER_SITE_ID": server.site_id,
        "FORTER_SECRET_KEY": server.secret_key,
        "FORTER_BASE_URL": server.url,
        "FORTER_CLIENT_ID": client_id,
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }
    return subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], started: float) -> Run:
    """Wait for ``proc`` and collect its output."""
    stdout, stderr = proc.communicate(timeout=400)
    return Run(proc.returncode, stdout, stderr, time.monotonic() - started)


def run_send(server: MockServer, client_id: str, command: list[str]) -> Run:
    """Run ``command`` to completion."""
    started = time.monotonic()
    return finish(start_send(server, client_id, command), started)


def wait_for_lines(path: Path, at_least: int, proc: subprocess.Popen[str]) -> None:
    """Poll the journal until it has ``at_least`` lines; fail if the sender exits first."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= at_least:
            return
        assert proc.poll() is None, "the sender finished before it could be interrupted"
        time.sleep(0.005)  # polling interval for the file, not a wait for a server
    raise AssertionError(f"journal never reached {at_least} lines")


def wait_for_recordings(server: MockServer, count: int) -> list[dict[str, Any]]:
    """The mock's recordings once it holds ``count`` (requests are recorded on arrival; this
    only guards against a request the mock has not read yet)."""
    deadline = time.monotonic() + 60
    while len(received := server.received) < count:
        assert time.monotonic() < deadline, f"mock recorded {len(received)} of {count} requests"
        time.sleep(0.02)  # polling interval for the recordings
    return received


# Runs the rest of the command line with a file-size limit (RLIMIT_FSIZE) of argv[1] bytes: writes
# past it fail with EFBIG, as on a full disk. Set in the child itself, because preexec_fn is not
# safe with the mock's server thread running in this process.
WITH_FILE_SIZE_LIMIT = (
    "import os, resource, sys; "
    "limit = int(sys.argv[1]); "
    "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[2:]])"
)


def mock_config(kinds: Sequence[str], n: int) -> MockConfig:
    """A seeded mock that injects ``FAULT_RATE`` faults of ``kinds`` and keeps every request."""
    return MockConfig(
        fault_rate=FAULT_RATE,
        fault_kinds=tuple(kinds),
        seed=SEED,
        # Every request of every run kept: at most two per order per run, two runs.
        max_recorded=4 * n + 100,
    )


# ----------------------------------------------------------------------------- checking


def read_journal(path: Path) -> list[dict[str, Any]]:
    """Every line of the journal, parsed; the file must end with a complete line."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), "the journal ends with a torn line"
    return [json.loads(line) for line in raw.splitlines()]


def assert_one_line_per_order(entries: list[dict[str, Any]], n: int) -> dict[str, dict[str, Any]]:
    """Lines 1..n, each once, each with the orderId of its input line; returns them by id."""
    assert len(entries) == n
    assert sorted(e["line"] for e in entries) == list(range(1, n + 1))
    for entry in entries:
        assert entry["orderId"] == order_id(entry["line"])
    return {e["orderId"]: e for e in entries}


def assert_line_shape(entry: Mapping[str, Any]) -> None:
    """A decision, a fallback or a typed error, with the fields the docs promise."""
    required = {"decision": DECISION_KEYS, "fallback": FALLBACK_KEYS, "error": ERROR_KEYS}
    outcome = entry["outcome"]
    assert outcome in required, entry
    keys = set(entry)
    assert required[outcome] <= keys <= required[outcome] | OPTIONAL_KEYS, entry
    if outcome == "decision":
        assert keys == DECISION_KEYS | {"latencyMs"}, entry


def by_order(records: list[dict[str, Any]], client_id: str) -> dict[str, list[dict[str, Any]]]:
    """The order requests one run (``x-forter-client``) made, grouped by orderId, oldest first."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if record["headers"].get("x-forter-client") == client_id:
            grouped[record["orderId"]].append(record)
    return grouped


def assert_matches_mock(
    entry: Mapping[str, Any], requests: list[dict[str, Any]], max_retries: int
) -> None:
    """The journal line says what the mock's last request for the order says, and the number of
    requests follows the retry policy."""
    assert requests, f"{entry['orderId']}: journalled but never sent"
    scenarios = [r["scenario"] for r in requests]
    # Every attempt but the last failed in a retried way; the last was final or the retries ran
    # out. An earlier attempt without a scenario is one the client timed out on under load (the
    # mock records it on arrival, so it is there even when its body was never read).
    assert all(s in RETRYABLE or s is None for s in scenarios[:-1]), (entry, scenarios)
    assert len(requests) <= 1 + max_retries, (entry, scenarios)
    assert scenarios[-1] not in RETRYABLE or len(requests) == 1 + max_retries, (entry, scenarios)
    last = requests[-1]
    if last["scenario"] is None:
        expected: dict[str, object] = {
            "outcome": "decision",
            "forterDecision": email_decision(entry["line"]),
        }
        assert entry["attempts"] == len(requests), (entry, scenarios)
    else:
        expected = dict(EXPECTED_FIELDS[last["scenario"]])
        if expected["outcome"] == "fallback":
            expected["forterDecision"] = FAIL_OPEN_DECISION
    actual = {key: entry.get(key) for key in COMPARED}
    assert actual == {key: expected.get(key) for key in COMPARED}, (entry, scenarios)
    if last["status"] is not None and not str(last["scenario"]).startswith("slow:"):
        # An answer was sent: the journal quotes the request id of exactly that answer.
        assert entry["requestId"] == last["requestId"], (entry, last)


def summary_count(stdout: str, label: str) -> int:
    """A count from the summary table (``label │ 1,234``)."""
    match = re.search(rf"^\s*{re.escape(label)}\s+\S\s+([\d,]+)\s*$", stdout, re.M)
    assert match, f"no {label!r} row in the summary:\n{stdout}"
    return int(match.group(1).replace(",", ""))


def assert_no_secret(server: MockServer, *texts: str) -> None:
    """The API key appears in none of the outputs or journals."""
    for text in texts:
        assert server.secret_key not in text


def non_decision_kind(entry: Mapping[str, Any]) -> tuple[str, str]:
    """(outcome, errorType) of a fallback or an error line."""
    return (str(entry["outcome"]), str(entry["errorType"]))


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture
def n(request: pytest.FixtureRequest, scale: float) -> int:
    """Orders per test: ``ORDERS`` (or ``request.param``) times the scale."""
    return int(getattr(request, "param", ORDERS) * scale)


@pytest.fixture
def orders(tmp_path: Path, n: int) -> Path:
    """The batch input: ``n`` valid orders."""
    path = tmp_path / "orders.jsonl"
    write_orders(path, n)
    return path


@pytest.fixture
def faulty_mock(request: pytest.FixtureRequest, n: int) -> Iterator[MockServer]:
    """A seeded faulty mock; ``request.param`` is the fault kinds (default: all of them)."""
    kinds = getattr(request, "param", ALL_FAULTS)
    with MockServer(mock_config(kinds, n)) as server:
        yield server


# ----------------------------------------------------------------------------- tests


def test_without_retries_every_injected_fault_is_one_journal_line(
    tmp_path: Path, orders: Path, n: int, faulty_mock: MockServer, figure: Figure
) -> None:
    """One request per order: the journal's outcomes are the mock's injected faults, order by
    order and kind by kind."""
    out = tmp_path / "journal.jsonl"
    run = run_send(faulty_mock, "run-1", send_command(orders, out, "--max-retries", "0"))
    records = wait_for_recordings(faulty_mock, n)

    entries = read_journal(out)
    journal = assert_one_line_per_order(entries, n)
    requests = by_order(records, "run-1")
    # Exactly one request per order: nothing sent twice, nothing skipped.
    assert len(records) == n
    assert sorted(requests) == sorted(journal)
    assert all(len(r) == 1 for r in requests.values())
    for oid, entry in journal.items():
        assert_line_shape(entry)
        assert_matches_mock(entry, requests[oid], max_retries=0)

    injected = Counter(r["scenario"] for r in records if r["scenario"] is not None)
    non_decisions = [e for e in entries if e["outcome"] != "decision"]
    # Mixed kinds, every one of them injected, about 10 % in total.
    assert set(injected) == set(ALL_FAULTS)
    assert sum(injected.values()) == len(non_decisions)
    assert 0.08 * n <= len(non_decisions) <= 0.12 * n
    expected_kinds: Counter[tuple[str, str]] = Counter()
    for scenario, count in injected.items():
        expected_kinds[non_decision_kind(EXPECTED_FIELDS[scenario])] += count
    assert Counter(map(non_decision_kind, non_decisions)) == expected_kinds

    decisions = Counter(e["forterDecision"] for e in entries if e["outcome"] == "decision")
    assert set(decisions) == {"APPROVE", "DECLINE", "NOT_REVIEWED"}
    fallbacks = sum(1 for e in entries if e["outcome"] == "fallback")
    errors = sum(1 for e in entries if e["outcome"] == "error")
    assert errors == injected["http-400"] > 0
    # Documented: exit 1 when some order ended in an error; the summary counts every outcome.
    assert run.returncode == 1, run.stderr
    assert f"{errors} order(s) not answered: {errors} ended in an error" in run.stderr
    assert summary_count(run.stdout, "fallback") == fallbacks
    assert summary_count(run.stdout, "error BadRequestError") == errors
    assert summary_count(run.stdout, "total this run") == n
    for value, count in decisions.items():
        assert summary_count(run.stdout, f"decision {value}") == count
    assert_no_secret(faulty_mock, run.stdout, run.stderr, out.read_text())

    figure("nothing_lost_orders", n)
    figure("nothing_lost_journal_lines", len(entries))
    figure("nothing_lost_requests", len(records))
    figure("nothing_lost_faults_injected", sum(injected.values()))
    for scenario, count in sorted(injected.items()):
        figure(f"nothing_lost_faults_{scenario}", count)
    figure("nothing_lost_decisions", sum(decisions.values()))
    figure("nothing_lost_fallbacks", fallbacks)
    figure("nothing_lost_errors", errors)
    figure("nothing_lost_seconds", round(run.seconds, 1))


@pytest.mark.parametrize("faulty_mock", [FAULTS_NO_SLOW], indirect=True)
@pytest.mark.parametrize(
    ("sig", "n"),
    # SIGKILL at the full size; SIGTERM differs only in how the process stops, so a fifth does.
    [(signal.SIGKILL, ORDERS), (signal.SIGTERM, ORDERS // 5)],
    ids=["SIGKILL", "SIGTERM"],
    indirect=["n"],
)
def test_interrupted_then_resumed_with_retries_loses_nothing_and_resends_only_the_unfinished(
    tmp_path: Path, orders: Path, n: int, faulty_mock: MockServer, sig: int, figure: Figure
) -> None:
    """Retries on (the default, one retry); interrupt the batch a third of the way in, run the
    same command again: one line per order, each telling its order's last request; finished
    orders not sent again; only errors and the orders in flight sent twice."""
    out = tmp_path / "journal.jsonl"
    started = time.monotonic()
    first = start_send(faulty_mock, "run-1", send_command(orders, out))
    wait_for_lines(out, n // 3, first)
    first.send_signal(sig)
    stopped = finish(first, started)

    if sig == signal.SIGKILL:
        assert stopped.returncode == -signal.SIGKILL
    else:
        # Documented: SIGTERM stops like Ctrl-C, exit 143, the journal keeps what finished.
        assert stopped.returncode == 143, stopped.stderr
        assert "interrupted: " in stopped.stderr
        assert "re-run the same command to resume" in stopped.stderr
        assert "Traceback" not in stopped.stderr
    partial_raw = out.read_bytes()
    partial = read_journal(out)  # no torn line, every line JSON
    assert n // 3 <= len(partial) < n
    assert len({e["line"] for e in partial}) == len(partial)
    for entry in partial:
        assert entry["orderId"] == order_id(entry["line"])
        assert_line_shape(entry)
    done = {e["orderId"]: e for e in partial if e["outcome"] in ("decision", "fallback")}
    errored = {e["orderId"] for e in partial if e["outcome"] == "error"}

    resumed = run_send(faulty_mock, "run-2", send_command(orders, out))
    records = faulty_mock.received

    entries = read_journal(out)
    journal = assert_one_line_per_order(entries, n)
    first_requests = by_order(records, "run-1")
    second_requests = by_order(records, "run-2")
    first_count = sum(map(len, first_requests.values()))
    second_count = sum(map(len, second_requests.values()))
    assert len(records) == first_count + second_count
    # Finished orders were skipped, not sent again, and their lines survived the resume as is
    # (the resume drops only the error lines, then appends).
    assert not set(done) & set(second_requests)
    kept = b"".join(
        line for line in partial_raw.splitlines(keepends=True) if b'"outcome":"error"' not in line
    )
    assert out.read_bytes().startswith(kept)
    for oid, entry in done.items():
        assert journal[oid] == entry
        assert_matches_mock(entry, first_requests[oid], max_retries=1)
    # Everything else was sent by the resume, and its line tells the resume's last request for
    # it: a decision after a clean answer (attempts = requests), a fallback or an error after a
    # fault, and a fault on the first attempt retried once unless it was final.
    assert set(second_requests) == set(journal) - set(done)
    for oid in set(journal) - set(done):
        assert_line_shape(journal[oid])
        assert_matches_mock(journal[oid], second_requests[oid], max_retries=1)
    # Orders sent by both runs: the errors (resent by design) and those in flight at the
    # interruption, which can be no more than --concurrency.
    in_flight = set(first_requests) - set(done) - errored
    assert len(in_flight) <= CONCURRENCY
    assert set(first_requests) == set(done) | errored | in_flight

    # Documented: the resume counts the skipped orders; exit 1 only if an order ended in an error.
    assert summary_count(resumed.stdout, "skipped (already in the journal)") == len(done)
    assert summary_count(resumed.stdout, "total this run") == n - len(done)
    errors = sum(1 for e in entries if e["outcome"] == "error")
    assert resumed.returncode == (1 if errors else 0), resumed.stderr
    assert_no_secret(faulty_mock, stopped.stdout, stopped.stderr, resumed.stdout, resumed.stderr)
    assert_no_secret(faulty_mock, out.read_text())

    final_requests = {**first_requests, **second_requests}  # the run that wrote each line
    retried = [r for r in final_requests.values() if len(r) == 2]
    label = f"nothing_lost_{signal.Signals(sig).name.lower()}"
    figure(f"{label}_orders", n)
    figure(f"{label}_journalled_before", len(partial))
    figure(f"{label}_errors_resent", len(errored))
    figure(f"{label}_in_flight_resent", len(in_flight))
    figure(f"{label}_requests_first", first_count)
    figure(f"{label}_requests_resume", second_count)
    figure(f"{label}_faults_injected", sum(1 for r in records if r["scenario"] is not None))
    figure(f"{label}_retried_orders", len(retried))
    figure(f"{label}_decided_on_retry", sum(1 for r in retried if r[-1]["scenario"] is None))
    figure(f"{label}_fallbacks", sum(1 for e in entries if e["outcome"] == "fallback"))
    figure(f"{label}_errors", errors)
    figure(f"{label}_journal_lines", len(entries))
    figure(f"{label}_seconds_first", round(stopped.seconds, 1))
    figure(f"{label}_seconds_resume", round(resumed.seconds, 1))


# ----------------------------------------------------------------------------- write failures


@pytest.fixture
def healthy_mock() -> Iterator[MockServer]:
    """A mock without faults that keeps every request."""
    with MockServer(MockConfig(max_recorded=10_000)) as server:
        yield server


def test_a_journal_that_cannot_be_written_stops_the_batch_then_resumes(
    tmp_path: Path, healthy_mock: MockServer, figure: Figure
) -> None:
    """Regression: a failed journal write (here EFBIG past a file-size limit, as a full disk)
    used to vanish with its task while the batch went on sending every remaining order with no
    line for any of them, then died with a traceback. Now the batch stops at once: exit 2, one
    line on stderr, and only the orders in flight were sent without a line."""
    n = 1000
    orders = tmp_path / "orders.jsonl"
    write_orders(orders, n)
    out = tmp_path / "journal.jsonl"
    limit = 15_000  # about 95 decision lines
    command = send_command(orders, out)
    limited = [sys.executable, "-c", WITH_FILE_SIZE_LIMIT, str(limit), *command[1:]]
    full = run_send(healthy_mock, "run-1", limited)

    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    problem = re.search(
        r"journal\.jsonl: cannot write the outcome of line \d+ \(File too large\); "
        r"the batch stopped; (\d+) outcomes written; re-run the same command to resume",
        full.stderr,
    )
    assert problem, full.stderr
    raw = out.read_bytes()
    assert len(raw) <= limit
    written = raw.count(b"\n")
    assert int(problem.group(1)) == written == summary_count(full.stdout, "total this run")
    assert 0 < written < n
    sent_first = len(healthy_mock.received)
    # Only orders in flight at the failed write were sent without a line (before the fix: all).
    assert written <= sent_first <= written + CONCURRENCY

    resumed = run_send(healthy_mock, "run-2", command)
    assert resumed.returncode == 0, resumed.stderr
    journal = assert_one_line_per_order(read_journal(out), n)
    assert {e["outcome"] for e in journal.values()} == {"decision"}
    first = by_order(healthy_mock.received, "run-1")
    second = by_order(healthy_mock.received, "run-2")
    done_first = {json.loads(line)["orderId"] for line in raw.splitlines(keepends=True)[:written]}
    assert not done_first & set(second)
    assert set(second) == set(journal) - done_first
    assert len(set(first) & set(second)) <= CONCURRENCY
    figure("nothing_lost_fsize_orders", n)
    figure("nothing_lost_fsize_journalled_before", written)
    figure("nothing_lost_fsize_sent_without_line", sent_first - written)


def test_a_closed_stdout_stops_the_batch(tmp_path: Path, healthy_mock: MockServer) -> None:
    """Regression: without ``--out``, a reader that goes away (``send ... | head -3``) used to
    leave the batch sending every order to Forter with nowhere to write the outcome. Now the
    first failed write stops it: exit 2, one line on stderr."""
    n = 2000
    orders = tmp_path / "orders.jsonl"
    write_orders(orders, n)
    proc = start_send(healthy_mock, "run-1", send_command(orders, None))
    assert proc.stdout is not None
    assert proc.stderr is not None
    head = [json.loads(proc.stdout.readline()) for _ in range(3)]
    assert len({e["line"] for e in head}) == 3
    assert {e["outcome"] for e in head} == {"decision"}
    proc.stdout.close()  # the reader goes away, like head(1) after three lines
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 2, stderr
    assert "Traceback" not in stderr
    problem = re.search(
        r"stdout: cannot write the outcome of line \d+ \(Broken pipe\); the batch stopped; "
        r"(\d+) outcomes written",
        stderr,
    )
    assert problem, stderr
    written = int(problem.group(1))
    assert written == summary_count(stderr, "total this run")
    # A pipe holds 64 KiB (~400 lines) at most: the batch stopped long before the end.
    assert 3 <= written < n
    assert written <= len(healthy_mock.received) <= written + CONCURRENCY


def _engine_records(n: int) -> Iterator[Record]:
    for line in range(1, n + 1):
        yield Record(line, line, {"orderId": order_id(line)})


def test_engine_sends_nothing_after_the_first_failed_write() -> None:
    """Regression, in the engine: the sink's error stops the batch (SinkError, caused by the
    OSError), later outcomes are not written after it, and no order is started after it."""
    started: list[str] = []
    written: list[int] = []

    async def sender(order: dict[str, Any]) -> dict[str, Any]:
        started.append(order["orderId"])
        await asyncio.sleep(0)
        return {"outcome": "decision", "forterDecision": "APPROVE", "attempts": 1}

    def sink(entry: Mapping[str, Any]) -> None:
        if len(written) == 10:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(entry["line"])

    async def run() -> None:
        await run_batch(_engine_records(1000), sender=sender, sink=sink, concurrency=4)

    with pytest.raises(SinkError, match=r"line \d+ \(No space left on device\)") as caught:
        asyncio.run(run())
    assert isinstance(caught.value.__cause__, OSError)
    assert len(written) == 10
    # Orders started: the ten written, the one whose write failed, and at most the others that
    # were in flight then (cancelled, no line: a resume sends them again).
    assert 11 <= len(started) <= 10 + 4


def test_engine_does_not_drop_an_order_whose_sender_raises() -> None:
    """A Sender must not raise; if one does (a bug), the batch stops with that error instead of
    losing the order's line and carrying on."""

    async def sender(order: dict[str, Any]) -> dict[str, Any]:
        await asyncio.sleep(0)
        if order["orderId"] == order_id(7):
            raise RuntimeError("bug in a sender")
        return {"outcome": "decision", "forterDecision": "APPROVE", "attempts": 1}

    written: list[int] = []

    async def run() -> None:
        await run_batch(
            _engine_records(1000),
            sender=sender,
            sink=lambda entry: written.append(entry["line"]),
            concurrency=4,
        )

    with pytest.raises(RuntimeError, match="bug in a sender"):
        asyncio.run(run())
    assert 7 not in written
    assert len(written) < 1000
