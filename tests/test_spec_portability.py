"""The reproductions behind docs/spec-portability.md, kept runnable.

Small specs in tests/data/spec-portability/ reduce openapi.yaml's shape (closed objects, the
web/mobile rule as if/then in allOf) and vary one thing each. Redocly CLI lints them with its
recommended preset as shipped, with the project's redocly.yaml, and with the configuration that
fixed finding 2 while the rule was in the schema (redocly-lenient-examples.yaml); the Python
validators judge the same valid and invalid orders. If a Redocly upgrade changes a verdict, a test
here fails and the document (and redocly.yaml's exceptions) must be revisited.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import jsonschema_rs
import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_spec_validator import validate as validate_openapi
from werkzeug.datastructures import Headers, ImmutableMultiDict

ROOT = Path(__file__).resolve().parents[1]
REPRO = Path(__file__).parent / "data" / "spec-portability"
SPECS = sorted(p.name for p in REPRO.glob("*.yaml") if not p.name.startswith("redocly"))
INSTANCES: dict[str, dict[str, Any]] = json.loads((REPRO / "instances.json").read_text())
ORDERS = {**INSTANCES["valid"], **INSTANCES["invalid"]}

Json = dict[str, Any]
Problem = tuple[str, str, str]  # rule id, message, JSON pointer

# What each shape accepts, per order in instances.json (True: valid). Every validator must agree.
FULL_RULE = {
    "mobile": True,
    "web": True,
    "mobileWithoutUid": False,
    "webWithNullCookie": False,
    "unknownMember": False,
    "unknownNestedMember": False,
}
EXPECTED_VERDICTS = {
    "shape-current.yaml": FULL_RULE,
    "shape-current-invalid-examples.yaml": FULL_RULE,
    "shape-then-explicitly-open.yaml": FULL_RULE,
    "shape-then-refs-component.yaml": FULL_RULE,
    "shape-then-lists-required-names.yaml": FULL_RULE,
    "shape-nothing-closed.yaml": {**FULL_RULE, "unknownMember": True, "unknownNestedMember": True},
    "shape-conditional-without-allof.yaml": {**FULL_RULE, "webWithNullCookie": True},
    "shape-partial-allof-no-conditional.yaml": {
        **FULL_RULE,
        "mobileWithoutUid": True,
        "webWithNullCookie": True,
    },
    # The rule is no longer in the schema: standard validators cannot enforce it.
    "shape-rule-as-extension.yaml": {
        **FULL_RULE,
        "mobileWithoutUid": True,
        "webWithNullCookie": True,
    },
}
# Where one validator departs from the others. fastjsonschema ignores every keyword beside a
# `$ref` (draft-7 behaviour, even under a 2020-12 `$schema`), so the branches' `required` and
# `type` next to `$ref` are lost and the web/mobile rule is not enforced.
DEPARTURES = {
    ("shape-then-refs-component.yaml", "fastjsonschema"): {
        **FULL_RULE,
        "mobileWithoutUid": True,
        "webWithNullCookie": True,
    },
}


def redocly_lint(tool: Path, config: Path) -> dict[str, list[Problem]]:
    """Lint every reproduction in one Redocly run; problems per file name."""
    result = subprocess.run(
        [str(tool), "lint", *SPECS, "--config", str(config), "--format=json"],
        cwd=REPRO,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, list[Problem]] = {name: [] for name in SPECS}
    decoder, text, pos = json.JSONDecoder(), result.stdout, 0
    while text[pos:].strip():  # one JSON report per file, concatenated
        pos += len(text[pos:]) - len(text[pos:].lstrip())
        report, pos = decoder.raw_decode(text, pos)
        for problem in report["problems"]:
            where = problem["location"][0]
            name = Path(where["source"]["ref"]).name
            found[name].append((problem["ruleId"], problem["message"], where["pointer"]))
    return found


@pytest.fixture(scope="module")
def recommended(node_tool: Callable[[str], Path]) -> dict[str, list[Problem]]:
    return redocly_lint(node_tool("redocly"), REPRO / "redocly-recommended.yaml")


@pytest.fixture(scope="module")
def lenient(node_tool: Callable[[str], Path]) -> dict[str, list[Problem]]:
    return redocly_lint(node_tool("redocly"), REPRO / "redocly-lenient-examples.yaml")


@pytest.fixture(scope="module")
def project(node_tool: Callable[[str], Path]) -> dict[str, list[Problem]]:
    return redocly_lint(node_tool("redocly"), ROOT / "redocly.yaml")


def example_problems(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p[0] == "no-invalid-media-type-examples"]


# ---------------------------------------------------------------- Redocly


@pytest.mark.parametrize(
    ("name", "false_reports"),
    [
        ("shape-current.yaml", True),
        ("shape-nothing-closed.yaml", True),  # not additionalProperties: false
        ("shape-conditional-without-allof.yaml", True),  # not allOf
        ("shape-partial-allof-no-conditional.yaml", True),  # not if/then either
        ("shape-then-refs-component.yaml", True),
        ("shape-then-lists-required-names.yaml", True),
        ("shape-then-explicitly-open.yaml", False),
        ("shape-rule-as-extension.yaml", False),
    ],
)
def test_recommended_preset_rejects_valid_examples_of_partial_schemas(
    recommended: dict[str, list[Problem]], name: str, false_reports: bool
) -> None:
    """Every example in these specs is valid (the Python validators below agree)."""
    unevaluated = [p for p in example_problems(recommended[name]) if "unevaluated" in p[1]]
    assert bool(unevaluated) is false_reports, unevaluated


def test_lenient_examples_accept_every_valid_example(lenient: dict[str, list[Problem]]) -> None:
    for name in EXPECTED_VERDICTS:
        if name != "shape-current-invalid-examples.yaml":
            assert example_problems(lenient[name]) == [], name


def test_lenient_examples_still_report_every_invalid_example(
    lenient: dict[str, list[Problem]],
) -> None:
    problems = example_problems(lenient["shape-current-invalid-examples.yaml"])
    reported = {pointer.split("/examples/", 1)[1].split("/", 1)[0] for _, _, pointer in problems}
    assert reported == set(INSTANCES["invalid"])
    messages = " | ".join(message for _, message, _ in problems)
    for expected in ("forterMobileUID", "type must be string", "`cartitems`", "`customerIp`"):
        assert expected in messages


def test_project_config_takes_the_adopted_shape_as_is(project: dict[str, list[Problem]]) -> None:
    """No partial schema left: Redocly's strict example mode, as shipped, finds nothing false."""
    assert project["shape-rule-as-extension.yaml"] == []
    assert example_problems(project["shape-current.yaml"])  # it would, on the old shape


