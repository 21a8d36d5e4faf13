"""The Python surface of the generated package (``forter_orders_api``), compared between versions.

The generator's output is read with ``ast`` (nothing is imported): each attrs model's fields in
order (what ``__init__`` takes: attrs puts the required ones first, as the generator emits
them), the ``Literal`` aliases of closed enums, and the endpoint functions' signatures. griffe
cannot see an attrs ``__init__``, which is why this reads the class bodies itself.

Verdicts follow who uses what. Request models are built by users: a new required argument, a
removed one, a narrower argument type or a moved positional argument breaks them. Response
models are read by users: a removed attribute or a wider type (``str`` becoming ``str | None``)
breaks them. Only the required arguments count as positional: the optional ones come after
them in the spec's member order, so a new member shifts them, and the versioning rule in the
README promises them by keyword only.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ._change import Change, sort_changes

Role = Literal["request", "response", "both", "none"]
_ENDPOINT_FUNCTIONS = ("sync_detailed", "sync", "asyncio_detailed", "asyncio")


@dataclass(frozen=True, slots=True)
class Param:
    """One ``__init__`` or function parameter."""

    name: str
    annotation: str
    required: bool
    positional: bool  # positional-or-keyword (False: keyword-only)


@dataclass
class ModelClass:
    """An attrs model: its constructor parameters in order and its other attributes."""

    name: str
    params: list[Param]
    attributes: dict[str, str]  # fields that are not __init__ arguments (additional_properties)
    references: set[str] = field(default_factory=set)  # names used in its annotations


@dataclass
class Function:
    """An endpoint function of ``api/<tag>/<operation>.py``."""

    name: str  # api.orders.create_order.sync_detailed
    params: list[Param]
    returns: str


@dataclass
class Surface:
    """Everything a user of the generated package can import and call."""

    classes: dict[str, ModelClass] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # Literal alias -> its source text
    functions: dict[str, Function] = field(default_factory=dict)

    def roles(self) -> dict[str, Role]:
        """Whether each model is sent (request), received (response), both or neither."""
        sent: set[str] = set()
        received: set[str] = set()
        for function in self.functions.values():
            for param in function.params:
                if param.name == "body":
                    sent |= self._closure(_names(param.annotation))
            received |= self._closure(_names(function.returns))
        roles: dict[str, Role] = {}
        for name in self.classes:
            if name in sent and name in received:
                roles[name] = "both"
            elif name in sent:
                roles[name] = "request"
            elif name in received:
                roles[name] = "response"
            else:
                roles[name] = "none"
        return roles

    def _closure(self, names: Iterable[str]) -> set[str]:
        todo = [n for n in names if n in self.classes]
        seen: set[str] = set()
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            todo.extend(n for n in self.classes[name].references if n in self.classes)
        return seen


def _names(annotation: str) -> set[str]:
    try:
        tree = ast.parse(annotation, mode="eval")
    except SyntaxError:
        return set()
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def _is_attrs_class(node: ast.ClassDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name in ("_attrs_define", "define", "frozen", "attrs", "s"):
            return True
    return False


def _field_is_init(value: ast.expr | None) -> bool:
    if isinstance(value, ast.Call):
        for keyword in value.keywords:
            if (
                keyword.arg == "init"
                and isinstance(keyword.value, ast.Constant)
                and keyword.value.value is False
            ):
                return False
    return True


def _read_model_module(tree: ast.Module, surface: Surface) -> None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and _is_attrs_class(node):
            params: list[Param] = []
            attributes: dict[str, str] = {}
            references: set[str] = set()
            for item in node.body:
                if not isinstance(item, ast.AnnAssign) or not isinstance(item.target, ast.Name):
                    continue
                annotation = ast.unparse(item.annotation)
                references |= _names(annotation)
                if _field_is_init(item.value):
                    params.append(Param(item.target.id, annotation, item.value is None, True))
                else:
                    attributes[item.target.id] = annotation
            surface.classes[node.name] = ModelClass(node.name, params, attributes, references)
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Subscript)
            and ast.unparse(node.value.value) in ("Literal", "typing.Literal")
        ):
            surface.aliases[node.targets[0].id] = ast.unparse(node.value)


def _read_endpoint_module(tree: ast.Module, qualified: str, surface: Surface) -> None:
    for node in tree.body:
        if (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name in _ENDPOINT_FUNCTIONS
        ):
            surface.functions[f"{qualified}.{node.name}"] = Function(
                f"{qualified}.{node.name}",
                _signature(node.args),
                ast.unparse(node.returns) if node.returns is not None else "None",
            )


def _signature(args: ast.arguments) -> list[Param]:
    params: list[Param] = []
    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(args.defaults)
    for index, arg in enumerate(positional):
        params.append(Param(arg.arg, _annotation(arg.annotation), index < first_default, True))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        params.append(Param(arg.arg, _annotation(arg.annotation), default is None, False))
    return params


def _annotation(node: ast.expr | None) -> str:
    return ast.unparse(node) if node is not None else "Any"


def read_surface(package: Path) -> Surface:
    """Read the generated package at ``package`` (the ``forter_orders_api`` folder)."""
    surface = Surface()
    for path in sorted((package / "models").glob("*.py")):
        _read_model_module(ast.parse(path.read_text(encoding="utf-8")), surface)
    for path in sorted((package / "api").rglob("*.py")):
        if path.name == "__init__.py":
            continue
        qualified = ".".join(path.relative_to(package).with_suffix("").parts)
        _read_endpoint_module(ast.parse(path.read_text(encoding="utf-8")), qualified, surface)
    return surface


# ---------------------------------------------------------------------- type annotations


class _Types:
    """Compares annotations as sets of alternatives (``str | None | Unset``)."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.aliases = aliases

    def atoms(self, annotation: str) -> list[ast.expr]:
        """The alternatives of a union, without ``Unset`` (required-ness is reported apart)."""
        try:
            tree = ast.parse(annotation, mode="eval").body
        except SyntaxError:
            return [ast.Name(annotation)]
        return [atom for atom in self._union(tree) if ast.unparse(atom) != "Unset"]

    def _union(self, node: ast.expr) -> Iterator[ast.expr]:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            yield from self._union(node.left)
            yield from self._union(node.right)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield from self._union(ast.parse(node.value, mode="eval").body)
        else:
            yield node

    def covers(self, wide: ast.expr, narrow: ast.expr) -> bool:
        """Whether every value of type ``narrow`` is a value of type ``wide``."""
        wide_text, narrow_text = ast.unparse(wide), ast.unparse(narrow)
        if wide_text == narrow_text or wide_text == "Any":
            return True
        if wide_text == "float" and narrow_text == "int":
            return True
        if wide_text == "str" and narrow_text in self.aliases:
            return all(isinstance(v, str) for v in self._literal_values(self.aliases[narrow_text]))
        if isinstance(wide, ast.Subscript) and isinstance(narrow, ast.Subscript):
            if ast.unparse(wide.value) != ast.unparse(narrow.value):
                return False
            if ast.unparse(wide.value) in ("Literal", "typing.Literal"):
                return set(self._literal_values(ast.unparse(narrow))) <= set(
                    self._literal_values(ast.unparse(wide))
                )
            wide_args = _subscript_args(wide)
            narrow_args = _subscript_args(narrow)
            return len(wide_args) == len(narrow_args) and all(
                self.set_covers(list(self._union(w)), list(self._union(n)))
                for w, n in zip(wide_args, narrow_args, strict=True)
            )
        return False

    @staticmethod
    def _literal_values(text: str) -> list[object]:
        node = ast.parse(text, mode="eval").body
        if not isinstance(node, ast.Subscript):
            return []
        return [e.value for e in _subscript_args(node) if isinstance(e, ast.Constant)]

    def set_covers(self, wide: list[ast.expr], narrow: list[ast.expr]) -> bool:
        return all(any(self.covers(w, n) for w in wide) for n in narrow)

    def compare(self, old: str, new: str) -> str | None:
        """``widened``, ``narrowed``, ``changed`` or None (the same type)."""
        old_atoms, new_atoms = self.atoms(old), self.atoms(new)
        wider = self.set_covers(new_atoms, old_atoms)
        narrower = self.set_covers(old_atoms, new_atoms)
        if wider and narrower:
            return None
        if wider:
            return "widened"
        if narrower:
            return "narrowed"
        return "changed"


