"""Pydantic v2 and msgspec models of the spec's ``Order``, built from the JSON Schema at run time.

Benchmark-only: they exist so that build + validate + serialize can be compared with the
libraries users would otherwise reach for, enforcing the same constraints as far as each
library expresses them: types (strict: no str→int coercion), required members, closed objects
(``additionalProperties: false``), enums / const, patterns, string lengths, numeric bounds,
array sizes, and the two cross-field rules as model hooks (``dependentRequired`` on Amount and
the mobile/web ``if``/``then`` rule on Order). ``format: date`` becomes ``datetime.date``, as in
the generated models. Unset optional members are left out of the output in every variant.
"""

from __future__ import annotations

import datetime as dt
import keyword
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

import msgspec
import pydantic

Schema = dict[str, Any]

_LOOKAHEAD_END = "(?![\\s\\S])"  # the spec's portable end-of-text anchor


def _ref_name(schema: Schema) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _py_name(wire: str, taken: set[str], reserved: set[str]) -> str:
    name = (
        wire
        if wire.isidentifier() and not keyword.iskeyword(wire)
        else "f_" + "".join(c if c.isalnum() else "_" for c in wire)
    )
    if name.startswith("_") or name in reserved:
        name = "f" + name if name.startswith("_") else name + "_"
    while name in taken:
        name += "_"
    taken.add(name)
    return name


def _cross_field_check(name: str, schema: Schema) -> Callable[[dict[str, Any]], None] | None:
    """The spec's cross-field rules, as a check over the set members (wire names)."""
    checks: list[Callable[[dict[str, Any]], None]] = []
    for member, needs in (schema.get("dependentRequired") or {}).items():

        def dep(values: dict[str, Any], member: str = member, needs: list[str] = needs) -> None:
            if member in values:
                missing = [n for n in needs if n not in values]
                if missing:
                    raise ValueError(f"{name}: {member} requires {', '.join(missing)}")

        checks.append(dep)
    for rule in schema.get("allOf") or []:
        cond = rule.get("if", {}).get("properties", {})
        then = rule.get("then", {}).get("properties", {})
        if len(cond) != 1 or len(then) != 1:
            continue
        (field, fschema), (target, tschema) = next(iter(cond.items())), next(iter(then.items()))
        allowed = set(fschema.get("enum", [])) | (
            {fschema["const"]} if "const" in fschema else set()
        )
        required = list(tschema.get("required", []))

        def cond_rule(
            values: dict[str, Any],
            field: str = field,
            allowed: set[Any] = allowed,
            target: str = target,
            required: list[str] = required,
        ) -> None:
            if values.get(field) in allowed:
                sub = values.get(target)
                present = sub if isinstance(sub, dict) else {}
                missing = [r for r in required if present.get(r) is None and r not in present]
                if sub is None or missing:
                    raise ValueError(
                        f"{name}: {field}={values[field]} requires {target}.{required}"
                    )

        checks.append(cond_rule)
    if not checks:
        return None

    def check(values: dict[str, Any]) -> None:
        for c in checks:
            c(values)

    return check


class _Builder:
    def __init__(self, spec: Schema) -> None:
        self.components: dict[str, Schema] = spec["components"]["schemas"]
        self.done: dict[str, Any] = {}

    def build(self, name: str) -> Any:
        if name not in self.done:
            self.done[name] = self.make_object(name, self.components[name])
        return self.done[name]

    def make_object(self, name: str, schema: Schema) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def string(self, schema: Schema) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def number(self, py: type, schema: Schema) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def array(self, item: Any, schema: Schema) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def strict(self, py: type) -> Any:
        return py

    def type_of(self, schema: Schema, hint: str) -> Any:
        ref = _ref_name(schema)
        if ref is not None:
            target = self.components[ref]
            if target.get("properties") is None:  # free-form object
                return dict[str, Any]
            return self.build(ref)
        if "enum" in schema:
            return Literal[tuple(schema["enum"])]
        if "const" in schema:
            return Literal[schema["const"]]
        types = schema.get("type", "object")
        if isinstance(types, list):
            parts = [self.type_of({**schema, "type": t}, hint) for t in types]
            union = parts[0]
            for p in parts[1:]:
                union = union | p
            return union
        if types == "string":
            if schema.get("format") == "date":
                return dt.date
            return self.string(schema)
        if types == "integer":
            return self.number(int, schema)
        if types == "number":
            return self.number(float, schema)
        if types == "boolean":
            return self.strict(bool)
        if types == "null":
            return type(None)
        if types == "array":
            return self.array(self.type_of(schema.get("items", {}), hint + "Item"), schema)
        if schema.get("properties") is not None:
            return self.make_object(hint, schema)
        return dict[str, Any]


