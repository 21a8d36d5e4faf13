"""Client-side validation of orders against the packaged ``openapi.yaml``.

The Order and OrderDecision validators are compiled with jsonschema-rs once per process (lazily,
on first use; the clients warm them in their constructor) and reused by every call. The hot path
is one ``is_valid`` call (microseconds) plus one regex scan of the serialized bytes for card
numbers; only when one of them fails does the slow path walk the order to explain every problem
with its dotted path, expectation and, for unknown keys, a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import jsonschema_rs
import orjson

from forter_orders_api.models import Order

from ._errors import OrderValidationError
from ._pan import bytes_may_hold_pan, find_pans, mask_pan, mask_pans
from ._paths import dotted, json_type, preview
from ._problem import Problem
from ._spec import component_schema
from ._strict_json import INT_MAX, INT_MIN, MAX_DEPTH, depth_problem

MOBILE_ORDER_TYPES: Final = frozenset({"MOBILE", "IOS", "ANDROID"})
# Types orjson must not convert on its own: Forter wants epoch integers and decimal strings, so a
# datetime or a dataclass reaching the encoder is a mistake to report, not something to guess at.
_DUMPS_OPTIONS: Final = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_JSON_SCALARS: Final = (str, int, float, bool, type(None))
# ECMA-262 regexes have no end-of-text anchor ("$" also matches before a final newline in
# Python's re), so the spec ends its patterns with "(?![\s\S])": no character follows. In the
# Rust regex syntax jsonschema-rs uses, that is exactly "\z", and without the look-ahead the
# pattern runs on the regex crate's automata instead of fancy-regex's backtracking VM: is_valid
# of the full example goes from ~31 to ~23 µs. tests/test_validation.py checks every pattern of
# the spec gives the same verdicts both ways.
END_OF_TEXT: Final = r"(?![\s\S])"
# The spec's orderId maxLength (checked before sending even with validate=False).
_ORDER_ID_MAX: Final = 255
_RUST_END_OF_TEXT: Final = r"\z"


@functools.cache
def _schema_root() -> dict[str, Any]:
    return component_schema("Order")


def compiled_form(schema: Any) -> Any:
    """A copy of ``schema`` in which every ``pattern`` ends with END_OF_TEXT's Rust spelling."""
    if isinstance(schema, dict):
        return {
            key: value.replace(END_OF_TEXT, _RUST_END_OF_TEXT)
            if key == "pattern" and isinstance(value, str)
            else compiled_form(value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [compiled_form(item) for item in schema]
    return schema


@functools.cache
def order_validator() -> jsonschema_rs.Validator:
    """The compiled Order validator (built once per process)."""
    # Formats asserted (the spec's "date"), as the mock does: else "tomorrow" passes here and
    # is refused by the server.
    return jsonschema_rs.validator_for(compiled_form(_schema_root()), validate_formats=True)


@functools.cache
def decision_validator() -> jsonschema_rs.Validator:
    """The compiled OrderDecision validator (built once per process)."""
    return jsonschema_rs.validator_for(compiled_form(component_schema("OrderDecision")))


def warm_up() -> None:
    """Compile both validators now, so the first checkout does not pay for it (~0.1-0.3 s)."""
    order_validator()
    decision_validator()


def order_to_dict(order: Order | Mapping[str, Any]) -> dict[str, Any]:
    """The wire form of ``order``: ``Order.to_dict()``, or the mapping itself (never trimmed)."""
    if isinstance(order, Order):
        return order.to_dict()
    if isinstance(order, dict):
        return order
    if isinstance(order, Mapping):
        return dict(order)
    raise TypeError(f"order must be a forter_orders.Order or a dict, not {type(order).__name__}")


def encode_order(order: Order | Mapping[str, Any], *, validate: bool) -> tuple[str, bytes]:
    """Return ``(orderId, body bytes)`` for sending; raise OrderValidationError when invalid.

    Serializes once with orjson; the bytes are what goes on the wire. With ``validate=False`` only
    what is needed to send at all is checked (JSON-serializable, a string orderId for the URL).
    """
    data = order_to_dict(order)
    try:
        body = orjson.dumps(data, option=_DUMPS_OPTIONS)
    except TypeError:
        raise OrderValidationError(_not_json_problems(data)) from None
    if b"null" in body and _has_non_finite(data):
        # orjson writes NaN and Infinity as null: sending that would change the order silently.
        raise OrderValidationError(_not_json_problems(data))
    if validate and (
        not order_validator().is_valid(data) or (bytes_may_hold_pan(body) and _has_pan(data))
    ):
        raise OrderValidationError(_collect_problems(data))
    order_id = data.get("orderId")
    if not isinstance(order_id, str) or not order_id:
        raise OrderValidationError(
            [
                Problem(
                    "orderId",
                    "is required (a non-empty string; it is also the URL path)",
                    "required",
                )
            ]
        )
    if len(order_id) > _ORDER_ID_MAX:
        # Even unvalidated: a megabyte orderId cannot go in a URL path (servers refuse the
        # request line before reading the body, so no error would name the field).
        raise OrderValidationError(
            [
                Problem(
                    "orderId",
                    f"is {len(order_id)} characters long: at most {_ORDER_ID_MAX} (it is also "
                    "the URL path)",
                    "maxLength",
                )
            ]
        )
    return order_id, body


def validate_order(order: Order | Mapping[str, Any]) -> list[Problem]:
    """Every problem with ``order`` (an ``Order`` or a wire-format dict); empty when it is valid.

    Checks the Order v3 schema (types, patterns, enums, required fields, unknown keys with "did you
    mean" suggestions, the web/mobile rule) and refuses full card numbers anywhere in the order.
    """
    data = order_to_dict(order)
    try:
        body = orjson.dumps(data, option=_DUMPS_OPTIONS)
    except TypeError:
        return _not_json_problems(data)
    if b"null" in body and _has_non_finite(data):
        return _not_json_problems(data)
    # The byte scan is far cheaper than walking every string; walk only when it finds a candidate.
    if order_validator().is_valid(data) and not (bytes_may_hold_pan(body) and _has_pan(data)):
        return []
    return _collect_problems(data)


# ------------------------------------------------------------------ slow path: explain


def _collect_problems(data: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for error in order_validator().iter_errors(data):
        problems.extend(_explain(error, data))
    problems.extend(_pan_problems(data))
    return problems


def _schema_at(schema_path: Sequence[str | int]) -> Any:
    node: Any = _schema_root()
    for part in schema_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _instance_at(data: Any, instance_path: Sequence[str | int]) -> Any:
    node = data
    for part in instance_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def suggest(name: str, candidates: Sequence[str]) -> str | None:
    """The allowed name closest to ``name`` (case-insensitive first, then difflib), if any."""
    by_lower = {c.lower(): c for c in candidates}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[matches[0]] if matches else None


def _mobile_rule(
    schema_path: Sequence[str | int], data: Mapping[str, Any]
) -> tuple[bool, bool, str]:
    """(is this error from Order.allOf's web/mobile rule?, mobile branch?, orderType)."""
    is_rule = (
        len(schema_path) > 5
        and list(schema_path[:4]) == ["components", "schemas", "Order", "allOf"]
        and schema_path[5] == "then"
    )
    order_type = data.get("orderType")
    # orderType may be any JSON value here (a list is unhashable): only a string can be mobile.
    is_mobile = isinstance(order_type, str) and order_type in MOBILE_ORDER_TYPES
    return (
        is_rule,
        is_mobile,
        preview(order_type) if not isinstance(order_type, str) else order_type,
    )


def _explain(error: jsonschema_rs.ValidationError, data: Mapping[str, Any]) -> Iterator[Problem]:
    kind = error.kind
    instance_path = list(error.instance_path)
    schema_path = list(error.schema_path)
    path = dotted(instance_path)
    is_rule, is_mobile, order_type = _mobile_rule(schema_path, data)

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
        parent = _schema_at(schema_path[:-1]) or {}
        allowed = sorted(parent.get("properties", {}))
        for key in kind.unexpected:
            hint = suggest(key, allowed)
            text = f"unknown field {key!r}: the schema does not allow it here"
            text += f"; did you mean {hint!r}?" if hint else f" (allowed: {', '.join(allowed)})"
            yield Problem(dotted([*instance_path, key]), mask_pans(text), "unknown_field", hint)
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
        missing = kind.property
        full = dotted([*instance_path, missing])
        if is_rule and is_mobile:
            yield Problem(
                full,
                f"is required for a native mobile-app order (orderType {order_type}): set it to "
                "the device id from Forter's mobile SDK (web orders send forterTokenCookie "
                "instead)",
                "mobile_web_rule",
            )
        elif is_rule:
            yield Problem(
                full,
                f"is required for a {order_type} order: set it to the Forter JS token cookie "
                "(ftr_...) read from the customer's browser (native app orders send "
                "forterMobileUID instead)",
                "mobile_web_rule",
            )
        elif schema_path and schema_path[-1] == "dependentRequired":
            rules = _schema_at(schema_path) or {}
            here = _instance_at(data, instance_path) or {}
            given = [k for k, needs in rules.items() if missing in needs and k in here]
            also = f" because {given[0]} is set" if given else ""
            yield Problem(full, f"is required{also}", "required")
        else:
            yield Problem(full, "is required", "required")
        return

    value = _instance_at(data, instance_path)
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Type):
        if is_rule and is_mobile:
            yield Problem(
                path,
                f"must be absent or null for a native mobile-app order (orderType {order_type}); "
                "app orders identify the device with connectionInformation.forterMobileUID, "
                f"got {preview(value)}",
                "mobile_web_rule",
            )
            return
        if is_rule:
            yield Problem(
                path,
                f"must be the Forter JS token cookie (a string) for a {order_type} order, "
                f"got {preview(value)}",
                "mobile_web_rule",
            )
            return
        expected = " or ".join(kind.types)
        yield Problem(path, f"expected {expected}, got {json_type(value)} {preview(value)}", "type")
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Enum):
        options = [str(o) for o in kind.options]
        hint = suggest(value, options) if isinstance(value, str) else None
        text = f"expected one of {', '.join(options)}; got {preview(value)}"
        if hint:
            text += f"; did you mean {hint!r}?"
        yield Problem(path, text, "enum", hint)
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Pattern):
        node = _schema_at(schema_path[:-1]) or {}
        pattern = kind.pattern.replace(_RUST_END_OF_TEXT, "$").replace(END_OF_TEXT, "$")
        description = str(node.get("description", "")).rstrip(".")
        what = f"{description} (pattern {pattern})" if description else f"a match of {pattern}"
        yield Problem(path, f"expected {what}, got {preview(value)}", "pattern")
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Format):
        # error.message would echo the whole value (megabytes, for a huge string).
        shape = " (YYYY-MM-DD)" if kind.format == "date" else ""
        yield Problem(path, f"expected a {kind.format}{shape}, got {preview(value)}", "format")
        return

    keyword = str(schema_path[-1]) if schema_path else "invalid"
    yield Problem(path, mask_pans(error.message), keyword)


