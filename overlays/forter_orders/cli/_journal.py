"""The batch journal: one JSON line per input order with its outcome, safe to resume.

Guarantees, and how they are kept:

* **No partial lines.** Each entry is serialised first and written with a single ``os.write``
  to a descriptor opened with ``O_APPEND``: the kernel appends the whole buffer at the end of
  the file, and nothing sits in a user-space buffer, so Ctrl-C, SIGTERM or ``kill -9`` loses
  nothing already written. A line torn by a crash of the machine itself (or a full disk) is
  dropped when the journal is reopened.
* **Exactly one line per order after a complete run.** When a journal is reopened, ``error``
  and ``invalid`` entries are removed (those orders are checked and sent again) and duplicates /
  a torn last line are dropped; the cleaned copy is written next to the journal and moved over
  it with ``os.replace``, so a crash during the rewrite leaves either the old or the new file.
* **Flat memory.** The resume set is an ``array`` of 4 bytes per input line (a checksum of the
  order id; 0 = not done), not a set of objects or the entries themselves.
* **One writer.** Two runs on one journal used to interleave: each compacted and appended on its
  own, so outcomes were lost (a compaction replaced the file under the other run's appends) and
  orders were sent twice. ``open`` takes an exclusive ``flock`` on ``.<name>.lock`` beside the
  journal before reading it, and holds it until :meth:`Journal.close` (or the process ends, even
  by ``kill -9``: the kernel releases it); a second run fails at once with
  :class:`JournalBusyError`, naming the process that holds it (pid, host, start time, written
  into the lock file). ``close`` removes the lock file while still holding it; a run that locks
  a file checks that it is still the one at that path (else it was just removed, and it tries
  again), so two runs can never hold locks on two different files. One left by a killed run is
  harmless: nobody holds its lock. The lock is a file of its own rather than the journal because
  compaction replaces the journal's inode.
* **Safe files.** The temporary copy is made by ``tempfile.mkstemp`` beside the journal: an
  unpredictable name, ``O_EXCL`` (a planted file or symlink is never followed or overwritten) and
  mode 0600. Journals are created 0600 (they hold order ids and, for invalid orders, previews of
  personal data); an existing journal readable by others is narrowed to 0600 when it is opened,
  and :attr:`Journal.notes` says so. The lock file is opened with ``O_NOFOLLOW``.
* **Symlinks, on purpose.** ``--out`` may be a symlink to an existing journal (say
  ``latest.jsonl -> run-7.jsonl``): the journal is the file it points to, compacted beside that
  file, and the link is kept. A link to nothing, or to something that is not a regular file, is
  refused, so that a link planted where a run will write cannot make it create or append to a
  file elsewhere; a journal that does not start like one is refused as before.
* **Errors are one line.** Every ``OSError`` (a read-only filesystem, a full disk, permissions)
  becomes a :class:`JournalError` whose message names the file and the reason.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import socket
import stat
import sys
import tempfile
import zlib
from array import array
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import orjson

from .._pan import mask_pans_in
from .._spec import schema_properties

#: Outcomes that count as done: on resume they are skipped. ``error`` entries are retried, and
#: ``invalid`` ones checked again (an order fixed in the input is then sent; one still invalid
#: gets its line again): an order counts as done only once Forter (or the fallback) answered it.
DONE_OUTCOMES = frozenset({"decision", "fallback"})
OUTCOMES = ("decision", "error", "fallback", "invalid")


#: Mode of journal files and their temporary copies: they hold order data.
JOURNAL_MODE: Final = 0o600
_NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)


#: The schema whose members a ``decision`` line carries.
DECISION_SCHEMA: Final = "OrderDecision"
#: Members the line already has under its own key (``orderId``, beside ``line``).
_LINE_KEYS: Final = frozenset({"orderId"})


def decision_members() -> tuple[str, ...]:
    """The decision members a journal line carries: every member the spec's ``OrderDecision``
    lists, in the spec's order, but ``orderId`` (the line has its own)."""
    return tuple(name for name in schema_properties(DECISION_SCHEMA) if name not in _LINE_KEYS)


def decision_fields(decision: Mapping[str, Any]) -> dict[str, Any]:
    """The members of ``decision`` (its wire form: ``OrderDecision.to_dict()``) for its line.

    Read from the spec, so a member added to ``OrderDecision`` reaches the journal with no edit
    here: each member the spec lists, in the spec's order (``forterDecision`` first), as Forter
    sent it, card numbers masked in every string. Members Forter sent but the spec does not
    list are not copied (the journal keeps as little order data as it can): the line's
    ``drift`` names them, and the spec is what to update.
    """
    return {name: mask_pans_in(decision[name]) for name in decision_members() if name in decision}


class JournalError(Exception):
    """The journal cannot be used: unreadable, not a journal, or written for another input."""


