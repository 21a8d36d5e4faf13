"""Request validation for the mock, built once from the packaged spec.

Two validators read the same packaged ``openapi.yaml`` (never a second copy of the schema):

* a compiled jsonschema-rs validator answers "is this request valid?" in microseconds, so a
  batch of valid orders stays cheap (openapi-core takes 4-11 ms per order here);
* openapi-core, the reference, runs whenever the fast check says "invalid" (or cannot be
  sure): it lists every violation and has the final word, so a request openapi-core accepts
  is never rejected because of the fast path.

The fast path cannot check ``format: int64`` (jsonschema-rs ignores unknown formats), so
any integer outside the int64 range sends the request to openapi-core.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

import jsonschema_rs
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.exceptions import MediaTypeDeserializeError
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    MissingParameterError,
    MissingRequestBodyError,
    ParameterValidationError,
    RequestBodyValidationError,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .._pan import mask_pans
from .._paths import dotted, json_type, preview
from .._spec import load_spec

ORDER_PATH: Final = "/v3/orders/{orderId}"
_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1
_MESSAGE_CHARS: Final = 320
_REQUIRED_RE: Final = re.compile(r"^'(.*)' is a required property$", re.DOTALL)

ErrorDetail = dict[str, str]


def _join(base: str, name: str) -> str:
    return f"{base}.{name}" if base else name


def _schema_error_details(error: Any, body: object) -> Iterator[ErrorDetail]:
    """Turn one jsonschema ``ValidationError`` into dotted-path error details."""
    base = dotted(error.absolute_path)
    keyword = str(error.validator)
    # The if/then rule on orderType: say why the field is expected, or the message puzzles.
    suffix = ""
    if "then" in error.relative_schema_path and isinstance(body, dict):
        suffix = f" (because orderType is {preview(body.get('orderType'))})"
    if keyword == "required":
        match = _REQUIRED_RE.match(str(error.message))
        name = match.group(1) if match else "?"
        yield {"path": _join(base, name), "message": f"required field is missing{suffix}"}
        return
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        known = schema.get("properties", {})
        unknown = [key for key in error.instance if key not in known]
        if unknown:
            for key in unknown:
                yield {
                    "path": _join(base, mask_pans(str(key))),
                    "message": "unknown field (not in the schema)",
                }
            return
    value = error.instance
    expected = error.validator_value
    if keyword == "type":
        types = expected if isinstance(expected, list) else [expected]
        message = f"expected {' or '.join(map(str, types))}, got {json_type(value)}"
    elif keyword == "pattern":
        message = f"must match the pattern {expected} (got {preview(value)})"
    elif keyword == "enum":
        message = f"must be one of {', '.join(map(str, expected))} (got {preview(value)})"
    elif keyword == "const":
        message = f"must be {preview(expected)} (got {preview(value)})"
    elif keyword == "format":
        message = f"must be a valid {expected} (got {preview(value)})"
    elif keyword in {"minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems"}:
        message = f"{keyword} is {expected} (got {preview(value)})"
    else:
        message = mask_pans(str(error.message))  # messages echo values: no card numbers
        if len(message) > _MESSAGE_CHARS:
            message = message[:_MESSAGE_CHARS] + "..."
    yield {"path": base, "message": message + suffix}


def _int64_safe(value: object) -> bool:
    """True when no integer in ``value`` lies outside the int64 range."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int) and not _INT64_MIN <= item <= _INT64_MAX:
            return False
    return True


class _CoreRequest:
    """The minimal request object openapi-core's validator reads."""

    def __init__(
        self, order_id: str, headers: Headers, content_type: str, body: bytes | None
    ) -> None:
        self.host_url = "http://mock"
        # A placeholder that always matches the template: the real orderId (which may hold
        # "/" once decoded) goes into the path parameters, which openapi-core then uses.
        self.path = "/v3/orders/_"
        self.method = "post"
        self.content_type = content_type
        self.body = body
        self.parameters = RequestParameters(
            path={"orderId": order_id},
            query=ImmutableMultiDict(),
            header=headers,
            cookie=ImmutableMultiDict(),
        )


