"""The streaming order readers behind ``validate`` and ``send`` (forter_orders.cli._inputs)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from forter_orders.cli import _inputs as _cli_inputs
from forter_orders.cli._inputs import InputError, Record, read_orders


def _write(tmp_path: Path, name: str, text: str | bytes) -> str:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return str(p)


def _values(records: list[Record]) -> list[object]:
    return [r.value for r in records]


def test_jsonl_keys_are_line_numbers_and_blank_lines_count(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.jsonl", '{"a": 1}\n\n  \n{"b": 2}\n{"c": 3}')
    records = list(read_orders(path))
    assert [(r.key, r.line) for r in records] == [(1, 1), (4, 4), (5, 5)]
    assert _values(records) == [{"a": 1}, {"b": 2}, {"c": 3}]
    assert records[-1].offset == Path(path).stat().st_size


def test_jsonl_line_that_is_not_json_is_a_record_with_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.ndjson", '{"a": 1}\n{"oops"\n{"c": 3}\n')
    records = list(read_orders(path))
    assert [r.key for r in records] == [1, 2, 3]
    assert records[1].value is None
    assert records[1].error is not None
    assert records[1].error.startswith("not JSON")
    assert records[2].value == {"c": 3}


def test_jsonl_strict_errors_carry_the_field_path(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "orders.jsonl",
        '{"orderId": "a", "orderId": "b"}\n{"orderId": "c", "x": {"y": NaN}}\n{"orderId"\n',
    )
    records = list(read_orders(path))
    assert [r.error_path for r in records] == ["orderId", "x.y", "orderId"]
    assert all(r.error is not None and r.error.startswith("not JSON") for r in records)


def test_single_document_has_no_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.json", '{\n  "orderId": "A",\n  "x": [1, 2]\n}\n')
    (rec,) = read_orders(path)
    assert (rec.key, rec.line, rec.value) == (1, 0, {"orderId": "A", "x": [1, 2]})


def test_single_document_syntax_error_has_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.json", '{\n  "orderId": "A",\n  "x": \n}\n')
    with pytest.raises(InputError) as info:
        list(read_orders(path))
    assert info.value.line == 4
    assert str(info.value).startswith(f"{path}:4: not JSON")


def test_array_items_keep_their_start_lines(tmp_path: Path) -> None:
    text = '[\n  {"a": 1},\n  {"b":\n    2},\n  3, "x", null\n]\n'
    records = list(read_orders(_write(tmp_path, "o.json", text)))
    assert [(r.key, r.line) for r in records] == [(1, 2), (2, 3), (3, 5), (4, 5), (5, 5)]
    assert _values(records) == [{"a": 1}, {"b": 2}, 3, "x", None]


def test_empty_array_yields_nothing(tmp_path: Path) -> None:
    assert list(read_orders(_write(tmp_path, "o.json", " [ ] \n"))) == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[1,\n2", 2, "not closed"),
        ("[1,\n2 3]", 2, "expected ','"),
        ("[1]\n[2]", 2, "extra data"),
        ('[{"a": }]', 1, "not JSON"),
    ],
)
def test_broken_arrays_raise_with_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as info:
        list(read_orders(_write(tmp_path, "o.json", text)))
    assert info.value.line == line
    assert message in info.value.message


def test_array_items_larger_than_a_read_chunk(tmp_path: Path) -> None:
    # Items straddle the 64 KiB read boundary, including a number cut in two.
    big = "y" * 200_000
    items = [{"s": big, "n": i} for i in range(3)] + [123456789]
    path = _write(tmp_path, "o.json", json.dumps(items))
    assert _values(list(read_orders(path))) == items


def test_detection_without_suffix(tmp_path: Path) -> None:
    jsonl = _write(tmp_path, "orders.txt", '{"a": 1}\n{"b": 2}\n')
    pretty = _write(tmp_path, "order.txt", '{\n "a": 1\n}\n')
    assert [r.key for r in read_orders(jsonl)] == [1, 2]
    assert [r.line for r in read_orders(pretty)] == [0]


def test_stdin_is_read_with_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b'\n{"a": 1}\n{"b": 2}\n'))
    monkeypatch.setattr("sys.stdin", fake)
    records = list(read_orders("-"))
    assert [(r.key, r.value) for r in records] == [(2, {"a": 1}), (3, {"b": 2})]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "no such file"),
        ("empty.json", "  \n\n", "empty input"),
        ("latin1.json", b'{"a": "\xe9"}', "not JSON"),
    ],
)
def test_unreadable_inputs(
    tmp_path: Path, name: str, content: str | bytes | None, message: str
) -> None:
    path = str(tmp_path / name) if content is None else _write(tmp_path, name, content)
    with pytest.raises(InputError, match=message):
        list(read_orders(path))


def test_jsonl_line_that_is_not_utf8_is_a_per_line_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.jsonl", b'{"a": 1}\n{"a": "\xe9"}\n')
    records = list(read_orders(path))
    assert records[0].value == {"a": 1}
    assert records[1].error is not None
    assert "not JSON" in records[1].error


def test_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        list(read_orders(str(tmp_path)))


class _CountingReader(io.BytesIO):
    """A file that remembers how many bytes were handed out."""

    handed_out = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.handed_out += len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self.handed_out += len(data)
        return data


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_reading_is_lazy(monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    # Neither JSONL nor an array may be read ahead of what is consumed: a 1.3 MB input yields
    # its first record after at most one read chunk.
    if suffix == ".jsonl":
        data = "".join(json.dumps({"n": i}) + "\n" for i in range(100_000)).encode()
    else:
        data = json.dumps([{"n": i} for i in range(100_000)]).encode()
    fake = _CountingReader(data)
    monkeypatch.setattr(_cli_inputs, "_open_binary", lambda path: fake)
    it = read_orders("orders" + suffix)
    assert next(it).value == {"n": 0}
    assert fake.handed_out <= 2 * 65536
    assert next(it).value == {"n": 1}
    it.close()
    assert fake.closed


def test_file_size_for_progress(tmp_path: Path) -> None:
    assert _cli_inputs.file_size(_write(tmp_path, "a.json", "{}")) == 2
    assert _cli_inputs.file_size("-") is None
    assert _cli_inputs.file_size(str(tmp_path / "nope")) is None


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("orders.jsonl", b'{"orderId": "a"}\n' + b"x" * 5000 + b"\n", 2),  # a JSONL line
        ("orders.json", b"\0" * 5000, 1),  # detection: a first line without an end
        ("order.json", b'{"orderId": "' + b"y" * 5000 + b'"}\n{}', 1),
        ("pretty.json", b'{\n  "orderId": "' + b"z" * 5000 + b'"\n}\n', None),
    ],
    ids=["jsonl-line", "first-line", "jsonl-detected", "document"],
)
def test_an_input_longer_than_an_order_can_be_stops_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: bytes, line: int
) -> None:
    """`validate /dev/zero` read until memory ran out; now each read is bounded."""
    monkeypatch.setattr(_cli_inputs, "MAX_ORDER_BYTES", 4096)
    path = _write(tmp_path, name, text)
    with pytest.raises(InputError, match="not an order") as info:
        list(read_orders(path))
    assert info.value.line in (line, None)


def test_a_long_line_after_pushed_back_bytes_is_bounded_too() -> None:
    reader = _cli_inputs._PeekReader(io.BytesIO(b"ab" + b"c" * 100 + b"\nrest\n"))
    assert reader.peek_prefix(2) == reader.peek_prefix(2)  # something pushed back
    assert reader.readline(10) == b"ab" + b"c" * 8
    assert reader.readline(1000) == b"c" * 92 + b"\n"
    assert reader.readline() == b"rest\n"