class JournalBusyError(JournalError):
    """Another run holds the journal's lock."""


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

    def __init__(
        self,
        path: Path,
        fd: int,
        resumed: ResumeSet,
        previous: Counter[str],
        lock_fd: int = -1,
        notes: list[str] | None = None,
        lock_path: Path | None = None,
    ) -> None:
        self.path = path
        self._fd = fd
        self._lock_fd = lock_fd
        self._lock_path = lock_path
        self.resumed = resumed
        self.previous = previous
        self.written = 0
        #: Things worth telling the user (e.g. permissions narrowed), one line each.
        self.notes = notes or []

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Journal:
        """Lock, then open (creating if needed) the journal at ``path``, cleaned for resume.

        Raises JournalBusyError when another run holds it, JournalError when it cannot be used.
        """
        p = Path(path)
        target = _target(p)
        lock_fd = _lock(p, target)
        try:
            notes: list[str] = []
            resumed = ResumeSet()
            previous: Counter[str] = Counter()
            if target.exists():
                if target.stat().st_nlink > 1:
                    # The lock is taken on a name: another name for the same file would let
                    # a second run write it at the same time (orders sent twice).
                    raise JournalError(
                        f"{p}: the journal has {target.stat().st_nlink} names (hard links); "
                        "two runs could each lock one name and write it together. Remove the "
                        "other links (or copy the file) and run again"
                    )
                before = stat.S_IMODE(target.stat().st_mode)
                # Checked (and cleaned) first: a file that is not a journal is left as it was.
                _compact(target, resumed, previous)
                _narrow_mode(p, target, notes, before)
            try:
                fd = os.open(
                    target,
                    os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _CLOEXEC,
                    JOURNAL_MODE,
                )
            except OSError as exc:
                raise JournalError(f"{p}: cannot open the journal: {_reason(exc)}") from None
        except BaseException:
            os.close(lock_fd)
            raise
        return cls(p, fd, resumed, previous, lock_fd, notes, _lock_path(target))

    def write(self, entry: Mapping[str, Any]) -> None:
        """Append one entry as one complete line (a single ``write`` call)."""
        write_line(self._fd, entry)
        self.written += 1

    def close(self) -> None:
        """Close the file and release the lock; entries already written are on disk either way."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self._lock_fd >= 0:
            if self._lock_path is not None:  # removed while held: see the module docs
                with contextlib.suppress(OSError):
                    os.unlink(self._lock_path)
            os.close(self._lock_fd)  # closing the descriptor releases the flock
            self._lock_fd = -1

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


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _target(path: Path) -> Path:
    """The file the journal lives in: ``path``, or the existing regular file a symlink names."""
    try:
        if not path.is_symlink():
            if path.exists() and not path.is_file():
                raise JournalError(f"{path}: not a regular file; pass a file path to --out")
            return path
        target = Path(os.path.realpath(path))
    except OSError as exc:
        raise JournalError(f"{path}: cannot use the journal: {_reason(exc)}") from None
    if not target.is_file():
        what = "nothing" if not target.exists() else "something that is not a regular file"
        raise JournalError(
            f"{path}: a symlink to {what} ({target}); a symlinked journal must point to an "
            "existing journal file (it is never created through a link)"
        )
    return target


def _holder() -> str:
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"pid {os.getpid()} on {socket.gethostname()}, started {started}"


def _lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


def _lock(path: Path, target: Path) -> int:
    """Take the journal's exclusive lock (``.<name>.lock`` beside the file); its descriptor."""
    lock = _lock_path(target)
    for _ in range(10):  # another run removing the file as we open it: try again
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, JOURNAL_MODE)
        except OSError as exc:
            raise JournalError(
                f"{path}: cannot lock the journal ({lock}): {_reason(exc)}"
            ) from None
        try:
            if not _try_lock(fd):
                holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "unknown"
                raise JournalBusyError(
                    f"{path}: in use by another forter-orders send ({holder}); wait for it to "
                    "finish, or pass another --out"
                )
            if not _still_at(fd, lock):  # removed by the run that just finished
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{_holder()}\n".encode(), 0)
        except OSError as exc:
            os.close(fd)
            raise JournalError(
                f"{path}: cannot lock the journal ({lock}): {_reason(exc)}"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        return fd
    raise JournalBusyError(f"{path}: the lock file {lock} keeps changing; is another run busy?")


def _still_at(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _try_lock(fd: int) -> bool:
    """An exclusive, non-blocking lock on ``fd``; False when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - the CI runs on Linux
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _narrow_mode(path: Path, target: Path, notes: list[str], before: int) -> None:
    """An existing journal readable or writable by others becomes 0600 (it holds order data).

    ``before``: its mode when the run started (a cleaned copy that replaced it is 0600 already,
    and the user is still told that the journal was narrowed).
    """
    if not before & 0o077:
        return
    try:
        if stat.S_IMODE(target.stat().st_mode) & 0o077:
            os.chmod(target, JOURNAL_MODE)
        notes.append(
            f"{path}: permissions narrowed from {before:04o} to {JOURNAL_MODE:04o} "
            "(a journal holds order data)"
        )
    except OSError as exc:  # not ours to change: say so, and carry on
        notes.append(f"{path}: readable by others, and cannot be narrowed: {_reason(exc)}")


def _compact(path: Path, resumed: ResumeSet, previous: Counter[str]) -> None:
    """Load the done set from ``path`` and rewrite it without errors, duplicates, torn tails.

    The cleaned copy goes to a ``mkstemp`` file beside ``path`` (unpredictable name, ``O_EXCL``,
    mode 0600) and replaces ``path`` only when something changed.
    """
    changed = False
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        with (
            os.fdopen(os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC), "rb") as src,
            os.fdopen(fd, "wb") as dst,
        ):
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
                    changed = True  # errors and invalid orders are retried: their old line goes
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
        raise JournalError(f"{path}: cannot clean the journal for resume: {_reason(exc)}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
