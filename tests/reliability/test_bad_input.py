"""Bad input: malformed orders thrown at the validator, the client, the mock and the CLI.

Every malformed order starts from one of the two valid examples and is mutated at a chosen path:
a wrong-typed value, a huge string, NaN / Infinity, a deep nest, a deleted required member, an
unknown member, a subtree wrapped in the wrong container; the raw-body tests add what only text
can hold (duplicate keys, invalid UTF-8, unpaired surrogate escapes, huge integer literals,
non-object JSON). Each must get a clear problem naming a path related to the mutated one (equal,
inside it, or an ancestor of it), and never a crash, a hang or a 500.

Mutations are made against the spec's strict view (the one the client warns with): in strict mode
every one of them is refused with its path; in the default mode the errors (not JSON, an orderId
that cannot be sent) are refused and the rest is sent, its warnings naming the same paths -
and the mock, answering like Forter, agrees with the client on which is which.

Sizes scale with FORTER_RELIABILITY_SCALE; at scale 1 the suite throws
``_VALIDATOR + _CLIENT_VALIDATED + _CLIENT_UNVALIDATED + _MOCK_RAW`` (>= 1,000) generated
inputs, plus the fixed edge cases, and each test asserts how many it ran.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import json
import math
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forter_orders import BadRequestError, ForterClient, OrderValidationError, validate_order
from forter_orders._paths import dotted
from forter_orders._spec import strict_components
from forter_orders._strict_json import MAX_DEPTH
from forter_orders.mock import MockServer
from forter_orders.testing import ForterMockState

ROOT: Final = Path(__file__).resolve().parents[2]
EXAMPLES: Final = {
    name: json.loads((ROOT / "examples" / f"{name}.json").read_text())
    for name in ("mobile_app_order", "full_web_order")
}
# Generated inputs per target at scale 1; together they must reach the 1,000.
_VALIDATOR: Final = 500
_CLIENT_VALIDATED: Final = 200
_CLIENT_UNVALIDATED: Final = 120
_MOCK_RAW: Final = 200
MINIMUM_TOTAL: Final = 1000
_HUGE_SIZES: Final = (1 << 20, 5 << 20)
_DEEP_SIZES: Final = (MAX_DEPTH + 1, 10_000, 100_000)
_UNKNOWN_KEY: Final = "zzNotAField"
_PLACEHOLDER: Final = "__BAD_INPUT_PLACEHOLDER__"
_TIMEOUT_S: Final = 60.0  # an answer, not a hang: generous for a 5 MB body on a busy machine

Parts = list[str | int]
# The conftest's `figure` fixture: figure(name, value) records a number for RELIABILITY.md.
Figure = Callable[[str, object], None]


def test_generated_counts_reach_the_minimum() -> None:
    """The per-target counts below (scale 1) add up to the issue's 1,000 malformed inputs."""
    total = _VALIDATOR + _CLIENT_VALIDATED + _CLIENT_UNVALIDATED + _MOCK_RAW
    print(f"generated malformed inputs at scale 1: {total}")
    assert total >= MINIMUM_TOTAL


# ------------------------------------------------------------------ the schema, per path

_COMPONENTS: Final = strict_components()["schemas"]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = _COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


@dataclasses.dataclass(frozen=True)
class Node:
    """A place in an example order, with its schema (None inside free-form payloads)."""

    parts: tuple[str | int, ...]
    value: Any
    schema: dict[str, Any] | None
    required: bool  # a member its parent's schema requires


def _nodes(order: dict[str, Any]) -> list[Node]:
    """Every node of ``order`` (the root excluded), parents first."""
    found: list[Node] = []
    stack: list[tuple[tuple[str | int, ...], Any, dict[str, Any] | None]] = [
        ((), order, _resolve(_COMPONENTS["Order"]))
    ]
    while stack:
        parts, value, schema = stack.pop()
        if isinstance(value, dict):
            props = schema.get("properties", {}) if schema else {}
            required = set(schema.get("required", [])) if schema else set()
            for key, child in value.items():
                sub = _resolve(props[key]) if key in props else None
                found.append(Node((*parts, key), child, sub, key in required))
                stack.append(((*parts, key), child, sub))
        elif isinstance(value, list):
            items = _resolve(schema["items"]) if schema and "items" in schema else None
            for index, child in enumerate(value):
                found.append(Node((*parts, index), child, items, False))
                stack.append(((*parts, index), child, items))
    return found


