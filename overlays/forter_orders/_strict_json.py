"""Strict JSON parsing for order bodies and files: every refusal names the field path.

orjson is fast and strict about most things (``NaN`` / ``Infinity`` literals, invalid UTF-8,
unpaired surrogate escapes, trailing commas), but three inputs slip through it, each a silent
change to the data:

* duplicate keys (``{"orderId": "a", "orderId": "b"}``): the last one wins, the first is lost;
* integers outside the 64-bit range: read as a float, so digits are lost (they are valid
  JSON, so the exact value is returned instead);
* nesting deeper than :data:`MAX_DEPTH`: parsed, but no serializer downstream (orjson, and
  Python's ``json`` in the mock's recorder) can write it again.

:func:`loads` parses with orjson and then proves cheaply that none of the three happened: either
orjson writes the value back byte for byte (what the client sends), or the number of ``:`` in
the text equals the number of keys parsed (each key owns one ``:``; a colon inside a string only
adds) while no float could be a huge integer. Only when that proof fails (pretty files with
colons in strings, say) does a second pass with Python's ``json`` hooks look for the culprit.
orjson's own refusals are explained with the path of the value where they happened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import orjson

from ._pan import mask_pans
from ._paths import dotted, preview
from ._problem import Problem

# The deepest nesting orjson will serialize (it refuses 255 levels): the deepest order the
# client can send, so anything deeper is refused when read rather than failing later.
MAX_DEPTH: Final = 254
# orjson writes integers in [-2**63, 2**64 - 1]; outside that it reads them as floats.
INT_MIN: Final = -(2**63)
INT_MAX: Final = 2**64 - 1
# A refused deep nest is reported at the start of its path only: a 254-part path helps nobody.
_DEEP_PATH_PARTS: Final = 16
_SNIPPET_CHARS: Final = 20
_TOKEN: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)
_NON_FINITE: Final = re.compile(r"-?(?:NaN|Infinity|inf|nan)\b", re.IGNORECASE)
_NUMBER: Final = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


class JSONInputError(ValueError):
    """Bytes that are not strict JSON. ``problems`` say where (dotted path) and what.

    ``line`` / ``column`` (1-based) locate the first problem in the text when known.
    """

    def __init__(
        self, problems: list[Problem], *, line: int | None = None, column: int | None = None
    ) -> None:
        self.problems = problems
        self.line = line
        self.column = column
        super().__init__(str(problems[0]) if problems else "not JSON")

    @property
    def message(self) -> str:
        """The first problem as ``PATH: what`` (just ``what`` when it is about the whole text)."""
        first = self.problems[0]
        return f"{first.path}: {first.message}" if first.path else first.message


def loads(data: bytes | str) -> Any:
    """Parse ``data`` as strict JSON (RFC 8259 plus unique keys and depth <= 254), exactly.

    Raises JSONInputError, whose problems carry the dotted path of the offending value.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _explain_syntax(raw, exc) from None
    if not _proven_faithful(raw, value):
        return _check_slow(raw, value)
    return value


# ------------------------------------------------------------------ fast proof


def _proven_faithful(raw: bytes, value: Any) -> bool:
    """True when the parse provably lost nothing (see the module docstring); False: look closer."""
    try:
        written = orjson.dumps(value)
    except TypeError:  # deeper than orjson writes
        return False
    if written == raw:
        return True
    if b"e+" in written:
        # orjson writes every float >= 1e16 with an exponent, so an integer it had to read as
        # a float shows up here; the walk tells for sure.
        return _walk_proof(raw, value)
    # Every key is written as '"name":' and a '":' inside a string only as '\":', so this
    # is a lower bound on the keys parsed (exact unless a key ends in a backslash), while
    # the ':' count of the text is an upper bound on the names it holds: equal means no
    # name was dropped.
    keys_at_least = written.count(b'":') - written.count(b'\\":')
    return raw.count(b":") == keys_at_least


def _walk_proof(raw: bytes, value: Any) -> bool:
    """The proof by walking: exact key count, and no float that may have been an integer."""
    # Level by level, the way that measured fastest (no per-node tuples or recursion).
    keys = 0
    level: list[Any] = [value]
    while level:
        below: list[Any] = []
        for node in level:
            kind = type(node)
            if kind is dict:
                keys += len(node)
                below.extend(node.values())
            elif kind is list:
                below.extend(node)
            elif kind is float and abs(node) >= 2**63 and node.is_integer():
                return False  # maybe an integer orjson could not hold
        level = below
    return raw.count(b":") == keys


# ------------------------------------------------------------------ slow pass: find the culprit


class _DuplicateKeys(dict[str, Any]):
    """A JSON object in which some names repeat (only ever built on the slow pass)."""

    repeated: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _DuplicateKeys(pairs)
    seen: set[str] = set()
    marked.repeated = []
    for key, _ in pairs:
        if key in seen:
            marked.repeated.append(key)
        seen.add(key)
    return marked