# ---------------------------------------------------------------- pydantic
class _PydanticBuilder(_Builder):
    reserved: ClassVar[set[str]] = set(dir(pydantic.BaseModel))

    def strict(self, py: type) -> Any:
        return Annotated[py, pydantic.Strict()]

    def string(self, schema: Schema) -> Any:
        pattern = schema.get("pattern")
        if pattern is not None:
            pattern = pattern.replace(_LOOKAHEAD_END, r"\z")  # Rust regex has no lookaround
        return Annotated[
            str,
            pydantic.StringConstraints(
                strict=True,
                pattern=pattern,
                min_length=schema.get("minLength"),
                max_length=schema.get("maxLength"),
            ),
        ]

    def number(self, py: type, schema: Schema) -> Any:
        return Annotated[
            py, pydantic.Field(strict=True, ge=schema.get("minimum"), le=schema.get("maximum"))
        ]

    def array(self, item: Any, schema: Schema) -> Any:
        return Annotated[
            list[item],
            pydantic.Field(min_length=schema.get("minItems"), max_length=schema.get("maxItems")),
        ]

    def make_object(self, name: str, schema: Schema) -> Any:
        required = set(schema.get("required", []))
        closed = schema.get("additionalProperties") is False
        taken: set[str] = set()
        fields: dict[str, Any] = {}
        for wire, sub in (schema.get("properties") or {}).items():
            py = _py_name(wire, taken, self.reserved)
            tp = self.type_of(sub, name + wire[:1].upper() + wire[1:])
            if wire in required:
                fields[py] = (tp, pydantic.Field(alias=wire))
            else:
                fields[py] = (tp | None, pydantic.Field(default=None, alias=wire))
        config = pydantic.ConfigDict(
            extra="forbid" if closed else "allow", populate_by_name=True, regex_engine="rust-regex"
        )
        check = _cross_field_check(name, schema)
        validators: dict[str, Any] = {}
        if check is not None:

            def after(self: Any) -> Any:
                check(self.model_dump(by_alias=True, exclude_unset=True))
                return self

            validators["cross_field"] = pydantic.model_validator(mode="after")(after)
        return pydantic.create_model(name, __config__=config, __validators__=validators, **fields)


def pydantic_order(spec: Schema) -> type[pydantic.BaseModel]:
    model: type[pydantic.BaseModel] = _PydanticBuilder(spec).build("Order")
    model.model_rebuild()
    return model


# ---------------------------------------------------------------- msgspec
class _MsgspecBuilder(_Builder):
    reserved: ClassVar[set[str]] = set()

    def string(self, schema: Schema) -> Any:
        pattern = schema.get("pattern")
        if pattern is not None:
            pattern = pattern.replace(_LOOKAHEAD_END, r"\Z")
        meta = msgspec.Meta(
            pattern=pattern, min_length=schema.get("minLength"), max_length=schema.get("maxLength")
        )
        return Annotated[str, meta]

    def number(self, py: type, schema: Schema) -> Any:
        if "minimum" in schema or "maximum" in schema:
            return Annotated[py, msgspec.Meta(ge=schema.get("minimum"), le=schema.get("maximum"))]
        return py

    def array(self, item: Any, schema: Schema) -> Any:
        if "minItems" in schema or "maxItems" in schema:
            return Annotated[
                list[item],
                msgspec.Meta(min_length=schema.get("minItems"), max_length=schema.get("maxItems")),
            ]
        return list[item]

    def make_object(self, name: str, schema: Schema) -> Any:
        if schema.get("additionalProperties") is not False:
            # msgspec has no "extra members allowed and kept": a Struct would drop them, so an
            # open object (the strict view's free-form payloads) stays a plain dict.
            return dict[str, Any]
        required = set(schema.get("required", []))
        taken: set[str] = set()
        fields: list[tuple[str, Any, Any]] = []
        wire_of: dict[str, str] = {}
        for wire, sub in (schema.get("properties") or {}).items():
            py = _py_name(wire, taken, self.reserved)
            wire_of[py] = wire
            tp = self.type_of(sub, name + wire[:1].upper() + wire[1:])
            if wire in required:
                fields.append((py, tp, msgspec.field(name=wire)))
            else:
                fields.append(
                    (py, tp | msgspec.UnsetType, msgspec.field(default=msgspec.UNSET, name=wire))
                )
        fields.sort(key=lambda f: f[2].default is not msgspec.NODEFAULT)  # required first
        namespace: dict[str, Any] = {}
        check = _cross_field_check(name, schema)
        if check is not None:

            def post_init(self: Any) -> None:
                values = {}
                for py, wire in wire_of.items():
                    v = getattr(self, py)
                    if v is not msgspec.UNSET:
                        values[wire] = (
                            msgspec.to_builtins(v) if isinstance(v, msgspec.Struct) else v
                        )
                try:
                    check(values)
                except ValueError as exc:
                    raise msgspec.ValidationError(str(exc)) from None

            namespace["__post_init__"] = post_init
        return msgspec.defstruct(
            name,
            fields,
            namespace=namespace,
            forbid_unknown_fields=True,
            kw_only=True,
            omit_defaults=True,
        )


def msgspec_order(spec: Schema) -> type[msgspec.Struct]:
    model: type[msgspec.Struct] = _MsgspecBuilder(spec).build("Order")
    return model