@pytest.mark.parametrize(
    ("name", "reported"),
    [
        ("shape-current.yaml", True),
        ("shape-nothing-closed.yaml", True),
        ("shape-conditional-without-allof.yaml", True),
        ("shape-then-explicitly-open.yaml", True),
        ("shape-then-refs-component.yaml", False),
        ("shape-then-lists-required-names.yaml", False),
        ("shape-rule-as-extension.yaml", False),
    ],
)
def test_required_names_in_partial_schemas_look_undefined(
    project: dict[str, list[Problem]], name: str, reported: bool
) -> None:
    hits = [p for p in project[name] if p[0] == "no-required-schema-properties-undefined"]
    assert bool(hits) is reported, hits
    assert all("'forterMobileUID'" in message for _, message, _ in hits)


def test_a_bare_leading_zero_breaks_the_example_for_redocly(
    recommended: dict[str, list[Problem]],
    lenient: dict[str, list[Problem]],
    project: dict[str, list[Problem]],
) -> None:
    for found in (recommended, lenient, project):
        (problem,) = example_problems(found["yaml-leading-zero.yaml"])
        assert "type must be string" in problem[1]
    spec = yaml.safe_load((REPRO / "yaml-leading-zero.yaml").read_text())
    content = spec["paths"]["/orders"]["post"]["requestBody"]["content"]["application/json"]
    assert content["examples"]["card"]["value"] == {"expirationMonth": "09"}  # PyYAML: a string


