"""The packaged OpenAPI description: the one spec every runtime part reads."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml

SPEC_RESOURCE = "openapi.yaml"
SPEC_ENV: Final = "FORTER_ORDERS_SPEC"
"""For maintainers and tests only: the path of an ``openapi.yaml`` to read instead of the
packaged one (read once per process, at the first use of the spec). ``tests/test_one_source.py``
uses it to run the client, the mock and ``send`` on an edited copy of the spec with the models
regenerated from it; the generated models must come from the same file."""
ORDER_PATH: Final = "/v3/orders/{orderId}"


def spec_path() -> Path | None:
    """The spec file named by ``FORTER_ORDERS_SPEC``, or None for the packaged one."""
    value = os.environ.get(SPEC_ENV, "").strip()
    return Path(value) if value else None


def spec_text() -> str:
    """Return the spec as text: the packaged openapi.yaml (or ``FORTER_ORDERS_SPEC``'s file)."""
    path = spec_path()
    if path is not None:
        return path.read_text(encoding="utf-8")
    return resources.files("forter_orders").joinpath(SPEC_RESOURCE).read_text(encoding="utf-8")


@functools.cache
def load_spec() -> dict[str, Any]:
    """Parse the spec once; callers must not mutate the result."""
    # CSafeLoader is several times faster when PyYAML has its C extension.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(spec_text(), Loader=loader)  # noqa: S506 - a safe loader
    return spec


def component_schema(name: str) -> dict[str, Any]:
    """A self-contained JSON Schema (2020-12) for ``#/components/schemas/<name>``.

    The components travel along so that every ``$ref`` inside resolves.
    """
    spec = load_spec()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec["components"],
        "$ref": f"#/components/schemas/{name}",
    }


# ------------------------------------------------------------------ the strict view
#
# The published spec describes what Forter accepts: objects are open and members are nullable
# where real senders send null. The strict view, which the client warns with (and refuses with
# in strict mode), is derived from it here, once per process, and never written anywhere:
#
# * every object schema with `properties` gets `additionalProperties: false`, unless it is marked
#   `x-forter-free-form: true` (gateway and platform payloads, whose members the sender defines)
#   or says something about additional properties itself;
# * the names under `x-forter-recommended` join the object's `required`;
# * the schemas under `x-forter-strict-allOf` (the web/mobile rule) join the object's `allOf`;
# * every `format: int64` gets the int64 bounds as `minimum` / `maximum` (validators ignore the
#   format itself), unless the schema bounds the value already.

INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1
FREE_FORM: Final = "x-forter-free-form"
RECOMMENDED: Final = "x-forter-recommended"
STRICT_ALL_OF: Final = "x-forter-strict-allOf"


def _is_object_schema(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind)


