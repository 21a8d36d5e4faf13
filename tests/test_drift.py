"""Drift reports: a decision carrying what the spec does not know is returned whole, logged once
per client per unknown member or value, and counted in ``client.drift``.

Both clients, against the mock's ``unknown-decision`` scenario and against a loopback server
that answers with members and values the spec does not know. What is "known" is read from the
spec here too, never listed by hand.
"""

from __future__ import annotations

import copy
import datetime
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import anyio
import jsonschema_rs
import pytest

from forter_orders import AsyncForterClient, ForterClient, UnknownValue
from forter_orders._drift import (
    MAX_TRACKED,
    Drift,
    DriftMonitor,
    find_drift,
    strict_schema,
)
from forter_orders._spec import load_spec
from forter_orders.mock import MockServer

ROOT = Path(__file__).resolve().parents[1]
ORDER = json.loads((ROOT / "examples" / "mobile_app_order.json").read_text())
SPEC = load_spec()
EXAMPLE = SPEC["paths"]["/v3/orders/{orderId}"]["post"]["responses"]["200"]["content"][
    "application/json"
]["example"]
DECISION = SPEC["components"]["schemas"]["OrderDecision"]
CARD = "4111111111111111"


def open_enums() -> dict[str, list[str]]:
    """Each top-level decision member with x-forter-known-values, read from the spec."""
    return {
        name: member["x-forter-known-values"]
        for name, member in DECISION["properties"].items()
        if "x-forter-known-values" in member
    }


def drift_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "forter_orders" and r.levelno == logging.WARNING and "spec" in r.getMessage()
    ]


# ----------------------------------------------------------------------------- what is known


def test_the_spec_example_decision_has_no_drift() -> None:
    assert find_drift(copy.deepcopy(EXAMPLE)) == ()


def test_every_known_value_is_known_and_any_other_is_drift() -> None:
    enums = open_enums()
    assert {"forterDecision", "recommendation"} <= set(enums)
    for name, values in enums.items():
        for value in values:
            assert find_drift({**EXAMPLE, name: value}) == (), (name, value)
        assert find_drift({**EXAMPLE, name: "SOMETHING_NEW"}) == (
            Drift("value", name, "SOMETHING_NEW"),
        )


def test_known_values_follow_the_spec_not_a_hand_list() -> None:
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["OrderDecision"]["properties"]["forterDecision"][
        "x-forter-known-values"
    ].append("VERIFICATION_REQUIRED")
    spec["components"]["schemas"]["OrderDecision"]["properties"]["riskScore"] = {"type": "number"}
    validator = jsonschema_rs.validator_for(strict_schema(spec))
    newer = {**EXAMPLE, "forterDecision": "VERIFICATION_REQUIRED", "riskScore": 0.4}
    assert validator.is_valid(newer)  # known to the edited spec
    assert {str(d) for d in find_drift(newer)} == {  # unknown to the packaged one
        "value forterDecision=VERIFICATION_REQUIRED",
        "member riskScore",
    }


def test_nested_members_are_drift_but_free_form_payloads_are_not() -> None:
    decision = copy.deepcopy(EXAMPLE)
    method = decision["verificationMethod"]
    method["verificationSpecificData"]["ThreeDS"]["challengeWindow"] = "05"
    method["verificationSpecificData"]["email"]["anything"] = {"goes": True}  # free-form
    method["status"] = "CHALLENGE_REQUIRED"
    assert {str(d) for d in find_drift(decision)} == {
        "member verificationMethod.verificationSpecificData.ThreeDS.challengeWindow",
        "value verificationMethod.status=CHALLENGE_REQUIRED",
    }


def test_card_numbers_and_long_values_never_reach_the_report() -> None:
    (drift,) = find_drift({**EXAMPLE, "forterDecision": f"HOLD {CARD} " + "x" * 200})
    assert drift.value is not None
    assert CARD not in drift.value
    assert len(drift.value) <= 64
    (member,) = find_drift({**EXAMPLE, CARD: 1})
    assert CARD not in member.path


def test_the_monitor_caps_what_it_tracks(caplog: pytest.LogCaptureFixture) -> None:
    monitor = DriftMonitor()
    caplog.set_level(logging.WARNING, logger="forter_orders")
    monitor.record(Drift("member", f"m{i}") for i in range(MAX_TRACKED + 50))
    monitor.record([Drift("member", "m0"), Drift("member", "m999")])
    report = monitor.snapshot()
    assert len(report) == MAX_TRACKED
    assert report.untracked == 51
    assert report.items[0].count == 2
    overflow = [m for m in drift_warnings(caplog) if "only counted" in m]
    assert len(overflow) == 1
    assert len(drift_warnings(caplog)) == MAX_TRACKED + 1


# ----------------------------------------------------------------------------- both clients


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


UNKNOWN_HEADERS = {"x-mock-scenario": "unknown-decision"}