def _check_slow(raw: bytes, value: Any) -> Any:
    """Refuse duplicate keys and deep nests with their paths; else the exact value.

    Integers outside orjson's range are valid JSON (free-form payloads may hold them): the
    value returned then comes from Python's json, which keeps them exact; the client refuses
    them only when asked to send them.
    """
    deep = too_deep(value)
    if deep is not None:
        raise JSONInputError([depth_problem(deep)])
    big: list[int] = []

    def exact_int(text: str) -> int:
        number = int(text)
        if not INT_MIN <= number <= INT_MAX:
            big.append(number)
        return number

    # Depth is at most MAX_DEPTH here, well inside what json's recursive scanner handles.
    marked = json.loads(raw, object_pairs_hook=_pairs, parse_int=exact_int)
    problems: list[Problem] = []
    for parts, node in _walk(marked):
        if isinstance(node, _DuplicateKeys):
            for key in dict.fromkeys(node.repeated):
                problems.append(
                    Problem(
                        dotted([*parts, key]),
                        f"duplicate key {preview(key)}: JSON objects must not repeat a name "
                        "(only the last value would be kept)",
                        "duplicate_key",
                    )
                )
    if problems:
        raise JSONInputError(problems)
    return marked if big else value


def _walk(value: Any) -> Iterator[tuple[list[str | int], Any]]:
    """Every node with its path, parents first, in document order (iterative: no recursion)."""
    stack: list[tuple[list[str | int], Any]] = [([], value)]
    while stack:
        parts, node = stack.pop()
        yield parts, node
        if isinstance(node, dict):
            stack.extend(([*parts, k], v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(([*parts, i], v) for i, v in reversed(list(enumerate(node))))


def too_deep(value: Any) -> list[str | int] | None:
    """The path of the first array/object in ``value`` nested deeper than MAX_DEPTH, or None."""
    stack: list[tuple[list[str | int], Any]] = [([], value)]
    while stack:
        parts, node = stack.pop()
        if isinstance(node, dict | list):
            if len(parts) >= MAX_DEPTH:
                return parts
            items = node.items() if isinstance(node, dict) else enumerate(node)
            stack.extend(([*parts, k], v) for k, v in items if isinstance(v, dict | list))
    return None


def depth_problem(parts: list[str | int]) -> Problem:
    """The problem for a nest that goes past MAX_DEPTH at ``parts`` (reported at its start)."""
    return Problem(
        dotted(parts[:_DEEP_PATH_PARTS]),
        f"nests arrays/objects more than {MAX_DEPTH} levels deep (an order is a few levels deep)",
        "not_json",
    )


# ------------------------------------------------------------------ orjson's refusals, explained


def _snippet(text: str) -> str:
    return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 3] + "..."


def _explain_syntax(raw: bytes, exc: orjson.JSONDecodeError) -> JSONInputError:
    reason = exc.msg
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        start = bad.start
        prefix = raw[:start].decode("utf-8", "replace")
        parts, _ = _path_at(prefix, len(prefix))
        byte = raw[start : start + 1].hex()
        line = raw.count(b"\n", 0, start) + 1
        column = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        message = f"is not valid UTF-8 (byte 0x{byte} at offset {start}); JSON text is UTF-8"
        return JSONInputError(
            [Problem(dotted(parts), message, "not_json")], line=line, column=column
        )
    if not text.strip():
        return JSONInputError([Problem("", "is empty: expected a JSON value", "not_json")])
    if "depth limit" in reason:
        parts, _ = _path_at(text, len(text), stop_depth=MAX_DEPTH + 1)
        return JSONInputError([depth_problem(parts)], line=exc.lineno, column=exc.colno)
    pos = min(max(exc.pos, 0), len(text))
    start = pos
    # orjson points into a bad literal or number (after a "-", say): back up to its start.
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "+-."):
        start -= 1
    token = text[start:pos] + text[pos : pos + 12]
    parts, in_key = _path_at(text, start)
    if match := _NON_FINITE.match(token):
        message = (
            f"{match.group()} is not a JSON value (JSON numbers are finite; send amounts as "
            "decimal strings)"
        )
    elif "infinity" in reason and (number := _NUMBER.match(token)):
        message = f"number {_snippet(number.group())} is too large (it overflows to infinity)"
    elif "surrogate" in reason:
        message = "holds a \\u escape of an unpaired UTF-16 surrogate, which is not a character"
    elif in_key:
        message = f"not JSON: {reason} (in an object key)"
    else:
        message = f"not JSON: {reason}"
    return JSONInputError(
        [Problem(dotted(parts), mask_pans(message), "not_json")], line=exc.lineno, column=exc.colno
    )


def _path_at(
    text: str, stop: int, *, stop_depth: int | None = None
) -> tuple[list[str | int], bool]:
    """The path of the value being read at ``text[stop]`` (tokens only, iterative).

    With ``stop_depth``, stop instead where nesting first reaches that depth. The flag says
    whether ``stop`` lies in an object key.
    """
    parts: list[str | int | None] = []
    containers: list[str] = []
    expect_key = False
    for match in _TOKEN.finditer(text, 0, stop):
        token = match.group()
        first = token[0]
        if first in "{[":
            containers.append(first)
            parts.append(None if first == "{" else 0)
            expect_key = first == "{"
            if stop_depth is not None and len(containers) >= stop_depth:
                break
        elif first in "}]":
            if containers:
                containers.pop()
                parts.pop()
            expect_key = False
        elif first == ",":
            if containers and containers[-1] == "[":
                index = parts[-1]
                parts[-1] = index + 1 if isinstance(index, int) else 0
            else:
                parts[-1] = None  # between members: the object itself, until the next key
                expect_key = True
        elif first == '"' and expect_key and containers and containers[-1] == "{":
            parts[-1] = _key(token)
            expect_key = match.end() >= stop  # still reading the key itself
    return [part for part in parts if part is not None], expect_key


def _key(token: str) -> str:
    try:
        key = json.loads(token)
    except (ValueError, RecursionError):
        return token[1:-1] if token.endswith('"') and len(token) > 1 else token[1:]
    return key if isinstance(key, str) else token
