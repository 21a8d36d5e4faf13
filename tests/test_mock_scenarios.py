"""Mock scenarios, scripting, random faults, recording and the control endpoints."""

from __future__ import annotations

import asyncio
import base64
import copy
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

import forter_orders.mock as mock_module
from forter_orders._spec import component_schema
from forter_orders.mock import (
    DEFAULT_API_KEY,
    DEFAULT_SITE_ID,
    SCENARIOS,
    MockConfig,
    MockServer,
    UnknownScenarioError,
    banner,
    create_app,
    parse_scenario,
)
from forter_orders.testing import ForterMockState

ROOT = Path(__file__).resolve().parents[1]
HEADERS = {"api-version": "10.1", "x-forter-siteid": DEFAULT_SITE_ID}
AUTH = (DEFAULT_API_KEY, "")
ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())
OID = ORDER["orderId"]
ERROR = jsonschema.Draft202012Validator(component_schema("ErrorResponse"))
DECISION = jsonschema.Draft202012Validator(component_schema("OrderDecision"))
ERROR_SCENARIOS = {
    "http-400": 400,
    "http-401": 401,
    "http-404": 404,
    "http-429": 429,
    "http-500": 500,
    "http-502": 502,
    "http-503": 503,
    "http-504": 504,
}


@pytest.fixture
def mock(forter_mock_state: ForterMockState) -> ForterMockState:
    return forter_mock_state


@pytest.fixture
def client(mock: ForterMockState) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=mock.url, auth=AUTH, headers=HEADERS, timeout=10) as c:
        yield c


def send(client: httpx.Client, scenario: str | None = None, order: Any = None) -> httpx.Response:
    headers = {"x-mock-scenario": scenario} if scenario else {}
    body = ORDER if order is None else order
    return client.post(f"/v3/orders/{OID}", json=body, headers=headers)


# ---------------------------------------------------------------- each scenario
@pytest.mark.parametrize(("scenario", "status"), sorted(ERROR_SCENARIOS.items()))
def test_error_scenarios(client: httpx.Client, scenario: str, status: int) -> None:
    response = send(client, scenario)
    assert response.status_code == status
    ERROR.validate(response.json())
    assert scenario in response.json()["message"]
    assert response.headers.get("Retry-After") == ("1" if status == 429 else None)


@pytest.mark.parametrize("scenario", sorted(ERROR_SCENARIOS))
def test_error_scenarios_answer_before_auth(mock: ForterMockState, scenario: str) -> None:
    response = httpx.post(
        f"{mock.url}/v3/orders/x", content=b"junk", headers={"x-mock-scenario": scenario}
    )
    assert response.status_code == ERROR_SCENARIOS[scenario]


@pytest.mark.parametrize(
    ("scenario", "decision"),
    [
        ("approve", "APPROVE"),
        ("decline", "DECLINE"),
        ("not-reviewed", "NOT_REVIEWED"),
        ("unknown-decision", "VERIFICATION_REQUIRED"),
    ],
)
def test_decision_scenarios(client: httpx.Client, scenario: str, decision: str) -> None:
    order = copy.deepcopy(ORDER)
    order["accountOwner"]["email"] = "decline@forter.com" if decision == "APPROVE" else "x@y.z"
    response = send(client, scenario, order)
    assert response.status_code == 200
    DECISION.validate(response.json())
    assert response.json()["forterDecision"] == decision
    assert response.json()["orderId"] == OID


def test_decision_scenarios_still_check_auth_and_body(mock: ForterMockState) -> None:
    unauth = httpx.post(
        f"{mock.url}/v3/orders/{OID}", json=ORDER, headers={"x-mock-scenario": "decline"}
    )
    assert unauth.status_code == 401
    with httpx.Client(base_url=mock.url, auth=AUTH, headers=HEADERS) as client:
        assert send(client, "decline", order={"orderId": OID}).status_code == 400