NODES: Final = {name: _nodes(order) for name, order in EXAMPLES.items()}
_WRONG: Final[dict[str, Any]] = {
    "string": "wrong",
    "integer": 7,
    "number": 1.5,
    "boolean": True,
    "object": {"wrong": 1},
    "array": [1],
    "null": None,
}


def _typed(node: Node) -> bool:
    return node.schema is not None and bool(_types(node.schema))


def _wrong_types(node: Node) -> list[str]:
    assert node.schema is not None
    allowed = _types(node.schema)
    if "number" in allowed:
        allowed.add("integer")  # JSON Schema: every integer is a number
    if node.schema.get("enum") is not None:
        return [t for t in _WRONG if t not in allowed]
    return [t for t in _WRONG if t not in allowed]


def _huge_refused(node: Node) -> bool:
    """A huge string is wrong here: not a string field, or one with a pattern/length/enum."""
    if not _typed(node):
        return False
    assert node.schema is not None
    if "string" not in _types(node.schema):
        return True
    return any(k in node.schema for k in ("pattern", "maxLength", "enum", "format"))


def _big_int_refused(schema: dict[str, Any]) -> bool:
    """A 2**64-sized integer is wrong here: not a number field, or an int64 one."""
    types = _types(schema)
    return bool(types) and (not types & {"integer", "number"} or schema.get("format") == "int64")


def _closed_object(node: Node) -> bool:
    return (
        isinstance(node.value, dict)
        and node.schema is not None
        and node.schema.get("additionalProperties") is False
    )


# ------------------------------------------------------------------ mutations


@dataclasses.dataclass
class Mutation:
    """One malformed order: what was done where, the order, and the JSON text placeholders."""

    kind: str
    example: str
    parts: Parts
    order: dict[str, Any]
    # Raw-text mutations: these bytes of the JSON text, and the bytes replacing them.
    splice: tuple[bytes, bytes] | None = None
    # For "deep": (levels, "[" or "{"); the text is spliced, json.dumps would recurse.
    deep: tuple[int, str] | None = None

    def __repr__(self) -> str:
        # Short: the order may hold megabytes, and hypothesis prints failing examples.
        return f"Mutation({self.kind!r}, {self.example!r}, {self.path!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # hypothesis's printer walks dataclass fields: a 100,000-level nest would recurse.
        printer.text(repr(self))

    @property
    def path(self) -> str:
        """The dotted path of the mutated place."""
        return dotted(self.parts)

    def body(self) -> bytes:
        """The order as JSON text (NaN written as the literal), with the splice applied."""
        if self.deep is not None:
            levels, kind = self.deep
            shallow = copy.deepcopy(EXAMPLES[self.example])
            _set(shallow, self.parts, _PLACEHOLDER)
            opener, closer = (b"[", b"]") if kind == "[" else (b'{"a":', b"}")
            nest = opener * levels + b"1" + closer * levels
            return json.dumps(shallow).encode().replace(json.dumps(_PLACEHOLDER).encode(), nest)
        text = json.dumps(self.order, allow_nan=True).encode()
        if self.splice is not None:
            old, new = self.splice
            assert text.count(old) == 1
            text = text.replace(old, new)
        return text


def _set(order: dict[str, Any], parts: Parts, value: Any) -> None:
    node: Any = order
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value


def _get(order: dict[str, Any], parts: Parts) -> Any:
    node: Any = order
    for part in parts:
        node = node[part]
    return node


def _deep(levels: int, kind: str) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value] if kind == "[" else {"a": value}
    return value


_OBJECT_KINDS: Final = ("wrong_type", "huge", "non_finite", "deep", "missing", "unknown", "wrap")
_TEXT_KINDS: Final = ("duplicate_key", "bad_utf8", "surrogate", "big_int", "deep_text")


