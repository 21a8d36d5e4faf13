"""Client-side validation of orders: errors block, warnings are reported.

Two severities (see README, "What validation blocks, and why"):

* **errors** - what is certainly unsafe or impossible to send: a value JSON cannot hold exactly
  (NaN / Infinity, an integer beyond 64 bits, nesting deeper than any serializer writes, a
  non-string key, an unpaired surrogate, a ``datetime``), an ``orderId`` that cannot be the URL
  path segment (missing, not a string, empty, too long, ``.`` or ``..``), and a full card number
  in clear anywhere in the order;
* **warnings** - everything else the spec knows, checked against its *strict view* (unknown
  members with a did-you-mean, types, patterns, enums, required and recommended members, the
  web/mobile rule; see ``_spec.strict_form``).

Three modes: ``"default"`` (errors raise :class:`OrderValidationError`, warnings are returned with
the decision and logged), ``"strict"`` (warnings raise too: for development, CI and tests) and
``"off"`` (only what cannot be sent at all is refused; no card-number scan, no schema).

The hot path costs one orjson serialization (the bytes that go on the wire), a byte scan for
card numbers and one compiled ``is_valid`` of the strict view (jsonschema-rs, microseconds); only
when one of them fails does the slow path walk the order to explain every problem.
"""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Literal, NamedTuple

import jsonschema_rs
import orjson

from forter_orders_api.models import Order

from ._config import _env
from ._errors import ConfigurationError, OrderValidationError
from ._pan import bytes_may_hold_pan, find_pans, mask_pan, mask_pans
from ._paths import described, dotted, json_type, preview
from ._problem import Problem
from ._spec import (
    RECOMMENDED,
    component_schema,
    load_spec,
    order_type_rules,
    strict_component_schema,
)
from ._strict_json import INT_MAX, INT_MIN, MAX_DEPTH, depth_problem

ValidationMode = Literal["default", "strict", "off"]
"""``"default"``: errors block, warnings are reported; ``"strict"``: warnings block too;
``"off"``: only what cannot be sent at all is refused."""

VALIDATION_MODES: Final[tuple[ValidationMode, ...]] = ("default", "strict", "off")
VALIDATION_ENV: Final = "FORTER_VALIDATION"
"""The environment variable that sets the mode of clients built without ``validation=``."""

# Types orjson must not convert on its own: Forter wants epoch integers and decimal strings, so a
# datetime or a dataclass reaching the encoder is a mistake to report, not something to guess at.
_DUMPS_OPTIONS: Final = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
# ECMA-262 regexes have no end-of-text anchor ("$" also matches before a final newline in
# Python's re), so the spec ends its patterns with "(?![\s\S])": no character follows. In the
# Rust regex syntax jsonschema-rs uses, that is exactly "\z", and without the look-ahead the
# pattern runs on the regex crate's automata instead of fancy-regex's backtracking VM: is_valid
# of the full example goes from ~31 to ~23 µs. tests/test_validation.py checks every pattern of
# the spec gives the same verdicts both ways.
END_OF_TEXT: Final = r"(?![\s\S])"
_RUST_END_OF_TEXT: Final = r"\z"
# At most this many warnings are spelled out in the one log record per order.
_LOGGED_WARNINGS: Final = 10
# jsonschema-rs writes this instead of the value into its error messages: without it, every error
# formats the whole instance (the whole order, for an error at the root) into its verbose
# message, which halved the cost of explaining an order with warnings. The explanation puts a
# short preview in its place.
_MASK: Final = "\u2063value\u2063"


class Encoded(NamedTuple):
    """An order ready to send: its id (the URL path segment), the body bytes, its warnings."""

    order_id: str
    body: bytes
    warnings: tuple[Problem, ...]


# ------------------------------------------------------------------ modes


def resolve_validation(
    validation: str | None = None, validate: bool | None = None, *, env: bool = True
) -> ValidationMode:
    """The validation mode from ``validation=``, else the older ``validate=`` (True: default,
    False: off), else (with ``env``) ``FORTER_VALIDATION``, else ``"default"``.

    Raises ConfigurationError for an unknown mode or for both arguments at once.
    """
    if validation is not None:
        if validate is not None:
            raise ConfigurationError(
                "pass validation=... or the older validate=..., not both "
                "(validate=True is validation='default', validate=False is validation='off')"
            )
        return _mode(validation, "validation=")
    if validate is not None:
        if not isinstance(validate, bool):
            raise ConfigurationError(f"validate= must be True or False, got {validate!r}")
        return "default" if validate else "off"
    if env:
        value = (_env(VALIDATION_ENV) or "").strip()
        if value:
            return _mode(value.lower(), VALIDATION_ENV)
    return "default"


