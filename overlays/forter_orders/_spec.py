"""The packaged OpenAPI description: the one spec every runtime part reads."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

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
