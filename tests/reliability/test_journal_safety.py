"""The journal under concurrent runs, planted files, read-only disks and symlinks.

* **One writer.** Two ``forter-orders send`` runs on one journal, started together or one while
  the other is busy, with and without injected faults: one run exits 2 naming the other's process
  and sends nothing; the journal is checked line by line against the mock's recordings: every
  order exactly once in the journal (0 lost) and sent by exactly one run, once (0 sent twice);
  a resume afterwards re-sends only the errors. Before the lock, the same runs lost 362 outcomes
  and sent 356 orders twice (with errors injected), or wrote 756 lines for 400 orders.
* **Temporary files.** The cleaned copy made on resume has an unpredictable name, is created
  with ``O_EXCL`` and mode 0600: a symlink planted at the old predictable name is never followed.
* **Modes.** Journals and lock files are created 0600; an older world-readable journal is
  narrowed to 0600, and ``send`` says so.
* **Read-only filesystem.** A resume exits 2 with one line on stderr, no traceback, the journal
  untouched.
* **Symlinks.** ``--out`` through a symlink to a journal resumes that journal and keeps the link;
  a link to nothing or to a non-file is refused (exit 2).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from forter_orders.cli._journal import Journal, JournalBusyError, JournalError, encode_entry
from forter_orders.mock import MockConfig, MockServer

pytestmark = pytest.mark.timeout(300)

ROOT = Path(__file__).resolve().parents[2]
MOBILE: dict[str, Any] = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())
Figure = Callable[[str, object], None]
ORDERS = 400
SEED = 1312
# Fail-open faults (fallback lines) and a 400 (an error line, re-sent on resume).
FAULTS = ("http-503", "reset", "http-400")


def order_id(line: int) -> str:
    return f"js-{line:06d}"


def write_orders(path: Path, n: int) -> None:
    with path.open("w") as out:
        for line in range(1, n + 1):
            out.write(json.dumps({**MOBILE, "orderId": order_id(line)}) + "\n")


def read_journal(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert not raw or raw.endswith(b"\n"), "the journal ends with a torn line"
    return [json.loads(line) for line in raw.splitlines()]


def send_command(orders: Path, journal: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "forter_orders.cli",
        "send",
        str(orders),
        "--out",
        str(journal),
        "--no-progress",
        "--fail-open",
        "--max-retries",
        "0",
        *extra,
    ]


def send_env(server: MockServer, run: str) -> dict[str, str]:
    """The environment of one run; its FORTER_CLIENT_ID tags its requests in the recordings."""
    return {
        **os.environ,
        "FORTER_SITE_ID": server.site_id,
        "FORTER_SECRET_KEY": server.secret_key,
        "FORTER_BASE_URL": server.url,
        "FORTER_CLIENT_ID": run,
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def requests_by_run(server: MockServer) -> dict[str, Counter[str]]:
    """Order requests the mock recorded, counted by run (x-forter-client) and orderId."""
    runs: dict[str, Counter[str]] = defaultdict(Counter)
    for record in server.received:
        if record["orderId"] is not None:
            runs[record["headers"].get("x-forter-client", "")][record["orderId"]] += 1
    return runs


def check_journal_against_mock(
    journal: Path, server: MockServer, n: int
) -> tuple[list[dict[str, Any]], dict[str, Counter[str]]]:
    """One line per input line; every journalled order was sent (the mock recorded it)."""
    entries = read_journal(journal)
    assert len(entries) == n, f"{len(entries)} lines for {n} orders"
    assert sorted(e["line"] for e in entries) == list(range(1, n + 1))
    for entry in entries:
        assert entry["orderId"] == order_id(entry["line"])
    runs = requests_by_run(server)
    sent = Counter[str]()
    for counts in runs.values():
        sent.update(counts)
    assert set(sent) == {order_id(line) for line in range(1, n + 1)}  # 0 lost
    return entries, runs


@pytest.fixture
def n(scale: float) -> int:
    return max(40, int(ORDERS * scale))


@pytest.fixture
def orders(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "orders.jsonl"
    write_orders(path, n)
    return path


SMALL = 20


@pytest.fixture
def few_orders(tmp_path: Path) -> Path:
    """A short input for the tests about files rather than volume."""
    path = tmp_path / "few.jsonl"
    write_orders(path, SMALL)
    return path


def _mock(faults: bool, n: int, latency_ms: int) -> MockServer:
    return MockServer(
        MockConfig(
            fault_rate=0.2 if faults else 0.0,
            fault_kinds=FAULTS,
            seed=SEED,
            latency_ms=latency_ms,
            validate=False,
            max_recorded=4 * n + 100,
        )
    )


# ----------------------------------------------------------------------------- one writer


@pytest.mark.parametrize("faults", [False, True], ids=["no faults", "faults"])
def test_two_runs_started_together_one_writes_one_exits_2(
    tmp_path: Path, orders: Path, n: int, faults: bool, figure: Figure
) -> None:
    journal = tmp_path / "journal.jsonl"
    with _mock(faults, n, latency_ms=5) as server:
        runs = {
            run: start(send_command(orders, journal), send_env(server, run))
            for run in ("run-a", "run-b")
        }
        done = {run: (p.wait(timeout=240), *p.communicate()) for run, p in runs.items()}
        codes = sorted(code for code, _, _ in done.values())
        expected_winner = 1 if faults else 0  # the injected 400s are errors: exit 1
        assert codes == sorted([expected_winner, 2]), done
        loser = next(run for run, (code, _, _) in done.items() if code == 2)
        winner = "run-b" if loser == "run-a" else "run-a"
        _, _, loser_err = done[loser]
        (line,) = loser_err.strip().splitlines()
        assert f"pid {runs[winner].pid} " in line, line
        assert "in use by another forter-orders send" in line
        entries, by_run = check_journal_against_mock(journal, server, n)
        assert by_run.get(loser, Counter()) == Counter()  # the loser sent nothing
        assert set(by_run[winner].values()) == {1}  # 0 sent twice
        errors = [e["orderId"] for e in entries if e["outcome"] == "error"]
        assert bool(errors) == faults
        # The loser, run again, resumes: only the error lines are sent again.
        rerun = subprocess.run(
            send_command(orders, journal),
            env=send_env(server, loser),
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        assert rerun.returncode in (0, 1), rerun.stderr
        entries, by_run = check_journal_against_mock(journal, server, n)
        assert by_run.get(loser, Counter()) == Counter(errors)
    outcomes = Counter(e["outcome"] for e in entries)
    label = "faults" if faults else "no faults"
    figure(f"{label}: orders / journal lines", f"{n} / {len(entries)}")
    figure(f"{label}: orders sent twice, lost", "0, 0")
    figure(f"{label}: errors re-sent on resume", len(errors))
    figure(f"{label}: final outcomes", dict(sorted(outcomes.items())))


@pytest.mark.parametrize("faults", [False, True], ids=["no faults", "faults"])
def test_a_second_run_on_a_busy_journal_exits_2_naming_the_first(
    tmp_path: Path, orders: Path, n: int, faults: bool
) -> None:
    journal = tmp_path / "journal.jsonl"
    lock = tmp_path / ".journal.jsonl.lock"
    # Slow enough that the first run is still busy when the second starts.
    with _mock(faults, n, latency_ms=60) as server:
        first = start(send_command(orders, journal, "--concurrency", "4"), send_env(server, "a"))
        deadline = time.monotonic() + 60
        while not (journal.exists() and journal.stat().st_size > 0):
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first run wrote nothing in 60 s"
            time.sleep(0.05)  # polling a file the child writes; no server to ask
        assert f"pid {first.pid} " in lock.read_text()  # who holds it, for the message
        second = subprocess.run(
            send_command(orders, journal),
            env=send_env(server, "b"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert first.poll() is None, "the first run ended before the second was tried"
        assert second.returncode == 2
        assert second.stdout == ""
        (line,) = second.stderr.strip().splitlines()
        assert f"pid {first.pid} " in line
        code = first.wait(timeout=240)
        assert code == (1 if faults else 0), first.communicate()
        _, by_run = check_journal_against_mock(journal, server, n)
        assert by_run.get("b", Counter()) == Counter()
        assert set(by_run["a"].values()) == {1}


# ----------------------------------------------------------------------------- files


def _send_with_mock(
    orders: Path, journal: Path, run: str
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    """``send`` in a subprocess against a fresh unvalidating mock: its result, what the mock got."""
    with MockServer(MockConfig(validate=False)) as server:
        done = subprocess.run(
            send_command(orders, journal),
            env=send_env(server, run),
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        return done, server.received


def _entry(line: int, outcome: str = "decision") -> dict[str, object]:
    return {"line": line, "orderId": order_id(line), "outcome": outcome}


def test_a_symlink_at_the_old_temporary_name_is_never_followed(tmp_path: Path) -> None:
    """The cleaned copy was `.NAME.<pid>.tmp`: a planted symlink made resume overwrite its
    target. Now the name is unpredictable, created with O_EXCL, mode 0600."""
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(encode_entry(_entry(1)) + encode_entry(_entry(2, "error")))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    os.symlink(victim, tmp_path / f".journal.jsonl.{os.getpid()}.tmp")
    modes: list[int] = []
    real_replace = os.replace

    def spy(src: Any, dst: Any) -> None:
        modes.append(stat.S_IMODE(os.lstat(src).st_mode))
        assert not os.path.islink(src)
        real_replace(src, dst)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", spy)
        Journal.open(journal).close()
    assert victim.read_text() == "precious\n"
    assert modes == [0o600]
    assert read_journal(journal) == [_entry(1)]
    leftovers = {p.name for p in tmp_path.iterdir()} - {
        "journal.jsonl",
        "victim.txt",
        f".journal.jsonl.{os.getpid()}.tmp",
    }
    assert leftovers == set()  # no temporary copy, no lock file left behind


def test_journal_and_lock_are_0600_and_an_old_journal_is_narrowed(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    os.umask(0o022)
    with Journal.open(journal) as fresh:
        fresh.write(_entry(1))
        lock = tmp_path / ".journal.jsonl.lock"
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert not lock.exists()  # removed by close(), while still held
    os.chmod(journal, 0o644)  # as older versions created it
    with Journal.open(journal) as old:
        assert old.notes == [
            f"{journal}: permissions narrowed from 0644 to 0600 (a journal holds order data)"
        ]
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600


def test_send_says_when_it_narrows_a_journal(tmp_path: Path, few_orders: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(encode_entry(_entry(1)))
    os.chmod(journal, 0o644)
    done, _ = _send_with_mock(few_orders, journal, "n")
    assert done.returncode == 0, done.stderr
    assert "permissions narrowed from 0644 to 0600" in done.stderr
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600


def test_a_file_that_is_not_a_journal_keeps_its_permissions(
    tmp_path: Path, few_orders: Path
) -> None:
    """Refused as not a journal, and left exactly as it was (mode included)."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    os.chmod(notes, 0o644)
    done = subprocess.run(
        send_command(few_orders, notes, "--mock"),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "not a forter-orders journal" in done.stderr
    assert stat.S_IMODE(notes.stat().st_mode) == 0o644
    assert notes.read_text() == "my notes\n"


def test_a_journal_with_a_second_hard_link_is_refused(tmp_path: Path) -> None:
    """The lock is taken on a name; two names for one file would let two runs write it."""
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(encode_entry(_entry(1)))
    os.link(journal, tmp_path / "other-name.jsonl")
    with pytest.raises(JournalError, match="2 names \\(hard links\\)"):
        Journal.open(journal)
    with pytest.raises(JournalError, match="hard links"):
        Journal.open(tmp_path / "other-name.jsonl")
    assert read_journal(journal) == [_entry(1)]  # untouched


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory on a read-only filesystem (root: a read-only tmpfs) or without write access."""
    path = tmp_path / "ro"
    path.mkdir()
    if os.geteuid() != 0:
        yield path
        path.chmod(0o755)
        return
    mount = shutil.which("mount")
    if (
        mount is None
        or subprocess.run(
            [mount, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(path)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a tmpfs here (root without CAP_SYS_ADMIN)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def _make_read_only(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)
    else:
        path.chmod(0o555)


@pytest.mark.parametrize("dirty", [True, False], ids=["errors to clean", "clean"])
def test_resume_on_a_read_only_filesystem_exits_2_with_one_line(
    read_only_dir: Path, few_orders: Path, dirty: bool
) -> None:
    journal = read_only_dir / "journal.jsonl"
    outcome = "error" if dirty else "decision"
    journal.write_bytes(encode_entry(_entry(1)) + encode_entry(_entry(2, outcome)))
    before = journal.read_bytes()
    _make_read_only(read_only_dir)
    done, received = _send_with_mock(few_orders, journal, "ro")
    assert received == []
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    assert str(journal) in line
    assert "ead-only file system" in line or "ermission denied" in line
    assert journal.read_bytes() == before


def test_a_symlinked_journal_is_resumed_in_place_and_the_link_kept(
    tmp_path: Path, few_orders: Path
) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    real = runs / "run-7.jsonl"
    real.write_bytes(encode_entry(_entry(1)) + encode_entry(_entry(2, "error")))
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    done, received = _send_with_mock(few_orders, link, "s")
    sent = Counter(r["orderId"] for r in received if r["orderId"])
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    entries = read_journal(real)
    assert sorted(e["line"] for e in entries) == list(range(1, SMALL + 1))
    assert order_id(1) not in sent  # done before: skipped
    assert sent[order_id(2)] == 1  # the error line: sent again
    assert {p.name for p in runs.iterdir()} == {"run-7.jsonl"}  # lock removed after the run
    assert {p.name for p in tmp_path.iterdir()} == {"runs", "latest.jsonl", "few.jsonl"}


@pytest.mark.parametrize("target", ["nothing", "directory", "device"])
def test_a_symlink_to_something_that_is_not_a_journal_file_is_refused(
    tmp_path: Path, few_orders: Path, target: str
) -> None:
    link = tmp_path / "out.jsonl"
    pointed = {
        "nothing": tmp_path / "missing.jsonl",
        "directory": tmp_path,
        "device": Path("/dev/null"),
    }[target]
    link.symlink_to(pointed)
    done, received = _send_with_mock(few_orders, link, "x")
    assert received == []
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    if target == "directory":  # refused by the option parser itself, before send runs
        assert "is a directory" in done.stderr
    else:
        (line,) = done.stderr.strip().splitlines()
        assert "symlink" in line
    assert not (tmp_path / "missing.jsonl").exists()  # never created through the link


def test_temporary_files_go_beside_the_journal(tmp_path: Path) -> None:
    """Same filesystem as the journal (os.replace), never the shared temporary directory."""
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(encode_entry(_entry(1, "error")))
    made: list[str] = []
    real = tempfile.mkstemp

    def spy(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)
        made.append(name)
        return fd, name

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", spy)
        Journal.open(journal).close()
    (name,) = made
    assert Path(name).parent == tmp_path
    assert Path(name).name.startswith(".journal.jsonl.")


def test_the_lock_lives_beside_the_file_a_symlink_names(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    real = runs / "run-8.jsonl"
    real.write_bytes(encode_entry(_entry(1)))
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    with Journal.open(link):
        assert (runs / ".run-8.jsonl.lock").exists()
        assert not (tmp_path / ".latest.jsonl.lock").exists()
        with pytest.raises(JournalBusyError, match=f"pid {os.getpid()} "):
            Journal.open(real)  # the same journal by its other name: the same lock
    assert link.is_symlink()


def test_a_lock_file_left_by_a_killed_run_is_no_obstacle(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    (tmp_path / ".journal.jsonl.lock").write_text("pid 1 on gone, started long ago\n")
    with Journal.open(journal) as reopened:
        reopened.write(_entry(1))
    assert read_journal(journal) == [_entry(1)]
