"""Drift: what Forter's decisions carry that the packaged spec does not know.

The client is a tolerant reader: a decision member the spec does not list is kept (in the
model's ``additional_properties``), and a value outside an open enum's known values
(``x-forter-known-values``: ``forterDecision``, ``recommendation``,
``verificationMethod.status``, ...) is returned as ``UnknownValue`` holding the string as it
came. Either means the spec is stale.
Each client counts what it saw (``client.drift``) and logs a WARNING on the ``forter_orders``
logger the first time it sees each unknown member or value, never once per call.

"Known" comes from the spec alone: the known values of an open enum are its
``x-forter-known-values`` plus the values the spec's own decision examples use there (the empty
``recommendation`` that means "none", for one). A *strict* copy of the ``OrderDecision`` schema
is compiled beside the normal one: every object the spec leaves open by omission is closed,
every open enum is restricted to its known values. A decision the spec fully knows passes that
single ``is_valid`` check, which replaces the normal one on the hot path, so it costs next to
nothing extra; only a decision that fails it is checked against the spec as written and, when
valid, searched for what is unknown.
"""

from __future__ import annotations

import copy
import datetime
import functools
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import jsonschema_rs
import orjson

from ._logging import logger
from ._pan import mask_pans
from ._spec import load_spec
from ._validation import compiled_form

KNOWN_VALUES: Final = "x-forter-known-values"
DECISION_SCHEMA: Final = "OrderDecision"
MAX_TRACKED: Final = 100
"""Distinct unknown members/values a client tracks; past that they are only counted in total
(a misbehaving server must not grow a client's memory without bound)."""
_VALUE_CHARS: Final = 64
_PATH_CHARS: Final = 200
_APPLICATORS: Final = ("allOf", "anyOf", "oneOf")


@dataclass(frozen=True, slots=True)
class Drift:
    """One thing a decision carried that the spec does not know.

    Attributes:
        kind: ``"member"`` (an unknown member) or ``"value"`` (a value outside the known ones).
        path: where, in decision members: ``verificationMethod.riskScore``, ``forterDecision``
            (array positions are written ``[]``, so one member is one entry).
        value: the unknown value (``kind == "value"``), shortened and with card numbers masked.
        known: the values the spec knows at ``path`` (``kind == "value"``).
    """

    kind: Literal["member", "value"]
    path: str
    value: str | None = None
    known: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        if self.kind == "member":
            return f"member {self.path}"
        return f"value {self.path}={self.value}"

    def as_dict(self) -> dict[str, str]:
        """The journal's form: ``{"kind", "path"[, "value"]}``."""
        out = {"kind": self.kind, "path": self.path}
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass(frozen=True, slots=True)
class DriftCount:
    """How often a client saw one :class:`Drift`, and when first and last (UTC)."""

    drift: Drift
    count: int
    first_seen: datetime.datetime
    last_seen: datetime.datetime

    @property
    def kind(self) -> Literal["member", "value"]:
        """``"member"`` or ``"value"``."""
        return self.drift.kind

    @property
    def path(self) -> str:
        """Where in the decision."""
        return self.drift.path

    @property
    def value(self) -> str | None:
        """The unknown value, for ``kind == "value"``."""
        return self.drift.value


@dataclass(frozen=True, slots=True)
class DriftReport:
    """A snapshot of a client's drift (``client.drift``): empty while decisions match the spec.

    Attributes:
        items: each distinct unknown member or value, in the order first seen.
        untracked: sightings not tracked one by one (past ``MAX_TRACKED`` distinct ones).
    """

    items: tuple[DriftCount, ...] = ()
    untracked: int = 0

    def __bool__(self) -> bool:
        return bool(self.items) or self.untracked > 0

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[DriftCount]:
        return iter(self.items)