def _mode(value: object, where: str) -> ValidationMode:
    for mode in VALIDATION_MODES:
        if value == mode:
            return mode
    raise ConfigurationError(
        f"{where} must be one of {', '.join(VALIDATION_MODES)}, got {preview(value)}"
    )


# ------------------------------------------------------------------ compiled validators


@functools.cache
def _strict_root() -> dict[str, Any]:
    root: dict[str, Any] = compiled_form(strict_component_schema("Order"))
    return root


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
    """The compiled validator of the Order's strict view (built once per process)."""
    # Formats asserted (the spec's "date"), as the mock does: else "tomorrow" passes here and
    # is refused in strict mode by the mock.
    return jsonschema_rs.validator_for(_strict_root(), validate_formats=True, mask=_MASK)


@functools.cache
def decision_validator() -> jsonschema_rs.Validator:
    """The compiled OrderDecision validator (built once per process)."""
    return jsonschema_rs.validator_for(compiled_form(component_schema("OrderDecision")))


@functools.cache
def _order_id_rules() -> tuple[int, int, frozenset[str]]:
    """(minLength, maxLength, refused values) of the orderId path parameter, from the spec."""
    schema = load_spec()["components"]["parameters"]["OrderIdPath"]["schema"]
    return (
        int(schema["minLength"]),
        int(schema["maxLength"]),
        frozenset(schema.get("not", {}).get("enum", ())),
    )


def warm_up() -> None:
    """Compile both validators now, so the first checkout does not pay for it (~0.1-0.3 s)."""
    order_validator()
    decision_validator()
    _order_id_rules()
    order_type_rules()


# ------------------------------------------------------------------ the hot path


def order_to_dict(order: Order | Mapping[str, Any]) -> dict[str, Any]:
    """The wire form of ``order``: ``Order.to_dict()``, or the mapping itself (never trimmed)."""
    if isinstance(order, Order):
        return order.to_dict()
    if isinstance(order, dict):
        return order
    if isinstance(order, Mapping):
        return dict(order)
    raise TypeError(f"order must be a forter_orders.Order or a dict, not {type(order).__name__}")


Warnings = Callable[[], tuple[Problem, ...]]
"""The strict-view warnings of an order, computed when called (see :func:`encode_for_send`)."""


def encode_order(
    order: Order | Mapping[str, Any], *, validate: bool | ValidationMode = "default"
) -> Encoded:
    """Serialize and check ``order`` for sending; raise OrderValidationError when it must not go.

    ``validate`` is the mode (``True`` / ``False``: ``"default"`` / ``"off"``). Serializes once
    with orjson; the bytes are what goes on the wire. Returns the warnings of the strict view
    (empty in ``"off"`` mode, which does not look for them).
    """
    mode: ValidationMode = (
        ("default" if validate else "off") if isinstance(validate, bool) else validate
    )
    encoded, pending = _encode(order, mode, defer=False)
    assert pending is None  # noqa: S101 - only defer=True leaves warnings for later
    return encoded


def encode_for_send(
    order: Order | Mapping[str, Any], mode: ValidationMode
) -> tuple[Encoded, Warnings | None]:
    """:func:`encode_order` for the client: in the default mode the strict view's warnings,
    which cannot keep the order from being sent, are left to the returned function.

    Everything that can block is checked here, before anything is sent: the errors in every mode
    but off, the warnings too in strict mode. The client calls the function once the body is on
    the wire, while Forter reads and decides (the check costs tens of microseconds that would
    otherwise add to every checkout), and always before ``create`` returns.
    """
    return _encode(order, mode, defer=mode == "default")