def _check_unknown_decision(
    drift_report: Any, decisions: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    assert all(d.forter_decision == UnknownValue("VERIFICATION_REQUIRED") for d in decisions)
    (item,) = drift_report.items
    assert (item.kind, item.path, item.value, item.count) == (
        "value",
        "forterDecision",
        "VERIFICATION_REQUIRED",
        3,
    )
    assert item.first_seen <= item.last_seen
    assert item.first_seen.tzinfo is datetime.UTC
    (warning,) = drift_warnings(caplog)  # three calls, one warning
    assert "forterDecision='VERIFICATION_REQUIRED'" in warning
    assert "known: APPROVE, DECLINE, NOT_REVIEWED" in warning


def test_sync_client_reports_the_mocks_unknown_decision_once(
    mock: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="forter_orders")
    with ForterClient(mock.site_id, mock.secret_key, base_url=mock.url) as forter:
        assert not forter.drift  # a decision the spec knows
        forter.orders.create(ORDER)
        assert not forter.drift
        assert drift_warnings(caplog) == []
        decisions = [forter.orders.create(ORDER, headers=UNKNOWN_HEADERS) for _ in range(3)]
        _check_unknown_decision(forter.drift, decisions, caplog)
        raw = forter.orders.with_raw_response.create(ORDER, headers=UNKNOWN_HEADERS)
        assert [str(d) for d in raw.drift] == ["value forterDecision=VERIFICATION_REQUIRED"]
        assert forter.with_options(max_retries=0).drift.items[0].count == 4  # shared


def test_async_client_reports_the_mocks_unknown_decision_once(
    mock: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="forter_orders")

    async def main() -> tuple[Any, list[Any]]:
        async with AsyncForterClient(mock.site_id, mock.secret_key, base_url=mock.url) as forter:
            await forter.orders.create(ORDER)
            decisions = [
                await forter.orders.create(ORDER, headers=UNKNOWN_HEADERS) for _ in range(3)
            ]
            return forter.drift, decisions

    report, decisions = anyio.run(main)
    _check_unknown_decision(report, decisions, caplog)


NEWER_DECISION = {
    **EXAMPLE,
    "riskScore": 0.93,
    "verificationMethod": {**EXAMPLE["verificationMethod"], "status": "CHALLENGE_REQUIRED"},
}


class _NewerForter(BaseHTTPRequestHandler):
    """Answers every order with a decision from a newer API than the spec describes."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps(NEWER_DECISION).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def newer_forter() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NewerForter)  # listening once built
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _check_newer(report: Any, decisions: list[Any], caplog: pytest.LogCaptureFixture) -> None:
    for decision in decisions:  # returned whole
        assert decision.additional_properties == {"riskScore": 0.93}
        assert decision.verification_method.status == UnknownValue("CHALLENGE_REQUIRED")
    assert {(i.kind, i.path, i.value, i.count) for i in report} == {
        ("member", "riskScore", None, 3),
        ("value", "verificationMethod.status", "CHALLENGE_REQUIRED", 3),
    }
    warnings = drift_warnings(caplog)
    assert len(warnings) == 2  # one per unknown member or value, not per call
    assert any("member the spec does not know: riskScore" in w for w in warnings)


def test_sync_client_reports_unknown_members_and_values_of_a_loopback_server(
    newer_forter: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="forter_orders")
    with ForterClient("site", "key", base_url=newer_forter) as forter:
        decisions = [forter.orders.create(ORDER) for _ in range(3)]
        _check_newer(forter.drift, decisions, caplog)


def test_async_client_reports_unknown_members_and_values_of_a_loopback_server(
    newer_forter: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="forter_orders")

    async def main_with_report() -> tuple[Any, list[Any]]:
        async with AsyncForterClient("site", "key", base_url=newer_forter) as forter:
            decisions = [await forter.orders.create(ORDER) for _ in range(3)]
            return forter.drift, decisions

    report, decisions = anyio.run(main_with_report)
    _check_newer(report, decisions, caplog)


def test_each_client_warns_for_itself(newer_forter: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="forter_orders")
    for _ in range(2):
        with ForterClient("site", "key", base_url=newer_forter) as forter:
            forter.orders.create(ORDER)
    assert len(drift_warnings(caplog)) == 4


# ----------------------------------------------------------------------------- forter-orders send


@pytest.mark.timeout(120)
def test_send_journals_drift_on_each_affected_line_and_sums_it_up(tmp_path: Path) -> None:
    orders = tmp_path / "orders.jsonl"
    orders.write_text("".join(json.dumps({**ORDER, "orderId": f"D-{i}"}) + "\n" for i in range(3)))
    out = tmp_path / "decisions.jsonl"
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "forter-orders"),
            "send",
            str(orders),
            "--mock",
            "--mock-fault-rate",
            "1",
            "--mock-fault-kinds",
            "unknown-decision",
            "--no-progress",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert proc.returncode == 0, proc.stderr
    entries = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(entries) == 3
    for entry in entries:
        assert entry["forterDecision"] == "VERIFICATION_REQUIRED"
        assert entry["drift"] == [
            {"kind": "value", "path": "forterDecision", "value": "VERIFICATION_REQUIRED"}
        ]
    row = next(line for line in proc.stdout.splitlines() if "spec drift" in line)
    assert "value forterDecision=VERIFICATION_REQUIRED" in row
    assert row.split()[-1] == "3"


@pytest.mark.timeout(120)
def test_send_journals_no_drift_field_when_the_spec_knows_everything(tmp_path: Path) -> None:
    orders = tmp_path / "orders.jsonl"
    orders.write_text(json.dumps(ORDER) + "\n")
    out = tmp_path / "decisions.jsonl"
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "forter-orders"),
            "send",
            str(orders),
            "--mock",
            "--no-progress",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (entry,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert entry["outcome"] == "decision"
    assert "drift" not in entry
    assert "spec drift" not in proc.stdout