# ---------------------------------------------------------------------- strict schema


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _composed(node: Any) -> Iterator[str]:
    """Component names used inside an ``allOf``/``anyOf``/``oneOf`` (never closed: closing a
    part would refuse the members its siblings add)."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key in _APPLICATORS:
                yield from _refs(value)
            else:
                yield from _composed(value)
    elif isinstance(node, list):
        for value in node:
            yield from _composed(value)


def _reachable(schemas: Mapping[str, Any], root: str) -> list[str]:
    seen: list[str] = []
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.append(name)
        todo.extend(_refs(schemas[name]))
    return seen


def _is_object(node: Mapping[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node


def _examples(spec: Mapping[str, Any], root: str) -> Iterator[Any]:
    """Every example of a response body whose schema is ``root``, and the schema's own."""
    ref = f"#/components/schemas/{root}"
    for item in (spec.get("paths") or {}).values():
        for operation in item.values() if isinstance(item, Mapping) else ():
            if not isinstance(operation, Mapping):
                continue
            for response in (operation.get("responses") or {}).values():
                for media in (response.get("content") or {}).values():
                    if (media.get("schema") or {}).get("$ref") != ref:
                        continue
                    if "example" in media:
                        yield media["example"]
                    for example in (media.get("examples") or {}).values():
                        if isinstance(example, Mapping) and "value" in example:
                            yield example["value"]
    schema = spec["components"]["schemas"].get(root) or {}
    if "example" in schema:
        yield schema["example"]
    yield from schema.get("examples") or ()


def _collect(value: Any, node: Any, schemas: Mapping[str, Any], out: dict[int, list[str]]) -> None:
    """Record, by schema node, the open-enum values ``value`` (an example) uses."""
    for _ in range(32):  # a $ref chain; cycles end here
        if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str)):
            break
        node = schemas.get(node["$ref"].rsplit("/", 1)[1])
    if not isinstance(node, Mapping):
        return
    if KNOWN_VALUES in node and isinstance(value, str):
        values = out.setdefault(id(node), [])
        if value not in values:
            values.append(value)
    if isinstance(value, Mapping):
        members = node.get("properties") or {}
        for name, sub in value.items():
            if name in members:
                _collect(sub, members[name], schemas, out)
    elif isinstance(value, list) and "items" in node:
        for sub in value:
            _collect(sub, node["items"], schemas, out)
    for key in _APPLICATORS:
        for part in node.get(key) or ():
            _collect(value, part, schemas, out)


def _tighten(node: Any, closable: bool, seen_values: Mapping[int, list[str]]) -> Any:
    """``node`` with implicitly open objects closed and open enums restricted (a copy)."""
    if isinstance(node, list):
        return [_tighten(item, closable, seen_values) for item in node]
    if not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("properties", "patternProperties", "$defs"):
            out[key] = {name: _tighten(sub, True, seen_values) for name, sub in value.items()}
        elif key in _APPLICATORS:
            out[key] = [_tighten(sub, False, seen_values) for sub in value]
        elif key in ("items", "additionalProperties", "not", "if", "then", "else"):
            out[key] = _tighten(value, True, seen_values)
        else:
            out[key] = value
    if (
        closable
        and _is_object(out)
        and "additionalProperties" not in out
        and "unevaluatedProperties" not in out
    ):
        has_parts = any(key in out for key in _APPLICATORS)
        out["unevaluatedProperties" if has_parts else "additionalProperties"] = False
    known = out.get(KNOWN_VALUES)
    if isinstance(known, list) and "enum" not in out and "const" not in out:
        values = [*known, *(v for v in seen_values.get(id(node), ()) if v not in known)]
        kind = out.get("type")
        out["enum"] = [*values, None] if isinstance(kind, list) and "null" in kind else values
    return out


def strict_schema(spec: Mapping[str, Any], root: str = DECISION_SCHEMA) -> dict[str, Any]:
    """A JSON Schema for ``#/components/schemas/<root>`` that refuses anything unknown.

    Unknown means: a member of an object that does not declare ``additionalProperties``, or a
    value outside ``x-forter-known-values`` and the spec's examples. Explicitly open objects
    (free-form payloads) stay open.
    """
    components = copy.deepcopy(dict(spec["components"]))
    schemas = components["schemas"]
    seen_values: dict[int, list[str]] = {}
    for example in _examples(spec, root):
        _collect(example, schemas[root], schemas, seen_values)
    parts = set(_composed({name: schemas[name] for name in _reachable(schemas, root)}))
    for name in _reachable(schemas, root):
        schemas[name] = _tighten(schemas[name], name not in parts, seen_values)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": components,
        "$ref": f"#/components/schemas/{root}",
    }


