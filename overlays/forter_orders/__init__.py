"""forter-orders: a typed Python client for Forter's Order v3 fraud-decision API.

The request and response models are generated from the packaged ``openapi.yaml``
(package ``forter_orders_api``); this package is the hand-written face users import::

    from forter_orders import ForterClient, FallbackPolicy

    with ForterClient(fallback=FallbackPolicy()) as forter:
        decision = forter.orders.create(order)

Every generated model is importable from :mod:`forter_orders.models`; ``example_order()``
returns the spec's example orders; ``forter_orders.mock.MockServer().client()`` is a client
for the local mock.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from forter_orders_api.models import ErrorResponse, Order, OrderDecision
    from forter_orders_api.types import UnknownValue

    from . import models
    from ._builders import (
        build_mobile_order,
        build_web_order,
        cart_item,
        epoch_ms,
        epoch_seconds,
        money,
    )
    from ._client import (
        AsyncForterClient,
        AsyncOrders,
        ForterClient,
        OrderInput,
        Orders,
    )
    from ._config import DEFAULT_API_VERSION, DEFAULT_BASE_URL, DEFAULT_CLIENT_ID
    from ._deadline import async_deadline_transport, deadline_transport
    from ._decision import Decision
    from ._drift import Drift, DriftCount, DriftReport
    from ._errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ForterError,
        InternalServerError,
        NotFoundError,
        OrderValidationError,
        RateLimitError,
        RedirectError,
        UnexpectedResponseError,
    )
    from ._examples import example_names, example_order
    from ._fallback import FallbackDecision, FallbackPolicy, FallbackReason, is_fallback
    from ._logging import RedactingFilter
    from ._problem import Problem, Severity
    from ._response import RawResponse
    from ._retry import DEFAULT_TIMEOUT, RetryPolicy
    from ._secret import Secret
    from ._spec import load_spec
    from ._validation import ValidationMode, validate_order

# Names are imported on first use (PEP 562), so `import forter_orders` - and with it the CLI's
# --help and every pytest run that loads the plugin - does not pay for httpx and the 79
# generated model modules until something actually needs them.
_EXPORTS: dict[str, str] = {
    "APIConnectionError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AsyncForterClient": "._client",
    "AsyncOrders": "._client",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "ConfigurationError": "._errors",
    "DEFAULT_API_VERSION": "._config",
    "DEFAULT_BASE_URL": "._config",
    "DEFAULT_CLIENT_ID": "._config",
    "DEFAULT_TIMEOUT": "._retry",
    "Decision": "._decision",
    "Drift": "._drift",
    "DriftCount": "._drift",
    "DriftReport": "._drift",
    "ErrorResponse": "forter_orders_api.models",
    "FallbackDecision": "._fallback",
    "FallbackPolicy": "._fallback",
    "FallbackReason": "._fallback",
    "ForterClient": "._client",
    "ForterError": "._errors",
    "InternalServerError": "._errors",
    "NotFoundError": "._errors",
    "Order": "forter_orders_api.models",
    "OrderDecision": "forter_orders_api.models",
    "OrderInput": "._client",
    "OrderValidationError": "._errors",
    "Orders": "._client",
    "Problem": "._problem",
    "RateLimitError": "._errors",
    "RawResponse": "._response",
    "RedactingFilter": "._logging",
    "RedirectError": "._errors",
    "RetryPolicy": "._retry",
    "Secret": "._secret",
    "Severity": "._problem",
    "UnexpectedResponseError": "._errors",
    "UnknownValue": "forter_orders_api.types",
    "async_deadline_transport": "._deadline",
    "ValidationMode": "._validation",
    "build_mobile_order": "._builders",
    "build_web_order": "._builders",
    "cart_item": "._builders",
    "deadline_transport": "._deadline",
    "epoch_ms": "._builders",
    "epoch_seconds": "._builders",
    "example_names": "._examples",
    "example_order": "._examples",
    "is_fallback": "._fallback",
    "load_spec": "._spec",
    "money": "._builders",
    "validate_order": "._validation",
}


def __getattr__(name: str) -> Any:
    if name == "models":  # the submodule, for `forter_orders.models.Amount` without an import
        value = importlib.import_module(".models", __name__)
        globals()[name] = value
        return value
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_API_VERSION",
    "DEFAULT_BASE_URL",
    "DEFAULT_CLIENT_ID",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncForterClient",
    "AsyncOrders",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "Decision",
    "Drift",
    "DriftCount",
    "DriftReport",
    "ErrorResponse",
    "FallbackDecision",
    "FallbackPolicy",
    "FallbackReason",
    "ForterClient",
    "ForterError",
    "InternalServerError",
    "NotFoundError",
    "Order",
    "OrderDecision",
    "OrderInput",
    "OrderValidationError",
    "Orders",
    "Problem",
    "RateLimitError",
    "RawResponse",
    "RedactingFilter",
    "RedirectError",
    "RetryPolicy",
    "Secret",
    "Severity",
    "UnexpectedResponseError",
    "UnknownValue",
    "ValidationMode",
    "__version__",
    "async_deadline_transport",
    "build_mobile_order",
    "build_web_order",
    "cart_item",
    "deadline_transport",
    "epoch_ms",
    "epoch_seconds",
    "example_names",
    "example_order",
    "is_fallback",
    "load_spec",
    "models",
    "money",
    "validate_order",
]