def test_empty_body_500(client: httpx.Client) -> None:
    response = send(client, "empty-body-500")
    assert response.status_code == 500
    assert response.content == b""
    assert "content-type" not in response.headers


def test_html_502(client: httpx.Client) -> None:
    response = send(client, "html-502")
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<html>" in response.text


def test_malformed_json(client: httpx.Client) -> None:
    response = send(client, "malformed-json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


def test_reset_drops_the_connection(client: httpx.Client, mock: ForterMockState) -> None:
    with pytest.raises(httpx.TransportError):
        send(client, "reset")
    # the mock is fine afterwards, and recorded the request without a status
    assert send(client).status_code == 200
    assert [(r["scenario"], r["status"]) for r in mock.received] == [("reset", None), (None, 200)]


def test_reset_in_process_raises_in_the_caller() -> None:
    async def go() -> None:
        transport = httpx.ASGITransport(app=create_app(MockConfig()))
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            await client.post(f"/v3/orders/{OID}", json=ORDER, headers={"x-mock-scenario": "reset"})

    with pytest.raises(ConnectionResetError):
        asyncio.run(go())


def test_slow_scenario_delays_then_answers(client: httpx.Client) -> None:
    started = time.monotonic()
    response = send(client, "slow:300")
    assert time.monotonic() - started >= 0.3
    assert response.status_code == 200
    assert response.json()["forterDecision"] == "APPROVE"


def test_slow_scenario_trips_a_client_timeout(mock: ForterMockState) -> None:
    with (
        httpx.Client(base_url=mock.url, auth=AUTH, headers=HEADERS, timeout=0.1) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        send(client, "slow:500")
    # The server still answers (to nobody) after 0.5 s; wait for its record so that this
    # late request cannot show up in the next test's recordings.
    deadline = time.monotonic() + 10
    while not mock.received and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [r["scenario"] for r in mock.received] == ["slow:500"]


@pytest.mark.parametrize("name", ["nope", "slow:", "slow:abc", "slow:999999999", "slow:<ms>"])
def test_unknown_scenario(client: httpx.Client, name: str) -> None:
    response = send(client, name)
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "header:x-mock-scenario"
    with pytest.raises(UnknownScenarioError):
        parse_scenario(name)


def test_scenario_names_parse() -> None:
    assert parse_scenario(" HTTP-503 ").name == "http-503"
    assert parse_scenario("slow:250").delay_ms == 250
    assert {parse_scenario(name).kind for name in SCENARIOS if name != "slow:<ms>"} == (
        set(SCENARIOS) - {"slow:<ms>"}
    )


# ---------------------------------------------------------------- scripting
def test_queue_is_fifo_and_consumed(client: httpx.Client, mock: ForterMockState) -> None:
    mock.queue("http-503", "http-429", "decline")
    statuses = [send(client) for _ in range(4)]
    assert [r.status_code for r in statuses] == [503, 429, 200, 200]
    assert [r.json().get("forterDecision") for r in statuses[2:]] == ["DECLINE", "APPROVE"]


def test_script_order_sticks_to_that_order(client: httpx.Client, mock: ForterMockState) -> None:
    mock.script_order(OID, "decline")
    other = copy.deepcopy(ORDER)
    other["orderId"] = "other-order"
    assert send(client).json()["forterDecision"] == "DECLINE"
    assert send(client).json()["forterDecision"] == "DECLINE"
    assert client.post("/v3/orders/other-order", json=other).json()["forterDecision"] == "APPROVE"


def test_precedence_header_then_queue_then_order(
    client: httpx.Client, mock: ForterMockState
) -> None:
    mock.script_order(OID, "http-500")
    mock.queue("http-502")
    assert send(client, "http-504").status_code == 504  # header wins, queue untouched
    assert send(client).status_code == 502  # then the queue
    assert send(client).status_code == 500  # then the order script


def test_clear_forgets_scripts(client: httpx.Client, mock: ForterMockState) -> None:
    mock.queue("http-503")
    mock.script_order(OID, "decline")
    mock.clear()
    assert send(client).json()["forterDecision"] == "APPROVE"
    assert len(mock.received) == 1


# ---------------------------------------------------------------- recording
def test_recording_redacts_authorization(client: httpx.Client, mock: ForterMockState) -> None:
    send(client, "decline")
    client.post("/v3/orders/x", content=b"\xffnot json")
    first, second = mock.received
    assert first["method"] == "POST"
    assert first["path"] == f"/v3/orders/{OID}"
    assert first["orderId"] == OID
    assert first["scenario"] == "decline"
    assert first["status"] == 200
    assert first["json"] == ORDER
    assert first["headers"]["authorization"] == "Basic ***"
    assert first["headers"]["x-forter-siteid"] == DEFAULT_SITE_ID
    assert second["json"] is None
    assert second["body_preview"].endswith("not json")
    assert second["status"] == 400
    dumped = json.dumps(mock.received)
    assert DEFAULT_API_KEY not in dumped
    token = base64.b64encode(f"{DEFAULT_API_KEY}:".encode()).decode()
    assert token not in dumped


def test_orders_helper_lists_bodies(client: httpx.Client, mock: ForterMockState) -> None:
    send(client)
    client.get("/nowhere")
    assert mock.orders == [ORDER]
    assert [r["status"] for r in mock.received] == [200, 404]


def test_recording_is_bounded() -> None:
    with MockServer(MockConfig(max_recorded=3)) as server:
        with httpx.Client(base_url=server.url, auth=AUTH, headers=HEADERS) as client:
            for index in range(5):
                order = {**ORDER, "orderId": f"o-{index}"}
                assert client.post(f"/v3/orders/o-{index}", json=order).status_code == 200
        assert [r["orderId"] for r in server.received] == ["o-2", "o-3", "o-4"]


# ---------------------------------------------------------------- control endpoints
def test_control_endpoints(client: httpx.Client, mock: ForterMockState) -> None:
    assert client.get("/_mock/health").json() == {"status": "ok"}
    scripted = client.post("/_mock/script", json={"next": ["http-503", "slow:5"]})
    assert scripted.json()["pending"] == ["http-503", "slow:5"]
    assert client.post("/_mock/script", json={"orderId": OID, "scenario": "decline"}).is_success
    assert send(client).status_code == 503
    assert send(client).json()["forterDecision"] == "APPROVE"  # slow:5, then normal
    assert send(client).json()["forterDecision"] == "DECLINE"  # queue empty: order script
    listed = client.get("/_mock/requests").json()
    assert listed["count"] == 3
    assert [r["scenario"] for r in listed["requests"]] == ["http-503", "slow:5", "decline"]
    assert client.post("/_mock/reset").is_success
    assert client.get("/_mock/requests").json()["count"] == 0
    assert send(client).json()["forterDecision"] == "APPROVE"


@pytest.mark.parametrize(
    "payload", [b"{", b"[]", b'{"next": ["bogus"]}', b'{"orderId": 1}', b'{"scenario": "decline"}']
)
def test_bad_scripts_are_400(client: httpx.Client, mock: ForterMockState, payload: bytes) -> None:
    response = client.post("/_mock/script", content=payload)
    assert response.status_code == 400
    ERROR.validate(response.json())
    assert mock.server.controller.pending == []


# ---------------------------------------------------------------- start-up options
def _statuses(config: MockConfig, count: int) -> list[int]:
    with (
        MockServer(config) as server,
        httpx.Client(base_url=server.url, auth=AUTH, headers=HEADERS) as client,
    ):
        return [client.post(f"/v3/orders/{OID}", json=ORDER).status_code for _ in range(count)]


def test_seeded_faults_are_reproducible() -> None:
    config = MockConfig(fault_rate=0.5, fault_kinds=("http-503", "http-429"), seed=7)
    first = _statuses(config, 40)
    assert first == _statuses(config, 40)
    assert {200, 503, 429} <= set(first)
    assert first != _statuses(MockConfig(fault_rate=0.5, fault_kinds=("http-503",), seed=8), 40)


def test_fault_rate_one_always_faults_and_clear_restarts_the_sequence() -> None:
    config = MockConfig(fault_rate=1.0, fault_kinds=("http-500", "http-502", "http-504"), seed=3)
    with (
        MockServer(config) as server,
        httpx.Client(base_url=server.url, auth=AUTH, headers=HEADERS) as client,
    ):
        first = [client.post(f"/v3/orders/{OID}", json=ORDER).status_code for _ in range(10)]
        server.clear()
        again = [client.post(f"/v3/orders/{OID}", json=ORDER).status_code for _ in range(10)]
    assert set(first) <= {500, 502, 504}
    assert len(set(first)) > 1
    assert first == again


def test_latency_applies_to_orders() -> None:
    with MockServer(MockConfig(latency_ms=200)) as server:
        started = time.monotonic()
        response = httpx.post(
            f"{server.url}/v3/orders/{OID}", json=ORDER, headers=HEADERS, auth=AUTH
        )
        assert time.monotonic() - started >= 0.2
        assert response.status_code == 200


def test_custom_credentials_and_validate_off() -> None:
    config = MockConfig(site_id="site-2", api_key="other_key", validate=False)
    broken = {**ORDER, "totalAmount": "lots"}
    with MockServer(config) as server:
        assert (server.site_id, server.api_key) == ("site-2", "other_key")
        headers = {"api-version": "2.0", "x-forter-siteid": "site-2"}
        with httpx.Client(base_url=server.url, headers=headers, auth=("other_key", "")) as client:
            assert client.post(f"/v3/orders/{OID}", json=broken).status_code == 200
            assert client.post("/v3/orders/other", json=broken).status_code == 400
        assert (
            httpx.post(
                f"{server.url}/v3/orders/{OID}", json=ORDER, headers=HEADERS, auth=AUTH
            ).status_code
            == 401
        )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"fault_rate": 1.5},
        {"fault_rate": -0.1},
        {"fault_kinds": ("http-999",)},
        {"latency_ms": -1},
        {"max_recorded": -1},
        {"api_key": ""},
        {"fault_rate": 0.5, "fault_kinds": ()},
    ],
)
def test_bad_config_is_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        MockConfig(**kwargs)