@functools.cache
def known_decision_validator() -> jsonschema_rs.Validator:
    """The compiled strict OrderDecision validator: valid means nothing unknown in it."""
    return jsonschema_rs.validator_for(compiled_form(strict_schema(load_spec())))


# ---------------------------------------------------------------------- finding drift


def _path(parts: Iterable[str | int]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += "[]"
            continue
        name = mask_pans(part)
        if name.isidentifier():
            out += f".{name}" if out else name
        else:
            out += f"[{name!r}]"
    return out if len(out) <= _PATH_CHARS else out[: _PATH_CHARS - 3] + "..."


def _value(value: Any) -> str:
    text = value if isinstance(value, str) else orjson.dumps(value).decode()
    text = mask_pans(text)
    return text if len(text) <= _VALUE_CHARS else text[: _VALUE_CHARS - 3] + "..."


def find_drift(decision: Any) -> tuple[Drift, ...]:
    """What in a parsed decision body the spec does not know (empty when nothing)."""
    validator = known_decision_validator()
    if not isinstance(decision, dict) or validator.is_valid(decision):
        return ()
    found: dict[Drift, None] = {}
    for error in validator.iter_errors(decision):
        kind = error.kind
        where = list(error.instance_path)
        if isinstance(
            kind,
            jsonschema_rs.ValidationErrorKind.AdditionalProperties
            | jsonschema_rs.ValidationErrorKind.UnevaluatedProperties,
        ):
            for name in kind.unexpected:
                found.setdefault(Drift("member", _path([*where, name])), None)
        elif isinstance(kind, jsonschema_rs.ValidationErrorKind.Enum):
            known = tuple(str(v) for v in kind.options if v is not None)
            found.setdefault(Drift("value", _path(where), _value(error.instance), known), None)
    return tuple(found)


def drift_in_body(content: bytes) -> tuple[Drift, ...]:
    """:func:`find_drift` of a raw response body (empty when it is not a JSON object)."""
    try:
        return find_drift(orjson.loads(content))
    except orjson.JSONDecodeError:
        return ()


class DriftMonitor:
    """One client's drift: counts, first and last sightings, and the once-only warnings.

    Thread-safe; only decisions with drift ever reach it, so the lock is off the hot path.
    """

    def __init__(self) -> None:
        known_decision_validator()  # compiled with the client, not inside its first checkout
        self._lock = threading.Lock()
        self._seen: dict[Drift, list[Any]] = {}  # drift -> [count, first_seen, last_seen]
        self._untracked = 0
        self._overflow_logged = False

    def record(self, found: Iterable[Drift]) -> None:
        """Count each of ``found``; log the ones this client had not seen before."""
        now = datetime.datetime.now(datetime.UTC)
        new: list[Drift] = []
        overflowed = False
        with self._lock:
            for drift in found:
                entry = self._seen.get(drift)
                if entry is not None:
                    entry[0] += 1
                    entry[2] = now
                elif len(self._seen) < MAX_TRACKED:
                    self._seen[drift] = [1, now, now]
                    new.append(drift)
                else:
                    self._untracked += 1
                    if not self._overflow_logged:
                        self._overflow_logged = overflowed = True
        for drift in new:
            _warn(drift)
        if overflowed:
            logger.warning(
                "Forter's decisions carry more than %d distinct members or values the spec does "
                "not know; further ones are only counted (client.drift.untracked)",
                MAX_TRACKED,
            )

    def snapshot(self) -> DriftReport:
        """What this client has seen so far."""
        with self._lock:
            items = tuple(
                DriftCount(drift, count, first, last)
                for drift, (count, first, last) in self._seen.items()
            )
            return DriftReport(items, self._untracked)


def _warn(drift: Drift) -> None:
    if drift.kind == "member":
        logger.warning(
            "Forter sent a decision member the spec does not know: %s (kept in the decision's "
            "additional_properties; the packaged openapi.yaml may be stale; counted in "
            "client.drift, logged once per client)",
            drift.path,
        )
    else:
        logger.warning(
            "Forter sent %s=%r, a value the spec does not know (known: %s); returned as is "
            "(the packaged openapi.yaml may be stale; counted in client.drift, logged once "
            "per client)",
            drift.path,
            drift.value,
            ", ".join(drift.known) or "none",
        )
