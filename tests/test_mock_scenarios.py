"""Mock scenarios, scripting, random faults, recording and the control endpoints."""

from __future__ import annotations

import asyncio
import base64
import copy
import json
import logging
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

import forter_orders.mock as mock_module
from forter_orders._spec import component_schema, decision_example
from forter_orders.mock import (
    DEFAULT_SECRET_KEY,
    DEFAULT_SITE_ID,
    SCENARIOS,
    MockConfig,
    MockServer,
    UnknownScenarioError,
    banner,
    create_app,
    parse_scenario,
)
from forter_orders.mock._scenarios import decision_scenarios
from forter_orders.testing import ForterMockState

ROOT = Path(__file__).resolve().parents[1]
HEADERS = {"api-version": "10.1", "x-forter-siteid": DEFAULT_SITE_ID}
AUTH = (DEFAULT_SECRET_KEY, "")
ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())
OID = ORDER["orderId"]
ERROR = jsonschema.Draft202012Validator(component_schema("ErrorResponse"))
DECISION = jsonschema.Draft202012Validator(component_schema("OrderDecision"))
ERROR_SCENARIOS = {
    "http-400": 400,
    "http-401": 401,
    "http-404": 404,
    "http-418": 418,
    "http-429": 429,
    "http-429-no-retry-after": 429,
    "http-500": 500,
    "http-502": 502,
    "http-503": 503,
    "http-504": 504,
    "http-520": 520,
}
HUGE_PADDING = 8 * 1024 * 1024
# Answers that are not a plain JSON error or decision, with the status the mock records.
ODD_SCENARIOS = {
    "bad-schema-200": 200,
    "huge-body": 200,
    "huge-body-chunked": 200,
    "reset-mid-body": None,
    "http-418": 418,
    "http-429-no-retry-after": 429,
    "http-520": 520,
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
    assert response.json() == {
        "status": "failed",
        "message": f"mock scenario {scenario}",
        "errors": [],
    }
    assert response.headers["content-type"] == "application/json"
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
    # Only `http-429` names a wait; `http-429-no-retry-after` leaves it to the client's backoff.
    assert response.headers.get("Retry-After") == ("1" if scenario == "http-429" else None)


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
        # A body with an error (orderId other than the URL's) is refused whatever the scenario.
        assert send(client, "decline", order={"orderId": "other"}).status_code == 400


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


def test_bad_schema_200(client: httpx.Client) -> None:
    response = send(client, "bad-schema-200")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == (
        b'{"orderId": 12345, "recommendation": "", "decisionReason": "mock"}'
    )
    # Valid JSON, but not an OrderDecision: exactly these two problems.
    problems = sorted(
        (list(e.absolute_path), e.validator) for e in DECISION.iter_errors(response.json())
    )
    assert problems == [([], "required"), (["orderId"], "type")]


def _spec_decision(order_id: str, reason: str) -> dict[str, Any]:
    """The spec's 200 example for ``order_id``: what the mock answers with."""
    body = copy.deepcopy(decision_example())
    body["orderId"] = order_id
    body["decisionReason"] = reason
    body["linkToEventInDashboard"] = f"https://portal.forter.com/dashboard/{order_id}"
    return body


def _huge_body(order_id: str) -> bytes:
    """The exact bytes `huge-body` promises for ``order_id``."""
    head = _spec_decision(order_id, "")
    del head["decisionReason"]
    head["decisionReason"] = "mock: scenario huge-body " + "x" * HUGE_PADDING
    return json.dumps(head).encode()


def test_huge_body_has_a_content_length(client: httpx.Client) -> None:
    response = send(client, "huge-body")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["content-length"]) == len(response.content) > HUGE_PADDING
    assert "transfer-encoding" not in response.headers
    assert response.content == _huge_body(OID)
    DECISION.validate(response.json())


