"""A second opinion on the spec: Prism (an independent spec-driven mock, from npm) on loopback,
called with our ForterClient, next to our own mock.

The positive examples are the contract suite's: the spec's embedded request examples and the
orders under examples/. Both mocks must accept every one; the tests also pin each documented
difference (README, "Second opinion: Prism"), so a Prism upgrade that changes one is noticed.

openapi.yaml describes what Forter accepts (open objects, the web/mobile rule only in the
`x-forter-strict-allOf` extension), and Prism reads it as any standard tool would. So Prism
refuses what breaks the published schema, as our strict mock does (our default mock answers
those like Forter: 200 with the problems as warnings), and accepts what only the strict view
refuses, as our default mock does.
"""

from __future__ import annotations

import copy
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import BadRequestError, ForterClient
from forter_orders._spec import load_spec
from forter_orders.mock import MockConfig, MockServer

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
START_TIMEOUT_S = 90.0
# The decision example of the spec's 200 response: what Prism answers to every valid order.
DECISION_EXAMPLE: dict[str, Any] = json.loads(
    (ROOT / "examples/decision_response.json").read_text()
)

Json = dict[str, Any]


def positive_examples() -> dict[str, Json]:
    """The embedded request examples and the example orders, by name (duplicates kept apart)."""
    media = load_spec()["paths"]["/v3/orders/{orderId}"]["post"]["requestBody"]["content"]
    found = {
        f"spec:{name}": ex["value"] for name, ex in media["application/json"]["examples"].items()
    }
    for path in sorted((ROOT / "examples").glob("*.json")):
        data = json.loads(path.read_text())
        if "orderType" in data:  # an order, not the decision example
            found[f"examples/{path.name}"] = data
    return found


