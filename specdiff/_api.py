"""The hand-written public API (``overlays/forter_orders``), compared with griffe.

griffe reads both versions statically (the base through a temporary git worktree) and lists
what it considers breaking. Two of its kinds are reported here as compatible: a changed default
value and a changed attribute value (``__version__`` changes at every release): code written
against the old version still runs, and a change of behaviour belongs in the changelog's prose.
griffe cannot see names served by a module ``__getattr__`` (deprecation shims): it reports them
removed, which the changelog then names among the deprecations.

Paths are shown where users import them from (``forter_orders.ForterClient``, not
``forter_orders._client.ForterClient``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ._change import Change, sort_changes

PACKAGE = "forter_orders"
SEARCH_PATH = "overlays"

_WHAT = {
    "PARAMETER_MOVED": "moved",
    "PARAMETER_REMOVED": "removed",
    "PARAMETER_CHANGED_KIND": "kind changed",
    "PARAMETER_CHANGED_DEFAULT": "default changed",
    "PARAMETER_CHANGED_REQUIRED": "made required",
    "PARAMETER_ADDED_REQUIRED": "added as required",
    "RETURN_CHANGED_TYPE": "return type changed",
    "OBJECT_REMOVED": "removed",
    "OBJECT_CHANGED_KIND": "kind changed",
    "ATTRIBUTE_CHANGED_TYPE": "type changed",
    "CLASS_REMOVED_BASE": "base class removed",
    "ATTRIBUTE_CHANGED_VALUE": "value changed",
}
_NOT_BREAKING = frozenset({"PARAMETER_CHANGED_DEFAULT", "ATTRIBUTE_CHANGED_VALUE"})


def _public_paths(module: Any) -> dict[str, str]:
    """Canonical path -> the public path users import it by."""
    out: dict[str, str] = {}

    def walk(mod: Any) -> None:
        for name, member in sorted(mod.members.items()):
            if name.startswith("_"):
                continue
            if member.is_alias:
                try:
                    out.setdefault(member.target_path, f"{mod.path}.{name}")
                except Exception:  # noqa: S112 - an alias griffe cannot resolve: skip it
                    continue
            elif member.is_module:
                walk(member)

    walk(module)
    return out


def _public(path: str, names: dict[str, str]) -> str:
    best = ""
    for canonical in names:
        if (path == canonical or path.startswith(canonical + ".")) and len(canonical) > len(best):
            best = canonical
    return names[best] + path[len(best) :] if best else path


def _short(value: Any) -> str:
    text = str(value) if value is not None else "none"
    return text if len(text) <= 80 else text[:77] + "..."


def _changes(breakages: Iterable[Any], names: dict[str, str]) -> list[Change]:
    changes = []
    for breakage in breakages:
        kind = breakage.kind.name
        path = _public(breakage.obj.path, names)
        what = _WHAT.get(kind, breakage.kind.value)
        if kind.startswith("PARAMETER_"):
            param = breakage.old_value if breakage.old_value is not None else breakage.new_value
            subject = path.removesuffix(".__init__") + f"({param.name})"
        else:
            subject = path
        detail = ""
        if kind not in ("OBJECT_REMOVED", "PARAMETER_REMOVED", "PARAMETER_ADDED_REQUIRED"):
            detail = f"{_short(breakage.old_value)} -> {_short(breakage.new_value)}"
        changes.append(Change(f"api {subject}: {what}", kind not in _NOT_BREAKING, detail))
    return changes


def diff_api(root: Path, base_ref: str) -> list[Change]:
    """What changed in ``forter_orders``'s public API from ``base_ref`` to the working tree."""
    import griffe

    old = griffe.load_git(PACKAGE, ref=base_ref, repo=root, search_paths=[SEARCH_PATH])
    new = griffe.load(PACKAGE, search_paths=[str(root / SEARCH_PATH)])
    names = _public_paths(old)
    return sort_changes(_changes(griffe.find_breaking_changes(old, new), names))