def test_huge_body_chunked_has_no_content_length(client: httpx.Client) -> None:
    with client.stream(
        "POST", f"/v3/orders/{OID}", json=ORDER, headers={"x-mock-scenario": "huge-body-chunked"}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert "content-length" not in response.headers
        assert response.headers["transfer-encoding"] == "chunked"
        # Streamed in pieces: the client sees many reads, none of them the whole body.
        pieces = list(response.iter_raw())
    assert len(pieces) > 1
    assert max(map(len, pieces)) < HUGE_PADDING
    assert b"".join(pieces) == _huge_body(OID)


def test_huge_body_padding_is_built_once(client: httpx.Client) -> None:
    from forter_orders.mock import _app

    send(client, "huge-body")
    send(client, "huge-body-chunked")
    assert _app._huge_body_tail.cache_info().currsize == 1
    assert _app._huge_body_tail() is _app._huge_body_tail()


def _mid_body_decision() -> bytes:
    """The whole decision `reset-mid-body` announces (and sends half of)."""
    return json.dumps(_spec_decision(OID, "mock: scenario reset-mid-body")).encode()


@pytest.mark.parametrize("scenario", ["huge-body", "huge-body-chunked"])
def test_huge_body_stops_quietly_when_the_client_hangs_up(
    client: httpx.Client, mock: ForterMockState, scenario: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A client that reads a little and closes (as a capped client does) costs the mock no
    warning per remaining chunk ("socket.send() raised exception.")."""
    caplog.set_level(logging.WARNING)
    headers = {"x-mock-scenario": scenario}
    for _ in range(3):
        with client.stream("POST", f"/v3/orders/{OID}", json=ORDER, headers=headers) as response:
            assert response.status_code == 200
            next(response.iter_raw(), None)
        # Closing a streamed response before its end closes the connection.
    # Later requests are served by the same event loop, after it handled the hang-ups.
    assert [send(client).status_code for _ in range(3)] == [200, 200, 200]
    assert mock.stats["byScenario"] == {scenario: 3, "none": 3}
    assert [r.getMessage() for r in caplog.records if r.name.startswith("asyncio")] == []


def test_reset_mid_body_is_an_incomplete_body(client: httpx.Client, mock: ForterMockState) -> None:
    full = _mid_body_decision()
    incomplete = (
        rf"without sending complete message body \(received {len(full) // 2} bytes, "
        rf"expected {len(full)}\)"
    )
    with pytest.raises(httpx.RemoteProtocolError, match=incomplete):
        send(client, "reset-mid-body")
    # The same again, streamed: the status line and the full Content-Length arrived, then
    # half the decision, then the end of the connection.
    received = bytearray()

    def read_into(response: httpx.Response) -> None:
        for piece in response.iter_raw():
            received.extend(piece)

    headers = {"x-mock-scenario": "reset-mid-body"}
    with client.stream("POST", f"/v3/orders/{OID}", json=ORDER, headers=headers) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert int(response.headers["content-length"]) == len(full)
        with pytest.raises(httpx.RemoteProtocolError, match=incomplete):
            read_into(response)
    assert bytes(received) == full[: len(full) // 2]
    # The mock is fine afterwards, and recorded both requests as dropped connections.
    assert send(client).status_code == 200
    assert [(r["scenario"], r["status"]) for r in mock.received] == [
        ("reset-mid-body", None),
        ("reset-mid-body", None),
        (None, 200),
    ]
    assert mock.stats["byStatus"] == {"reset": 2, "200": 1}


def test_reset_mid_body_in_process_raises_in_the_caller() -> None:
    started: list[int] = []

    async def go() -> None:
        async def app(scope: Any, receive: Any, send: Any) -> None:
            async def spy(message: Any) -> None:
                if message["type"] == "http.response.start":
                    started.append(message["status"])
                await send(message)

            await inner(scope, receive, spy)

        inner = create_app(MockConfig())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            headers = {"x-mock-scenario": "reset-mid-body"}
            await client.post(f"/v3/orders/{OID}", json=ORDER, headers=headers)

    with pytest.raises(ConnectionResetError, match="reset-mid-body"):
        asyncio.run(go())
    assert started == [200]  # the response had started before the "connection" dropped


@pytest.mark.parametrize(("scenario", "status"), sorted(ODD_SCENARIOS.items()))
@pytest.mark.parametrize("way", ["queue", "script_order", "fault_kinds"])
def test_new_scenarios_work_every_way(scenario: str, status: int | None, way: str) -> None:
    """Queued, pinned to an order, or drawn as a random fault: the same answer."""
    config = MockConfig(fault_rate=1.0, fault_kinds=(scenario,)) if way == "fault_kinds" else None
    with MockServer(config) as server:
        if way == "queue":
            server.queue(scenario)
        elif way == "script_order":
            server.script_order(OID, scenario)
        with httpx.Client(base_url=server.url, auth=AUTH, headers=HEADERS, timeout=10) as client:
            try:
                got: int | None = client.post(f"/v3/orders/{OID}", json=ORDER).status_code
            except httpx.RemoteProtocolError:
                got = None
        assert got == status
        assert [(r["scenario"], r["status"]) for r in server.received] == [(scenario, status)]


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
    assert DEFAULT_SECRET_KEY not in dumped
    token = base64.b64encode(f"{DEFAULT_SECRET_KEY}:".encode()).decode()
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
    assert client.post("/_mock/reset", json={}).is_success
    assert client.get("/_mock/requests").json()["count"] == 0
    assert send(client).json()["forterDecision"] == "APPROVE"


def test_script_endpoint_takes_the_new_scenarios(client: httpx.Client) -> None:
    names = ["http-429-no-retry-after", "http-418", "http-520", "bad-schema-200"]
    assert client.post("/_mock/script", json={"next": names}).json()["pending"] == names
    assert [send(client).status_code for _ in names] == [429, 418, 520, 200]


# ---------------------------------------------------------------- stats
EMPTY_STATS = {"requests": 0, "byScenario": {}, "byStatus": {}}


def test_stats_count_order_requests_by_scenario_and_status(
    client: httpx.Client, mock: ForterMockState
) -> None:
    assert client.get("/_mock/stats").json() == EMPTY_STATS
    mock.queue("http-503", "reset")
    assert send(client).status_code == 503  # queued
    with pytest.raises(httpx.TransportError):
        send(client)  # queued reset: no status
    assert send(client).status_code == 200  # no scenario
    assert send(client, order={"orderId": "other"}).status_code == 400  # no scenario, bad body
    assert send(client, "http-503").status_code == 503  # header
    assert send(client, "slow:5").status_code == 200
    assert send(client, "nope").status_code == 400  # unknown scenario name: none applied
    assert client.get("/nowhere").status_code == 404  # recorded, but no order request
    assert client.get(f"/v3/orders/{OID}").status_code == 405  # the same
    expected = {
        "requests": 7,
        "byScenario": {"http-503": 2, "reset": 1, "none": 3, "slow:5": 1},
        "byStatus": {"503": 2, "reset": 1, "200": 2, "400": 2},
    }
    assert client.get("/_mock/stats").json() == expected
    assert mock.stats == expected
    assert mock.server.stats == expected
    assert len(mock.received) == 9  # the 404 and the 405 are recorded, not counted


def test_stats_is_a_fresh_dict(client: httpx.Client, mock: ForterMockState) -> None:
    send(client)
    first = mock.stats
    first["requests"] = 99
    first["byStatus"]["200"] = 99
    assert mock.stats == {"requests": 1, "byScenario": {"none": 1}, "byStatus": {"200": 1}}
    assert mock.stats is not mock.stats


def test_stats_restart_on_reset(client: httpx.Client, mock: ForterMockState) -> None:
    send(client, "http-500")
    assert client.get("/_mock/stats").json()["requests"] == 1
    assert client.post("/_mock/reset", json={}).is_success
    assert client.get("/_mock/stats").json() == EMPTY_STATS
    send(client)
    mock.clear()
    assert mock.stats == EMPTY_STATS


@pytest.mark.parametrize("max_recorded", [0, 2])
def test_stats_count_past_the_recording_limit(max_recorded: int) -> None:
    with (
        MockServer(MockConfig(max_recorded=max_recorded)) as server,
        httpx.Client(base_url=server.url, auth=AUTH, headers=HEADERS) as client,
    ):
        statuses = [send(client, name).status_code for name in ("http-503", None, None, None)]
        assert statuses == [503, 200, 200, 200]
        assert len(server.received) == max_recorded
        assert client.get("/_mock/stats").json() == {
            "requests": 4,
            "byScenario": {"http-503": 1, "none": 3},
            "byStatus": {"503": 1, "200": 3},
        }


def test_stats_counting_is_thread_safe() -> None:
    """Many threads record at once (as uvicorn and test threads might): no count is lost."""
    controller = create_app(MockConfig(max_recorded=0)).state.mock
    scenarios = [parse_scenario("http-503"), None]
    threads, per_thread = 8, 2000

    def hammer(index: int) -> None:
        for n in range(per_thread):
            scenario = scenarios[(index + n) % 2]
            controller.record(
                method="POST",
                path="/v3/orders/o",
                headers={},
                body=b"",
                parsed=None,
                order_id="o",
                scenario=scenario,
                status=503 if scenario else 200,
                request_id="r",
            )

    workers = [threading.Thread(target=hammer, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    half = threads * per_thread // 2
    assert controller.stats == {
        "requests": threads * per_thread,
        "byScenario": {"http-503": half, "none": half},
        "byStatus": {"503": half, "200": half},
    }


@pytest.mark.parametrize(
    "payload", [b"{", b"[]", b'{"next": ["bogus"]}', b'{"orderId": 1}', b'{"scenario": "decline"}']
)
def test_bad_scripts_are_400(client: httpx.Client, mock: ForterMockState, payload: bytes) -> None:
    response = client.post(
        "/_mock/script", content=payload, headers={"content-type": "application/json"}
    )
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
    config = MockConfig(site_id="site-2", secret_key="other_key", validate=False)
    broken = {**ORDER, "totalAmount": "lots"}
    with MockServer(config) as server:
        assert (server.site_id, server.secret_key) == ("site-2", "other_key")
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
        {"secret_key": ""},
        {"fault_rate": 0.5, "fault_kinds": ()},
    ],
)
def test_bad_config_is_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        MockConfig(**kwargs)


def test_config_repr_hides_the_key() -> None:
    assert "hunter2" not in repr(MockConfig(secret_key="hunter2"))


def test_banner_shows_url_and_test_credentials_but_never_a_custom_key() -> None:
    text = banner(MockConfig(), "http://127.0.0.1:1234")
    assert "http://127.0.0.1:1234" in text
    assert DEFAULT_SITE_ID in text
    assert DEFAULT_SECRET_KEY in text
    assert "s3cret" not in banner(MockConfig(secret_key="s3cret"), "http://x")


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
    """docs/mock.md has a row per scenario, naming each decision scenario's value (the spec's);
    the module docstring lists the faults one by one and the decisions as a group."""
    docs = (ROOT / "docs" / "mock.md").read_text()
    docstring = mock_module.__doc__ or ""
    rows = {m[1]: m[2] for m in re.finditer(r"^\| `([^`]+)` \| (.*) \|$", docs, re.MULTILINE)}
    missing = [name for name in SCENARIOS if name not in rows]
    assert missing == [], f"docs/mock.md's scenario table needs a row for each of {missing}"
    for name, value in decision_scenarios().items():
        assert f"`{value}`" in rows[name], (
            f"docs/mock.md: the row of `{name}` must name its forterDecision `{value}` "
            "(read from openapi.yaml)"
        )
    for name in SCENARIOS:
        if name not in decision_scenarios():
            assert re.search(rf"^{re.escape(name)}\s", docstring, re.MULTILINE), name
    assert re.search(r"^approve, decline, \.\.\.\s", docstring, re.MULTILINE)