@st.composite
def mutations(draw: st.DrawFn, kinds: tuple[str, ...] = _OBJECT_KINDS) -> Mutation:
    """A valid example mutated once at a drawn path, so that it is invalid there."""
    example = draw(st.sampled_from(sorted(EXAMPLES)))
    kind = draw(st.sampled_from(kinds))
    nodes = NODES[example]
    order = copy.deepcopy(EXAMPLES[example])
    pick: Callable[[Callable[[Node], bool]], Node] = lambda ok: draw(  # noqa: E731
        st.sampled_from([n for n in nodes if ok(n)])
    )
    if kind == "wrong_type":
        node = pick(_typed)
        value = _WRONG[draw(st.sampled_from(_wrong_types(node)))]
    elif kind == "huge":
        node = pick(_huge_refused)
        value = "x" * draw(st.sampled_from(_HUGE_SIZES))
    elif kind == "non_finite":
        node = pick(lambda n: True)
        value = draw(st.sampled_from([math.nan, math.inf, -math.inf]))
    elif kind == "deep":
        node = pick(lambda n: True)
        levels, opener = draw(st.sampled_from(_DEEP_SIZES)), draw(st.sampled_from("[{"))
        _set(order, list(node.parts), _deep(levels, opener))
        return Mutation(kind, example, list(node.parts), order, deep=(levels, opener))
    elif kind == "missing":
        node = pick(lambda n: n.required)
        parent = _get(order, list(node.parts[:-1]))
        del parent[node.parts[-1]]
        return Mutation(kind, example, list(node.parts), order)
    elif kind == "unknown":
        node = pick(_closed_object)
        parts: Parts = [*node.parts, _UNKNOWN_KEY]
        _set(order, parts, draw(st.sampled_from(["x", 1, None, {"y": 2}])))
        return Mutation(kind, example, parts, order)
    elif kind == "wrap":
        node = pick(lambda n: _typed(n) and bool(set(_wrong_types(n)) & {"array", "object"}))
        wrong = set(_wrong_types(node))
        value = [node.value] if "array" in wrong else {"wrapped": node.value}
    else:
        return _text_mutation(draw, kind, example, order, nodes)
    _set(order, list(node.parts), value)
    return Mutation(kind, example, list(node.parts), order)


def _text_mutation(
    draw: st.DrawFn, kind: str, example: str, order: dict[str, Any], nodes: list[Node]
) -> Mutation:
    """Mutations only JSON text can carry, spliced in through a placeholder string."""
    placeholder = _PLACEHOLDER
    quoted = json.dumps(placeholder).encode()
    if kind == "duplicate_key":
        # A second copy of an existing member, written after it: last-wins would drop the first.
        node = draw(st.sampled_from([n for n in nodes if isinstance(n.value, dict) and n.value]))
        key = draw(st.sampled_from(sorted(node.value)))
        obj = _get(order, list(node.parts))
        obj[placeholder] = 0
        member = json.dumps(key).encode() + b": " + json.dumps(obj[key]).encode()
        return Mutation(kind, example, [*node.parts, key], order, (quoted + b": 0", member))
    leaves = [n for n in nodes if not isinstance(n.value, dict | list)]
    if kind == "big_int":
        # Valid JSON, exact in free-form payloads: wrong only where the schema types the field.
        leaves = [n for n in leaves if n.schema and _big_int_refused(n.schema)]
    node = draw(st.sampled_from(leaves))
    _set(order, list(node.parts), placeholder)
    if kind == "bad_utf8":
        replacement = b'"ab' + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80"])) + b'"'
    elif kind == "surrogate":
        replacement = draw(st.sampled_from([b'"\\ud800"', b'"x\\udfff"', b'"\\ud83dz"']))
    elif kind == "big_int":
        replacement = draw(st.sampled_from([str(2**64).encode(), str(-(2**63) - 1).encode()]))
    else:  # deep_text: more levels than json.loads or json.dumps could recurse through
        levels = draw(st.sampled_from((10_000, 100_000)))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]))
        replacement = opener * levels + b"1" + closer * levels
    return Mutation(kind, example, list(node.parts), order, (quoted, replacement))


