"""Streaming readers for order files, shared by ``forter-orders validate`` and ``send``.

Accepted inputs:

* JSONL (``.jsonl`` / ``.ndjson``, or detected): one order per line; blank lines are skipped
  but still counted, so line numbers match what an editor shows.
* a JSON document holding one order;
* a JSON array of orders, read item by item (never the whole file at once).

Every reader is a generator: memory stays flat however long the file is. A record's ``key`` is
what the journal stores as ``line`` and resumes on: the JSONL line number, or the 1-based
position of the item in a JSON array (1 for a single-order document).
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import orjson

from .. import _strict_json as strict_json

Kind = Literal["jsonl", "array", "document"]

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_CHUNK = 1 << 16
# The longest JSONL line or JSON document read as one order. Orders are kilobytes (the full
# every-member example is 16 KB) and the mock refuses bodies over 8 MiB; without a bound,
# `validate /dev/zero` read until memory ran out.
MAX_ORDER_BYTES = 32 * 1024 * 1024
_TOO_LONG = f"longer than {MAX_ORDER_BYTES // (1024 * 1024)} MiB: not an order"
_WS = " \t\r\n"


class InputError(Exception):
    """The input cannot be read as orders at all (missing file, not JSON, broken JSONL line).

    ``line`` is set when the problem has a place in the file; the CLI maps this to exit code 2.
    """

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Record:
    """One order read from an input file.

    ``line`` is where the record starts (1-based), or 0 for a file holding a single document.

    ``value`` is the parsed JSON (any JSON type: validation decides whether it is an order).
    ``error`` is set instead when a JSONL line is not JSON; the reader keeps going so that a
    batch can journal the line as invalid. ``error_path`` is the field path of that problem
    (``""``: the whole line). ``offset`` is how far into the file reading has got, in bytes,
    for progress bars.
    """

    key: int
    line: int
    value: Any
    error: str | None = None
    offset: int = 0
    error_path: str = ""


def display_name(path: str) -> str:
    """How a file is named in messages: as the user typed it (``-`` reads as ``<stdin>``)."""
    return "<stdin>" if path == "-" else path


def _open_binary(path: str) -> IO[bytes]:
    source = display_name(path)
    if path == "-":
        import sys

        return sys.stdin.buffer
    try:
        if Path(path).is_dir():
            raise InputError(source, "is a directory")
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None


def file_size(path: str) -> int | None:
    """Size in bytes for progress bars, or None (stdin, pipes, missing files)."""
    if path == "-":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size if st.st_size > 0 else None


def _strict_error(exc: strict_json.JSONInputError) -> str:
    """``not JSON: PATH: what`` (the path left out when the problem is the whole text)."""
    message = exc.message
    # orjson's syntax errors already start with "not JSON"; the strict checks do not. A syntax
    # error inside a member says so after its path ("totalAmount: not JSON: ..."): said once.
    if len(exc.problems) == 1 and exc.problems[0].path:
        first = exc.problems[0]
        return f"not JSON: {first.path}: {first.message.removeprefix('not JSON: ')}"
    return message if message.startswith("not JSON") else f"not JSON: {message}"


def read_orders(
    path: str, kind: Kind | None = None, *, name: str | None = None
) -> Generator[Record, None, None]:
    """Yield the orders in ``path`` (``-`` for stdin) one at a time.

    ``kind`` forces a format; by default ``.jsonl`` / ``.ndjson`` are JSONL and anything else
    is detected from the content: a leading ``[`` is an array, a first line that is complete
    JSON with more content after it is JSONL, and anything else is one JSON document.
    ``name``: how messages name the input (default: ``path``, or ``<stdin>``), e.g. for a copy
    of stdin read from a temporary file.

    Raises InputError (possibly after yielding some records) when the input is unreadable.
    """
    source = name or display_name(path)
    if kind is None and Path(path).suffix.lower() in JSONL_SUFFIXES:
        kind = "jsonl"
    f = _open_binary(path)
    try:
        # Detection looks ahead without consuming, which must also work on pipes.
        reader = _PeekReader(f)
        if kind is None:
            kind = _detect(reader, source)
        if kind == "jsonl":
            yield from _read_jsonl(reader, source)
        elif kind == "array":
            yield from _read_array(reader, source)
        else:
            yield _read_document(reader, source)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    finally:
        if path != "-":
            f.close()


class _PeekReader:
    """A minimal push-back reader so detection can look at the first line of a pipe."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._pushed = b""
        self._pos = 0

    def peek_prefix(self, n: int) -> bytes:
        """Return at least ``n`` bytes (fewer at EOF) without consuming them."""
        while len(self._pushed) < n:
            more = self._raw.read(_CHUNK)
            if not more:
                break
            self._pushed += more
        return self._pushed

    def read(self, n: int = -1) -> bytes:
        if self._pushed:
            if n < 0:
                data = self._pushed + self._raw.read()
                self._pushed = b""
            else:
                data, self._pushed = self._pushed[:n], self._pushed[n:]
        else:
            data = self._raw.read(n)
        self._pos += len(data)
        return data

    def readline(self, limit: int = -1) -> bytes:
        """One line, or its first ``limit`` bytes when it is longer (no newline at the end)."""
        if self._pushed:
            end = self._pushed.find(b"\n")
            if end >= 0 and (limit < 0 or end < limit):
                line, self._pushed = self._pushed[: end + 1], self._pushed[end + 1 :]
            elif limit >= 0 and len(self._pushed) >= limit:
                line, self._pushed = self._pushed[:limit], self._pushed[limit:]
            else:
                rest = -1 if limit < 0 else limit - len(self._pushed)
                line, self._pushed = self._pushed + self._raw.readline(rest), b""
        else:
            line = self._raw.readline(limit)
        self._pos += len(line)
        return line

    def tell(self) -> int:
        return self._pos


def _detect(reader: _PeekReader, source: str) -> Kind:
    data = reader.peek_prefix(_CHUNK)
    while True:
        stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped:
            break
        more = reader.peek_prefix(len(data) + _CHUNK)
        if len(more) == len(data):
            raise InputError(source, "empty input: expected a JSON order, a JSON array or JSONL")
        data = more
    if stripped[:1] == b"[":
        return "array"
    # JSONL when the first meaningful line is complete JSON on its own; a pretty-printed
    # document starts with a line like "{" that is not.
    start = len(data) - len(stripped)
    while b"\n" not in data[start:]:
        if len(data) > MAX_ORDER_BYTES:
            raise InputError(source, f"the first line is {_TOO_LONG}", 1)
        more = reader.peek_prefix(len(data) + _CHUNK)
        if len(more) == len(data):
            # One line in all: JSONL and a document read the same; a document reports
            # syntax errors with their line and column.
            return "document"
        data = more
    first = data[start : data.index(b"\n", start)]
    try:
        orjson.loads(first)
    except orjson.JSONDecodeError:
        # Python's json takes NaN and the like: a first line holding one is still a JSONL
        # line, to be refused on its own with its line number, not the whole file.
        try:
            json.loads(first)
        except (ValueError, RecursionError):
            return "document"
    return "jsonl"


def _read_jsonl(reader: _PeekReader, source: str) -> Iterator[Record]:
    lineno = 0
    while True:
        raw = reader.readline(MAX_ORDER_BYTES + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > MAX_ORDER_BYTES:
            raise InputError(source, f"the line is {_TOO_LONG}", lineno)
        text = raw.strip()
        if lineno == 1:
            text = text.lstrip(b"\xef\xbb\xbf").strip()
        if not text:
            continue
        try:
            value = strict_json.loads(text)
        except strict_json.JSONInputError as exc:
            path = exc.problems[0].path if exc.problems else ""
            yield Record(lineno, lineno, None, _strict_error(exc), reader.tell(), path)
            continue
        yield Record(lineno, lineno, value, None, reader.tell())


def _read_document(reader: _PeekReader, source: str) -> Record:
    data = reader.read(MAX_ORDER_BYTES + 1)
    if len(data) > MAX_ORDER_BYTES:
        raise InputError(source, f"the document is {_TOO_LONG}")
    try:
        value = strict_json.loads(data.lstrip(b"\xef\xbb\xbf"))
    except strict_json.JSONInputError as exc:
        raise InputError(source, _strict_error(exc), exc.line) from None
    return Record(1, 0, value, None, reader.tell())


def _item_error(text: str, key: int, exc: strict_json.JSONInputError | None = None) -> str:
    """The message for array item ``key`` (1-based) that is not strict JSON; paths from ``[i]``."""
    if exc is None:
        try:
            strict_json.loads(text)
        except strict_json.JSONInputError as found:
            exc = found
        else:  # pragma: no cover - only called on text the strict parse refuses
            return "not JSON"
    first = exc.problems[0]
    inner = first.message.removeprefix("not JSON: ")
    path = f"[{key - 1}]" + ("." + first.path if first.path[:1] not in ("", "[") else first.path)
    return f"not JSON: {path}: {inner}"


def _read_array(reader: _PeekReader, source: str) -> Iterator[Record]:
    """Decode ``[item, item, ...]`` item by item with a sliding text buffer."""
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    buf = ""
    pos = 0
    line_base = 1  # line number of buf[0]
    eof = False
    chunk = _CHUNK

    def fill() -> None:
        nonlocal buf, pos, line_base, eof
        # Drop what has been consumed so the buffer holds at most one item plus a chunk.
        line_base += buf.count("\n", 0, pos)
        buf = buf[pos:]
        pos = 0
        data = reader.read(chunk)
        if not data:
            eof = True
            buf += utf8.decode(b"", final=True)
        else:
            buf += utf8.decode(data)

    def skip_ws() -> None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            if pos < len(buf) or eof:
                return
            fill()

    def line_at(i: int) -> int:
        return line_base + buf.count("\n", 0, i)

    def fail(message: str, at: int) -> InputError:
        return InputError(source, message, line_at(at))

    skip_ws()
    if buf[pos : pos + 1] != "[":  # pragma: no cover - detection guarantees it
        raise fail("expected a JSON array", pos)
    pos += 1
    skip_ws()
    if buf[pos : pos + 1] == "]":
        pos += 1
    else:
        key = 0
        while True:
            skip_ws()
            start = pos
            try:
                _, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                if eof:
                    raise fail(f"not JSON: {exc.msg}", exc.pos) from None
                chunk = min(chunk * 2, 1 << 24)  # big items: fewer re-parses
                fill()
                continue
            except RecursionError:
                # json's scanner recurses: nesting this deep is refused, with its path.
                raise fail(_item_error(buf[start:], key + 1), start) from None
            # A number at the very end of the buffer may be cut short: read on until the
            # item is followed by something.
            after = end
            while after < len(buf) and buf[after] in _WS:
                after += 1
            if after == len(buf) and not eof:
                fill()
                continue
            key += 1
            # raw_decode only finds the item's end: it takes NaN, keeps the last of duplicate
            # keys and would turn a huge integer into an exact int; the strict parse refuses
            # all of those with the path.
            try:
                value = strict_json.loads(buf[start:end])
            except strict_json.JSONInputError as exc:
                raise fail(_item_error(buf[start:end], key, exc), start) from None
            yield Record(key, line_at(start), value, None, reader.tell())
            pos = after
            sep = buf[pos : pos + 1]
            if sep == ",":
                pos += 1
                continue
            if sep == "]":
                pos += 1
                break
            if not sep:
                raise fail("not JSON: the array is not closed with ']'", pos)
            raise fail("not JSON: expected ',' or ']' after an array item", pos)
    skip_ws()
    if pos < len(buf):
        raise fail("not JSON: extra data after the array", pos)
