"""The wire contract of two OpenAPI documents, compared: what clients send, what Forter answers.

Direction decides the verdict. A schema reached from a request body or a parameter is read by
Forter: it breaks clients when it gets *stricter* (a narrower type or enum, a new required
member, a tighter constraint, a member removed from a closed object, an object closed). A schema
reached from a response is read by the clients: it breaks them when it gets *looser* (a type,
value or member their validation and models do not accept, a member that may now be missing) or
loses a member. A component used in both directions is compared once in each.

Handled on the way: local ``$ref`` chains (with 3.1 sibling keywords), ``allOf`` merged into one
object view (conditional parts such as ``if``/``then`` are compared as rules), nullable written as
``type: [T, "null"]``, as ``nullable: true`` (3.0) or as ``anyOf``/``oneOf`` with a ``null``
branch, open enums (``x-forter-known-values``: informational, never breaking) and other ``x-``
extensions (reported, never breaking).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

from ._change import Change, sort_changes
from ._patterns import compare_patterns

Spec = Mapping[str, Any]
Direction = Literal["request", "response"]

HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
KNOWN_VALUES: Final = "x-forter-known-values"
_UPPER_LIMITS: Final = (
    "maxLength",
    "maxItems",
    "maxProperties",
    "maximum",
    "exclusiveMaximum",
    "maxContains",
)
_LOWER_LIMITS: Final = (
    "minLength",
    "minItems",
    "minProperties",
    "minimum",
    "exclusiveMinimum",
    "minContains",
)
#: Keywords compared as whole rules (their text), not member by member.
_RULE_KEYWORDS: Final = (
    "not",
    "dependentRequired",
    "dependentSchemas",
    "dependencies",
    "propertyNames",
    "patternProperties",
    "contains",
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
)
_CONDITIONAL: Final = ("if", "then", "else")
#: Keywords with no effect on what is valid or on the generated code.
_ANNOTATIONS: Final = frozenset(
    {
        "description",
        "title",
        "summary",
        "example",
        "examples",
        "$comment",
        "externalDocs",
        "xml",
        "readOnly",
        "writeOnly",
        "discriminator",
        "$schema",
        "$id",
        "$anchor",
    }
)


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _show(value: Any, limit: int = 80) -> str:
    text = value if isinstance(value, str) else _canon(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _show_set(values: Iterable[Any]) -> str:
    return ", ".join(sorted(_show(v) for v in values)) or "nothing"


@dataclass
class _View:
    """What one schema position allows, with ``$ref``, ``allOf`` and nullable forms resolved."""

    types: frozenset[str] | None = None  # None: any type; never holds "null"
    nullable: bool = False
    enum: frozenset[str] | None = None  # canonical JSON of each value
    known: frozenset[str] = frozenset()
    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    additional: Any = True  # True: unknown members allowed; False: closed; dict: their schema
    items: Any = None
    limits: dict[str, Any] = field(default_factory=dict)
    formats: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    alternatives: tuple[Any, ...] | None = None
    extensions: dict[str, str] = field(default_factory=dict)
    deprecated: bool = False
    default: str | None = None

    @property
    def is_object(self) -> bool:
        return bool(self.properties) or self.types is None or "object" in self.types

    @property
    def accepts_null(self) -> bool:
        return self.nullable or self.types is None


class _Document:
    """One spec with its ``$ref`` resolution."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def pointer(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise ValueError(f"only local $refs are supported, got {ref!r}")
        node: Any = self.spec
        for raw in ref[1:].split("/")[1:]:
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list):
                node = node[int(part)]
            elif isinstance(node, Mapping) and part in node:
                node = node[part]
            else:
                raise ValueError(f"$ref {ref!r} does not resolve")
        return node

    def resolve(self, node: Any) -> tuple[str | None, Any]:
        """``(component name, target)`` for a ``$ref`` chain (name of the first schema hop)."""
        name = None
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise ValueError(f"$ref cycle at {ref!r}")
            seen.add(ref)
            if name is None and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
            siblings = {k: v for k, v in node.items() if k != "$ref" and k not in _ANNOTATIONS}
            target = self.pointer(ref)
            node = {"allOf": [target, siblings]} if siblings else target
        return name, node

    def deref(self, node: Any) -> Any:
        """A parameter, response, header or request body with its ``$ref`` followed."""
        return self.resolve(node)[1]

    # ------------------------------------------------------------------ schema views

    def split(self, node: Any) -> tuple[str | None, Any, _View]:
        """``(component, inner schema, wrapper view)`` of a member's schema.

        ``{"$ref": C}`` and ``{"anyOf": [{"$ref": C}, {"type": "null"}]}`` both point at the
        component C; what the wrapper adds (nullability, sibling keywords) is compared where the
        member is, and the component's own content once, under its name.
        """
        if isinstance(node, Mapping):
            if isinstance(node.get("$ref"), str):
                name, _ = self.resolve({"$ref": node["$ref"]})
                target = self.pointer(node["$ref"])
                siblings = {k: v for k, v in node.items() if k != "$ref"}
                return name, target, self.view(siblings) if siblings else _View()
            for key in ("anyOf", "oneOf"):
                branches = node.get(key)
                if isinstance(branches, list) and len(branches) == 2:
                    nulls = [b for b in branches if _is_null_schema(b)]
                    others = [b for b in branches if not _is_null_schema(b)]
                    if len(nulls) == 1 and len(others) == 1:
                        other = others[0]
                        if isinstance(other, Mapping) and isinstance(other.get("$ref"), str):
                            name, target, outer = self.split(other)
                            rest = {k: v for k, v in node.items() if k != key}
                            if rest:
                                outer = _merge(outer, self.view(rest))
                            return name, target, replace(outer, nullable=True)
        return None, node, _View()

    def view(self, node: Any, depth: int = 0) -> _View:
        """The :class:`_View` of a schema (refs followed, allOf merged)."""
        if depth > 64:
            raise ValueError("schema nesting too deep (a $ref cycle through allOf?)")
        if node is True or node == {}:
            return _View()
        if node is False:
            return _View(types=frozenset(), enum=frozenset())
        if not isinstance(node, Mapping):
            return _View()
        _, node = self.resolve(node)
        view = _own_view(node)
        for part in node.get("allOf") or ():
            _, target = self.resolve(part)
            if isinstance(target, Mapping) and _is_rule_part(target):
                view = replace(view, rules=(*view.rules, _canon(target)))
            else:
                view = _merge(view, self.view(target, depth + 1))
        for key in ("anyOf", "oneOf"):
            branches = node.get(key)
            if not isinstance(branches, list):
                continue
            nulls = [b for b in branches if _is_null_schema(b)]
            others = [b for b in branches if not _is_null_schema(b)]
            if len(others) == 1:
                inner = self.view(others[0], depth + 1)
                view = _merge(view, replace(inner, nullable=inner.nullable or bool(nulls)))
                if nulls:
                    view = replace(view, nullable=True)
            else:
                view = replace(
                    view,
                    alternatives=tuple(others),
                    nullable=view.nullable or bool(nulls),
                )
        return view