def _subscript_args(node: ast.Subscript) -> list[ast.expr]:
    inner = node.slice
    return list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]


# ---------------------------------------------------------------------- comparison


def _type_change(
    changes: list[Change],
    key: str,
    verdict: str | None,
    *,
    consumed: bool,
    produced: bool,
    detail: str,
) -> None:
    """Record a type change of something users pass in (``consumed``) and/or read (``produced``)."""
    if verdict is None:
        return
    breaking = (
        verdict == "changed"
        or (verdict == "narrowed" and consumed)
        or (verdict == "widened" and produced)
    )
    changes.append(Change(f"{key}: type {verdict}", breaking, detail))


def _compare_params(
    changes: list[Change],
    subject: str,
    old: list[Param],
    new: list[Param],
    types: _Types,
    *,
    consumed: bool,
    produced: bool,
) -> None:
    """Compare two parameter lists.

    ``consumed``: users pass these arguments (a request model, a function); ``produced``: users
    read them back as attributes (a response model). A response model's constructor is the
    client's business, so only what readers see can break there.
    """
    new_by_name = {p.name: p for p in new}
    old_by_name = {p.name: p for p in old}
    removed = [p for p in old if p.name not in new_by_name]
    added = [p for p in new if p.name not in old_by_name]
    for param in removed:
        twin = next((p for p in added if p.annotation == param.annotation), None)
        changes.append(
            Change(
                f"{subject}({param.name}): removed",
                True,
                f"renamed to {twin.name}?" if twin is not None else "",
            )
        )
    for param in added:
        twin = next((p for p in removed if p.annotation == param.annotation), None)
        hint = f"renamed from {twin.name}?" if twin is not None else ""
        if param.required:
            changes.append(Change(f"{subject}({param.name}): added as required", consumed, hint))
        else:
            changes.append(Change(f"{subject}({param.name}): added", False, hint))
    for param in new:
        before = old_by_name.get(param.name)
        if before is None:
            continue
        if param.required and not before.required:
            changes.append(Change(f"{subject}({param.name}): made required", consumed))
        elif before.required and not param.required:
            changes.append(Change(f"{subject}({param.name}): made optional", False))
        if before.positional and not param.positional:
            changes.append(Change(f"{subject}({param.name}): made keyword-only", consumed))
        _type_change(
            changes,
            f"{subject}({param.name})",
            types.compare(before.annotation, param.annotation),
            consumed=consumed,
            produced=produced,
            detail=f"{before.annotation} -> {param.annotation}",
        )
    # Positional order: every positional argument that was required keeps its index.
    old_positional = [p.name for p in old if p.positional and p.required]
    new_positional = [p.name for p in new if p.positional]
    moved = [
        name
        for index, name in enumerate(old_positional)
        if index >= len(new_positional) or new_positional[index] != name
    ]
    if moved:
        new_required = [p.name for p in new if p.positional and p.required]
        changes.append(
            Change(
                f"{subject}: positional order changed",
                consumed,
                f"({', '.join(old_positional)}) -> ({', '.join(new_required)})",
            )
        )