# ------------------------------------------------------------------ assertions


def related(reported: str, mutated: str) -> bool:
    """``reported`` is the mutated path, lies inside it, or is a non-root ancestor of it."""

    def under(child: str, parent: str) -> bool:
        return child == parent or child.startswith((parent + ".", parent + "["))

    if under(reported, mutated):
        return True
    return bool(reported) and under(mutated, reported)


def assert_problems(paths_and_messages: list[tuple[str, str]], mutation: Mutation) -> None:
    """At least one problem, each with a message, and one whose path relates to the mutation."""
    assert paths_and_messages, f"{mutation.kind} at {mutation.path}: no problem reported"
    for path, message in paths_and_messages:
        assert isinstance(path, str)
        assert message.strip(), f"empty message at {path!r}"
        assert "Traceback" not in message
    paths = [path for path, _ in paths_and_messages]
    assert any(related(p, mutation.path) for p in paths), (
        f"{mutation.kind} at {mutation.path!r} ({mutation.example}): reported only {paths}"
    )


_HYPOTHESIS: Final = {
    "derandomize": True,
    "deadline": None,
    "database": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}


def _examples(base: int, scale: float) -> int:
    return max(1, round(base * scale))


# ------------------------------------------------------------------ the validator


def test_validator_names_the_path_of_every_malformed_order(scale: float, figure: Figure) -> None:
    """validate_order: every mutated order gets problems, one at (or around) the mutated path."""
    seen: list[str] = []

    @settings(max_examples=_examples(_VALIDATOR, scale), **_HYPOTHESIS)  # type: ignore[arg-type]
    @given(mutations())
    def check(mutation: Mutation) -> None:
        seen.append(mutation.kind)
        problems = validate_order(mutation.order)
        assert_problems([(p.path, p.message) for p in problems], mutation)
        if mutation.kind in {"non_finite", "deep"}:
            # Not JSON at all: that is the problem reported, not a type error about null.
            assert {p.code for p in problems} == {"not_json"}
            assert {p.severity for p in problems} == {"error"}
            assert any(p.path.startswith(mutation.path) for p in problems)
        elif mutation.path != "orderId":
            # Everything else the spec's strict view knows is a warning: Forter may accept it.
            # (An orderId that cannot be the URL's last segment is an error.)
            assert {p.severity for p in problems} == {"warning"}, problems
        else:
            assert [p.severity for p in problems][:1] == ["error"], problems

    check()
    figure("bad_inputs_validator", len(seen))
    figure("bad_inputs_validator_by_kind", _by_kind(seen))
    assert len(seen) >= _examples(_VALIDATOR, scale)
    assert set(seen) == set(_OBJECT_KINDS)


def _blocks_by_default(problems: list[Any]) -> bool:
    return any(p.severity == "error" for p in problems)


def _by_kind(kinds: list[str]) -> dict[str, int]:
    return {kind: kinds.count(kind) for kind in sorted(set(kinds))}


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (math.nan, "is nan, which JSON cannot hold (it would be sent as null)"),
        (math.inf, "is inf, which JSON cannot hold"),
        (2**64, "outside the 64-bit range"),
        (-(2**63) - 1, "outside the 64-bit range"),
        ("a\ud800b", "unpaired surrogate (\\ud800 at index 1)"),
        ({1, 2}, "is a set, which is not JSON"),
        (b"raw", "is a bytes, which is not JSON"),
        (_deep(100_000, "["), f"more than {MAX_DEPTH} levels deep"),
    ],
    ids=["nan", "inf", "u64+1", "i64-1", "surrogate", "set", "bytes", "deep-100k"],
)
def test_unserialisable_values_are_named_with_their_path(value: Any, fragment: str) -> None:
    """Values orjson cannot write (or would write as null) get their own path and a reason."""
    order = copy.deepcopy(EXAMPLES["full_web_order"])
    order["additionalInformation"] = {"payload": {"value": value}}  # free-form: any JSON passes
    problems = validate_order(order)
    assert len(problems) == 1
    assert problems[0].path.startswith("additionalInformation.payload.value")
    assert fragment in problems[0].message
    assert problems[0].code == "not_json"


