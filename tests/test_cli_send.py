"""The real ``forter-orders`` console script in a subprocess: interrupted batches resume with
every order journalled exactly once, faults are accounted for, demo and mock run end to end.

No test sleeps to wait for a server: the mock runs in-process (``MockServer`` returns once it
answers), and the kill tests poll the journal file until it has grown.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from forter_orders.mock import MockConfig, MockServer

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "forter-orders"
MOBILE = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())

pytestmark = pytest.mark.timeout(120)


def _orders_file(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "orders.jsonl"
    with path.open("w") as f:
        for i in range(1, n + 1):
            order = dict(MOBILE, orderId=f"ORD-{i:06d}")
            f.write(json.dumps(order) + "\n")
    return path


def _journal(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _env(server: MockServer) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FORTER_SITE_ID=server.site_id,
        FORTER_SECRET_KEY=server.secret_key,
        FORTER_BASE_URL=server.url,
    )
    return env


@pytest.fixture
def slow_mock() -> Iterator[MockServer]:
    # 25 ms per order at concurrency 4: a 300-order batch takes ~2 s, long enough to interrupt.
    with MockServer(MockConfig(latency_ms=25)) as server:
        yield server


def _wait_for_lines(path: Path, at_least: int, proc: subprocess.Popen[bytes]) -> int:
    """Poll the journal until it has ``at_least`` lines; fail if the sender exits first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if path.exists():
            count = path.read_bytes().count(b"\n")
            if count >= at_least:
                return count
        assert proc.poll() is None, "the sender finished before it could be interrupted"
        time.sleep(0.005)  # polling interval, not a wait for a server
    raise AssertionError(f"journal never reached {at_least} lines")


def _send(path: Path, out: Path, server: MockServer, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(BIN), "send", str(path), "--out", str(out), "--concurrency", "4", *extra],
        env=_env(server),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _assert_each_order_once(out: Path, n: int) -> list[dict[str, Any]]:
    entries = _journal(out)
    assert sorted(e["line"] for e in entries) == list(range(1, n + 1))
    assert sorted(e["orderId"] for e in entries) == [f"ORD-{i:06d}" for i in range(1, n + 1)]
    return entries


def test_kill_9_mid_batch_then_resume(tmp_path: Path, slow_mock: MockServer) -> None:
    n = 300
    orders = _orders_file(tmp_path, n)
    out = tmp_path / "decisions.jsonl"
    proc = _send(orders, out, slow_mock)
    _wait_for_lines(out, 40, proc)
    proc.kill()  # SIGKILL: no handler runs, nothing is flushed on the way out
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    raw = out.read_bytes()
    assert raw.endswith(b"\n")  # every line written is complete
    partial = _journal(out)
    assert 40 <= len(partial) < n
    assert len({e["line"] for e in partial}) == len(partial)

    received_before = len(slow_mock.received)
    rerun = _send(orders, out, slow_mock)
    stdout, stderr = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, stderr.decode()
    entries = _assert_each_order_once(out, n)
    assert {e["outcome"] for e in entries} == {"decision"}
    assert f"{len(partial):,}" in stdout.decode()  # "skipped (already in the journal)"
    # Orders already journalled were not sent again (requests in flight at the kill may be).
    resent = len(slow_mock.received) - received_before
    assert resent <= n - len(partial) + 4


def test_sigterm_stops_cleanly_with_exit_143_then_resume(
    tmp_path: Path, slow_mock: MockServer
) -> None:
    n = 300
    orders = _orders_file(tmp_path, n)
    out = tmp_path / "decisions.jsonl"
    proc = _send(orders, out, slow_mock)
    _wait_for_lines(out, 20, proc)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 143
    assert "interrupted" in stderr.decode()
    assert "Traceback" not in stderr.decode()
    assert len(_journal(out)) < n

    rerun = _send(orders, out, slow_mock)
    _, stderr = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, stderr.decode()
    _assert_each_order_once(out, n)


def test_sigint_exit_130(tmp_path: Path, slow_mock: MockServer) -> None:
    orders = _orders_file(tmp_path, 300)
    out = tmp_path / "decisions.jsonl"
    proc = _send(orders, out, slow_mock)
    _wait_for_lines(out, 10, proc)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "re-run the same command to resume" in stderr.decode()
    assert out.read_bytes().endswith(b"\n")


def test_faults_with_retries_then_a_rerun_retries_only_the_errors(tmp_path: Path) -> None:
    n = 120
    orders = _orders_file(tmp_path, n)
    out = tmp_path / "decisions.jsonl"
    faulty = MockConfig(fault_rate=0.3, fault_kinds=("http-503", "http-500", "reset"), seed=11)
    with MockServer(faulty) as server:
        first = _send(orders, out, server, "--max-retries", "0", "--no-progress")
        _, stderr = first.communicate(timeout=60)
        entries = _assert_each_order_once(out, n)
        errors = [e for e in entries if e["outcome"] == "error"]
        assert errors, "a 30 % fault rate with no retries must leave errors"
        assert first.returncode == 1
        assert "re-run the same command to retry them" in stderr.decode()
        assert {e["errorType"] for e in errors} <= {"InternalServerError", "APIConnectionError"}

    with MockServer(MockConfig()) as healthy:
        second = _send(orders, out, healthy, "--no-progress")
        _, stderr = second.communicate(timeout=60)
        assert second.returncode == 0, stderr.decode()
        assert len(healthy.received) == len(errors)  # only the errors were sent again
    entries = _assert_each_order_once(out, n)
    assert {e["outcome"] for e in entries} == {"decision"}