def _is_null_schema(node: Any) -> bool:
    return isinstance(node, Mapping) and (
        node.get("type") == "null" or node.get("const", ...) is None or node.get("enum") == [None]
    )


def _is_rule_part(node: Mapping[str, Any]) -> bool:
    keys = {k for k in node if k not in _ANNOTATIONS and not k.startswith("x-")}
    return bool(keys) and keys <= {*_CONDITIONAL, *_RULE_KEYWORDS}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _own_view(node: Mapping[str, Any]) -> _View:
    """The view of one schema object's own keywords (no allOf / anyOf / oneOf)."""
    raw_type = node.get("type")
    types: set[str] | None
    if isinstance(raw_type, str):
        types = {raw_type}
    elif isinstance(raw_type, list):
        types = {str(t) for t in raw_type}
    else:
        types = None
    nullable = node.get("nullable") is True
    enum: frozenset[str] | None = None
    values: list[Any] | None = None
    if isinstance(node.get("enum"), list):
        values = list(node["enum"])
    elif "const" in node:
        values = [node["const"]]
    if values is not None:
        if None in values:
            nullable = True
        enum = frozenset(_canon(v) for v in values if v is not None)
        if types is None:
            types = {_json_type(v) for v in values if v is not None}
    if types is None and any(k in node for k in ("properties", "additionalProperties", "required")):
        types = {"object"}
    elif types is None and "items" in node:
        types = {"array"}
    if types is not None and "null" in types:
        nullable = True
        types.discard("null")
    limits = {k: node[k] for k in (*_UPPER_LIMITS, *_LOWER_LIMITS, "multipleOf") if k in node}
    if node.get("uniqueItems") is True:
        limits["uniqueItems"] = True
    rules: list[str] = []
    conditional = {k: node[k] for k in _CONDITIONAL if k in node}
    if conditional:
        rules.append(_canon(conditional))
    rules.extend(_canon({k: node[k]}) for k in _RULE_KEYWORDS if k in node)
    known = node.get(KNOWN_VALUES)
    return _View(
        types=frozenset(types) if types is not None else None,
        nullable=nullable,
        enum=enum,
        known=frozenset(str(v) for v in known) if isinstance(known, list) else frozenset(),
        properties=dict(node.get("properties") or {}),
        required=frozenset(node.get("required") or ()),
        additional=node.get("additionalProperties", True),
        items=node.get("items"),
        limits=limits,
        formats=frozenset([node["format"]]) if isinstance(node.get("format"), str) else frozenset(),
        patterns=(node["pattern"],) if isinstance(node.get("pattern"), str) else (),
        rules=tuple(rules),
        extensions={
            k: _canon(v) for k, v in node.items() if k.startswith("x-") and k != KNOWN_VALUES
        },
        deprecated=node.get("deprecated") is True,
        default=_canon(node["default"]) if "default" in node else None,
    )


