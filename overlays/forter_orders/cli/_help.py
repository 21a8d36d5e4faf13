"""Help screens that read like a Unix tool's: ``--out FILE``, ``FILE...``, no ``<bool>``.

typer 0.29 prints a type column such as ``<bool>``, ``<str>`` or ``<int range>`` beside every
option (flags included) and wraps required arguments as ``{FILE...}...`` in the usage line.
The command classes here swap each parameter for a subclass that prints click's conventions
instead: nothing for flags, ``INTEGER`` / ``NUMBER`` / ``TEXT`` / ``FILE`` / ``[text|json]``
for values (a metavar given on the option wins), ``FILE...`` for an argument that takes
several files and ``[FILE]`` for an optional one. ``tests/test_cli.py`` checks every command's
``--help``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

if TYPE_CHECKING:
    # typer 0.29 carries its own copy of click; its Context is what these methods receive.
    from typer._click.core import Context

_TYPE_METAVARS = {
    "int": "INTEGER",
    "int range": "INTEGER",
    "float": "NUMBER",
    "float range": "NUMBER",
    "str": "TEXT",
    "file": "FILE",
    "path": "PATH",
    "dir": "DIR",
    "directory": "DIR",
}


class _Option(TyperOption):
    def display_type_rich(self, ctx: Context) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag:
            return None
        label = self.display_type(ctx).strip("<>")
        metavar = _TYPE_METAVARS.get(label)
        if metavar is not None:
            return metavar
        return f"[{label}]" if "|" in label else label.upper()


class _Argument(TyperArgument):
    def _label(self) -> str:
        name = (self.metavar or (self.name or "value").upper()).removesuffix("...")
        return f"{name}..." if self.nargs != 1 else name

    def display_type_rich(self, ctx: Context) -> str | None:
        return None  # the name column already says FILE / FILE...

    @property
    def display_name_raw(self) -> str:
        return self._label()

    def _rich_display_name(self) -> str:
        return self._label()

    def _usage_display_name(self) -> str:
        return self._label() if self.required else f"[{self._label()}]"


def _tidy(params: Sequence[object]) -> None:
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _Option
        elif type(param) is TyperArgument:
            param.__class__ = _Argument


class Command(TyperCommand):
    """A typer command whose help uses click's metavars (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy(self.params)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        _tidy([option])
        return option


class Group(TyperGroup):
    """The top-level group: its options get the same treatment as the commands'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy(self.params)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        _tidy([option])
        return option
