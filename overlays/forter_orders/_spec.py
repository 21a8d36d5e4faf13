"""The packaged OpenAPI description: the one spec every runtime part reads."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, Final

import yaml

SPEC_RESOURCE = "openapi.yaml"


def spec_text() -> str:
    """Return the packaged openapi.yaml as text."""
    return resources.files("forter_orders").joinpath(SPEC_RESOURCE).read_text(encoding="utf-8")


@functools.cache
def load_spec() -> dict[str, Any]:
    """Parse the packaged spec once; callers must not mutate the result."""
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
