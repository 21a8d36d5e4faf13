"""Write (or check) docs/models.md's tables from the generated models.

Usage (scripts/regenerate runs it on the freshly generated package):
    models-doc.py PACKAGE DOC            rewrite the tables in DOC
    models-doc.py PACKAGE DOC --check    exit 1 when DOC's tables differ

Two tables, each between HTML-comment markers in DOC:

* ``renames``: every member whose Python name is not the plain snake_case of its wire name
  (``bin`` -> ``bin_``, ``threeDSecure`` -> ``three_d_secure``);
* ``classes``: for each model class, the members that hold it (``StoredValue`` is what
  ``Payment.gift_card`` and ``Payment.store_credit_used`` take), so a builder user finds the
  class to construct without reading the generated code.

The generated modules are read with ``ast``, not imported, so this runs in the generator's own
environment. tests/test_models.py derives the same tables by importing the models.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

MARKERS = ("renames", "classes")
# class name -> ([(member, annotation)], [(wire name, Python name)])
Models = dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]]


def _snake(wire: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", wire).lower()


def _wire_names(to_dict: ast.FunctionDef) -> list[tuple[str, str]]:
    """(wire name, Python name) pairs from a generated to_dict()."""
    pairs = []
    for node in ast.walk(to_dict):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Subscript)
            and isinstance(node.targets[0].slice, ast.Constant)
            and isinstance(node.value, ast.Name)
        ):
            pairs.append((str(node.targets[0].slice.value), node.value.id))
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Name):
                    pairs.append((str(key.value), value.id))
    return pairs


def read_models(package: Path) -> Models:
    """Members and wire names of every generated model class."""
    models: Models = {}
    for path in sorted((package / "models").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            members = [
                (item.target.id, ast.unparse(item.annotation))
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            ]
            to_dict = next(
                (f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "to_dict"),
                None,
            )
            if to_dict is not None:
                models[node.name] = (members, _wire_names(to_dict))
    return models


def tables(models: Models) -> dict[str, str]:
    renames = sorted(
        (name, wire, python)
        for name, (_, pairs) in models.items()
        for wire, python in pairs
        if python != _snake(wire)
    )
    uses: dict[str, list[str]] = {name: [] for name in models}
    for name, (members, _) in sorted(models.items()):
        for member, annotation in members:
            if member == "additional_properties":
                continue
            for used in sorted(set(re.findall(r"\b[A-Z]\w*", annotation)) & uses.keys() - {name}):
                uses[used].append(f"`{name}.{member}`")
    return {
        "renames": "| class | wire name | Python name |\n|---|---|---|\n"
        + "".join(f"| `{c}` | `{w}` | `{p}` |\n" for c, w, p in renames),
        "classes": "| class | the members that take it |\n|---|---|\n"
        + "".join(
            f"| `{name}` | {', '.join(where) or '(a request or response body)'} |\n"
            for name, where in sorted(uses.items())
        ),
    }


def render(doc: str, new_tables: dict[str, str]) -> str:
    for marker in MARKERS:
        pattern = re.compile(rf"(<!-- {marker}:start -->\n).*?(<!-- {marker}:end -->)", re.DOTALL)
        if not pattern.search(doc):
            raise SystemExit(f"models-doc: no <!-- {marker}:start/end --> markers in the doc")
        start, end = f"<!-- {marker}:start -->\n", f"<!-- {marker}:end -->"
        doc = pattern.sub(lambda _: start + new_tables[marker] + end, doc)  # noqa: B023 - used at once
    return doc


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if len(args) != 2:
        sys.stderr.write(__doc__ or "")
        return 2
    package, doc_path = Path(args[0]), Path(args[1])
    doc = doc_path.read_text(encoding="utf-8")
    fresh = render(doc, tables(read_models(package)))
    if fresh == doc:
        return 0
    if check:
        sys.stderr.write(f"{doc_path} is out of date with the generated models\n")
        return 1
    doc_path.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