# ------------------------------------------------------------------ card numbers


def _walk_strings(data: Any) -> Iterator[tuple[list[str | int], str]]:
    """Every string of 13+ characters (values, and keys at their parent) with its path."""
    stack: list[tuple[list[str | int], Any]] = [([], data)]
    while stack:
        parts, node = stack.pop()
        if isinstance(node, str):
            if len(node) >= 13:
                yield parts, node
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and len(key) >= 13:
                    yield parts, key
                if isinstance(value, dict | list | str):
                    stack.append(([*parts, key], value))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, dict | list | str):
                    stack.append(([*parts, index], value))


def _has_pan(data: Mapping[str, Any]) -> bool:
    return any(find_pans(text) for _, text in _walk_strings(data))


def _pan_problems(data: Mapping[str, Any]) -> list[Problem]:
    problems = []
    for parts, text in sorted(_walk_strings(data), key=lambda item: dotted(item[0])):
        for pan in find_pans(text):
            problems.append(
                Problem(
                    dotted(parts),
                    f"looks like a full card number ({mask_pan(pan)}); never send card numbers "
                    "to Forter: send bin and lastFourDigits (and a token) instead",
                    "card_number",
                )
            )
    return problems


def _has_non_finite(data: Any) -> bool:
    """Whether a NaN or infinite float hides in ``data`` (orjson would write it as null)."""
    # Level by level over plain containers: the cheapest walk measured; runs only when the
    # body holds a null at all.
    level: list[Any] = [data]
    while level:
        below: list[Any] = []
        for node in level:
            kind = type(node)
            if kind is str:  # most leaves: checked first, by identity
                continue
            if kind is dict:
                below.extend(node.values())
            elif kind is list:
                below.extend(node)
            elif isinstance(node, float):
                if not math.isfinite(node):
                    return True
            elif isinstance(node, Mapping):
                below.extend(node.values())
            elif isinstance(node, list | tuple):
                below.extend(node)
        level = below
    return False


