"""forter-orders: a typed Python client for Forter's Order v3 fraud-decision API.

The request and response models are generated from the packaged ``openapi.yaml``
(package ``forter_orders_api``); this package is the hand-written face users import::

    from forter_orders import ForterClient, FallbackPolicy

    with ForterClient(fallback=FallbackPolicy()) as forter:
        decision = forter.orders.create(order)
"""

from __future__ import annotations

from forter_orders_api.models import ErrorResponse, Order, OrderDecision

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
    UnexpectedResponseError,
)
from ._fallback import FallbackDecision, FallbackPolicy, FallbackReason, is_fallback
from ._logging import RedactingFilter
from ._problem import Problem
from ._response import RawResponse
from ._retry import DEFAULT_TIMEOUT, RetryPolicy
from ._secret import Secret
from ._spec import load_spec
from ._validation import validate_order
from ._version import __version__

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
    "RetryPolicy",
    "Secret",
    "UnexpectedResponseError",
    "__version__",
    "build_mobile_order",
    "build_web_order",
    "cart_item",
    "epoch_ms",
    "epoch_seconds",
    "is_fallback",
    "load_spec",
    "money",
    "validate_order",
]