def _encode(
    order: Order | Mapping[str, Any], mode: ValidationMode, *, defer: bool
) -> tuple[Encoded, Warnings | None]:
    data = order_to_dict(order)
    try:
        body = orjson.dumps(data, option=_DUMPS_OPTIONS)
    except TypeError:
        raise OrderValidationError(_not_json_problems(data)) from None
    if b"null" in body and _has_non_finite(data):
        # orjson writes NaN and Infinity as null: sending that would change the order silently.
        raise OrderValidationError(_not_json_problems(data))
    # A str whenever id_problem is None, which every return below depends on.
    order_id: Any = data.get("orderId")
    id_problem = _order_id_problem(order_id)
    if mode == "off":
        if id_problem is not None:
            raise OrderValidationError([id_problem])
        return Encoded(order_id, body, ()), None
    # The byte scan is far cheaper than walking every string; walk only when it finds a candidate.
    has_pan = bytes_may_hold_pan(body) and _has_pan(data)
    if id_problem is None and not has_pan:
        if defer:
            return Encoded(order_id, body, ()), functools.partial(_warnings_of, data)
        if order_validator().is_valid(data):
            return Encoded(order_id, body, ()), None
    problems = _collect_problems(data, id_problem, has_pan)
    if problems and (mode == "strict" or problems[0].severity == "error"):
        raise OrderValidationError(problems, strict=mode == "strict")
    return Encoded(order_id, body, tuple(problems)), None


def _warnings_of(data: Mapping[str, Any]) -> tuple[Problem, ...]:
    """The strict view's warnings of an order already free of errors."""
    if order_validator().is_valid(data):
        return ()
    return tuple(_collect_problems(data, None, has_pan=False))


def validate_order(order: Order | Mapping[str, Any]) -> list[Problem]:
    """Every problem with ``order`` (an ``Order`` or a wire-format dict); empty when it is valid.

    Each :class:`Problem` has a severity: errors first (not JSON, an orderId that cannot be sent,
    a full card number anywhere), then warnings (the strict view of the Order v3 schema: unknown
    members with "did you mean" suggestions, types, patterns, enums, required and recommended
    members, the web/mobile rule). Nothing is sent.
    """
    data = order_to_dict(order)
    try:
        body = orjson.dumps(data, option=_DUMPS_OPTIONS)
    except TypeError:
        return _not_json_problems(data)
    if b"null" in body and _has_non_finite(data):
        return _not_json_problems(data)
    id_problem = _order_id_problem(data.get("orderId"))
    # The byte scan is far cheaper than walking every string; walk only when it finds a candidate.
    has_pan = bytes_may_hold_pan(body) and _has_pan(data)
    if id_problem is None and not has_pan and order_validator().is_valid(data):
        return []
    return _collect_problems(data, id_problem, has_pan)


def log_line(order_id: str, warnings: Sequence[Problem]) -> str:
    """The one WARNING line for an order sent with ``warnings`` (previews already masked)."""
    shown = "; ".join(str(p) for p in warnings[:_LOGGED_WARNINGS])
    more = len(warnings) - _LOGGED_WARNINGS
    if more > 0:
        shown += f"; and {more} more"
    noun = "warning" if len(warnings) == 1 else "warnings"
    return (
        f"order {order_id}: sent with {len(warnings)} validation {noun} "
        f"(strict mode would refuse it): {shown}"
    )


# ------------------------------------------------------------------ errors: the order id


def _order_id_problem(order_id: object) -> Problem | None:
    """Why ``order_id`` cannot be sent (it becomes the URL's last path segment), or None."""
    minimum, maximum, refused = _order_id_rules()
    if order_id is None:
        return _id_problem("is required (a non-empty string; it is also the URL path)", "required")
    if not isinstance(order_id, str):
        return _id_problem(
            f"must be a string (it is also the URL path), got {json_type(order_id)} "
            f"{preview(order_id)}",
            "type",
        )
    if len(order_id) < minimum:
        return _id_problem("must not be empty (it is also the URL path)", "minLength")
    if len(order_id) > maximum:
        # Even unvalidated: a megabyte orderId cannot go in a URL path (servers refuse the
        # request line before reading the body, so no error would name the field).
        return _id_problem(
            f"is {len(order_id)} characters long: at most {maximum} (it is also the URL path)",
            "maxLength",
        )
    if order_id in refused:
        return _id_problem(
            f"cannot be {order_id!r}: HTTP clients resolve it as a path segment, so the request "
            "would reach another URL",
            "order_id",
        )
    return None


def _id_problem(message: str, code: str) -> Problem:
    return Problem("orderId", message, code, severity="error")


