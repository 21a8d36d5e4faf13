"""forter_orders.mock over real HTTP on loopback: auth, validation, decisions, scenarios."""

from __future__ import annotations

import base64
import copy
import http.client
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import jsonschema
import pytest

from forter_orders._spec import component_schema, load_spec
from forter_orders.mock import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID
from forter_orders.testing import ForterMockState

ROOT = Path(__file__).resolve().parents[1]
Json = dict[str, Any]
HEADERS = {"api-version": "10.1", "x-forter-siteid": DEFAULT_SITE_ID}
AUTH = (DEFAULT_SECRET_KEY, "")
REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")
DECISION = jsonschema.Draft202012Validator(component_schema("OrderDecision"))
ERROR = jsonschema.Draft202012Validator(component_schema("ErrorResponse"))


def example(name: str) -> Json:
    data: Json = json.loads((ROOT / "examples" / name).read_text())
    return data


@pytest.fixture
def mock(forter_mock_state: ForterMockState) -> ForterMockState:
    return forter_mock_state


@pytest.fixture
def client(mock: ForterMockState) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=mock.url, auth=AUTH, headers=HEADERS, timeout=10) as c:
        yield c


def post(
    client: httpx.Client, order: Any, order_id: str | None = None, **kw: Any
) -> httpx.Response:
    if order_id is None:
        order_id = order["orderId"]
    return client.post(f"/v3/orders/{order_id}", json=order, **kw)


def error_paths(response: httpx.Response) -> list[str]:
    body = response.json()
    ERROR.validate(body)
    assert body["status"] == "failed"
    return [item["path"] for item in body["errors"]]


def with_email(order: Json, email: str) -> Json:
    order = copy.deepcopy(order)
    order["accountOwner"]["email"] = email
    return order


# ---------------------------------------------------------------- happy path and decisions
def test_mobile_example_over_plain_http_is_approved(mock: ForterMockState) -> None:
    """The hand-written-curl equivalent: http.client, Basic header built by hand."""
    order = example("mobile_app_order.json")
    url = urlsplit(mock.url)
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
    token = base64.b64encode(f"{DEFAULT_SECRET_KEY}:".encode()).decode()
    conn.request(
        "POST",
        f"/v3/orders/{order['orderId']}",
        body=json.dumps(order),
        headers={
            "Authorization": f"Basic {token}",
            "Content-Type": "application/json",
            "api-version": "10.1",
            "x-forter-siteid": DEFAULT_SITE_ID,
        },
    )
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    assert response.status == 200
    DECISION.validate(body)
    assert body["forterDecision"] == "APPROVE"
    assert body["orderId"] == "B12261933767"
    assert body["linkToEventInDashboard"] == "https://portal.forter.com/dashboard/B12261933767"
    assert REQUEST_ID.match(response.getheader("X-Request-Id") or "")


def warning_paths(response: httpx.Response) -> list[str]:
    header = response.headers.get("x-mock-warnings")
    if header is None:
        assert "x-mock-warning-count" not in response.headers
        return []
    warnings = json.loads(header)
    assert response.headers["x-mock-warning-count"] == str(len(warnings))
    return [w["path"] for w in warnings]


def test_full_example_with_a_broken_currency_names_its_path(
    client: httpx.Client, mock: ForterMockState
) -> None:
    order = example("full_web_order.json")
    response = post(client, order)
    assert response.status_code == 200
    assert warning_paths(response) == []
    order["cartItems"][0]["basicItemData"]["price"]["currency"] = "usd"
    # Like Forter: accepted, with what strict validation would have said in a header.
    response = post(client, order)
    assert response.status_code == 200
    assert warning_paths(response) == ["cartItems[0].basicItemData.price.currency"]
    assert "usd" in response.headers["x-mock-warnings"]
    (recorded,) = mock.warnings[-1:]
    assert recorded["orderId"] == order["orderId"]
    assert recorded["path"] == "cartItems[0].basicItemData.price.currency"
    assert recorded["code"] == "pattern"
    # Strict: refused, with the same path.
    mock.strict = True
    response = post(client, order)
    assert response.status_code == 400
    assert error_paths(response) == ["cartItems[0].basicItemData.price.currency"]
    assert "usd" in response.json()["errors"][0]["message"]


