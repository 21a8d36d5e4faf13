"""The batch journal (forter_orders.cli._journal): complete lines only, resume, compaction."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from forter_orders.cli._journal import Journal, JournalError, ResumeSet, encode_entry, write_line


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _entry(line: int, outcome: str = "decision", order_id: str | None = None) -> dict[str, object]:
    return {"line": line, "orderId": order_id or f"O{line}", "outcome": outcome}


def test_new_journal_is_created_and_appended(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with Journal.open(path) as journal:
        assert journal.resumed.count == 0
        journal.write(_entry(1))
        journal.write(_entry(2, "error"))
        assert journal.written == 2
    assert _lines(path) == [_entry(1), _entry(2, "error")]


def test_each_entry_is_one_write_of_a_complete_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bytes] = []
    real_write = os.write

    def spy(fd: int, data: bytes) -> int:
        calls.append(bytes(data))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", spy)
    with Journal.open(tmp_path / "j.jsonl") as journal:
        journal.write({"line": 1, "orderId": "A", "outcome": "decision", "note": "x" * 10_000})
    assert len(calls) == 1
    assert calls[0].endswith(b"\n")
    assert calls[0].count(b"\n") == 1


def test_short_writes_are_completed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A pipe or a nearly full disk may take part of the buffer; the rest must follow.
    real_write = os.write

    def half(fd: int, data: bytes) -> int:
        return real_write(fd, data[: max(1, len(data) // 2)])

    monkeypatch.setattr(os, "write", half)
    path = tmp_path / "j.jsonl"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        write_line(fd, _entry(7))
    finally:
        os.close(fd)
    assert _lines(path) == [_entry(7)]


def test_opened_with_o_append(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with Journal.open(path) as journal:
        # Another writer moves the end of the file; O_APPEND still writes after it.
        with open(path, "ab") as other:
            other.write(encode_entry(_entry(1)))
        journal.write(_entry(2))
    assert [e["line"] for e in _lines(path)] == [1, 2]


def test_resume_skips_done_outcomes_and_drops_errors_and_invalid(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(
        b"".join(
            encode_entry(e)
            for e in [
                _entry(1),
                _entry(2, "error"),
                _entry(3, "fallback"),
                _entry(4, "invalid"),
                _entry(1),  # a duplicate (two runs raced on one journal): kept once
            ]
        )
    )
    with Journal.open(path) as journal:
        assert [n in journal.resumed for n in range(6)] == [False, True, False, True, False, False]
        assert journal.previous == {"decision": 1, "fallback": 1}
    # The error and invalid lines are gone: those orders are checked and sent again, and end up
    # in the journal exactly once.
    assert [e["line"] for e in _lines(path)] == [1, 3]


def test_resume_drops_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(encode_entry(_entry(1)) + b'{"line": 2, "orderId": "O2", "outc')
    with Journal.open(path) as journal:
        assert 1 in journal.resumed
        assert 2 not in journal.resumed
        journal.write(_entry(2))
    assert _lines(path) == [_entry(1), _entry(2)]


def test_unchanged_journal_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(encode_entry(_entry(1)))
    inode = path.stat().st_ino
    Journal.open(path).close()
    assert path.stat().st_ino == inode
    assert not list(tmp_path.glob(".*tmp"))


@pytest.mark.parametrize(
    "bad",
    [b"not json\n", b'{"orderId": "A", "outcome": "decision"}\n', b'{"line": 0, "outcome": "x"}\n'],
)
def test_a_foreign_file_is_refused(tmp_path: Path, bad: bytes) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(encode_entry(_entry(1)) + bad + encode_entry(_entry(3)))
    with pytest.raises(JournalError, match=r"j\.jsonl:2: not a forter-orders journal line"):
        Journal.open(path)
    assert path.read_bytes().startswith(encode_entry(_entry(1)))  # left untouched


def test_resume_set_checks_order_ids() -> None:
    done = ResumeSet()
    assert done.add(3, "A")
    assert not done.add(3, "A")
    assert done.check(3, "A")
    assert not done.check(3, "B")
    assert not done.check(4, "A")
    assert done.add(1_000, None)
    assert done.check(1_000, None)
    assert done.count == 2


def test_resume_set_memory_is_four_bytes_a_line() -> None:
    done = ResumeSet()
    for n in range(1, 100_001):
        done.add(n, f"order-{n}")
    assert done._marks.itemsize == 4
    assert len(done._marks) == 100_001
    assert done.count == 100_000