def test_non_objects_are_type_errors_naming_the_type() -> None:
    """The Python API takes an Order or a mapping: anything else is a TypeError saying so."""
    for value in ([EXAMPLES["mobile_app_order"]], "order", 1, None):
        with pytest.raises(TypeError, match=f"not {type(value).__name__}"):
            validate_order(value)  # type: ignore[arg-type]


# ------------------------------------------------------------------ the client


def test_client_refuses_malformed_orders_before_sending(
    forter_client: ForterClient, forter_mock_state: ForterMockState, scale: float, figure: Figure
) -> None:
    """Strict mode: OrderValidationError with paths, nothing sent. Default mode: the errors
    are refused the same way; an order with only warnings is sent, the decision carries the
    warnings (the same paths), and the mock - answering like Forter - accepts it."""
    seen: list[str] = []
    sent: list[str] = []

    @settings(max_examples=_examples(_CLIENT_VALIDATED, scale), **_HYPOTHESIS)  # type: ignore[arg-type]
    @given(mutations())
    def check(mutation: Mutation) -> None:
        seen.append(mutation.kind)
        before = len(forter_mock_state.received)
        with pytest.raises(OrderValidationError) as info:
            forter_client.orders.create(mutation.order, validation="strict")
        problems = info.value.problems
        assert_problems([(p.path, p.message) for p in problems], mutation)
        assert len(forter_mock_state.received) == before
        if _blocks_by_default(problems):
            with pytest.raises(OrderValidationError) as again:
                forter_client.orders.create(mutation.order)
            assert again.value.problems == problems
            assert len(forter_mock_state.received) == before
        else:
            decision = forter_client.orders.create(mutation.order)
            assert list(decision.warnings) == problems
            (record,) = forter_mock_state.received[before:]
            assert record["status"] == 200
            assert [w["path"] for w in record["warnings"]] == [p.path for p in problems]
            sent.append(mutation.kind)

    check()
    assert len(forter_mock_state.received) == len(sent)
    figure("bad_inputs_client_validated", len(seen))
    figure("bad_inputs_client_validated_by_kind", _by_kind(seen))
    figure("bad_inputs_client_validated_sent_with_warnings", len(sent))
    assert len(seen) >= _examples(_CLIENT_VALIDATED, scale)


def test_client_without_validation_gets_typed_errors_with_paths(
    forter_client: ForterClient, forter_mock_state: ForterMockState, scale: float, figure: Figure
) -> None:
    """validate=False, to a strict mock: the mock's 400 as BadRequestError with paths; what
    cannot be written as JSON exactly (NaN, deep nests) is still refused before sending, never
    sent as null."""
    seen: list[str] = []
    forter_mock_state.strict = True

    @settings(max_examples=_examples(_CLIENT_UNVALIDATED, scale), **_HYPOTHESIS)  # type: ignore[arg-type]
    @given(mutations())
    def check(mutation: Mutation) -> None:
        seen.append(mutation.kind)
        before = len(forter_mock_state.received)
        with pytest.raises((OrderValidationError, BadRequestError)) as info:
            forter_client.orders.create(mutation.order, validate=False)
        error: Any = info.value
        if isinstance(error, OrderValidationError):
            assert len(forter_mock_state.received) == before  # nothing left the process
            assert_problems([(p.path, p.message) for p in error.problems], mutation)
        else:
            assert mutation.kind not in {"non_finite", "deep"}, "sent a value JSON cannot hold"
            assert error.http_status == 400
            assert [r["status"] for r in forter_mock_state.received[before:]] == [400]
            assert_problems([(p.path, p.message) for p in error.errors], mutation)

    check()
    figure("bad_inputs_client_unvalidated", len(seen))
    figure("bad_inputs_client_unvalidated_by_kind", _by_kind(seen))
    assert len(seen) >= _examples(_CLIENT_UNVALIDATED, scale)


