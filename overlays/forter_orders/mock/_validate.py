"""Request validation for the mock: the client's validation for the body, openapi-core for the
parameters, both built once from the packaged spec.

The mock answers like Forter: a body is refused (400) only for what the client's default
validation treats as an error (not JSON, an orderId that cannot be sent, a full card number);
everything the spec's strict view finds is a *warning*, returned in the ``x-mock-warnings``
header and the recordings - and refused too when the mock is strict (``--strict``,
``MockConfig(strict=True)``, ``MockController.strict``). The body checks are the core's
``forter_orders._validation`` (the same code, the same messages, the same strict view the
client uses), so a merchant reads one vocabulary whether the client or the mock spoke.

Parameters (path and headers) are checked by compiled jsonschema-rs validators of the spec's
parameter schemas; when one fails, openapi-core (the reference, reading the same spec) lists
what is wrong. Every parameter problem is an error.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from typing import Any, Final

import jsonschema_rs
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.request.exceptions import (
    MissingParameterError,
    ParameterValidationError,
)
from openapi_core.validation.request.validators import V31RequestParametersValidator
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .._paths import json_type, preview
from .._problem import Problem
from .._spec import load_spec
from .._validation import validate_order

ORDER_PATH: Final = "/v3/orders/{orderId}"

ErrorDetail = dict[str, str]


@dataclasses.dataclass(frozen=True, slots=True)
class Verdict:
    """What the mock makes of one order request.

    ``errors`` (``{"path", "message"}``, the spec's ``ErrorDetail``) always answer 400;
    ``warnings`` (``{"path", "message", "code"}``) answer 400 only when the mock is strict.
    """

    errors: list[ErrorDetail]
    warnings: list[ErrorDetail]


def error_detail(problem: Problem) -> ErrorDetail:
    """A problem as the spec's ``ErrorDetail`` (what a 400 body lists)."""
    return {"path": problem.path, "message": problem.message}


def warning_detail(problem: Problem) -> ErrorDetail:
    """A warning as the mock reports it (header, recordings): path, message, code."""
    return {"path": problem.path, "message": problem.message, "code": problem.code}


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


def _parameter_details(error: Exception) -> Iterator[ErrorDetail]:
    if isinstance(error, ParameterValidationError):
        where = f"{error.location}:{error.name}"
        cause = error.__cause__
        if isinstance(error, MissingParameterError):
            yield {"path": where, "message": "required parameter is missing"}
        elif isinstance(cause, InvalidSchemaValue):
            for item in cause.schema_errors:
                item_: Any = item  # a jsonschema ValidationError (untyped here)
                keyword = str(item_.validator)
                value = item_.instance
                expected = item_.validator_value
                if keyword == "type":
                    message = f"expected {expected}, got {json_type(value)}"
                else:
                    message = f"{keyword} is {preview(expected)} (got {preview(value)})"
                yield {"path": where, "message": message}
        else:
            yield {"path": where, "message": "invalid parameter"}
    else:
        # Never str() an openapi-core error blindly: some raise UnicodeDecodeError there.
        yield {"path": "", "message": f"invalid request ({type(error).__name__})"}


@functools.cache
def _core_parameters_validator() -> Any:
    # A shallow copy: the cached spec dict is shared and must not change. openapi-core
    # rejects requests whose host matches no server, and the mock runs on any host.
    spec = {**load_spec(), "servers": [{"url": "/"}]}
    config = Config(request_validator_cls=V31RequestParametersValidator)
    return OpenAPI.from_dict(spec, config=config).request_validator


@functools.cache
def _fast_parameter_validators() -> tuple[tuple[str, str, bool, Any], ...]:
    spec = load_spec()
    components = spec["components"]
    params = []
    for param in spec["paths"][ORDER_PATH]["post"].get("parameters", []):
        if "$ref" in param:
            param = components["parameters"][param["$ref"].rsplit("/", 1)[-1]]
        validator = jsonschema_rs.validator_for(param.get("schema", {}), validate_formats=True)
        params.append((param["in"], param["name"], bool(param.get("required")), validator))
    return tuple(params)


class OrderValidator:
    """Validates ``POST /v3/orders/{orderId}`` requests; build once, call per request."""

    def __init__(self) -> None:
        self._params = _fast_parameter_validators()
        self._core = _core_parameters_validator()

    def _parameters_ok(self, order_id: str, headers: Mapping[str, str]) -> bool:
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
        return True

    def check(
        self,
        order_id: str,
        headers: Mapping[str, str],
        content_type: str,
        raw_body: bytes,
        parsed: object,
    ) -> Verdict:
        """Errors and warnings of one request whose body is the JSON value ``parsed``."""
        errors: list[ErrorDetail] = []
        if not self._parameters_ok(order_id, headers):
            request = _CoreRequest(order_id, Headers(list(headers.items())), content_type, raw_body)
            for error in self._core.iter_errors(request):
                errors.extend(_parameter_details(error))
        if content_type.split(";", 1)[0].strip().lower() != "application/json":
            errors.append(
                {"path": "header:content-type", "message": "Content-Type must be application/json"}
            )
        if not isinstance(parsed, dict):
            errors.append({"path": "", "message": "request body must be a JSON object (an Order)"})
            return Verdict(errors, [])
        warnings: list[ErrorDetail] = []
        for problem in validate_order(parsed):
            if problem.severity == "error":
                errors.append(error_detail(problem))
            else:
                warnings.append(warning_detail(problem))
        return Verdict(errors, warnings)


def warm_up() -> None:
    """Build (and cache) the validators now, e.g. before a server starts accepting."""
    _fast_parameter_validators()
    _core_parameters_validator()
    from .._validation import warm_up as warm_client

    warm_client()