def _not_json_problems(data: Any) -> list[Problem]:
    """Every value in ``data`` that cannot be sent as JSON exactly, with its path.

    Iterative (a 100,000-level nest must not raise RecursionError), and each message says what
    the value is and, where there is one, the fix.
    """
    problems: list[Problem] = []
    stack: list[tuple[list[str | int], Any]] = [([], data)]
    while stack:
        parts, node = stack.pop()
        if isinstance(node, dict | list | tuple):
            if len(parts) >= MAX_DEPTH:
                problems.append(depth_problem(parts))
                continue
            children: list[tuple[list[str | int], Any]] = []
            if isinstance(node, dict):
                for key, value in node.items():
                    if not isinstance(key, str):
                        problems.append(
                            Problem(dotted(parts), f"has a non-string key {key!r}", "not_json")
                        )
                    elif not _is_utf8(key):
                        problems.append(
                            Problem(
                                dotted(parts),
                                f"has a key with an unpaired surrogate ({_utf8_hint(key)})",
                                "not_json",
                            )
                        )
                    else:
                        children.append(([*parts, key], value))
            else:
                children = [([*parts, index], value) for index, value in enumerate(node)]
            stack.extend(reversed(children))
        elif isinstance(node, str):
            if not _is_utf8(node):
                problems.append(
                    Problem(
                        dotted(parts),
                        f"is a string with an unpaired surrogate ({_utf8_hint(node)}), which "
                        "is not text and cannot be encoded as UTF-8",
                        "not_json",
                    )
                )
        elif isinstance(node, bool) or node is None:
            continue
        elif isinstance(node, int):
            if not INT_MIN <= node <= INT_MAX:
                problems.append(
                    Problem(
                        dotted(parts),
                        f"is the integer {_shorten(str(node))}, outside the 64-bit range JSON "
                        "numbers are sent in; send it as a string",
                        "not_json",
                    )
                )
        elif isinstance(node, float):
            if not math.isfinite(node):
                problems.append(
                    Problem(
                        dotted(parts),
                        f"is {node!r}, which JSON cannot hold (it would be sent as null); "
                        "amounts are decimal strings",
                        "not_json",
                    )
                )
        else:
            hint = {
                "datetime": "; use epoch_ms() / epoch_seconds() for times",
                "date": "; use an ISO date string (date.isoformat())",
                "Decimal": "; money is a decimal string, use money() or str()",
            }.get(type(node).__name__, "")
            problems.append(
                Problem(
                    dotted(parts),
                    f"is a {type(node).__name__}, which is not JSON{hint}",
                    "not_json",
                )
            )
    return problems or [Problem("", "is not JSON-serializable", "not_json")]


def _shorten(text: str) -> str:
    return text if len(text) <= 24 else text[:21] + "..."


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _utf8_hint(text: str) -> str:
    index = next(i for i, char in enumerate(text) if 0xD800 <= ord(char) <= 0xDFFF)
    return f"\\u{ord(text[index]):04x} at index {index}"