def test_errors_are_refused_even_when_not_strict(client: httpx.Client) -> None:
    order = example("full_web_order.json")
    order["payment"][0]["creditCard"]["nameOnCard"] = "4111 1111 1111 1111"
    order["cartitems"] = []
    response = post(client, order)
    assert response.status_code == 400
    assert error_paths(response) == ["payment[0].creditCard.nameOnCard"]
    assert "4111 1111 1111 1111" not in response.text
    assert warning_paths(response) == ["cartitems"]  # said too, in the header


def test_warnings_header_stays_small(client: httpx.Client) -> None:
    order = example("full_web_order.json")
    order["additionalIdentifiers"].update({f"unknownMember{i:03}": "x" * 200 for i in range(300)})
    response = post(client, order)
    assert response.status_code == 200
    assert response.headers["x-mock-warning-count"] == "300"
    assert len(response.headers["x-mock-warnings"]) <= 4 * 1024
    shown = json.loads(response.headers["x-mock-warnings"])
    assert shown[-1]["code"] == "more"
    assert shown[-1]["message"] == f"... {300 - (len(shown) - 1)} more"


@pytest.mark.forter_strict
def test_every_violation_is_listed(client: httpx.Client) -> None:
    order = example("full_web_order.json")
    order["cartItems"][0]["basicItemData"]["price"]["currency"] = "usd"
    order["totalAmount"]["amountLocalCurrency"] = 12.5
    response = post(client, order)
    assert response.status_code == 400
    assert sorted(error_paths(response)) == [
        "cartItems[0].basicItemData.price.currency",
        "totalAmount.amountLocalCurrency",
    ]


def test_missing_required_and_unknown_fields_are_named(
    client: httpx.Client, mock: ForterMockState
) -> None:
    order = example("mobile_app_order.json")
    del order["connectionInformation"]["userAgent"]
    del order["cartItems"]
    order["primaryRecipient"]["address"]["planet"] = "Mars"
    expected = [
        "cartItems",
        "connectionInformation.userAgent",
        "primaryRecipient.address.planet",
    ]
    response = post(client, order)
    assert response.status_code == 200
    assert sorted(warning_paths(response)) == expected
    mock.strict = True
    response = post(client, order)
    assert response.status_code == 400
    assert sorted(error_paths(response)) == expected


@pytest.mark.parametrize(
    ("order_type", "drop", "path"),
    [
        ("IOS", "forterMobileUID", "connectionInformation.forterMobileUID"),
        ("WEB", "forterTokenCookie", "connectionInformation.forterTokenCookie"),
    ],
)
@pytest.mark.forter_strict
def test_mobile_web_rule(client: httpx.Client, order_type: str, drop: str, path: str) -> None:
    order = example("mobile_app_order.json")
    order["orderType"] = order_type
    order["connectionInformation"].pop(drop, None)
    if order_type == "WEB":
        order["connectionInformation"].pop("forterTokenCookie", None)
    response = post(client, order)
    assert response.status_code == 400
    assert path in error_paths(response)
    assert order_type in response.text


@pytest.mark.parametrize("name", ["mobileAppOrder", "fullWebOrder"])
def test_spec_examples_are_accepted(client: httpx.Client, name: str) -> None:
    media = load_spec()["paths"]["/v3/orders/{orderId}"]["post"]["requestBody"]["content"]
    order = media["application/json"]["examples"][name]["value"]
    response = post(client, order)
    assert response.status_code == 200, response.text
    DECISION.validate(response.json())


@pytest.mark.parametrize(
    ("email", "decision"),
    [
        ("approve@forter.com", "APPROVE"),
        ("decline@forter.com", "DECLINE"),
        ("notreviewed@forter.com", "NOT_REVIEWED"),
        ("Decline@Forter.COM", "DECLINE"),
        ("someone@example.com", "APPROVE"),
    ],
)
def test_test_trigger_emails(client: httpx.Client, email: str, decision: str) -> None:
    response = post(client, with_email(example("mobile_app_order.json"), email))
    assert response.status_code == 200
    assert response.json()["forterDecision"] == decision