def _merge(a: _View, b: _View) -> _View:
    """Both views at once (``allOf``): the intersection of what they allow."""
    if a.types is None:
        types = b.types
    elif b.types is None:
        types = a.types
    else:
        types = a.types & b.types
    if a.enum is None:
        enum = b.enum
    elif b.enum is None:
        enum = a.enum
    else:
        enum = a.enum & b.enum
    properties = dict(a.properties)
    for name, schema in b.properties.items():
        properties[name] = {"allOf": [properties[name], schema]} if name in properties else schema
    if a.additional is False or b.additional is False:
        additional: Any = False
    elif isinstance(b.additional, Mapping):
        additional = b.additional
    else:
        additional = a.additional
    limits = dict(a.limits)
    for key, value in b.limits.items():
        if key not in limits or key in ("multipleOf", "uniqueItems"):
            limits[key] = value
        elif key in _UPPER_LIMITS:
            limits[key] = min(limits[key], value)
        else:
            limits[key] = max(limits[key], value)
    return _View(
        types=types,
        # Both must accept null; a side with no type restriction accepts it already.
        nullable=(a.nullable or a.types is None) and (b.nullable or b.types is None),
        enum=enum,
        known=a.known | b.known,
        properties=properties,
        required=a.required | b.required,
        additional=additional,
        items=b.items if b.items is not None else a.items,
        limits=limits,
        formats=a.formats | b.formats,
        patterns=(*a.patterns, *b.patterns),
        rules=(*a.rules, *b.rules),
        alternatives=b.alternatives if b.alternatives is not None else a.alternatives,
        extensions={**a.extensions, **b.extensions},
        deprecated=a.deprecated or b.deprecated,
        default=b.default if b.default is not None else a.default,
    )


def _covers(types: frozenset[str] | None, wanted: str) -> bool:
    if types is None:
        return True
    return wanted in types or (wanted == "integer" and "number" in types)


def _type_text(view: _View) -> str:
    names = "any" if view.types is None else " | ".join(sorted(view.types)) or "nothing"
    return f"{names} | null" if view.nullable and view.types is not None else names


