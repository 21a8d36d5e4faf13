"""forter-orders: a typed Python client for Forter's Order v3 fraud-decision API.

The request and response models are generated from the packaged ``openapi.yaml``
(package ``forter_orders_api``); this package is the hand-written face users import.
"""

from __future__ import annotations

from forter_orders_api.models import ErrorResponse, Order, OrderDecision

from ._spec import load_spec

__version__ = "0.1.0"

__all__ = ["ErrorResponse", "Order", "OrderDecision", "__version__", "load_spec"]