def diff_surfaces(old: Surface, new: Surface) -> list[Change]:
    """The changes to the generated package's surface from ``old`` to ``new``."""
    changes: list[Change] = []
    # An alias name means the same kind of type on both sides (its values are the wire's
    # business: an enum value removed is reported there); both sides' aliases are known here.
    types = _Types({**old.aliases, **new.aliases})
    old_roles, new_roles = old.roles(), new.roles()
    for name in sorted(set(old.classes) - set(new.classes)):
        changes.append(Change(f"model {name}: removed", True))
    for name in sorted(set(new.classes) - set(old.classes)):
        changes.append(Change(f"model {name}: added", False))
    for name in sorted(set(old.aliases) - set(new.aliases)):
        changes.append(Change(f"model {name}: removed", True, "a Literal type alias"))
    for name in sorted(set(new.aliases) - set(old.aliases)):
        changes.append(Change(f"model {name}: added", False, "a Literal type alias"))
    for name in sorted(set(old.classes) & set(new.classes)):
        before, after = old.classes[name], new.classes[name]
        role = new_roles.get(name, "none")
        if role == "none":
            role = old_roles.get(name, "none")
        _compare_params(
            changes,
            f"model {name}",
            before.params,
            after.params,
            types,
            consumed=role in ("request", "both", "none"),
            produced=role in ("response", "both", "none"),
        )
        for attribute in sorted(set(before.attributes) - set(after.attributes)):
            changes.append(Change(f"model {name}.{attribute}: removed", True))
        for attribute in sorted(set(after.attributes) - set(before.attributes)):
            changes.append(Change(f"model {name}.{attribute}: added", False))
    for name in sorted(set(old.functions) - set(new.functions)):
        changes.append(Change(f"model {name}: removed", True))
    for name in sorted(set(new.functions) - set(old.functions)):
        changes.append(Change(f"model {name}: added", False))
    for name in sorted(set(old.functions) & set(new.functions)):
        before_fn, after_fn = old.functions[name], new.functions[name]
        _compare_params(
            changes,
            f"model {name}",
            before_fn.params,
            after_fn.params,
            types,
            consumed=True,
            produced=False,
        )
        _type_change(
            changes,
            f"model {name} return",
            types.compare(before_fn.returns, after_fn.returns),
            consumed=False,
            produced=True,
            detail=f"{before_fn.returns} -> {after_fn.returns}",
        )
    return sort_changes(changes)