# ------------------------------------------------------------------ the mock, raw bodies


def _headers(mock: MockServer | ForterMockState) -> dict[str, str]:
    # The same credentials and headers the plugin's forter_client sends.
    token = base64.b64encode(f"{mock.secret_key}:".encode()).decode()
    return {
        "authorization": f"Basic {token}",
        "x-forter-siteid": mock.site_id,
        "api-version": "10.1",
        "content-type": "application/json",
    }


@pytest.fixture
def raw_post(forter_mock_state: ForterMockState) -> Iterator[Callable[..., httpx.Response]]:
    """``raw_post(body, order_id, **headers)``: POST raw bytes to the mock's order endpoint."""
    with httpx.Client(timeout=_TIMEOUT_S) as client:

        def post(body: bytes, order_id: str = "bad-input", **extra: str) -> httpx.Response:
            headers = {**_headers(forter_mock_state), **extra}
            url = f"{forter_mock_state.url}/v3/orders/{order_id}"
            return client.post(url, content=body, headers=headers)

        yield post


def _error_list(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.text[:500]
    body = response.json()
    assert body["status"] == "failed"
    errors = body["errors"]
    assert errors, body
    for error in errors:
        assert set(error) == {"path", "message"}
    return [(e["path"], e["message"]) for e in errors]


_MOCK_ERRORS: Final = frozenset({"non_finite", "deep", *_TEXT_KINDS})


def test_mock_answers_malformed_bodies_400_with_paths(
    raw_post: Callable[..., httpx.Response],
    forter_mock_state: ForterMockState,
    scale: float,
    figure: Figure,
) -> None:
    """Raw malformed bodies, never a 500. Strict mock: always 400 with errors[].path related to
    the mutation. Default mock (like Forter): 400 for the errors (not JSON, what the client
    refuses in every mode), else 200 with the same paths in x-mock-warnings."""
    seen: list[str] = []

    @settings(max_examples=_examples(_MOCK_RAW, scale), **_HYPOTHESIS)  # type: ignore[arg-type]
    @given(mutations(_OBJECT_KINDS + _TEXT_KINDS))
    def check(mutation: Mutation) -> None:
        seen.append(mutation.kind)
        order_id = EXAMPLES[mutation.example]["orderId"]
        body = mutation.body()
        forter_mock_state.strict = True
        assert_problems(_error_list(raw_post(body, order_id)), mutation)
        forter_mock_state.strict = False
        response = raw_post(body, order_id)
        blocks = mutation.kind in _MOCK_ERRORS or (
            mutation.deep is None and _blocks_by_default(validate_order(mutation.order))
        )
        if blocks:
            assert_problems(_error_list(response), mutation)
        else:
            assert response.status_code == 200, response.text[:500]
            warnings = json.loads(response.headers["x-mock-warnings"])
            assert_problems([(w["path"], w["message"]) for w in warnings], mutation)

    check()
    statuses = {r["status"] for r in forter_mock_state.received}
    assert statuses <= {200, 400}
    assert 400 in statuses
    figure("bad_inputs_mock_raw", len(seen))
    figure("bad_inputs_mock_raw_by_kind", _by_kind(seen))
    assert len(seen) >= _examples(_MOCK_RAW, scale)
    assert set(seen) == set(_OBJECT_KINDS + _TEXT_KINDS)


_ORDER: Final = json.dumps(EXAMPLES["mobile_app_order"]).encode()
_ORDER_ID: Final = EXAMPLES["mobile_app_order"]["orderId"]


def _splice(member: bytes) -> bytes:
    """The mobile example with ``member`` added as its last member."""
    return _ORDER[:-1] + b", " + member + b"}"


EDGE_CASES: Final[list[tuple[str, bytes, dict[str, str], str, str]]] = [
    # id, body, extra headers, expected path, a fragment of the message
    ("deep-10k-arrays", b"[" * 10_000 + b"]" * 10_000, {}, "[0][0][0]", "levels deep"),
    ("deep-100k-arrays", b"[" * 100_000 + b"]" * 100_000, {}, "[0][0][0]", "levels deep"),
    ("deep-100k-objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, {}, "a.a.a", "levels deep"),
    ("huge-1mb-field", _splice(b'"note": "' + b"x" * (1 << 20) + b'"'), {}, "note", "unknown"),
    (
        "huge-5mb-orderId",
        _ORDER.replace(_ORDER_ID.encode(), b"x" * (5 << 20), 1),
        {},
        "orderId",
        "",
    ),
    ("nan", _splice(b'"x": NaN'), {}, "x", "NaN is not a JSON value"),
    ("infinity", _splice(b'"x": [1, Infinity]'), {}, "x[1]", "Infinity is not a JSON value"),
    ("minus-infinity", _splice(b'"x": -Infinity'), {}, "x", "-Infinity is not a JSON value"),
    ("overflow", _splice(b'"x": 1e999'), {}, "x", "overflows to infinity"),
    (
        "big-int-id",
        _ORDER.replace(b'"checkoutTime": ', b'"checkoutTime": 1234567890123456789012', 1),
        {},
        "checkoutTime",
        "",
    ),
    ("duplicate-orderId", _splice(b'"orderId": "other"'), {}, "orderId", "duplicate key"),
    ("invalid-utf8", _splice(b'"x": "\xff\xfe"'), {}, "x", "not valid UTF-8"),
    ("lone-surrogate", _splice(b'"x": "\\ud800"'), {}, "x", "unpaired UTF-16 surrogate"),
    ("array", b"[]", {}, "", "must be a JSON object"),
    ("string", b'"x"', {}, "", "must be a JSON object"),
    ("number", b"1", {}, "", "must be a JSON object"),
    ("null", b"null", {}, "", "must be a JSON object"),
    ("empty", b"", {}, "", "is empty"),
    ("trailing-garbage", _ORDER + b"x", {}, "", "unexpected content"),
    (
        "text/plain",
        _ORDER,
        {"content-type": "text/plain"},
        "header:content-type",
        "application/json",
    ),
]


# The edge cases a mock answering like Forter accepts (with a warning): the rest are errors.
_WARNING_EDGE_CASES: Final = frozenset({"huge-1mb-field"})


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "default"])
def test_mock_process_answers_every_edge_case_400_with_its_path(
    start_mock: Any, strict: bool
) -> None:
    """The named edge cases against a real ``forter-orders mock`` process: exact path and
    message, every answer 400 within the timeout (in the default mode, a warning is a 200 that
    names the same path in x-mock-warnings), and no traceback on the process's stderr."""
    mock = start_mock(*(["--strict"] if strict else []))
    headers = _headers(mock)
    with httpx.Client(timeout=_TIMEOUT_S) as client:
        for case, body, extra, path, fragment in EDGE_CASES:
            response = client.post(
                f"{mock.url}/v3/orders/{_ORDER_ID}", content=body, headers={**headers, **extra}
            )
            if not strict and case in _WARNING_EDGE_CASES:
                assert response.status_code == 200, case
                found = json.loads(response.headers["x-mock-warnings"])
                errors = [(w["path"], w["message"]) for w in found]
            else:
                errors = _error_list(response)
            assert any(p.startswith(path) and fragment in m for p, m in errors), f"{case}: {errors}"
            if path == "":
                assert [p for p, _ in errors] == [""], f"{case}: a whole-body problem: {errors}"
    stats = mock.stats()
    assert "500" not in json.dumps(stats)
    assert "Traceback" not in mock.stderr_text()