POSITIVE = positive_examples()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def prism(
    node_tool: Callable[[str], Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """``prism mock openapi.yaml`` on a free loopback port; its log goes to a temp file."""
    port = _free_port()
    log = tmp_path_factory.mktemp("prism") / "prism.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(node_tool("prism")), "mock", str(SPEC_PATH), "-h", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_UPDATE_NOTIFIER": "1"},
            start_new_session=True,  # its own process group: stopped as a whole below
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:  # poll until it answers HTTP (404 on /), or fails, or the deadline passes
            if process.poll() is not None:
                pytest.fail(f"prism exited with {process.returncode}:\n{log.read_text()[-2000:]}")
            try:
                httpx.get(url + "/", timeout=1.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail(f"prism did not answer within {START_TIMEOUT_S:.0f} s")
                time.sleep(0.05)
        yield url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def ours() -> Iterator[MockServer]:
    with MockServer(MockConfig(), host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture(scope="module")
def ours_strict() -> Iterator[MockServer]:
    with MockServer(MockConfig(strict=True), host="127.0.0.1", port=0) as server:
        yield server


# Prism checks only that Basic credentials are present; any key will do.
PRISM_SITE_ID = "prism-site"
PRISM_KEY = "prism-key"


def client_for(url: str, site_id: str = PRISM_SITE_ID, secret_key: str = PRISM_KEY) -> ForterClient:
    # No retries: a mock's answer is taken as it comes.
    return ForterClient(site_id=site_id, secret_key=secret_key, base_url=url, max_retries=0)


def ours_client(mock: MockServer) -> ForterClient:
    return client_for(mock.url, mock.site_id, mock.secret_key)


# ---------------------------------------------------------------- agreement


def test_both_mocks_accept_every_positive_example(prism: str, ours: MockServer) -> None:
    assert len(POSITIVE) >= 4  # two embedded examples, two example orders
    with client_for(prism) as theirs, ours_client(ours) as mine:
        for name, order in POSITIVE.items():
            from_ours = mine.orders.create(order)
            from_prism = theirs.orders.create(order)
            assert from_ours.forter_decision == "APPROVE", name
            assert from_ours.order_id == order["orderId"], name
            # Prism answers the spec's response example, whatever the order says.
            assert from_prism.to_dict() == DECISION_EXAMPLE, name


def _broken(name: str) -> Json:
    mobile = copy.deepcopy(POSITIVE["examples/mobile_app_order.json"])
    web = copy.deepcopy(POSITIVE["examples/full_web_order.json"])
    if name == "mobile order without forterMobileUID":
        del mobile["connectionInformation"]["forterMobileUID"]
        return mobile
    if name == "web order without forterTokenCookie":
        del web["connectionInformation"]["forterTokenCookie"]
        return web
    if name == "unknown member":
        web["cartitems"] = []
        return web
    if name == "amount with a trailing newline":
        web["totalAmount"]["amountLocalCurrency"] = "110.00\n"
        return web
    if name == "amount as a number":
        web["totalAmount"]["amountLocalCurrency"] = 110
        return web
    if name == "orderId as a number":
        web["orderId"] = 1234
        return web
    assert name == "checkoutTime beyond int64"
    web["checkoutTime"] = 2**63
    return web


def _post(base: str, mock: MockServer, order: Json) -> httpx.Response:
    """The order as sent without validation, to the path its own orderId names."""
    return httpx.post(
        f"{base}/v3/orders/{order['orderId']}",
        content=json.dumps(order),
        headers={
            "api-version": "10.1",
            "x-forter-siteid": mock.site_id,
            "content-type": "application/json",
        },
        auth=(mock.secret_key, ""),
        timeout=30,
    )


def _assert_prism_400(response: httpx.Response) -> None:
    # Prism logs the violations and answers a body generated from the schema.
    assert response.status_code == 400, response.text
    assert [(e["path"], e["message"]) for e in response.json()["errors"]] == [("string", "string")]


@pytest.mark.parametrize("name", ["orderId as a number"])
def test_both_mocks_reject_what_forter_rejects_with_400(
    prism: str, ours: MockServer, name: str
) -> None:
    order = _broken(name)
    from_ours = _post(ours.url, ours, order)
    assert from_ours.status_code == 400
    assert {e["path"] for e in from_ours.json()["errors"]} == {"orderId"}
    _assert_prism_400(_post(prism, ours, order))


@pytest.mark.parametrize(
    "name",
    ["amount with a trailing newline", "amount as a number", "checkoutTime beyond int64"],
)
def test_prism_and_the_strict_mock_reject_breaks_of_the_published_schema(
    prism: str, ours: MockServer, ours_strict: MockServer, name: str
) -> None:
    order = _broken(name)
    _assert_prism_400(_post(prism, ours, order))
    from_strict = _post(ours_strict.url, ours_strict, order)
    assert from_strict.status_code == 400
    assert from_strict.json()["errors"]
    assert all(e["path"] != "string" for e in from_strict.json()["errors"])
    # Our default mock answers like Forter, which takes these: 200, the problem as a warning.
    from_ours = _post(ours.url, ours, order)
    assert from_ours.status_code == 200
    assert int(from_ours.headers["x-mock-warning-count"]) >= 1


@pytest.mark.parametrize(
    "name",
    [
        "mobile order without forterMobileUID",
        "web order without forterTokenCookie",
        "unknown member",
    ],
)
def test_only_the_strict_mock_rejects_what_only_the_strict_view_refuses(
    prism: str, ours: MockServer, ours_strict: MockServer, name: str
) -> None:
    """The rule lives in `x-forter-strict-allOf` and objects are open: Prism cannot know."""
    order = _broken(name)
    assert _post(prism, ours, order).status_code == 200
    from_ours = _post(ours.url, ours, order)
    assert from_ours.status_code == 200
    assert int(from_ours.headers["x-mock-warning-count"]) >= 1
    assert _post(ours_strict.url, ours_strict, order).status_code == 400


def test_both_mocks_refuse_missing_credentials_with_401(prism: str, ours: MockServer) -> None:
    order = POSITIVE["examples/full_web_order.json"]
    headers = {"api-version": "10.1", "x-forter-siteid": ours.site_id}
    for base in (prism, ours.url):
        response = httpx.post(f"{base}/v3/orders/{order['orderId']}", json=order, headers=headers)
        assert response.status_code == 401, base


# ---------------------------------------------------------------- documented differences


def test_prism_ignores_the_sandbox_triggers(prism: str, ours: MockServer) -> None:
    order = copy.deepcopy(POSITIVE["examples/full_web_order.json"])
    order["accountOwner"]["email"] = "decline@forter.com"
    with client_for(prism) as theirs, ours_client(ours) as mine:
        assert mine.orders.create(order).forter_decision == "DECLINE"
        assert theirs.orders.create(order).forter_decision == "APPROVE"


def test_prism_caps_int64_at_2_to_the_53(prism: str, ours: MockServer) -> None:
    order = copy.deepcopy(POSITIVE["examples/full_web_order.json"])
    order["checkoutTime"] = 2**53 + 1  # a valid int64 that a JavaScript number cannot hold
    with client_for(prism) as theirs, ours_client(ours) as mine:
        assert mine.orders.create(order).forter_decision == "APPROVE"
        with pytest.raises(BadRequestError):
            theirs.orders.create(order)


def test_prism_cannot_tie_the_path_order_id_to_the_body(prism: str, ours: MockServer) -> None:
    order = POSITIVE["examples/full_web_order.json"]
    for base, expected in ((prism, 200), (ours.url, 400)):
        response = httpx.post(
            f"{base}/v3/orders/another-id",
            json=order,
            headers={"api-version": "10.1", "x-forter-siteid": ours.site_id},
            auth=(ours.secret_key, ""),
        )
        assert response.status_code == expected, base


def test_a_missing_site_id_header_is_400_for_prism_and_401_for_ours(
    prism: str, ours: MockServer
) -> None:
    order = POSITIVE["examples/full_web_order.json"]
    for base, expected in ((prism, 400), (ours.url, 401)):
        response = httpx.post(
            f"{base}/v3/orders/{order['orderId']}",
            json=order,
            headers={"api-version": "10.1"},
            auth=(ours.secret_key, ""),
        )
        assert response.status_code == expected, base
