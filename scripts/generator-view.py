"""The generator's view of openapi.yaml: open value sets become typed enums.

Usage (scripts/regenerate runs it with the generator's Python):
    generator-view.py SPEC OUT_SPEC OUT_TEMPLATE

The spec lists the values Forter is known to send for an open set under
``x-forter-known-values`` on a plain string (a value Forter adds later must still parse).
openapi-python-client cannot see vendor extensions, so for the members of *response* schemas
(the values a merchant branches on: ``forterDecision``, ``recommendation``, ...) this script:

* moves the value list into an enum component named ``<Schema><Member>`` (e.g.
  ``OrderDecisionForterDecision``), which the generator turns into a ``Literal`` type. The
  known values are ``x-forter-known-values`` plus the values the spec's own response examples
  use there (the empty ``recommendation`` meaning "none"), as the drift reports count them
  (``forter_orders._drift``), and
* writes OUT_TEMPLATE, a Jinja file that names those components, so that the custom
  templates (scripts/generator-templates) make them *open*: the type becomes
  ``Literal[...] | UnknownValue`` and an unlisted value parses as ``UnknownValue(value)``
  instead of failing.

Request schemas are left alone: a merchant may send any string there, and the validator
reports values outside the known ones. Nothing else in the spec changes; OUT_SPEC is JSON.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SCHEMA_PREFIX = "#/components/schemas/"


def refs_in(node: Any) -> Iterator[str]:
    """Every ``$ref`` string anywhere under ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs_in(item)


def reachable(spec: dict[str, Any], roots: list[Any]) -> set[str]:
    """Names of the component schemas reachable from ``roots`` (through responses too)."""
    components = spec.get("components", {})
    seen: set[str] = set()
    todo = [ref for root in roots for ref in refs_in(root)]
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        kind, _, name = ref.removeprefix("#/components/").partition("/")
        target = components.get(kind, {}).get(name)
        if target is not None:
            todo.extend(refs_in(target))
    return {ref.removeprefix(SCHEMA_PREFIX) for ref in seen if ref.startswith(SCHEMA_PREFIX)}


def request_and_response_roots(spec: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    requests: list[Any] = []
    responses: list[Any] = []
    for item in spec.get("paths", {}).values():
        for key, operation in item.items():
            if key == "parameters":
                requests.append(operation)
            elif isinstance(operation, dict):
                requests.append(operation.get("parameters", []))
                requests.append(operation.get("requestBody", {}))
                responses.append(operation.get("responses", {}))
    return requests, responses


APPLICATORS = ("allOf", "anyOf", "oneOf")


def response_examples(spec: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(schema name, example body) for every example of a response body given by ``$ref``."""
    schemas = spec.get("components", {}).get("schemas", {})
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for response in (operation.get("responses") or {}).values():
                for media in (response.get("content") or {}).values():
                    ref = (media.get("schema") or {}).get("$ref", "")
                    if not ref.startswith(SCHEMA_PREFIX):
                        continue
                    name = ref.removeprefix(SCHEMA_PREFIX)
                    if "example" in media:
                        yield name, media["example"]
                    for example in (media.get("examples") or {}).values():
                        if isinstance(example, dict) and "value" in example:
                            yield name, example["value"]
                    schema = schemas.get(name, {})
                    if "example" in schema:
                        yield name, schema["example"]
                    for example in schema.get("examples") or ():
                        yield name, example


def example_values(spec: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    """(schema, member) -> the strings the response examples give open-valued members."""
    schemas = spec.get("components", {}).get("schemas", {})
    found: dict[tuple[str, str], list[str]] = {}

    def walk(value: Any, node: Any, owner: str | None, depth: int = 0) -> None:
        if depth > 32 or not isinstance(node, dict):
            return
        if isinstance(node.get("$ref"), str):
            name = node["$ref"].removeprefix(SCHEMA_PREFIX)
            walk(value, schemas.get(name), name, depth + 1)
            return
        if isinstance(value, dict):
            for member, sub in value.items():
                schema = (node.get("properties") or {}).get(member)
                if schema is None:
                    continue
                if owner and "x-forter-known-values" in schema and isinstance(sub, str):
                    seen = found.setdefault((owner, member), [])
                    if sub not in seen:
                        seen.append(sub)
                walk(sub, schema, None, depth + 1)
        elif isinstance(value, list) and "items" in node:
            for sub in value:
                walk(sub, node["items"], None, depth + 1)
        for key in APPLICATORS:
            for part in node.get(key) or ():
                walk(value, part, owner, depth + 1)

    for name, example in response_examples(spec):
        walk(example, schemas.get(name), name)
    return found


def pascal(name: str) -> str:
    return name[:1].upper() + name[1:]


def open_value_set(member: dict[str, Any]) -> tuple[list[str], bool] | None:
    """(known values, nullable) when ``member`` is a string with ``x-forter-known-values``."""
    values = member.get("x-forter-known-values")
    if not values or "enum" in member or "$ref" in member:
        return None
    types = member.get("type")
    types = types if isinstance(types, list) else [types]
    if "string" not in types or not set(types) <= {"string", "null"}:
        return None
    return [str(v) for v in values], "null" in types


def build_view(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    requests, responses = request_and_response_roots(spec)
    response_only = reachable(spec, responses) - reachable(spec, requests)
    from_examples = example_values(spec)
    added: dict[str, Any] = {}
    for schema_name in sorted(response_only):
        schema = schemas.get(schema_name, {})
        for member_name, member in schema.get("properties", {}).items():
            found = open_value_set(member)
            if found is None:
                continue
            values, nullable = found
            values += [
                v for v in from_examples.get((schema_name, member_name), []) if v not in values
            ]
            enum_name = schema_name + pascal(member_name)
            if enum_name in schemas or enum_name in added:
                raise SystemExit(f"generator-view: {enum_name} already exists in the spec")
            component = {
                key: value
                for key, value in member.items()
                if key not in ("type", "x-forter-known-values")
            }
            component.update(type="string", enum=values)
            added[enum_name] = component
            ref = {"$ref": SCHEMA_PREFIX + enum_name}
            schema["properties"][member_name] = (
                {"anyOf": [ref, {"type": "null"}], "description": member.get("description", "")}
                if nullable
                else ref
            )
    schemas.update(added)
    return spec, sorted(added)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write(__doc__ or "")
        return 2
    source, out_spec, out_template = (Path(a) for a in argv)
    spec = YAML(typ="safe", pure=True).load(source.read_text(encoding="utf-8"))
    view, open_enums = build_view(spec)
    out_spec.write_text(json.dumps(view, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    out_template.write_text(
        "{# written by scripts/generator-view.py: enums that are open value sets #}\n"
        "{% set OPEN_ENUMS = " + json.dumps(open_enums) + " %}\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