def _reference_details(error: Exception, body: object) -> Iterator[ErrorDetail]:
    cause = error.__cause__
    if isinstance(error, ParameterValidationError):
        where = f"{error.location}:{error.name}"
        if isinstance(error, MissingParameterError):
            yield {"path": where, "message": "required parameter is missing"}
        elif isinstance(cause, InvalidSchemaValue):
            for item in cause.schema_errors:
                detail = next(_schema_error_details(item, None), None)
                if detail is not None:
                    yield {"path": where, "message": detail["message"]}
        else:
            yield {"path": where, "message": "invalid parameter"}
    elif isinstance(error, MissingRequestBodyError):
        yield {"path": "", "message": "request body is required"}
    elif isinstance(error, RequestBodyValidationError):
        if isinstance(cause, InvalidSchemaValue):
            for item in cause.schema_errors:
                yield from _schema_error_details(item, body)
        elif isinstance(cause, MediaTypeNotFound):
            yield {
                "path": "header:content-type",
                "message": "Content-Type must be application/json",
            }
        elif isinstance(cause, MediaTypeDeserializeError):
            yield {"path": "", "message": "request body is not valid JSON"}
        else:
            yield {"path": "", "message": "request body is invalid"}
    else:
        # Never str() an openapi-core error blindly: some raise UnicodeDecodeError there.
        yield {"path": "", "message": f"invalid request ({type(error).__name__})"}


@functools.cache
def _core_validator() -> Any:
    # A shallow copy: the cached spec dict is shared and must not change. openapi-core
    # rejects requests whose host matches no server, and the mock runs on any host.
    spec = {**load_spec(), "servers": [{"url": "/"}]}
    return OpenAPI.from_dict(spec).request_validator


@functools.cache
def _fast_validators() -> tuple[Any, tuple[tuple[str, str, bool, Any], ...]]:
    spec = load_spec()
    components = spec["components"]
    body_schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": components,
        "$ref": "#/components/schemas/Order",
    }
    body = jsonschema_rs.validator_for(body_schema, validate_formats=True)
    params = []
    for param in spec["paths"][ORDER_PATH]["post"].get("parameters", []):
        if "$ref" in param:
            param = components["parameters"][param["$ref"].rsplit("/", 1)[-1]]
        validator = jsonschema_rs.validator_for(param.get("schema", {}), validate_formats=True)
        params.append((param["in"], param["name"], bool(param.get("required")), validator))
    return body, tuple(params)


class OrderValidator:
    """Validates ``POST /v3/orders/{orderId}`` requests; build once, call per request."""

    def __init__(self) -> None:
        self._body, self._params = _fast_validators()
        self._core = _core_validator()

    def _fast_ok(
        self, order_id: str, headers: Mapping[str, str], content_type: str, parsed: object
    ) -> bool:
        if content_type.split(";", 1)[0].strip().lower() != "application/json":
            return False
        for location, name, required, validator in self._params:
            if location == "path":
                value: str | None = order_id
            elif location == "header":
                value = headers.get(name)
            else:  # the spec has no query or cookie parameters today; let the reference decide
                return False
            if value is None:
                if required:
                    return False
            elif not validator.is_valid(value):
                return False
        return bool(self._body.is_valid(parsed)) and _int64_safe(parsed)

    def errors(
        self,
        order_id: str,
        headers: Mapping[str, str],
        content_type: str,
        raw_body: bytes,
        parsed: object,
    ) -> list[ErrorDetail]:
        """Every violation in the request, as ``{"path", "message"}`` dicts (empty: valid).

        ``raw_body`` must already be known to be UTF-8 JSON (``parsed`` is its value).
        """
        if self._fast_ok(order_id, headers, content_type, parsed):
            return []
        request = _CoreRequest(order_id, Headers(list(headers.items())), content_type, raw_body)
        details: list[ErrorDetail] = []
        for error in self._core.iter_errors(request):
            details.extend(_reference_details(error, parsed))
        return details


def warm_up() -> None:
    """Build (and cache) both validators now, e.g. before a server starts accepting."""
    _fast_validators()
    _core_validator()
