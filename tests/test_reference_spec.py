"""The derived copy of the spec that docs/reference/ is rendered from (tools/reference)."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate as validate_openapi
from reference_spec import INFERRED, SOURCED, derive, render_extension

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
Json = dict[str, Any]


@pytest.fixture(scope="module")
def spec_text() -> str:
    return SPEC_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spec(spec_text: str) -> Json:
    loaded: Json = yaml.safe_load(spec_text)
    return loaded


@pytest.fixture(scope="module")
def derived(spec: Json, spec_text: str) -> Json:
    return derive(spec, spec_text)


def members(node: object, path: str = "") -> Iterator[tuple[str, Json]]:
    """Every member schema (an entry of a `properties` map), outside examples and rules."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from members(item, f"{path}/{i}")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in {"example", "examples", "if", "then", "else"}:
                continue
            if key == "properties" and isinstance(value, dict):
                for name, child in value.items():
                    if isinstance(child, dict):
                        yield f"{path}/{name}", child
                        yield from members(child, f"{path}/{name}")
            else:
                yield from members(value, f"{path}/{key}")


def test_the_spec_itself_is_left_alone(spec: Json, spec_text: str) -> None:
    before = copy.deepcopy(spec)
    derive(spec, spec_text)
    assert spec == before


def test_the_copy_is_still_a_valid_openapi_31_document(derived: Json) -> None:
    validate_openapi(copy.deepcopy(derived))


def test_every_member_states_its_name_confidence(spec: Json, derived: Json) -> None:
    original = dict(members(spec["components"]))
    rendered = dict(members(derived["components"]))
    assert original.keys() == rendered.keys()
    inferred = [p for p, m in original.items() if m.get("x-forter-confidence") == "inferred"]
    assert len(inferred) > 100  # the spec's own count; guards the walk itself
    for path, member in rendered.items():
        expected = INFERRED if path in inferred else SOURCED
        assert expected in member["description"], path
        assert not any(key.startswith("x-forter-") for key in member), path


def test_known_values_are_spelled_out(spec: Json, derived: Json) -> None:
    original = dict(members(spec["components"]))
    rendered = dict(members(derived["components"]))
    with_values = {
        p: m["x-forter-known-values"] for p, m in original.items() if "x-forter-known-values" in m
    }
    assert with_values
    for path, values in with_values.items():
        description = rendered[path]["description"]
        assert "**Known values**" in description
        assert all(f"`{value}`" in description for value in values), path


def test_a_ref_member_keeps_its_component_description(spec: Json, derived: Json) -> None:
    member = derived["components"]["schemas"]["Accommodation"]["properties"]["accommodationAddress"]
    assert member["$ref"] == "#/components/schemas/Address"
    assert member["description"].startswith(spec["components"]["schemas"]["Address"]["description"])
    assert INFERRED in member["description"]


def test_the_web_mobile_rule_is_shown_as_written_not_as_alternatives(
    spec: Json, derived: Json
) -> None:
    order = derived["components"]["schemas"]["Order"]
    assert "allOf" not in order  # Redoc would render it as "One of: case 1 / case 2"
    assert "x-forter-strict-allOf" not in order
    assert "**Conditional rules, strict view**" in order["description"]
    rules = spec["components"]["schemas"]["Order"]["x-forter-strict-allOf"]
    assert (
        yaml.safe_dump(rules, sort_keys=False, allow_unicode=True, width=100).strip()
        in order["description"]
    )


def test_recommended_members_and_free_form_objects_are_named(derived: Json) -> None:
    schemas = derived["components"]["schemas"]
    assert "**Recommended members:** `authorizationStep`" in schemas["Order"]["description"]
    assert "**Free-form:**" in schemas["MerchantIdentifiers"]["description"]


def test_senders_are_linked_at_their_commit(spec: Json, derived: Json) -> None:
    original = dict(members(spec["components"]))
    rendered = dict(members(derived["components"]))
    cited = {p: m["x-forter-seen-in"] for p, m in original.items() if "x-forter-seen-in" in m}
    assert cited
    for path, entries in cited.items():
        description = rendered[path]["description"]
        assert "**Seen in**" in description, path
        for entry in entries:
            if "repo" in entry:
                url = f"https://github.com/{entry['repo']}/blob/{entry['commit']}/{entry['path']}"
                assert url in description, path
            else:
                assert entry["url"] in description, path


def test_examples_are_copied_untouched(spec: Json, derived: Json) -> None:
    path = spec["paths"]["/v3/orders/{orderId}"]["post"]["requestBody"]["content"]
    assert (
        derived["paths"]["/v3/orders/{orderId}"]["post"]["requestBody"]["content"][
            "application/json"
        ]["examples"]
        == path["application/json"]["examples"]
    )


def test_headers_and_parameters_carry_their_extensions(derived: Json) -> None:
    header = derived["components"]["headers"]["RequestId"]
    assert INFERRED in header["description"]
    assert "x-forter-confidence" not in header


def test_the_page_names_the_spec_it_was_rendered_from(derived: Json, spec_text: str) -> None:
    digest = hashlib.sha256(spec_text.encode()).hexdigest()
    assert f"sha256 `{digest}`" in derived["info"]["description"]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("x-forter-confidence", "inferred", INFERRED),
        ("x-forter-confidence", "sourced", "**Name confidence: sourced.**"),
        ("x-forter-source", "CT_EX", "**Source:** CT_EX."),
        ("x-forter-source", ["CT_EX", "M2_O"], "**Sources:** CT_EX; M2_O."),
        ("x-forter-known-values", ["A", "B"], "`A`, `B`."),
        ("x-forter-since", "10.1", "**`x-forter-since`:** `10.1`"),
        (
            "x-forter-seen-in",
            [{"repo": "o/r", "path": "a.rb", "commit": "c" * 40, "shows": "null"}],
            f"[o/r `a.rb`](https://github.com/o/r/blob/{'c' * 40}/a.rb) at `cccccccccccc` (null)",
        ),
        ("x-forter-seen-in", [{"url": "https://x.test/p"}], "* <https://x.test/p>"),
        ("x-forter-recommended", ["payment"], "**Recommended members:** `payment`."),
        ("x-forter-free-form", True, "**Free-form:**"),
        (
            "x-forter-rule",
            {"when": {"orderType": ["IOS"]}},
            "```yaml\nwhen:\n  orderType:\n  - IOS\n```",
        ),
    ],
)
def test_extensions_render_in_words_or_as_written(key: str, value: object, expected: str) -> None:
    """Known extensions in words; one added later (by a spec rewrite) still shows, as written."""
    assert expected in render_extension(key, value)