class WireDiff:
    """Collects the :class:`Change` list between two specs (see :func:`diff_wire`)."""

    def __init__(self, base: Spec, head: Spec) -> None:
        self.base = _Document(base)
        self.head = _Document(head)
        self.changes: list[Change] = []
        self._visited: set[tuple[str | None, str | None, Direction]] = set()

    # ------------------------------------------------------------------ output

    def _add(self, key: str, breaking: bool, detail: str = "") -> None:
        self.changes.append(Change(key, breaking, detail))

    def _schema_change(
        self,
        direction: Direction,
        path: str,
        what: str,
        *,
        tighter: bool = False,
        looser: bool = False,
        detail: str = "",
    ) -> None:
        """A schema change, breaking when it tightens a request or loosens a response."""
        breaking = tighter if direction == "request" else looser
        self._add(f"{direction} {path}: {what}", breaking, detail)

    # ------------------------------------------------------------------ schemas

    def compare(self, base: Any, head: Any, path: str, direction: Direction) -> None:
        """Compare the schemas at one position (a member, items, a body, a parameter)."""
        b_name, b_inner, b_outer = self.base.split(base)
        h_name, h_inner, h_outer = self.head.split(head)
        if b_name is None and h_name is None:
            self._compare_views(self.base.view(base), self.head.view(head), path, direction)
            return
        # What the member adds around the component (nullability, sibling keywords) is the
        # member's; the component's content is compared once, under its own name.
        if b_outer.nullable != h_outer.nullable:
            if h_outer.nullable:
                self._schema_change(direction, path, "made nullable", looser=True)
            else:
                self._schema_change(direction, path, "no longer nullable", tighter=True)
        self._compare_views(
            replace(b_outer, nullable=False), replace(h_outer, nullable=False), path, direction
        )
        key = (b_name, h_name, direction)
        if key in self._visited:
            return
        self._visited.add(key)
        name = h_name or b_name or path
        self._compare_views(self.base.view(b_inner), self.head.view(h_inner), name, direction)

    def _compare_views(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        change = self._schema_change
        # nullability and type
        if b.accepts_null != h.accepts_null and b.types is not None and h.types is not None:
            if h.nullable:
                change(direction, path, "made nullable", looser=True)
            else:
                change(direction, path, "no longer nullable", tighter=True)
        if b.types != h.types:  # None: any type
            tighter = b.types is None or any(not _covers(h.types, t) for t in b.types)
            looser = h.types is None or any(not _covers(b.types, t) for t in h.types)
            if tighter or looser:
                what = (
                    "type changed"
                    if tighter and looser
                    else ("type narrowed" if tighter else "type widened")
                )
                change(
                    direction,
                    path,
                    what,
                    tighter=tighter,
                    looser=looser,
                    detail=f"{_type_text(b)} -> {_type_text(h)}",
                )
        self._compare_enum(b, h, path, direction)
        self._compare_limits(b, h, path, direction)
        self._compare_rules(b, h, path, direction)
        if (
            b.properties or h.properties or b.additional is not True or h.additional is not True
        ) and (b.is_object or h.is_object):
            self._compare_object(b, h, path, direction)
        if b.items is not None or h.items is not None:
            self.compare(
                b.items if b.items is not None else {},
                h.items if h.items is not None else {},
                f"{path}[]",
                direction,
            )
        self._compare_alternatives(b, h, path, direction)
        for key in sorted(set(b.extensions) | set(h.extensions)):
            old, new = b.extensions.get(key), h.extensions.get(key)
            if old != new:
                change(
                    direction,
                    path,
                    f"extension {key} changed",
                    detail=f"{_show(old) if old else 'none'} -> {_show(new) if new else 'none'}",
                )
        if b.deprecated != h.deprecated:
            change(direction, path, "deprecated" if h.deprecated else "no longer deprecated")
        if b.default != h.default:
            change(
                direction,
                path,
                "default changed",
                detail=f"{b.default or 'none'} -> {h.default or 'none'}",
            )

    def _compare_rules(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        """Rules compared whole, except a conditional whose ``if`` stayed: its branches are
        compared like any schema (a ``then`` that got looser is not a new rule)."""
        removed = [r for r in b.rules if r not in h.rules]
        added = [r for r in h.rules if r not in b.rules]
        for old in list(removed):
            old_rule = json.loads(old)
            if not isinstance(old_rule, dict) or "if" not in old_rule:
                continue
            twin = next(
                (
                    new
                    for new in added
                    if isinstance(json.loads(new), dict)
                    and _canon(json.loads(new).get("if")) == _canon(old_rule["if"])
                ),
                None,
            )
            if twin is None:
                continue
            removed.remove(old)
            added.remove(twin)
            new_rule = json.loads(twin)
            where = f"{path}.if[{h.rules.index(twin) + 1}]"
            for branch in ("then", "else"):
                if _canon(old_rule.get(branch)) != _canon(new_rule.get(branch)):
                    self.compare(
                        old_rule.get(branch, {}),
                        new_rule.get(branch, {}),
                        f"{where}.{branch}",
                        direction,
                    )
        for rule in sorted(removed):
            self._schema_change(direction, path, "rule removed", looser=True, detail=_show(rule))
        for rule in sorted(added):
            self._schema_change(direction, path, "rule added", tighter=True, detail=_show(rule))

    def _compare_enum(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        change = self._schema_change
        if b.enum is None and h.enum is not None:
            change(
                direction,
                path,
                "enum added",
                tighter=True,
                detail=f"only {_show_set(json.loads(v) for v in h.enum)}",
            )
        elif b.enum is not None and h.enum is None:
            change(direction, path, "enum removed", looser=True, detail="any value of the type")
        elif b.enum is not None and h.enum is not None:
            for value in sorted(b.enum - h.enum):
                change(
                    direction, path, f"enum value {_show(json.loads(value))} removed", tighter=True
                )
            for value in sorted(h.enum - b.enum):
                change(direction, path, f"enum value {_show(json.loads(value))} added", looser=True)
        for known in sorted(b.known - h.known):
            change(direction, path, f"known value {known} removed")
        for known in sorted(h.known - b.known):
            change(direction, path, f"known value {known} added")

    def _compare_limits(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        change = self._schema_change
        for key in (*_UPPER_LIMITS, *_LOWER_LIMITS):
            old, new = b.limits.get(key), h.limits.get(key)
            if old == new:
                continue
            if isinstance(old, bool) or isinstance(new, bool):  # 3.0 exclusiveMaximum: true
                tighter, looser = bool(new) and not old, bool(old) and not new
            elif key in _UPPER_LIMITS:
                tighter = new is not None and (old is None or new < old)
                looser = old is not None and (new is None or new > old)
            else:
                tighter = new is not None and (old is None or new > old)
                looser = old is not None and (new is None or new < old)
            change(
                direction,
                path,
                f"{key} {'tightened' if tighter else 'loosened'}",
                tighter=tighter,
                looser=looser,
                detail=f"{'none' if old is None else old} -> {'none' if new is None else new}",
            )
        old_unique = b.limits.get("uniqueItems", False)
        new_unique = h.limits.get("uniqueItems", False)
        if old_unique != new_unique:
            change(
                direction,
                path,
                "uniqueItems tightened" if new_unique else "uniqueItems loosened",
                tighter=bool(new_unique),
                looser=bool(old_unique),
            )
        old_step, new_step = b.limits.get("multipleOf"), h.limits.get("multipleOf")
        if old_step != new_step:
            tighter = new_step is not None and (
                old_step is None or _not_multiple(new_step, old_step)
            )
            looser = old_step is not None and (
                new_step is None or _not_multiple(old_step, new_step)
            )
            what = "changed" if tighter and looser else ("tightened" if tighter else "loosened")
            change(
                direction,
                path,
                f"multipleOf {what}",
                tighter=tighter,
                looser=looser,
                detail=f"{old_step or 'none'} -> {new_step or 'none'}",
            )
        if b.formats != h.formats:
            old_format = ", ".join(sorted(b.formats)) or "none"
            new_format = ", ".join(sorted(h.formats)) or "none"
            if not b.formats:
                what, tighter, looser = "format added", True, False
            elif not h.formats:
                what, tighter, looser = "format removed", False, True
            else:
                what, tighter, looser = "format changed", True, True
            change(
                direction,
                path,
                what,
                tighter=tighter,
                looser=looser,
                detail=f"{old_format} -> {new_format}",
            )
        self._compare_patterns(b, h, path, direction)

    def _compare_patterns(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        if set(b.patterns) == set(h.patterns):
            return
        change = self._schema_change
        if not b.patterns:
            change(direction, path, "pattern added", tighter=True, detail=_show(h.patterns[0]))
            return
        if not h.patterns:
            change(direction, path, "pattern removed", looser=True, detail=_show(b.patterns[0]))
            return
        verdict = compare_patterns(b.patterns, h.patterns)
        change(
            direction,
            path,
            f"pattern {verdict.what}",
            tighter=verdict.tighter,
            looser=verdict.looser,
            detail=verdict.detail,
        )

    def _compare_object(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        change = self._schema_change
        if b.additional is False and h.additional is not False:
            change(direction, path, "opened to unknown members", looser=True)
        elif b.additional is not False and h.additional is False:
            change(direction, path, "closed to unknown members", tighter=True)
        elif isinstance(b.additional, Mapping) and isinstance(h.additional, Mapping):
            self.compare(b.additional, h.additional, f"{path}{{*}}", direction)
        elif isinstance(b.additional, Mapping) and h.additional is True:
            change(direction, path, "unknown members unconstrained", looser=True)
        elif b.additional is True and isinstance(h.additional, Mapping):
            change(direction, path, "unknown members constrained", tighter=True)
        removed = sorted(set(b.properties) - set(h.properties))
        added = sorted(set(h.properties) - set(b.properties))
        renamed = self._renames(b, h, removed, added)
        for name in removed:
            hint = f"renamed to {renamed[name]}?" if name in renamed else ""
            if direction == "request":
                closed = h.additional is False
                reason = (
                    "the object is closed: Forter refuses it"
                    if closed
                    else "the object is open: Forter ignores it"
                )
                self._add(
                    f"request {path}.{name}: removed",
                    closed,
                    "; ".join(filter(None, [hint, reason])),
                )
            else:
                self._add(f"response {path}.{name}: removed", True, hint)
        back = {new: old for old, new in renamed.items()}
        for name in added:
            hint = f"renamed from {back[name]}?" if name in back else ""
            if direction == "request":
                required = name in h.required
                self._add(
                    f"request {path}.{name}: {'added as required' if required else 'added'}",
                    required,
                    hint,
                )
            else:
                closed = b.additional is False
                self._add(
                    f"response {path}.{name}: added",
                    closed,
                    "; ".join(filter(None, [hint, "older clients refuse it" if closed else ""])),
                )
        for name in sorted(set(b.properties) & set(h.properties)):
            was, now = name in b.required, name in h.required
            if now and not was:
                change(direction, f"{path}.{name}", "made required", tighter=True)
            elif was and not now:
                change(direction, f"{path}.{name}", "made optional", looser=True)
            self.compare(b.properties[name], h.properties[name], f"{path}.{name}", direction)
        # Required names with no property schema (allowed by JSON Schema).
        bare_b = b.required - set(b.properties) - set(h.properties)
        bare_h = h.required - set(h.properties) - set(b.properties)
        for name in sorted(bare_h - bare_b):
            change(direction, f"{path}.{name}", "made required", tighter=True)
        for name in sorted(bare_b - bare_h):
            change(direction, f"{path}.{name}", "made optional", looser=True)

    def _renames(self, b: _View, h: _View, removed: list[str], added: list[str]) -> dict[str, str]:
        """Removed member -> added member with the same schema (the likely new name)."""
        out: dict[str, str] = {}
        free = list(added)
        for old in removed:
            same = [new for new in free if _canon(b.properties[old]) == _canon(h.properties[new])]
            if not same:
                continue
            best = max(same, key=lambda new: difflib.SequenceMatcher(None, old, new).ratio())
            out[old] = best
            free.remove(best)
        return out

    def _compare_alternatives(self, b: _View, h: _View, path: str, direction: Direction) -> None:
        if b.alternatives is None and h.alternatives is None:
            return
        change = self._schema_change
        b_alts, h_alts = list(b.alternatives or ()), list(h.alternatives or ())
        if not b_alts or not h_alts:
            change(
                direction,
                path,
                "alternatives changed",
                tighter=True,
                looser=True,
                detail=f"{len(b_alts)} -> {len(h_alts)} alternatives",
            )
            return
        unmatched = list(h_alts)
        for alt in b_alts:
            name = self.base.resolve(alt)[0]
            match = next(
                (
                    other
                    for other in unmatched
                    if (name is not None and self.head.resolve(other)[0] == name)
                    or _canon(other) == _canon(alt)
                ),
                None,
            )
            if match is None:
                change(
                    direction, path, f"alternative {name or _show(alt, 40)} removed", tighter=True
                )
                continue
            unmatched.remove(match)
            self.compare(alt, match, path, direction)
        for alt in unmatched:
            name = self.head.resolve(alt)[0]
            change(direction, path, f"alternative {name or _show(alt, 40)} added", looser=True)

    # ------------------------------------------------------------------ the rest of the wire

    def run(self) -> list[Change]:
        """Compare everything; the changes, breaking first."""
        self._servers()
        self._security_schemes()
        self._operations()
        return sort_changes(self.changes)

    def _servers(self) -> None:
        old = {s.get("url") for s in self.base.spec.get("servers") or () if isinstance(s, Mapping)}
        new = {s.get("url") for s in self.head.spec.get("servers") or () if isinstance(s, Mapping)}
        for url in sorted(str(u) for u in old - new):
            self._add(f"server {url}: removed", True)
        for url in sorted(str(u) for u in new - old):
            self._add(f"server {url}: added", False)

    def _security_schemes(self) -> None:
        old = (self.base.spec.get("components") or {}).get("securitySchemes") or {}
        new = (self.head.spec.get("components") or {}).get("securitySchemes") or {}
        for name in sorted(set(old) | set(new)):
            if name not in new:
                self._add(f"security scheme {name}: removed", True)
            elif name not in old:
                self._add(f"security scheme {name}: added", False)
            elif _strip(self.base.deref(old[name])) != _strip(self.head.deref(new[name])):
                self._add(f"security scheme {name}: changed", True)

    def _operations(self) -> None:
        old, new = _operations(self.base.spec), _operations(self.head.spec)
        for key in sorted(set(old) | set(new)):
            if key not in new:
                method, path, _, _ = old[key]
                self._add(f"operation {method.upper()} {path}: removed", True)
            elif key not in old:
                method, path, _, _ = new[key]
                self._add(f"operation {method.upper()} {path}: added", False)
            else:
                self._operation(old[key], new[key])

    def _operation(self, old: _Operation, new: _Operation) -> None:
        method, _, b_op, b_item = old
        _, h_path, h_op, h_item = new
        label = f"{method.upper()} {h_path}"
        where = f"operation {label}"
        b_security = b_op["security"] if "security" in b_op else self.base.spec.get("security")
        h_security = h_op["security"] if "security" in h_op else self.head.spec.get("security")
        if _strip(b_security) != _strip(h_security):
            self._add(f"{where}: security changed", True)
        if bool(b_op.get("deprecated")) != bool(h_op.get("deprecated")):
            self._add(
                f"{where}: {'deprecated' if h_op.get('deprecated') else 'no longer deprecated'}",
                False,
            )
        if b_op.get("operationId") != h_op.get("operationId"):
            self._add(
                f"{where}: operationId changed",
                False,
                f"{b_op.get('operationId')} -> {h_op.get('operationId')}",
            )
        self._parameters(
            label, self._params(self.base, b_item, b_op), self._params(self.head, h_item, h_op)
        )
        self._request_body(label, b_op.get("requestBody"), h_op.get("requestBody"))
        self._responses(label, b_op.get("responses") or {}, h_op.get("responses") or {})

    @staticmethod
    def _params(
        doc: _Document, item: Mapping[str, Any], op: Mapping[str, Any]
    ) -> dict[tuple[str, str], Mapping[str, Any]]:
        out: dict[tuple[str, str], Mapping[str, Any]] = {}
        for raw in [*(item.get("parameters") or ()), *(op.get("parameters") or ())]:
            param = doc.deref(raw)
            if not isinstance(param, Mapping):
                continue
            where, name = str(param.get("in")), str(param.get("name"))
            out[(where, name.lower() if where == "header" else name)] = param
        return out

    def _parameters(
        self,
        label: str,
        old: dict[tuple[str, str], Mapping[str, Any]],
        new: dict[tuple[str, str], Mapping[str, Any]],
    ) -> None:
        where = f"operation {label}"
        for key in sorted(set(old) | set(new)):
            place, _ = key
            if key not in new:
                name = old[key].get("name")
                self._add(
                    f"{where}: {place} parameter {name} removed",
                    False,
                    "Forter no longer reads it",
                )
                continue
            name = new[key].get("name")
            required = new[key].get("required") is True
            if key not in old:
                self._add(
                    f"{where}: {place} parameter {name} "
                    f"{'added as required' if required else 'added'}",
                    required,
                )
                continue
            was = old[key].get("required") is True
            if required and not was:
                self._add(f"{where}: {place} parameter {name} made required", True)
            elif was and not required:
                self._add(f"{where}: {place} parameter {name} made optional", False)
            self.compare(
                old[key].get("schema", {}),
                new[key].get("schema", {}),
                f"{label} {place} {name}",
                "request",
            )

    def _request_body(self, label: str, old: Any, new: Any) -> None:
        where = f"operation {label}"
        b = self.base.deref(old) if old is not None else None
        h = self.head.deref(new) if new is not None else None
        if b is None and h is None:
            return
        if b is None:
            assert h is not None  # noqa: S101
            required = h.get("required") is True
            self._add(
                f"{where}: request body {'added as required' if required else 'added'}", required
            )
            return
        if h is None:
            self._add(f"{where}: request body removed", True)
            return
        if h.get("required") is True and b.get("required") is not True:
            self._add(f"{where}: request body made required", True)
        self._content(
            label, b.get("content") or {}, h.get("content") or {}, "request", f"{label} body"
        )

    def _content(
        self,
        label: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        direction: Direction,
        path: str,
    ) -> None:
        where = f"operation {label}"
        for media in sorted(set(old) - set(new)):
            self._add(f"{where}: {path} media type {media} removed", direction == "request")
        for media in sorted(set(new) - set(old)):
            self._add(f"{where}: {path} media type {media} added", direction == "response")
        for media in sorted(set(old) & set(new)):
            self.compare(
                (old[media] or {}).get("schema", {}),
                (new[media] or {}).get("schema", {}),
                path,
                direction,
            )

    def _responses(self, label: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        where = f"operation {label}"
        for code in sorted(str(c) for c in set(old) - set(new)):
            self._add(f"{where}: response {code} removed", True)
        for code in sorted(str(c) for c in set(new) - set(old)):
            self._add(f"{where}: response {code} added", False)
        for code in sorted(set(old) & set(new), key=str):
            b, h = self.base.deref(old[code]), self.head.deref(new[code])
            b_headers = {str(k).lower(): v for k, v in (b.get("headers") or {}).items()}
            h_headers = {str(k).lower(): v for k, v in (h.get("headers") or {}).items()}
            for name in sorted(set(b_headers) - set(h_headers)):
                self._add(f"{where}: response {code} header {name} removed", True)
            for name in sorted(set(h_headers) - set(b_headers)):
                self._add(f"{where}: response {code} header {name} added", False)
            for name in sorted(set(b_headers) & set(h_headers)):
                self.compare(
                    self.base.deref(b_headers[name]).get("schema", {}),
                    self.head.deref(h_headers[name]).get("schema", {}),
                    f"{label} {code} header {name}",
                    "response",
                )
            self._content(
                label, b.get("content") or {}, h.get("content") or {}, "response", f"{label} {code}"
            )


_Operation = tuple[str, str, Mapping[str, Any], Mapping[str, Any]]


def _operations(spec: Spec) -> dict[tuple[str, str], _Operation]:
    """``(method, path with parameter names blanked)`` -> ``(method, path, operation, item)``."""
    out: dict[tuple[str, str], _Operation] = {}
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, Mapping):
                out[(method, re.sub(r"\{[^}]*\}", "{}", str(path)))] = (method, str(path), op, item)
    return out


def _not_multiple(value: float, step: float) -> bool:
    """True when ``value`` is not a whole multiple of ``step`` (so fewer numbers pass)."""
    ratio = value / step
    return abs(ratio - round(ratio)) > 1e-9


def _strip(node: Any) -> str:
    """Canonical text of a node without its annotations (descriptions, examples)."""

    def clean(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {k: clean(v) for k, v in value.items() if k not in _ANNOTATIONS}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return _canon(clean(node))


def diff_wire(base: Spec, head: Spec) -> list[Change]:
    """The wire changes from ``base`` to ``head`` (parsed OpenAPI documents), breaking first."""
    return WireDiff(base, head).run()
