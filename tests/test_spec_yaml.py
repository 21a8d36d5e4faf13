"""openapi.yaml means the same to every YAML parser: YAML 1.1 (PyYAML) and YAML 1.2 (ruamel.yaml,
and the JavaScript parsers behind Redocly, Swagger UI and Prism).

The two versions resolve some plain scalars differently: `09` is the string "09" in 1.1 and the
integer 9 in 1.2; `yes` / `no` / `on` / `off` are booleans in 1.1 and strings in 1.2; `1:20` is a
sexagesimal integer in 1.1; `1e5` is a float only in 1.2; bare dates are timestamps in both, which
JSON (and so OpenAPI) cannot hold. Such values must be quoted.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

SPEC = Path(__file__).resolve().parents[1] / "openapi.yaml"

# Plain (unquoted) scalars may resolve to a non-string only in these forms, which YAML 1.1,
# YAML 1.2 (core and JSON schemas) and JSON all read alike.
PORTABLE_PLAIN = {
    "int": re.compile(r"-?(0|[1-9][0-9]*)"),
    "float": re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+"),
    "bool": re.compile(r"true|false"),
    "null": re.compile(r"null"),
}
STR_TAG = "tag:yaml.org,2002:str"


def yaml_11(text: str) -> Any:
    return yaml.safe_load(text)


def yaml_12(text: str) -> Any:
    # pure=True: ruamel's C extension is libyaml, a YAML 1.1 parser.
    return YAML(typ="safe", pure=True).load(text)


def test_the_two_parsers_really_differ() -> None:
    """Guard for the comparison below: it only means something if the parsers disagree here."""
    sample = "month: 09\nflag: yes\nduration: 1:20\nexp: 1e5\n"
    assert yaml_11(sample) == {"month": "09", "flag": True, "duration": 80, "exp": "1e5"}
    assert yaml_12(sample) == {"month": 9, "flag": "yes", "duration": "1:20", "exp": 100000.0}


def reading_differences(text: str) -> list[str]:
    """Where YAML 1.1 and YAML 1.2 read ``text`` into different data."""
    return _differences(yaml_11(text), yaml_12(text), "")


def _differences(a: Any, b: Any, path: str) -> list[str]:
    if type(a) is not type(b) or not isinstance(a, dict | list):
        return [] if type(a) is type(b) and a == b else [f"{path or '/'}: {a!r} vs {b!r}"]
    if isinstance(a, dict):
        out = [f"{path}/{k}: only in one reading" for k in a.keys() ^ b.keys()]
        for key in a.keys() & b.keys():
            out += _differences(a[key], b[key], f"{path}/{key}")
        return out
    if len(a) != len(b):
        return [f"{path}: {len(a)} items vs {len(b)}"]
    return [
        d
        for i, pair in enumerate(zip(a, b, strict=True))
        for d in _differences(*pair, f"{path}/{i}")
    ]


def _plain_scalars(node: yaml.Node, path: str) -> list[tuple[str, yaml.ScalarNode]]:
    if isinstance(node, yaml.ScalarNode):
        return [(path, node)] if node.style is None else []
    if isinstance(node, yaml.MappingNode):
        found = []
        for key, value in node.value:
            found += _plain_scalars(key, f"{path}/<key {key.value}>")
            found += _plain_scalars(value, f"{path}/{key.value}")
        return found
    assert isinstance(node, yaml.SequenceNode)
    return [hit for i, item in enumerate(node.value) for hit in _plain_scalars(item, f"{path}/{i}")]


def non_portable_plain_scalars(text: str) -> list[str]:
    """Unquoted scalars that read as a non-string in a form not every YAML version shares.

    Catches what the comparison cannot: a bare date is a timestamp in both Python parsers, and
    `True` or `~` read alike in both but not under YAML 1.2's JSON schema.
    """
    root = yaml.compose(text)
    bad = []
    for path, node in _plain_scalars(root, "") if root is not None else []:
        if node.tag == STR_TAG:
            continue
        kind = node.tag.rsplit(":", 1)[1]
        pattern = PORTABLE_PLAIN.get(kind)
        if pattern is None or not pattern.fullmatch(node.value):
            bad.append(f"line {node.start_mark.line + 1} {path}: {node.value!r} reads as {kind}")
    return bad


def non_json_values(text: str) -> list[str]:
    """Keys that are not strings and values JSON cannot hold, as YAML 1.1 reads ``text``."""

    def check(value: Any, path: str) -> list[str]:
        if isinstance(value, dict):
            out = [f"{path}: key {k!r} is not a string" for k in value if not isinstance(k, str)]
            return out + [p for k, item in value.items() for p in check(item, f"{path}/{k}")]
        if isinstance(value, list):
            return [p for i, item in enumerate(value) for p in check(item, f"{path}/{i}")]
        if value is None or isinstance(value, str | int | float | bool):
            return []
        return [f"{path}: {value!r} is a {type(value).__name__}, not JSON"]

    return check(yaml_11(text), "")


def test_yaml_11_and_12_read_identical_data() -> None:
    assert reading_differences(SPEC.read_text(encoding="utf-8")) == []


def test_unquoted_non_strings_are_written_in_portable_forms() -> None:
    assert non_portable_plain_scalars(SPEC.read_text(encoding="utf-8")) == []


def test_spec_is_json_data_with_string_keys() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert non_json_values(text) == []
    json.dumps(yaml_11(text))


@pytest.mark.parametrize(
    ("ambiguous", "quoted", "check"),
    [
        ("a: 09\n", "a: '09'\n", reading_differences),
        ("a: yes\n", "a: 'yes'\n", reading_differences),
        ("a: 1:20\n", "a: '1:20'\n", reading_differences),
        ("a: 2023-01-12\n", "a: '2023-01-12'\n", non_portable_plain_scalars),
        ("a: 2023-01-12\n", "a: '2023-01-12'\n", non_json_values),
        ("a: True\n", "a: 'True'\n", non_portable_plain_scalars),
        ("200: OK\n", "'200': OK\n", non_json_values),
    ],
)
def test_each_check_catches_what_it_is_for(
    ambiguous: str, quoted: str, check: Callable[[str], list[str]]
) -> None:
    assert check(ambiguous), f"{check.__name__} let {ambiguous!r} through"
    assert check(quoted) == []


def test_redocly_reads_the_same_data(node_tool: Callable[[str], Path], tmp_path: Path) -> None:
    """The JavaScript YAML 1.2 reading behind Redocly, Redoc and Prism (`redocly bundle`)."""
    out = tmp_path / "bundled.json"
    result = subprocess.run(
        [str(node_tool("redocly")), "bundle", str(SPEC), "--ext", "json", "-o", str(out)],
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = SPEC.read_text(encoding="utf-8")
    assert _differences(yaml_11(text), json.loads(out.read_text()), "") == []
