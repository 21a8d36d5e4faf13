"""An honest ``forter-orders send``: non-zero whenever an order was not answered, a stop after
the first refused credentials, input checked whole before anything starts, every missing setting
named at once.

The real console script in a subprocess against a real mock on loopback (``MockServer`` in this
process), so each test can assert what went on the wire (the mock's recordings) and what the
journal says.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from forter_orders.cli._batch import Tally, run_batch
from forter_orders.cli._inputs import Record
from forter_orders.cli._send import refused_credentials
from forter_orders.mock import MockConfig, MockServer

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "forter-orders"
MOBILE: dict[str, Any] = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())
CONCURRENCY = 4
ORDERS = 60

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer(MockConfig(max_recorded=10_000)) as server:
        yield server


def orders_file(tmp_path: Path, n: int = ORDERS, name: str = "orders.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "".join(json.dumps(dict(MOBILE, orderId=f"H{i}")) + "\n" for i in range(1, n + 1))
    )
    return path


def journal(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def send(
    server: MockServer,
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    settings = {
        "FORTER_SITE_ID": server.site_id,
        "FORTER_SECRET_KEY": server.secret_key,
        "FORTER_BASE_URL": server.url,
        **(env or {}),
    }
    return subprocess.run(
        [str(BIN), "send", *args, "--no-progress", "--concurrency", str(CONCURRENCY)],
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **settings},
        input=stdin.decode() if stdin is not None else None,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )


# ------------------------------------------------------------------ stop on refused credentials


@pytest.mark.parametrize(
    ("setting", "server_says"),
    [
        ({"FORTER_SECRET_KEY": "not-the-key"}, "header:authorization: wrong secret key"),
        ({"FORTER_SITE_ID": "another-site"}, "header:x-forter-siteid: unknown site id"),
    ],
    ids=["wrong-secret", "unknown-site-id"],
)
def test_a_401_stops_the_batch_and_the_resume_sends_the_rest_once(
    tmp_path: Path, mock: MockServer, setting: dict[str, str], server_says: str
) -> None:
    path = orders_file(tmp_path)
    out = tmp_path / "journal.jsonl"
    stopped = send(mock, str(path), "--out", str(out), env=setting)

    # On the wire: only the orders already in flight when the first 401 came back.
    refused = mock.received
    assert 1 <= len(refused) <= CONCURRENCY
    assert {r["status"] for r in refused} == {401}
    assert stopped.returncode == 2, stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert "stopped: Forter refused the credentials (HTTP 401 for order" in stopped.stderr
    assert server_says in stopped.stderr
    assert "--site-id / FORTER_SITE_ID" in stopped.stderr
    assert "--secret-key-file / FORTER_SECRET_KEY" in stopped.stderr
    assert f"{ORDERS - len(refused)} not sent" in stopped.stderr
    assert "re-run the same command" in stopped.stderr
    assert "not-the-key" not in stopped.stderr + stopped.stdout + out.read_text()
    # The journal: one error line per refused order, nothing for the orders not reached.
    lines = journal(out)
    assert sorted(e["orderId"] for e in lines) == sorted(r["orderId"] for r in refused)
    assert {(e["outcome"], e["httpStatus"]) for e in lines} == {("error", 401)}

    mock.clear()
    resumed = send(mock, str(path), "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    sent = Counter(r["orderId"] for r in mock.received)
    assert sent == Counter({f"H{i}": 1 for i in range(1, ORDERS + 1)})  # each once
    final = journal(out)
    assert sorted(e["line"] for e in final) == list(range(1, ORDERS + 1))
    assert {e["outcome"] for e in final} == {"decision"}


def test_a_403_stops_the_engine_too() -> None:
    """No scenario of the mock answers 403 (the spec documents none); the rule is the engine's,
    so a fake sender stands in: after the first 403 nothing new starts."""
    started: list[str] = []

    async def sender(order: dict[str, Any]) -> dict[str, Any]:
        started.append(order["orderId"])
        await asyncio.sleep(0)
        return {"outcome": "error", "errorType": "APIStatusError", "httpStatus": 403}

    records = [Record(i, i, {"orderId": f"F{i}"}) for i in range(1, 101)]
    written: list[dict[str, Any]] = []
    tally = asyncio.run(
        run_batch(
            records,
            sender=sender,
            sink=lambda entry: written.append(dict(entry)),
            concurrency=CONCURRENCY,
            stop_rule=refused_credentials,
            tally=Tally(),
        )
    )
    assert 1 <= len(started) <= CONCURRENCY
    assert len(written) == len(started)
    assert tally.stopped is not None
    assert "HTTP 403" in tally.stopped
    assert "IP allow-list" in tally.stopped


def test_other_errors_do_not_stop_the_batch() -> None:
    for status in (400, 404, 429, 500, None):
        entry = {"outcome": "error", "httpStatus": status, "orderId": "X"}
        assert refused_credentials(entry) is None
    assert refused_credentials({"outcome": "fallback", "httpStatus": 401}) is None


# --------------------------------------------------------------------- input checked first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"orderId,total\nA1,10\n", "not JSON"),
        (b"", "empty input"),
        (b"  \n\n", "empty input"),
    ],
    ids=["csv", "empty", "blank"],
)
def test_input_that_is_not_orders_starts_nothing(
    tmp_path: Path, mock: MockServer, content: bytes, message: str
) -> None:
    path = tmp_path / "orders.json"
    path.write_bytes(content)
    out = tmp_path / "journal.jsonl"
    result = send(mock, str(path), "--out", str(out))
    assert result.returncode == 2
    assert message in result.stderr
    assert "nothing was sent" in result.stderr
    assert result.stdout == ""  # no summary table
    assert len(result.stderr.splitlines()) == 1
    assert mock.received == []
    assert not out.exists()


@pytest.mark.parametrize("from_stdin", [False, True], ids=["file", "stdin"])
def test_a_line_that_is_not_json_anywhere_sends_nothing(
    tmp_path: Path, mock: MockServer, from_stdin: bool
) -> None:
    path = orders_file(tmp_path, 30)
    lines = path.read_text().splitlines(keepends=True)
    lines[24] = '{"orderId": "H25", "broken": \n'  # near the end: half the file comes first
    path.write_text("".join(lines))
    out = tmp_path / "journal.jsonl"
    if from_stdin:
        result = send(mock, "-", "--out", str(out), stdin=path.read_bytes())
        name = "<stdin>"
    else:
        result = send(mock, str(path), "--out", str(out))
        name = str(path)
    assert result.returncode == 2, result.stderr
    assert f"{name}: 1 line(s) are not JSON; nothing was sent" in result.stderr
    assert f"{name}:25: not JSON" in result.stderr
    assert mock.received == []
    assert not out.exists()


def test_invalid_orders_are_listed_first_skipped_and_exit_1_then_fixed_and_resumed(
    tmp_path: Path, mock: MockServer
) -> None:
    path = orders_file(tmp_path, 10)
    lines = path.read_text().splitlines(keepends=True)
    bad = dict(MOBILE, orderId="H7")
    bad["payment"] = [{"creditCard": {"nameOnCard": "4111111111111111"}}]  # a card number
    lines[6] = json.dumps(bad) + "\n"
    typo = dict(MOBILE, orderId="H8", primaryRecipent={})  # a warning only: sent
    lines[7] = json.dumps(typo) + "\n"
    path.write_text("".join(lines))
    out = tmp_path / "journal.jsonl"

    first = send(mock, str(path), "--out", str(out))
    assert first.returncode == 1, first.stderr
    report = first.stderr.splitlines()
    assert report[0] == (
        f"forter-orders: {path}: 1 of 10 order(s) have an error and will not be sent "
        "(journalled as invalid, with every problem):"
    )
    assert report[1].startswith(f"  {path}:7: orderId 'H7': payment[0].creditCard.nameOnCard:")
    assert "4111111111111111" not in first.stderr + out.read_text()
    assert "1 order(s) have warnings" in report[2]
    assert "1 order(s) not answered: 1 invalid (not sent)" in first.stderr
    assert sorted(r["orderId"] for r in mock.received) == sorted(
        f"H{i}" for i in range(1, 11) if i != 7
    )
    by_id = {e["orderId"]: e for e in journal(out)}
    assert by_id["H7"]["outcome"] == "invalid"
    assert by_id["H8"]["outcome"] == "decision"
    assert by_id["H8"]["warnings"][0]["path"] == "primaryRecipent"

    # Fixed in the input, the same command sends it (and only it): invalid is not done.
    lines[6] = json.dumps(dict(MOBILE, orderId="H7")) + "\n"
    path.write_text("".join(lines))
    mock.clear()
    second = send(mock, str(path), "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert [r["orderId"] for r in mock.received] == ["H7"]
    final = journal(out)
    assert sorted(e["line"] for e in final) == list(range(1, 11))
    assert {e["outcome"] for e in final} == {"decision"}


def test_an_order_that_ended_in_an_error_exits_1(tmp_path: Path, mock: MockServer) -> None:
    path = orders_file(tmp_path, 3)
    mock.script_order("H2", "http-400")
    result = send(mock, str(path))
    assert result.returncode == 1, result.stderr
    assert "1 order(s) not answered: 1 ended in an error" in result.stderr


# ------------------------------------------------------------------ configuration errors


@pytest.mark.parametrize(
    ("unset", "expected"),
    [
        (
            ("FORTER_SITE_ID", "FORTER_SECRET_KEY"),
            "missing: --site-id / FORTER_SITE_ID, --secret-key-file / FORTER_SECRET_KEY",
        ),
        (("FORTER_SITE_ID",), "missing: --site-id / FORTER_SITE_ID (or"),
        (("FORTER_SECRET_KEY",), "missing: --secret-key-file / FORTER_SECRET_KEY (or"),
    ],
)
def test_missing_settings_are_named_all_at_once(
    tmp_path: Path, mock: MockServer, unset: tuple[str, ...], expected: str
) -> None:
    path = orders_file(tmp_path, 2)
    result = send(mock, str(path), env=dict.fromkeys(unset, ""))
    assert result.returncode == 2
    assert result.stderr.startswith(f"forter-orders: {expected}")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert "site_id=" not in result.stderr
    assert mock.received == []


def test_orders_the_check_found_clean_are_not_validated_twice() -> None:
    from forter_orders.cli._batch import check_input

    records = [Record(1, 1, {"orderId": "C1"}), Record(2, 2, {"orderId": ""})]
    seen: list[str] = []

    def validator(order: dict[str, Any]) -> list[dict[str, str]]:
        seen.append(order["orderId"])
        return [] if order["orderId"] else [{"path": "orderId", "message": "empty"}]

    check = check_input(records, validator=validator, strict=False)
    assert (check.invalid, list(check.clean)) == (1, [0, 1])

    async def sender(order: dict[str, Any]) -> dict[str, Any]:
        return {"outcome": "decision", "forterDecision": "APPROVE"}

    seen.clear()
    tally = asyncio.run(
        run_batch(
            records, sender=sender, sink=lambda e: None, validator=validator, clean=check.clean
        )
    )
    assert seen == [""]  # only the order with a problem was validated again
    assert (tally.invalid, sum(tally.decisions.values())) == (1, 1)
