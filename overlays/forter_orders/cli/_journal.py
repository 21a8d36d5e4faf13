"""The batch journal: one JSON line per input order with its outcome, safe to resume.

Guarantees, and how they are kept:

* **No partial lines.** Each entry is serialised first and written with a single ``os.write``
  to a descriptor opened with ``O_APPEND``: the kernel appends the whole buffer at the end of
  the file, and nothing sits in a user-space buffer, so Ctrl-C, SIGTERM or ``kill -9`` loses
  nothing already written. A line torn by a crash of the machine itself (or a full disk) is
  dropped when the journal is reopened.
* **Exactly one line per order after a complete run.** When a journal is reopened, ``error``
  entries are removed (those orders are sent again) and duplicates / a torn last line are
  dropped; the cleaned copy is written next to the journal and moved over it with
  ``os.replace``, so a crash during the rewrite leaves either the old or the new file.
* **Flat memory.** The resume set is an ``array`` of 4 bytes per input line (a checksum of the
  order id; 0 = not done), not a set of objects or the entries themselves.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from array import array
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

#: Outcomes that count as done: on resume they are skipped. ``error`` entries are retried.
DONE_OUTCOMES = frozenset({"decision", "fallback", "invalid"})
OUTCOMES = (*sorted(DONE_OUTCOMES), "error")


class JournalError(Exception):
    """The journal cannot be used: unreadable, not a journal, or written for another input."""


def _order_mark(order_id: object) -> int:
    # Non-zero checksum of the order id; 0 is reserved for "not done".
    text = order_id if isinstance(order_id, str) else orjson.dumps(order_id).decode()
    return zlib.crc32(text.encode()) | 1


class ResumeSet:
    """Which input lines a previous run finished, with a checksum of each one's order id.

    The checksum lets :meth:`check` notice that the input file changed between runs (an order
    inserted or removed shifts every line number after it), which would otherwise skip the
    wrong orders silently.
    """

    def __init__(self) -> None:
        self._marks = array("I")
        self.count = 0

    def add(self, line: int, order_id: object) -> bool:
        """Mark ``line`` done; False when it already was (a duplicate entry)."""
        if line >= len(self._marks):
            self._marks.frombytes(bytes(4 * (line + 1 - len(self._marks))))
        if self._marks[line]:
            return False
        self._marks[line] = _order_mark(order_id)
        self.count += 1
        return True

    def __contains__(self, line: int) -> bool:
        return 0 <= line < len(self._marks) and self._marks[line] != 0

    def check(self, line: int, order_id: object) -> bool:
        """True when ``line`` is done and was done for the same order id."""
        return line in self and self._marks[line] == _order_mark(order_id)


class Journal:
    """An append-only JSONL journal file, reopened for resume.

    Use :meth:`open`; ``resumed`` holds what earlier runs completed and ``previous`` counts
    their entries by outcome.
    """

    def __init__(self, path: Path, fd: int, resumed: ResumeSet, previous: Counter[str]) -> None:
        self.path = path
        self._fd = fd
        self.resumed = resumed
        self.previous = previous
        self.written = 0

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Journal:
        """Open (creating if needed) the journal at ``path``, cleaning it for resume."""
        p = Path(path)
        resumed = ResumeSet()
        previous: Counter[str] = Counter()
        if p.exists():
            _compact(p, resumed, previous)
        try:
            fd = os.open(p, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise JournalError(f"{p}: cannot open the journal: {exc.strerror or exc}") from None
        return cls(p, fd, resumed, previous)

    def write(self, entry: Mapping[str, Any]) -> None:
        """Append one entry as one complete line (a single ``write`` call)."""
        write_line(self._fd, entry)
        self.written += 1

    def close(self) -> None:
        """Close the file; entries already written are on disk either way."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def encode_entry(entry: Mapping[str, Any]) -> bytes:
    """One journal line: compact JSON plus a newline."""
    return orjson.dumps(entry, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS)


def write_line(fd: int, entry: Mapping[str, Any]) -> None:
    """Write ``entry`` to ``fd`` as one line with a single ``os.write`` of the whole bytes."""
    data = encode_entry(entry)
    n = os.write(fd, data)
    # Regular files take the whole buffer at once; a pipe or a full disk may not. Finish the
    # line rather than leave it torn (a reopened journal drops a torn last line anyway).
    while n < len(data):
        data = data[n:]
        n = os.write(fd, data)


def _compact(path: Path, resumed: ResumeSet, previous: Counter[str]) -> None:
    """Load the done set from ``path`` and rewrite it without errors, duplicates, torn tails."""
    changed = False
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(path, "rb") as src, open(tmp, "wb") as dst:
            for n, raw in enumerate(src, 1):
                if not raw.endswith(b"\n"):
                    changed = True  # torn last line from a crash: drop it
                    break
                if not raw.strip():
                    changed = True
                    continue
                try:
                    entry = orjson.loads(raw)
                    line = entry["line"]
                    outcome = entry["outcome"]
                    if not isinstance(line, int) or isinstance(line, bool) or line < 1:
                        raise TypeError
                except (orjson.JSONDecodeError, KeyError, TypeError):
                    raise JournalError(
                        f"{path}:{n}: not a forter-orders journal line; "
                        "pass a new --out file or fix this one"
                    ) from None
                if outcome not in DONE_OUTCOMES:
                    changed = True  # errors are retried, so their old line goes
                    continue
                if not resumed.add(line, entry.get("orderId")):
                    changed = True
                    continue
                previous[str(outcome)] += 1
                dst.write(raw)
            if changed:
                dst.flush()
                os.fsync(dst.fileno())
        if changed:
            os.replace(tmp, path)
    except OSError as exc:
        raise JournalError(f"{path}: cannot read the journal: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
