"""Derive the copy of openapi.yaml that docs/reference/ is rendered from.

Redoc shows a member's type, whether it is required and its enum, but not what this spec keeps
in vendor extensions (known values of open enums, name confidence, sources), and it renders the
web/mobile rule (`if`/`then` inside `allOf`) as a misleading "One of: case 1 / case 2". The
copy therefore carries, in each description:

* every `x-forter-*` extension of that object, in words (known values, name confidence, source)
  or, for one it does not know, as its name and value;
* for every member without `x-forter-confidence`, its name confidence as the spec defines it
  (names not marked `inferred` were seen with their casing in a public source);
* the conditional rules (`if` / `then` / `else`), as written, instead of the keywords, and the
  strict-view ones (`x-forter-strict-allOf`: warnings by default, refusals in strict validation);
* the public senders `x-forter-seen-in` cites, as links to the file at its commit.

openapi.yaml itself is never changed; examples and other data are copied untouched.

    python tools/reference/reference_spec.py openapi.yaml OUT.json
"""

from __future__ import annotations

import copy
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml

Json = dict[str, Any]

PREFIX = "x-forter-"
CONDITIONAL = ("if", "then", "else")
# Keywords whose values are data, not schemas or descriptions: never rewritten.
DATA_KEYWORDS = frozenset({"example", "examples", "default", "const", "enum"})

INFERRED = (
    "**Name confidence: inferred.** No public source showed this name with its casing; "
    "to be confirmed against a Forter sandbox."
)
SOURCED = "**Name confidence: sourced.** A public Forter source shows this name with this casing."


def _code(value: object) -> str:
    return (
        f"`{json.dumps(value, ensure_ascii=False)}`" if not isinstance(value, str) else f"`{value}`"
    )


def _block(value: object) -> str:
    text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100).rstrip()
    return f"```yaml\n{text}\n```"


def _seen_in(entry: object) -> str:
    """One `x-forter-seen-in` entry: a link to the file at its commit (or page), what it shows."""
    if not isinstance(entry, dict):
        return f"* {_code(entry)}"
    shows = f" ({entry['shows']})" if entry.get("shows") else ""
    if {"repo", "path", "commit"} <= entry.keys():
        repo, path, commit = entry["repo"], entry["path"], entry["commit"]
        url = f"https://github.com/{repo}/blob/{commit}/{path}"
        return f"* [{repo} `{path}`]({url}) at `{str(commit)[:12]}`{shows}"
    if "url" in entry:
        return f"* <{entry['url']}>{shows}"
    return f"* {_code(entry)}"


def render_extension(key: str, value: object) -> str:
    """One `x-forter-*` extension as a Markdown paragraph."""
    if key == "x-forter-known-values" and isinstance(value, list):
        values = ", ".join(_code(v) for v in value)
        return f"**Known values** (an open set: any other value is accepted too): {values}."
    if key == "x-forter-confidence":
        return INFERRED if value == "inferred" else f"**Name confidence: {value}.**"
    if key == "x-forter-source":
        if isinstance(value, list):
            return "**Sources:** " + "; ".join(str(v) for v in value) + "."
        return f"**Source:** {value}."
    if key == "x-forter-seen-in" and isinstance(value, list):
        return "**Seen in** (public senders):\n\n" + "\n".join(_seen_in(v) for v in value)
    if key == "x-forter-recommended" and isinstance(value, list):
        names = ", ".join(_code(v) for v in value)
        return (
            f"**Recommended members:** {names}. An order without one is sent with a warning; "
            "strict validation refuses it."
        )
    if key == "x-forter-free-form" and value is True:
        return (
            "**Free-form:** members beyond the ones listed are passed through, "
            "in strict validation too."
        )
    if key == "x-forter-strict-allOf" and isinstance(value, list):
        return (
            "**Conditional rules, strict view** (JSON Schema `if` / `then`; an order breaking one "
            "is sent with a warning, strict validation refuses it):\n\n" + _block(value)
        )
    if isinstance(value, dict | list):
        return f"**`{key}`:**\n\n{_block(value)}"
    return f"**`{key}`:** {_code(value)}"


def _referenced_description(spec: Json, node: Json) -> str:
    """The description of the component a `$ref` points at (Redoc shows the sibling instead)."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return ""
    target: Any = spec
    for part in ref[2:].split("/"):
        if not isinstance(target, dict) or part not in target:
            return ""
        target = target[part]
    return str(target.get("description", "")) if isinstance(target, dict) else ""


def _is_conditional(node: object) -> bool:
    return isinstance(node, dict) and bool(node) and set(node) <= set(CONDITIONAL)


def _annotate(spec: Json, node: Json, *, member: bool) -> None:
    notes = [render_extension(k, node.pop(k)) for k in sorted(node) if k.startswith(PREFIX)]
    if member and not any(note.startswith("**Name confidence") for note in notes):
        notes.append(SOURCED)

    rules = [{k: node.pop(k) for k in CONDITIONAL if k in node}] if "if" in node else []
    if isinstance(node.get("allOf"), list):
        kept = []
        for item in node["allOf"]:
            if _is_conditional(item):
                rules.append(item)
            else:
                kept.append(item)
        if kept:
            node["allOf"] = kept
        else:
            del node["allOf"]
    if rules:
        notes.append(
            "**Conditional rules** (JSON Schema `if` / `then`, checked on top of the members "
            f"listed here):\n\n{_block(rules)}"
        )

    if notes:
        base = str(node.get("description") or _referenced_description(spec, node))
        node["description"] = "\n\n".join([base, *notes] if base else notes)


def _visit(spec: Json, node: object, *, member: bool = False) -> None:
    if isinstance(node, list):
        for item in node:
            if not _is_conditional(item):  # an allOf item holding a rule: its parent renders it
                _visit(spec, item)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key in DATA_KEYWORDS or key in CONDITIONAL or key.startswith(PREFIX):
            continue  # data, extensions, and conditional rules (rendered as written)
        if key == "properties" and isinstance(value, dict):
            for child in value.values():
                _visit(spec, child, member=True)
        else:
            _visit(spec, value)
    _annotate(spec, node, member=member)


def derive(spec: Json, spec_text: str) -> Json:
    """The annotated copy of ``spec`` (``spec_text`` is the source, for the checksum)."""
    out = copy.deepcopy(spec)
    # Components first, while the descriptions a `$ref` borrows are still the originals.
    _visit(spec, out.get("components", {}))
    _visit(spec, {k: v for k, v in out.items() if k != "components"})
    digest = hashlib.sha256(spec_text.encode("utf-8")).hexdigest()
    out["info"]["description"] = "\n\n".join(
        [
            str(out["info"].get("description", "")),
            "**Reading this reference.** Each member shows its type, whether it is required, "
            "its enum when the set is closed, its *known values* when the set is open, and its "
            "*name confidence*: `sourced` when a public Forter source shows the name with its "
            "casing, `inferred` when it still needs a sandbox run to confirm it. These come from "
            "the spec's `x-forter-*` extensions.",
            f"Rendered by `scripts/build-reference` from `openapi.yaml` (sha256 `{digest}`).",
        ]
    )
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(f"usage: {argv[0]} openapi.yaml OUT.json", file=sys.stderr)
        return 2
    text = Path(argv[1]).read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    Path(argv[2]).write_text(
        json.dumps(derive(spec, text), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
