"""Field paths and value previews, shared by the client's validator and the mock's.

Both report problems the same way (``cartItems[0].basicItemData.price.currency: expected ...,
got 'usd'``), so a merchant reads one vocabulary whether the client or the mock refused an order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from ._pan import mask_pans

PREVIEW_CHARS = 60


def dotted(parts: Iterable[str | int]) -> str:
    """``["cartItems", 0, "basicItemData"]`` -> ``cartItems[0].basicItemData`` (root: ``""``).

    Keys that are not identifiers are quoted (``["odd key"]``) so the path stays unambiguous.
    A key that holds a card number (an order with a dict keyed by PAN) is shown masked: paths
    end up in exception messages, logs and journals.
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        name = mask_pans(part)
        if name.isidentifier():
            out += f".{name}" if out else name
        else:
            out += f"[{name!r}]"
    return out


def json_type(value: Any) -> str:
    """The JSON Schema type name of a decoded JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def preview(value: Any) -> str:
    """A short rendering of ``value`` for a message; card numbers in it are masked."""
    try:
        text = repr(value) if isinstance(value, str) else orjson.dumps(value, default=repr).decode()
    except TypeError:  # an integer beyond 64 bits, a nest deeper than orjson writes
        text = repr(value)[: PREVIEW_CHARS * 2]
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 3] + "..."
    return mask_pans(text)


def described(value: Any) -> str:
    """``string 'usd'``, ``integer 3``, or just ``null`` (not ``null null``) for a message."""
    return "null" if value is None else f"{json_type(value)} {preview(value)}"