# ------------------------------------------------------------------ slow path: explain


def _collect_problems(
    data: Mapping[str, Any], id_problem: Problem | None, has_pan: bool
) -> list[Problem]:
    """Errors first (orderId, card numbers), then the strict view's warnings."""
    errors = [id_problem] if id_problem is not None else []
    if has_pan:
        errors.extend(_pan_problems(data))
    warnings: list[Problem] = []
    for error in order_validator().iter_errors(data):
        warnings.extend(_explain(error, data))
    if id_problem is not None:
        # The error already says what is wrong with the orderId; the schema would repeat it.
        warnings = [w for w in warnings if w.path != "orderId"]
    # By path (stable: one path's problems keep the validator's order), so the same order
    # always reads the same way.
    return errors + sorted(warnings, key=lambda w: w.path)


def _schema_at(schema_path: Sequence[str | int]) -> Any:
    node: Any = _strict_root()
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
    return _suggest(name, tuple(candidates))


# An integration that misspells a member does so in every order: remember the answers (difflib
# takes hundreds of microseconds over an object's members).
@functools.lru_cache(maxsize=4096)
def _suggest(name: str, candidates: tuple[str, ...]) -> str | None:
    by_lower = {c.lower(): c for c in candidates}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[matches[0]] if matches else None


def _warning(path: str, message: str, code: str, suggestion: str | None = None) -> Problem:
    return Problem(path, message, code, suggestion, severity="warning")


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
    # The mobile order types are the spec's (the web/mobile rule's `if`), read once.
    is_mobile = isinstance(order_type, str) and order_type in order_type_rules()[0]
    return (
        is_rule,
        is_mobile,
        preview(order_type) if not isinstance(order_type, str) else order_type,
    )


def _explain(
    error: jsonschema_rs.ValidationError, data: Mapping[str, Any], nullable: bool = False
) -> Iterator[Problem]:
    kind = error.kind
    instance_path = list(error.instance_path)
    schema_path = list(error.schema_path)
    path = dotted(instance_path)
    is_rule, is_mobile, order_type = _mobile_rule(schema_path, data)

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.AnyOf):
        # A nullable member ("anyOf": [{"$ref": ...}, {"type": "null"}]): explain the value
        # against the non-null branch, saying that null would do too.
        yield from _explain_any_of(kind, instance_path, schema_path, data)
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
        parent = _schema_at(schema_path[:-1]) or {}
        allowed = sorted(parent.get("properties", {}))
        for key in kind.unexpected:
            hint = suggest(key, allowed)
            text = f"unknown field {key!r}: the spec does not list it here, so Forter may ignore it"
            text += f"; did you mean {hint!r}?" if hint else f" (known: {', '.join(allowed)})"
            yield _warning(dotted([*instance_path, key]), mask_pans(text), "unknown_field", hint)
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
        missing = kind.property
        full = dotted([*instance_path, missing])
        node = _schema_at(schema_path[:-1]) or {}
        if is_rule and missing == "connectionInformation":
            what = "native mobile-app" if is_mobile else order_type
            yield _warning(
                full,
                f"is required for a {what} order (orderType {order_type}): customerIP, userAgent "
                "and " + ("forterMobileUID" if is_mobile else "the forterTokenCookie"),
                "mobile_web_rule",
            )
        elif is_rule and is_mobile:
            yield _warning(
                full,
                f"is required for a native mobile-app order (orderType {order_type}): set it to "
                "the device id from Forter's mobile SDK (web orders send forterTokenCookie "
                "instead)",
                "mobile_web_rule",
            )
        elif is_rule:
            yield _warning(
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
            yield _warning(full, f"is required{also}", "required")
        elif missing in node.get(RECOMMENDED, ()):
            yield _warning(
                full,
                "is missing: Forter recommends it (it improves the decision); strict mode "
                "requires it",
                "recommended",
            )
        else:
            yield _warning(full, "is required", "required")
        return

    value = _instance_at(data, instance_path)
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Type):
        if is_rule and is_mobile:
            yield _warning(
                path,
                f"must be absent or null for a native mobile-app order (orderType {order_type}); "
                "app orders identify the device with connectionInformation.forterMobileUID, "
                f"got {preview(value)}",
                "mobile_web_rule",
            )
            return
        if is_rule:
            yield _warning(
                path,
                f"must be the Forter JS token cookie (a string) for a {order_type} order, "
                f"got {preview(value)}",
                "mobile_web_rule",
            )
            return
        types = list(kind.types)
        if nullable and "null" not in types:
            types.append("null")
        expected = " or ".join(types)
        yield _warning(path, f"expected {expected}, got {described(value)}", "type")
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Enum):
        options = [str(o) for o in kind.options]
        hint = suggest(value, options) if isinstance(value, str) else None
        text = f"expected one of {', '.join(options)}; got {preview(value)}"
        if hint:
            text += f"; did you mean {hint!r}?"
        yield _warning(path, text, "enum", hint)
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Pattern):
        node = _schema_at(schema_path[:-1]) or {}
        pattern = kind.pattern.replace(_RUST_END_OF_TEXT, "$").replace(END_OF_TEXT, "$")
        description = str(node.get("description", "")).split(". ")[0].rstrip(".")
        what = f"{description} (pattern {pattern})" if description else f"a match of {pattern}"
        yield _warning(path, f"expected {what}, got {preview(value)}", "pattern")
        return

    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Format):
        # error.message would echo the whole value (megabytes, for a huge string).
        shape = " (YYYY-MM-DD)" if kind.format == "date" else ""
        yield _warning(path, f"expected a {kind.format}{shape}, got {preview(value)}", "format")
        return

    keyword = str(schema_path[-1]) if schema_path else "invalid"
    message = error.message.replace(_MASK, preview(value))
    if len(message) > 200:  # a message that quotes a schema at length helps nobody
        message = f"breaks {keyword!r} of the spec, got {preview(value)}"
    yield _warning(path, mask_pans(message), keyword)


