"""One reported change, and the line format machines match on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

BREAKING: Final = "BREAKING"
COMPATIBLE: Final = "compatible"

#: ``<LABEL> <key>[ -- <detail>]``: the key is stable for a given change (it never holds a
#: position, a count or a sample value); the detail explains it and may change between versions.
DETAIL_SEPARATOR: Final = " -- "
LINE: Final = re.compile(
    rf"^(?P<label>{BREAKING}|{COMPATIBLE})\s+(?P<key>.+?)(?:{re.escape(DETAIL_SEPARATOR)}(?P<detail>.*))?$"
)


@dataclass(frozen=True, slots=True, order=True)
class Change:
    """A difference between two versions of the contract.

    Attributes:
        key: ``<scope> <subject>: <what>``, e.g. ``request Order.primaryRecipient: removed``.
            The scope is ``request`` / ``response`` (a schema, by the direction it travels),
            ``operation`` / ``server`` / ``security`` (the rest of the wire), ``model`` (the
            generated ``forter_orders_api`` package) or ``api`` (the hand-written
            ``forter_orders`` package).
        breaking: whether code or integrations written against the old version can break.
        detail: the values behind the change (``255 -> 100``), for people.
    """

    key: str
    breaking: bool
    detail: str = ""

    @property
    def label(self) -> str:
        """``BREAKING`` or ``compatible``."""
        return BREAKING if self.breaking else COMPATIBLE

    def line(self) -> str:
        """The report line: label, key and (when there is one) the detail."""
        text = f"{self.label:<10} {self.key}"
        return f"{text}{DETAIL_SEPARATOR}{self.detail}" if self.detail else text


def parse_line(line: str) -> Change | None:
    """The :class:`Change` a report line describes (``None`` for any other line)."""
    match = LINE.match(line.rstrip("\n"))
    if match is None:
        return None
    return Change(match["key"], match["label"] == BREAKING, match["detail"] or "")


def sort_changes(changes: list[Change]) -> list[Change]:
    """Breaking changes first, then by key; duplicates (same key) dropped."""
    seen: dict[str, Change] = {}
    for change in changes:
        kept = seen.get(change.key)
        if kept is None or (change.breaking and not kept.breaking):
            seen[change.key] = change
    return sorted(seen.values(), key=lambda c: (not c.breaking, c.key))