def test_config_repr_hides_the_key() -> None:
    assert "hunter2" not in repr(MockConfig(api_key="hunter2"))


def test_banner_shows_url_and_test_credentials_but_never_a_custom_key() -> None:
    text = banner(MockConfig(), "http://127.0.0.1:1234")
    assert "http://127.0.0.1:1234" in text
    assert DEFAULT_SITE_ID in text
    assert DEFAULT_API_KEY in text
    assert "s3cret" not in banner(MockConfig(api_key="s3cret"), "http://x")


def test_serve_runs_in_the_foreground_until_interrupted() -> None:
    code = "from forter_orders.mock import serve; serve(host='127.0.0.1', port=0)"
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            first_line = process.stdout.readline()  # blocks until the banner: no sleeping
            match = re.search(r"http://127\.0\.0\.1:\d+", first_line)
            assert match, first_line
            assert httpx.get(f"{match.group(0)}/_mock/health", timeout=10).status_code == 200
        finally:
            process.send_signal(signal.SIGINT)  # Ctrl-C
            _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0
    assert "Traceback" not in stderr


# ---------------------------------------------------------------- documentation
def test_every_scenario_is_documented() -> None:
    docs = (ROOT / "docs" / "mock.md").read_text()
    docstring = mock_module.__doc__ or ""
    for name in SCENARIOS:
        assert f"`{name}`" in docs, name
        assert re.search(rf"^{re.escape(name)}\s", docstring, re.MULTILINE), name