def test_mock_faults_with_retries_and_fail_open_account_for_every_order(tmp_path: Path) -> None:
    n = 200
    orders = _orders_file(tmp_path, n)
    out = tmp_path / "decisions.jsonl"
    proc = subprocess.run(
        [
            str(BIN),
            "send",
            str(orders),
            "--mock",
            "--mock-fault-rate",
            "0.4",
            "--mock-fault-kinds",
            "http-503,http-429,reset",
            "--mock-seed",
            "3",
            "--max-retries",
            "1",
            "--fail-open",
            "--concurrency",
            "16",
            "--out",
            str(out),
        ],
        capture_output=True,
        timeout=90,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    entries = _assert_each_order_once(out, n)
    outcomes = {e["outcome"] for e in entries}
    assert outcomes <= {"decision", "fallback"}
    fallbacks = [e for e in entries if e["outcome"] == "fallback"]
    decisions = [e for e in entries if e["outcome"] == "decision"]
    assert fallbacks, "40 % faults with one retry must leave some fallbacks"
    assert any(e["attempts"] == 2 for e in decisions), "some orders must succeed on the retry"
    assert {e["reason"] for e in fallbacks} <= {"server_error", "rate_limited", "connection_error"}
    assert f"{len(fallbacks):,}" in proc.stdout.decode()


def test_unparseable_jsonl_line_in_a_batch_sends_nothing(tmp_path: Path) -> None:
    orders = tmp_path / "orders.jsonl"
    orders.write_text(
        json.dumps(dict(MOBILE, orderId="A1"))
        + "\n{nope\n"
        + json.dumps(dict(MOBILE, orderId="A3"))
        + "\n"
    )
    out = tmp_path / "j.jsonl"
    proc = subprocess.run(
        [str(BIN), "send", str(orders), "--mock", "--out", str(out)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    # Checked whole before anything starts: no mock, no journal, no summary.
    assert proc.returncode == 2, proc.stderr.decode()
    stderr = proc.stderr.decode()
    assert "1 line(s) are not JSON; nothing was sent" in stderr
    assert f"{orders}:2: not JSON" in stderr
    assert "using the embedded mock" not in stderr
    assert proc.stdout == b""
    assert not out.exists()


def test_validate_exit_codes_through_the_console_script(tmp_path: Path) -> None:
    good = _orders_file(tmp_path, 2)
    bad = tmp_path / "bad.jsonl"
    broken = dict(MOBILE, orderId="", orderType=5)  # an error (orderId) and a warning
    bad.write_text(json.dumps(MOBILE) + "\n" + json.dumps(broken) + "\n")
    warned = tmp_path / "warned.jsonl"
    warned.write_text(json.dumps(dict(MOBILE, orderType=5)) + "\n")
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text(json.dumps(MOBILE) + "\nnot json\n")

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN), "validate", str(path)], capture_output=True, text=True, check=False
        )

    assert run(good).returncode == 0
    invalid = run(bad)
    assert invalid.returncode == 1
    assert invalid.stdout.splitlines()[0].startswith(f"{bad}:2 error: orderId: ")
    assert invalid.stdout.splitlines()[1].startswith(f"{bad}:2 warning: orderType: ")
    assert run(warned).returncode == 0  # a warning alone: the order can be sent
    strict = subprocess.run(
        [str(BIN), "validate", "--strict", str(warned)], capture_output=True, text=True, check=False
    )
    assert strict.returncode == 1
    assert strict.stdout.startswith(f"{warned}:1 warning: orderType: ")
    unreadable = run(garbage)
    assert unreadable.returncode == 2
    assert f"{garbage}:2: not JSON" in unreadable.stderr
    assert "Traceback" not in unreadable.stderr


def test_demo_exit_0_and_table_mentions_each_scenario() -> None:
    proc = subprocess.run(
        [str(BIN), "demo"], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for needle in (
        "mobile app example",
        "full web example",
        "approve@forter.com",
        "DECLINE",
        "NOT_REVIEWED",
        "BadRequestError (400)",
        "cartItems[0].basicItemData.price.currency",
        "http-503",
        "fallback (timeout)",
        "sent; warnings:",
        "all 10 scenarios behaved as expected",
    ):
        assert needle in out, needle


def test_mock_command_prints_url_and_credentials_and_stops_on_ctrl_c() -> None:
    proc = subprocess.Popen(
        [str(BIN), "mock", "--port", "0", "--seed", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # blocks until the banner: the socket is bound by then
        assert first.startswith("Forter Order v3 mock listening on http://127.0.0.1:")
        url = first.rsplit(" ", 1)[1].strip()
        banner = "".join(proc.stdout.readline() for _ in range(3))
        assert "mock-site" in banner
        assert "mock_secret_key" in banner

        import httpx

        response = httpx.post(
            f"{url}/v3/orders/B12261933767",
            json=MOBILE,
            auth=("mock_secret_key", ""),
            headers={"api-version": "10.1", "x-forter-siteid": "mock-site"},
            timeout=30,
        )
        assert response.json()["forterDecision"] == "APPROVE"
    finally:
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "Traceback" not in stderr


def test_cli_module_import_stays_light() -> None:
    # What importing the CLI module adds on top of the package must not include the server
    # stack, the client transport or the batch machinery: commands import those when they run.
    code = (
        "import sys, forter_orders; before = set(sys.modules); import forter_orders.cli._app; "
        "added = set(sys.modules) - before; "
        "heavy = ('uvicorn', 'starlette', 'httpx', 'forter_orders.mock', "
        "'forter_orders.cli._send', 'forter_orders.cli._demo', 'forter_orders.cli._batch', "
        "'rich.progress', 'rich.table'); "
        "print(sorted(m for m in added if m.split('.')[0] in heavy or m in heavy))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