# ------------------------------------------------------------------ the CLI


def _validate(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forter_orders.cli", "validate", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"NO_COLOR": "1", "COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )


def test_cli_reports_each_bad_jsonl_line_with_its_path(tmp_path: Path) -> None:
    """``validate`` on JSONL lines that are not strict JSON: exit 2 (docs/cli.md), one stderr
    line per bad line as ``FILE:LINE: not JSON: PATH: message``, objects still validated."""
    good = json.dumps(EXAMPLES["mobile_app_order"])
    body = good[:-1]
    lines = [
        good.encode(),
        (body + ', "orderId": "again"}').encode(),
        (body + ', "x": NaN}').encode(),
        (body + ', "x": "\xff"}').encode("latin-1"),
        b"[]",
        b'"x"',
        (body + ', "x": ' + "[" * 10_000 + "]" * 10_000 + "}").encode(),
        (body + ', "n": 123456789012345678901234567890}').encode(),
    ]
    path = tmp_path / "orders.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = _validate(path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    expected = [
        f"forter-orders: {path}:2: not JSON: orderId: duplicate key 'orderId'",
        f"forter-orders: {path}:3: not JSON: x: NaN is not a JSON value",
        f"forter-orders: {path}:4: not JSON: x: is not valid UTF-8",
        f"forter-orders: {path}:7: not JSON: x[0][0][0]",
    ]
    for fragment in expected:
        assert fragment in result.stderr, result.stderr
    # A huge integer is valid JSON, read exactly: the validator names it (it cannot be sent).
    assert result.stdout.splitlines() == [
        f"{path}:5 error: (order): not a JSON object (an order is an object)",
        f"{path}:6 error: (order): not a JSON object (an order is an object)",
        f"{path}:8 error: n: is the integer 123456789012345678901..., outside the 64-bit range "
        "JSON numbers are sent in; send it as a string",
    ]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (_splice(b'"orderId": "again"'), "not JSON: orderId: duplicate key"),
        (_splice(b'"x": Infinity'), "not JSON: x: Infinity is not a JSON value"),
        (_splice(b'"x": "\xc3\x28"'), "not JSON: x: is not valid UTF-8"),
        (b"[" + _ORDER + b", " + _splice(b'"x": NaN') + b"]", ":1: not JSON: [1].x: NaN"),
        (b"[" + b"[" * 100_000 + b"]" * 100_000 + b"]", ":1: not JSON: [0][0][0]"),
    ],
    ids=["document-duplicate", "document-infinity", "document-utf8", "array-nan", "array-deep"],
)
def test_cli_refuses_documents_and_arrays_with_the_path(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    """A document or array that is not strict JSON: exit 2, the path in the one stderr line."""
    path = tmp_path / "order.json"
    path.write_bytes(content)
    result = _validate(path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"forter-orders: {path}" in result.stderr
    assert fragment in result.stderr, result.stderr


# ------------------------------------------------------------------ regressions found here


def test_unhashable_order_type_is_a_problem_not_a_crash() -> None:
    """A list as orderType used to raise TypeError (unhashable) inside the web/mobile rule."""
    order = copy.deepcopy(EXAMPLES["mobile_app_order"])
    order["orderType"] = ["IOS"]
    problems = validate_order(order)
    assert any(p.path == "orderType" and p.code == "type" for p in problems), problems


def test_dates_are_checked_like_the_mock_checks_them() -> None:
    """format: date was asserted by the mock but not by the client; the message stays short."""
    order = copy.deepcopy(EXAMPLES["full_web_order"])
    accommodation = order["cartItems"][0]["itemSpecificData"]["accommodation"]
    accommodation["duration"]["endDate"] = "x" * (1 << 20)
    problems = validate_order(order)
    assert [(p.path, p.code) for p in problems] == [
        ("cartItems[0].itemSpecificData.accommodation.duration.endDate", "format")
    ]
    assert problems[0].message.startswith("expected a date (YYYY-MM-DD), got 'xxx")
    assert len(problems[0].message) < 120


def test_an_order_id_too_long_for_a_url_is_refused_even_unvalidated(
    forter_client: ForterClient, forter_mock_state: ForterMockState
) -> None:
    """A 1 MB orderId used to reach the server, whose HTTP parser refused the request line
    with a bare 400 naming no field; now the client names orderId and sends nothing."""
    order = copy.deepcopy(EXAMPLES["mobile_app_order"])
    order["orderId"] = "x" * (1 << 20)
    with pytest.raises(OrderValidationError) as info:
        forter_client.orders.create(order, validate=False)
    assert [(p.path, p.code) for p in info.value.problems] == [("orderId", "maxLength")]
    assert forter_mock_state.received == []