def test_request_id_is_fresh_on_every_response(client: httpx.Client) -> None:
    order = example("mobile_app_order.json")
    ids = [
        post(client, order).headers["X-Request-Id"],
        post(client, order).headers["X-Request-Id"],
        client.get("/nowhere").headers["X-Request-Id"],
        client.post("/v3/orders/x", content=b"{", headers={"api-version": ""}).headers[
            "X-Request-Id"
        ],
    ]
    assert all(REQUEST_ID.match(value) for value in ids)
    assert len(set(ids)) == 4


# ---------------------------------------------------------------- 401
def _basic(user: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:".encode()).decode()


@pytest.mark.parametrize(
    ("headers", "path"),
    [
        ({"Authorization": ""}, "header:authorization"),
        ({"Authorization": _basic("wrong_key")}, "header:authorization"),
        ({"Authorization": f"Bearer {DEFAULT_SECRET_KEY}"}, "header:authorization"),
        ({"Authorization": "Basic %%%not-base64"}, "header:authorization"),
        ({"x-forter-siteid": ""}, "header:x-forter-siteid"),
        ({"x-forter-siteid": "someone-else"}, "header:x-forter-siteid"),
        ({"api-version": ""}, "header:api-version"),
    ],
)
def test_unauthorized(mock: ForterMockState, headers: dict[str, str], path: str) -> None:
    all_headers = {**HEADERS, "Authorization": _basic(DEFAULT_SECRET_KEY), **headers}
    all_headers = {name: value for name, value in all_headers.items() if value}
    order = example("mobile_app_order.json")
    response = httpx.post(
        f"{mock.url}/v3/orders/{order['orderId']}", json=order, headers=all_headers
    )
    assert response.status_code == 401
    assert error_paths(response) == [path]


def test_unauthorized_lists_every_missing_header(mock: ForterMockState) -> None:
    response = httpx.post(f"{mock.url}/v3/orders/1", json={})
    assert response.status_code == 401
    assert error_paths(response) == [
        "header:authorization",
        "header:x-forter-siteid",
        "header:api-version",
    ]


def test_password_is_ignored_like_forter_does(mock: ForterMockState) -> None:
    order = example("mobile_app_order.json")
    response = httpx.post(
        f"{mock.url}/v3/orders/{order['orderId']}",
        json=order,
        headers=HEADERS,
        auth=(DEFAULT_SECRET_KEY, "null"),
    )
    assert response.status_code == 200


# ---------------------------------------------------------------- 400 for malformed requests
def test_order_id_mismatch(client: httpx.Client) -> None:
    response = post(client, example("mobile_app_order.json"), order_id="another-order")
    assert response.status_code == 400
    assert error_paths(response) == ["orderId"]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"not json", "application/json"),
        (b"\xff\xfe\x00{", "application/json"),
        (b'{"orderId": "\xc3\x28"}', "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"a string"', "application/json"),
        (b"null", "application/json"),
        (b"", "application/json"),
        (b'{"orderId": "x"}', "text/plain"),
    ],
)
def test_malformed_bodies_are_400_never_500(
    client: httpx.Client, content: bytes, content_type: str
) -> None:
    response = client.post("/v3/orders/x", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    body = response.json()
    ERROR.validate(body)
    assert body["errors"]


def test_too_long_order_id_is_a_parameter_error(client: httpx.Client) -> None:
    order = example("mobile_app_order.json")
    order["orderId"] = "x" * 256
    response = post(client, order)
    assert response.status_code == 400
    assert "orderId" in " ".join(error_paths(response))


def test_encoded_slash_in_order_id_reaches_the_handler(client: httpx.Client) -> None:
    order = example("mobile_app_order.json")
    order["orderId"] = "a/b"
    response = post(client, order, order_id="a%2Fb")
    assert response.status_code == 200
    assert response.json()["orderId"] == "a/b"


@pytest.mark.parametrize("order_id", ["\n", "A1\n", "\n0", "A\r\nB"])
def test_order_id_ending_in_a_newline_keeps_it(client: httpx.Client, order_id: str) -> None:
    # Valid for the spec (any 1-255 characters); Starlette's route regex would drop the "\n".
    order = example("mobile_app_order.json")
    order["orderId"] = order_id
    response = post(client, order, order_id=quote(order_id, safe=""))
    assert response.status_code == 200, response.text
    assert response.json()["orderId"] == order_id


# ---------------------------------------------------------------- routing
def test_unknown_route_is_404_with_error_body(client: httpx.Client) -> None:
    response = client.post("/v2/orders/1", json={})
    assert response.status_code == 404
    ERROR.validate(response.json())
    assert response.json()["status"] == "failed"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_wrong_method_is_405_with_allow(client: httpx.Client, method: str) -> None:
    response = client.request(method, "/v3/orders/1")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    ERROR.validate(response.json())


def test_card_numbers_are_masked_in_400_messages(client: httpx.Client) -> None:
    """The 400 echoes offending values; a full card number must not travel back in it."""
    order = example("full_web_order.json")
    order["payment"][0]["creditCard"]["bin"] = "4242424242424242"  # a whole PAN in the bin
    order["cartItems"][0]["basicItemData"]["quantity"] = "4111 1111 1111 1111"
    response = post(client, order)
    assert response.status_code == 400
    assert "payment[0].creditCard.bin" in error_paths(response)
    assert "cartItems[0].basicItemData.quantity" in error_paths(response)
    assert "4242424242424242" not in response.text
    assert "4111 1111 1111 1111" not in response.text
    assert "4242" in response.text  # the last four digits stay, for the merchant to find it


def test_client_hanging_up_mid_body_is_not_an_asgi_error(
    mock: ForterMockState, caplog: pytest.LogCaptureFixture
) -> None:
    """A killed batch leaves half-sent bodies: the mock drops them without a traceback."""
    import socket

    parts = urlsplit(mock.url)
    assert parts.hostname is not None
    assert parts.port is not None
    with caplog.at_level("WARNING"):
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
            sock.sendall(
                b"POST /v3/orders/hang-up HTTP/1.1\r\nHost: mock\r\n"
                b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"orderId"'
            )
        # The next request is answered, so the hung-up one has been dealt with by then.
        assert httpx.get(f"{mock.url}/_mock/health", timeout=5).status_code == 200
        assert httpx.get(f"{mock.url}/_mock/stats", timeout=5).status_code == 200
    assert "Exception in ASGI application" not in caplog.text
    assert all(r["orderId"] != "hang-up" for r in mock.received)


# ---------------------------------------------------------------- clients for the mock


def test_mock_client_in_two_lines() -> None:
    from forter_orders import FallbackPolicy, example_order, is_fallback
    from forter_orders.mock import MockServer

    with MockServer() as server, server.client() as forter:
        decision = forter.orders.create(example_order("mobile"))
        assert decision.forter_decision == "APPROVE"
        (received,) = server.received
        assert received["orderId"] == example_order("mobile")["orderId"]
        server.queue("http-503", "http-503")
        with server.client(fallback=FallbackPolicy(decision="APPROVE")) as open_:
            fallback = open_.orders.create(example_order("web"))
            assert is_fallback(fallback)
            assert fallback.reason == "server_error"


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_mock_async_client(anyio_backend: str) -> None:
    from forter_orders.mock import MockServer

    with MockServer() as server:
        server.script_order("B12261933767", "decline")
        async with server.async_client() as forter:
            decision = await forter.orders.create(example("mobile_app_order.json"))
        assert decision.forter_decision == "DECLINE"


def test_mock_client_needs_a_started_server() -> None:
    from forter_orders.mock import MockServer

    with pytest.raises(RuntimeError, match="with block"):
        MockServer().client()