# ---------------------------------------------------------------- our validators


class _Request:
    """The request object openapi-core reads."""

    def __init__(self, body: object) -> None:
        self.host_url = "http://repro"
        self.path = "/orders"
        self.method = "post"
        self.content_type = "application/json"
        self.body = json.dumps(body).encode()
        self.parameters = RequestParameters(
            path={}, query=ImmutableMultiDict(), header=Headers(), cookie=ImmutableMultiDict()
        )


def verdicts(spec: Json) -> dict[str, dict[str, bool]]:
    """Each validator's verdict on each order of instances.json."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec["components"],
        "$ref": "#/components/schemas/Order",
    }
    reference = jsonschema.Draft202012Validator(schema)
    compiled = jsonschema_rs.validator_for(schema)
    fast = fastjsonschema.compile(schema)
    core = OpenAPI.from_dict({**spec, "servers": [{"url": "/"}]}).request_validator

    def fast_ok(order: object) -> bool:
        try:
            fast(order)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True

    return {
        "jsonschema": {k: reference.is_valid(v) for k, v in ORDERS.items()},
        "jsonschema-rs": {k: bool(compiled.is_valid(v)) for k, v in ORDERS.items()},
        "fastjsonschema": {k: fast_ok(v) for k, v in ORDERS.items()},
        "openapi-core": {k: not list(core.iter_errors(_Request(v))) for k, v in ORDERS.items()},
    }


@pytest.mark.parametrize("name", sorted(EXPECTED_VERDICTS))
def test_python_validators_agree_on_every_shape(name: str) -> None:
    spec = yaml.safe_load((REPRO / name).read_text())
    validate_openapi(copy.deepcopy(spec))
    for validator, verdict in verdicts(spec).items():
        expected = DEPARTURES.get((name, validator), EXPECTED_VERDICTS[name])
        assert verdict == expected, validator


def test_a_nullable_member_that_refers_to_a_component_needs_anyof(
    project: dict[str, list[Problem]],
) -> None:
    """`anyOf: [$ref, {type: 'null'}]` accepts null everywhere; `type` beside `$ref` nowhere."""
    spec = yaml.safe_load((REPRO / "shape-nullable-ref.yaml").read_text())
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec["components"],
        "$ref": "#/components/schemas/Order",
    }
    fast = fastjsonschema.compile(schema)
    for order, valid in (({"totalAmount": None}, True), ({"siblingRef": None}, False)):
        assert jsonschema.Draft202012Validator(schema).is_valid(order) is valid
        assert jsonschema_rs.validator_for(schema).is_valid(order) is valid
        try:
            fast(order)
        except fastjsonschema.JsonSchemaValueException:
            assert not valid
        else:
            assert valid
    reported = {
        p.split("/examples/", 1)[1].split("/")[0] for _, _, p in project["shape-nullable-ref.yaml"]
    }
    assert reported == {"nullSibling"}


def test_project_config_reports_a_misspelled_member_in_an_example_of_openapi_yaml(
    node_tool: Callable[[str], Path], tmp_path: Path
) -> None:
    """The objects are open, yet a typo in one of the spec's own examples is still caught."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    content = spec["paths"]["/v3/orders/{orderId}"]["post"]["requestBody"]["content"]
    example = content["application/json"]["examples"]["mobileAppOrder"]["value"]
    example["cartitems"] = []
    example["connectionInformation"]["customerIp"] = "203.0.113.7"
    example["additionalIdentifiers"] = {"merchant": {"anyMember": 1}}  # free-form: no report
    (tmp_path / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    result = subprocess.run(
        [
            str(node_tool("redocly")),
            *("lint", "openapi.json", "--config", str(ROOT / "redocly.yaml"), "--format=json"),
        ],
        cwd=tmp_path,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = sorted(p["message"] for p in json.loads(result.stdout)["problems"])
    assert len(messages) == 2, messages
    assert "`customerIp`" in messages[0]
    assert "`cartitems`" in messages[1]