def strict_form(node: Any) -> Any:
    """A copy of a schema (or of any spec fragment) in its strict-view form."""
    if isinstance(node, list):
        return [strict_form(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: strict_form(value) for key, value in node.items()}
    if (
        _is_object_schema(node)
        and "properties" in node
        and not node.get(FREE_FORM)
        and "additionalProperties" not in node
        and "unevaluatedProperties" not in node
    ):
        out["additionalProperties"] = False
    if RECOMMENDED in node:
        required = list(out.get("required", []))
        out["required"] = required + [n for n in node[RECOMMENDED] if n not in required]
    if STRICT_ALL_OF in node:
        out["allOf"] = list(out.get("allOf", [])) + strict_form(node[STRICT_ALL_OF])
    if node.get("format") == "int64":
        out.setdefault("minimum", INT64_MIN)
        out.setdefault("maximum", INT64_MAX)
    return out


@functools.cache
def strict_components() -> dict[str, Any]:
    """``components`` of the packaged spec in strict-view form (callers must not mutate it)."""
    components = load_spec()["components"]
    return {**components, "schemas": strict_form(components["schemas"])}


def strict_component_schema(name: str) -> dict[str, Any]:
    """:func:`component_schema` of the strict view."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": strict_components(),
        "$ref": f"#/components/schemas/{name}",
    }


# ------------------------------------------------------------------ facts read from the spec
#
# Everything the hand-written code needs to know about the API is read here, so that a spec
# edit reaches it with no hand edit. Each reader fails with a message naming the spec location
# it expected, rather than a KeyError, when the spec no longer has it.

KNOWN_VALUES: Final = "x-forter-known-values"


class SpecShapeError(LookupError):
    """The spec lacks something the client reads from it (the message says what and where)."""


def _at(where: str, *keys: str | int) -> Any:
    node: Any = load_spec()
    for key in keys:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            shown = "/".join(str(k) for k in keys)
            raise SpecShapeError(f"openapi.yaml has no {shown} ({where} reads it)") from None
    return node


def order_operation() -> dict[str, Any]:
    """The ``POST /v3/orders/{orderId}`` operation object."""
    operation: dict[str, Any] = _at("the client", "paths", ORDER_PATH, "post")
    return operation


def decision_example() -> dict[str, Any]:
    """The spec's example ``OrderDecision`` (its 200 answer): the mock answers with it."""
    example: dict[str, Any] = _at(
        "the mock's decision body",
        "paths",
        ORDER_PATH,
        "post",
        "responses",
        "200",
        "content",
        "application/json",
        "example",
    )
    return example


def schema_properties(name: str) -> dict[str, Any]:
    """``properties`` of ``#/components/schemas/<name>``, in the spec's order."""
    properties: dict[str, Any] = _at(
        f"the {name} members", "components", "schemas", name, "properties"
    )
    return properties


def known_values(schema: str, member: str) -> tuple[str, ...]:
    """The values the spec knows for ``<schema>.<member>``: its ``enum``, else its
    ``x-forter-known-values``, in the spec's order."""
    prop = _at(
        f"the known values of {schema}.{member}",
        "components",
        "schemas",
        schema,
        "properties",
        member,
    )
    values = prop.get("enum", prop.get(KNOWN_VALUES))
    if not values:
        raise SpecShapeError(f"openapi.yaml: {schema}.{member} has neither enum nor {KNOWN_VALUES}")
    return tuple(str(value) for value in values)


@functools.cache
def order_type_rules() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(native mobile-app order types, web order types) in the spec's order, read from the
    web/mobile rule under ``Order``'s ``x-forter-strict-allOf``: the rule whose ``then`` requires
    ``connectionInformation.forterMobileUID`` names the mobile types in its ``if``, the one
    requiring ``forterTokenCookie`` the web ones."""
    rules = _at("the web/mobile rule", "components", "schemas", "Order", STRICT_ALL_OF)
    found: dict[str, tuple[str, ...]] = {}
    for rule in rules:
        try:
            needs = rule["then"]["properties"]["connectionInformation"]["required"]
            condition = rule["if"]["properties"]["orderType"]
        except (KeyError, TypeError):
            continue
        types = condition.get("enum", [condition["const"]] if "const" in condition else [])
        for member in ("forterMobileUID", "forterTokenCookie"):
            if member in needs:
                found[member] = tuple(str(t) for t in types)
    if set(found) != {"forterMobileUID", "forterTokenCookie"}:
        raise SpecShapeError(
            f"openapi.yaml: Order's {STRICT_ALL_OF} must hold one rule whose then requires "
            "connectionInformation.forterMobileUID (the mobile order types in its if) and one "
            "requiring forterTokenCookie (the web ones); the builders and validation read them"
        )
    return found["forterMobileUID"], found["forterTokenCookie"]


TEST_DECISIONS: Final = "x-forter-test-decisions"


def sandbox_decisions() -> dict[str, str]:
    """Forter's sandbox test addresses (``accountOwner.email``, lower case) and the decision
    each gets, from ``AccountOwner.email``'s ``x-forter-test-decisions``."""
    email = _at(
        "the sandbox test addresses", "components", "schemas", "AccountOwner", "properties", "email"
    )
    return {str(k).lower(): str(v) for k, v in email.get(TEST_DECISIONS, {}).items()}


Member = tuple[str, str]
"""A documented member: (its schema - a component's name, or the path of an inline object
schema under one - and the member's name)."""


def _schema_walk(
    schema_name: str, value: Any, on_member: Callable[[Member, str], object], *, with_value: bool
) -> None:
    schemas = load_spec()["components"]["schemas"]

    def visit(node: Any, owner: str, path: str, value: Any, seen: frozenset[str]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            if name not in seen:  # a recursive shape is entered once
                visit(schemas.get(name), name, path, value, seen | {name})
            return
        for keyword in ("allOf", "anyOf", "oneOf"):
            for branch in node.get(keyword, ()):
                visit(branch, owner, path, value, seen)
        if "items" in node:
            if not with_value:
                visit(node["items"], f"{owner}[]", f"{path}[]", None, seen)
            elif isinstance(value, list):
                for item in value:
                    visit(node["items"], f"{owner}[]", f"{path}[]", item, seen)
        for name, child in node.get("properties", {}).items():
            if with_value and not (isinstance(value, dict) and name in value):
                continue
            where = f"{path}.{name}" if path else name
            on_member((owner, name), where)
            visit(child, f"{owner}.{name}", where, value[name] if with_value else None, seen)

    visit(schemas[schema_name], schema_name, "", value, frozenset({schema_name}))


def documented_members(schema_name: str) -> dict[Member, str]:
    """Every member the spec documents under ``#/components/schemas/<schema_name>``, each
    with the first wire path that reaches it (``cartItems[].basicItemData.price``), in the
    spec's order. A shared component's member counts once, wherever the component is used.
    Follows ``$ref``, ``allOf`` / ``anyOf`` / ``oneOf`` and array items."""
    out: dict[Member, str] = {}
    _schema_walk(schema_name, None, lambda m, p: out.setdefault(m, p), with_value=False)
    return out


def members_used(schema_name: str, value: Any) -> set[Member]:
    """The documented members (see :func:`documented_members`) that ``value`` sets."""
    out: set[Member] = set()
    _schema_walk(schema_name, value, lambda m, p: out.add(m), with_value=True)
    return out