def _explain_any_of(
    kind: Any,
    instance_path: list[str | int],
    schema_path: list[str | int],
    data: Mapping[str, Any],
) -> Iterator[Problem]:
    branches = _schema_at(schema_path) or []
    is_null = [isinstance(b, dict) and b.get("type") == "null" for b in branches]
    nullable = any(is_null)
    explained = False
    for index, sub_errors in enumerate(kind.context):
        if index < len(is_null) and is_null[index]:
            continue  # "is not of type null": says nothing the other branch does not
        for sub in sub_errors:
            explained = True
            yield from _explain(sub, data, nullable=nullable and _same(sub, instance_path))
    if not explained:
        value = _instance_at(data, instance_path)
        yield _warning(
            dotted(instance_path),
            f"matches none of the allowed shapes, got {described(value)}",
            "anyOf",
        )


def _same(error: jsonschema_rs.ValidationError, instance_path: list[str | int]) -> bool:
    return list(error.instance_path) == instance_path


# ------------------------------------------------------------------ card numbers


def _walk_strings(data: Any) -> Iterator[tuple[list[str | int], str]]:
    """Every string of 13+ characters (values, and keys at their parent) and every integer of
    13+ digits (as text: a card number sent as a JSON number is still a card number at Forter),
    with its path."""
    stack: list[tuple[list[str | int], Any]] = [([], data)]
    while stack:
        parts, node = stack.pop()
        if isinstance(node, str):
            if len(node) >= 13:
                yield parts, node
        elif type(node) is int:
            if node >= 10**12:
                yield parts, str(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and len(key) >= 13:
                    yield parts, key
                if isinstance(value, dict | list | str | int):
                    stack.append(([*parts, key], value))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, dict | list | str | int):
                    stack.append(([*parts, index], value))


def _has_pan(data: Mapping[str, Any]) -> bool:
    return any(find_pans(text) for _, text in _walk_strings(data))


def _pan_problems(data: Mapping[str, Any]) -> list[Problem]:
    found: Iterable[tuple[list[str | int], str]] = _walk_strings(data)
    # Paths are spelled out only for the strings that hold a card number.
    hits = [(dotted(parts), pans) for parts, text in found if (pans := find_pans(text))]
    problems = []
    for path, pans in sorted(hits, key=lambda item: item[0]):
        for pan in pans:
            problems.append(
                Problem(
                    path,
                    f"looks like a full card number ({mask_pan(pan)}); never send card numbers "
                    "to Forter: send bin and lastFourDigits (and a token) instead",
                    "card_number",
                    severity="error",
                )
            )
    return problems


# ------------------------------------------------------------------ errors: not JSON


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
