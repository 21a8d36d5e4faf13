"""Property: every schema-valid order survives the generated models and the mock accepts it.

For schemathesis-generated valid orders (positive mode: unknown members in the open objects and
nulls where the spec allows them included), ``Order.from_dict(body).to_dict()`` gives the body
back unchanged - nothing silently lost - and the generated client (``forter_orders_api``) sends
it to the mock over HTTP and parses the decision.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from forter_orders import validate_order
from forter_orders.mock import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID, MockServer
from forter_orders_api.api.orders import create_order
from forter_orders_api.client import AuthenticatedClient
from forter_orders_api.models import Order, OrderDecision

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
SCHEMA = schemathesis.openapi.from_path(
    SPEC_PATH,
    config=SchemathesisConfig.from_dict({"generation": {"mode": "positive"}}),
)


def filter_body(context: Any, body: Any) -> bool:
    """Drop the rare body the client refuses for what JSON Schema cannot say (an integer beyond
    64 bits, a full card number): the mock, answering like Forter, refuses those too."""
    return not (isinstance(body, dict) and any(p.severity == "error" for p in validate_order(body)))


SCHEMA.hook(filter_body)
CASES = SCHEMA["/v3/orders/{orderId}"]["POST"].as_strategy(generation_mode=GenerationMode.POSITIVE)


@pytest.fixture(scope="module")
def generated_client(contract_mock: MockServer) -> Iterator[AuthenticatedClient]:
    # HTTP Basic: the secret key as user name and an empty password.
    token = base64.b64encode(f"{DEFAULT_SECRET_KEY}:".encode()).decode()
    client = AuthenticatedClient(
        base_url=contract_mock.url, token=token, prefix="Basic", raise_on_unexpected_status=False
    )
    with client:
        yield client


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,  # deterministic: no replay of examples saved by earlier runs
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=CASES)
def test_valid_orders_round_trip_and_get_a_decision(
    case: Any, generated_client: AuthenticatedClient
) -> None:
    body = case.body
    assert isinstance(body, dict)
    order_id = unquote(case.path_parameters["orderId"])
    # openapi.yaml refuses "." and "..": clients remove dot segments (RFC 3986 5.2.4), so such
    # an orderId would reach another URL. Generated valid cases must never contain them.
    assert order_id not in {".", ".."}
    body["orderId"] = order_id  # the prose rule: body orderId equals the path's
    order = Order.from_dict(body)
    assert order.to_dict() == body

    response = create_order.sync_detailed(
        order_id,
        client=generated_client,
        body=order,
        api_version="10.1",
        x_forter_siteid=DEFAULT_SITE_ID,
    )
    assert response.status_code == 200, (case.path_parameters, order_id, response.content)
    assert isinstance(response.parsed, OrderDecision)
    assert response.parsed.order_id == order_id
    assert response.parsed.forter_decision == "APPROVE"
