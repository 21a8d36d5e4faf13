"""One source, proved: three spec edits reach every part with no hand edit.

A copy of ``openapi.yaml`` is edited in a temporary directory the way a maintainer would after a
drift report or a Forter announcement:

(a) a new optional request member, ``cartItems[].basicItemData.newThing``;
(b) a new decision value, ``VERIFICATION_REQUIRED``, in ``forterDecision``'s known values;
(c) a new response member, ``OrderDecision.riskScore``, with a value in the 200 example;
(d) a new endpoint, ``POST /v3/orders/{orderId}/status``, with a 200 example: the mock answers
    it (after its auth checks) instead of 404; the client still needs a resource by hand.

``scripts/regenerate --spec ... --into ...`` generates the models from it, and a fresh Python
process imports the regenerated models (first on ``PYTHONPATH``) with the package pointed at the
edited spec (``FORTER_ORDERS_SPEC``). That process reports what each part does; this test checks
that every edit reached the models, validation (default and strict), the mock's answers and the
journal of ``forter-orders send``. The same probe run on the repository's own spec is the
control: it shows each check fails without the edit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NEW_REQUEST_MEMBER = "newThing"
NEW_DECISION = "VERIFICATION_REQUIRED"
NEW_SCENARIO = "verification-required"
NEW_RESPONSE_MEMBER = "riskScore"
NEW_RESPONSE_VALUE = "low"
NEW_ENDPOINT = "/v3/orders/{orderId}/status"
NEW_ENDPOINT_EXAMPLE = {"orderId": "123456", "status": "RECEIVED"}

# ~20 s: a regeneration, two probe processes, each starting the mock and `send` twice.
pytestmark = [pytest.mark.timeout(300), pytest.mark.slow]

# Runs in a fresh process: PYTHONPATH puts the models under test first, FORTER_ORDERS_SPEC names
# the spec. Prints one JSON object of observations; asserts nothing itself.
PROBE = textwrap.dedent(
    """
    import json, os, subprocess, sys, tempfile, typing
    from pathlib import Path

    import forter_orders_api
    from forter_orders_api.models import BasicItemData, OrderDecision
    from forter_orders_api.models.order_decision_forter_decision import (
        OrderDecisionForterDecision,
    )
    from forter_orders_api.types import UnknownValue

    from forter_orders import example_order, validate_order
    from forter_orders._validation import encode_order
    from forter_orders._errors import OrderValidationError
    from forter_orders.mock import SCENARIOS, MockConfig, MockServer

    member, decision, scenario, rmember = sys.argv[1:5]
    out = {"models_from": forter_orders_api.__file__}

    # models
    item = BasicItemData.from_dict(
        {"name": "n", "price": {"amountLocalCurrency": "1.00", "currency": "USD"},
         "quantity": 1, member: "x"}
    )
    snake = "new_thing"
    out["model_request_attribute"] = getattr(item, snake, None)
    out["model_request_leftover"] = sorted(item.additional_properties)
    parsed = OrderDecision.from_dict({"forterDecision": decision, rmember: "v"})
    literal = typing.get_args(OrderDecisionForterDecision)[0]  # Literal[...] | UnknownValue
    out["model_decision_literal"] = decision in typing.get_args(literal)
    out["model_decision_unknown"] = isinstance(parsed.forter_decision, UnknownValue)
    out["model_response_attribute"] = getattr(parsed, "risk_score", None)

    # validation
    order = example_order("web")
    order["cartItems"][0]["basicItemData"][member] = "x"
    out["default_warnings"] = [str(p) for p in validate_order(order)]
    try:
        encode_order(order, validate="strict")
        out["strict_refused"] = []
    except OrderValidationError as exc:
        out["strict_refused"] = [str(p) for p in exc.problems]

    # the mock's answers
    out["scenario_known"] = scenario in SCENARIOS
    with MockServer() as mock, mock.client() as forter:
        answer = forter.orders.create(order)
        out["mock_response_member"] = getattr(answer, "risk_score", None)
        out["mock_response_drift"] = [str(d.drift) for d in forter.drift.items]
        if scenario in SCENARIOS:
            mock.queue(scenario)
            answer = forter.orders.create(order)
            out["mock_decision"] = str(answer.forter_decision)
            out["mock_decision_unknown"] = isinstance(answer.forter_decision, UnknownValue)
        import httpx
        url = mock.url + "/v3/orders/A1/status"
        good = httpx.post(url, json={}, auth=(mock.config.secret_key, ""),
                          headers={"x-forter-siteid": mock.config.site_id, "api-version": "10.1"})
        bad = httpx.post(url, json={})
        out["endpoint"] = [good.status_code, good.json(), bad.status_code]
        mock.queue("unknown-decision")
        answer = forter.orders.create(order)
        out["unknown_decision"] = str(answer.forter_decision)
        out["unknown_decision_unknown"] = isinstance(answer.forter_decision, UnknownValue)

    # the journal of `forter-orders send` (the embedded mock answers every order with the
    # new decision when the spec knows it), in default and strict validation
    with tempfile.TemporaryDirectory() as tmp:
        orders = Path(tmp, "orders.json")
        orders.write_text(json.dumps(order))
        for mode in ("default", "strict"):
            journal = Path(tmp, f"{mode}.jsonl")
            args = [sys.executable, "-m", "forter_orders.cli", "send", str(orders), "--mock",
                    "--no-progress", "--out", str(journal)]
            if mode == "strict":
                args.append("--strict")
            if scenario in SCENARIOS:
                args += ["--mock-fault-rate", "1", "--mock-fault-kinds", scenario]
            run = subprocess.run(args, capture_output=True, text=True, timeout=120)
            out[f"send_{mode}_exit"] = run.returncode
            out[f"send_{mode}_stderr"] = run.stderr[-2000:]
            lines = journal.read_text().splitlines() if journal.exists() else []
            out[f"journal_{mode}"] = [json.loads(line) for line in lines]
    print(json.dumps(out))
    """
)


def _edit(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    # (a) a new optional request member on an existing object
    schemas["BasicItemData"]["properties"][NEW_REQUEST_MEMBER] = {
        "type": "string",
        "description": "A member Forter added.",
    }
    decision = schemas["OrderDecision"]["properties"]
    # (b) a new decision value in the known values
    decision["forterDecision"]["x-forter-known-values"].append(NEW_DECISION)
    # (c) a new response member, with a value in the 200 example
    decision[NEW_RESPONSE_MEMBER] = {"type": "string", "description": "A member Forter added."}
    post = spec["paths"]["/v3/orders/{orderId}"]["post"]
    example = post["responses"]["200"]["content"]["application/json"]["example"]
    example[NEW_RESPONSE_MEMBER] = NEW_RESPONSE_VALUE
    # (d) a new endpoint
    spec["paths"][NEW_ENDPOINT] = {
        "post": {
            "operationId": "updateOrderStatus",
            "summary": "Tell Forter what became of an order",
            "tags": ["orders"],
            "parameters": [{"$ref": "#/components/parameters/OrderIdPath"}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "responses": {
                "200": {
                    "description": "Received.",
                    "content": {
                        "application/json": {
                            "schema": {"type": "object"},
                            "example": NEW_ENDPOINT_EXAMPLE,
                        }
                    },
                },
            },
        }
    }


def _probe(tmp: Path, spec: Path, models: Path | None) -> dict[str, Any]:
    """Run PROBE with the package on ``spec`` and the models in ``models`` (None: the repo's)."""
    script = tmp / "probe.py"
    script.write_text(PROBE)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FORTER_", "PYTEST_"))}
    env["FORTER_ORDERS_SPEC"] = str(spec)
    paths = [str(models)] if models is not None else []
    env["PYTHONPATH"] = os.pathsep.join([*paths, str(ROOT / "generated"), str(ROOT / "overlays")])
    # The subprocess starts `send` in turn; it inherits both variables.
    run = subprocess.run(
        [
            sys.executable,
            str(script),
            NEW_REQUEST_MEMBER,
            NEW_DECISION,
            NEW_SCENARIO,
            NEW_RESPONSE_MEMBER,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        cwd=tmp,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The probe's observations on the edited, regenerated copy."""
    tmp = tmp_path_factory.mktemp("one-source")
    spec_file = tmp / "openapi.yaml"
    shutil.copy(ROOT / "openapi.yaml", spec_file)
    shutil.copy(ROOT / "scripts" / "generator-config.yaml", tmp / "generator-config.yaml")
    spec = yaml.safe_load(spec_file.read_text())
    _edit(spec)
    spec_file.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
    models = tmp / "generated"
    regenerate = subprocess.run(
        [
            str(ROOT / "scripts" / "regenerate"),
            "--spec",
            str(spec_file),
            "--into",
            str(models / "forter_orders_api"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert regenerate.returncode == 0, regenerate.stderr[-4000:]
    result = _probe(tmp, spec_file, models)
    assert result["models_from"].startswith(str(models)), "the probe imported other models"
    return result


@pytest.fixture(scope="module")
def control(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same probe on the repository's spec and models: every check below fails there."""
    tmp = tmp_path_factory.mktemp("one-source-control")
    return _probe(tmp, ROOT / "openapi.yaml", None)


def _only(journal: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(journal) == 1, journal
    return journal[0]


# ------------------------------------------------------------------ (a) a new request member


def test_a_new_request_member_reaches_the_models(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert edited["model_request_attribute"] == "x"
    assert edited["model_request_leftover"] == []
    assert control["model_request_attribute"] is None
    assert control["model_request_leftover"] == [NEW_REQUEST_MEMBER]


def test_a_new_request_member_is_known_to_validation(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    """Default mode: no warning; strict mode: not refused (it was an unknown member before)."""
    assert edited["default_warnings"] == []
    assert edited["strict_refused"] == []
    unknown = f"cartItems[0].basicItemData.{NEW_REQUEST_MEMBER}"
    assert any(unknown in w and "unknown field" in w for w in control["default_warnings"])
    assert any(unknown in p for p in control["strict_refused"])
    strict_line = _only(edited["journal_strict"])
    assert strict_line["outcome"] == "decision", strict_line
    assert "warnings" not in _only(edited["journal_default"])
    assert _only(control["journal_strict"])["outcome"] == "invalid"


# ------------------------------------------------------------------ (b) a new decision value


def test_a_new_decision_value_parses_as_a_known_literal(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert edited["model_decision_literal"] is True
    assert edited["model_decision_unknown"] is False
    assert control["model_decision_literal"] is False
    assert control["model_decision_unknown"] is True


def test_the_mock_answers_the_new_decision_value(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert edited["scenario_known"] is True
    assert edited["mock_decision"] == NEW_DECISION
    assert edited["mock_decision_unknown"] is False
    assert control["scenario_known"] is False


def test_unknown_decision_stays_unknown_once_the_spec_knows_verification_required(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert control["unknown_decision"] == NEW_DECISION
    assert control["unknown_decision_unknown"] is True
    assert edited["unknown_decision"] != NEW_DECISION
    assert edited["unknown_decision_unknown"] is True


def test_the_journal_carries_the_new_decision_value(edited: dict[str, Any]) -> None:
    line = _only(edited["journal_default"])
    assert edited["send_default_exit"] == 0, edited["send_default_stderr"]
    assert line["outcome"] == "decision"
    assert line["forterDecision"] == NEW_DECISION
    assert "drift" not in line, line


# ------------------------------------------------------------------ (c) a new response member


def test_a_new_response_member_reaches_the_models(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert edited["model_response_attribute"] == "v"
    assert control["model_response_attribute"] is None


def test_the_mock_answers_with_the_new_response_member(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert edited["mock_response_member"] == NEW_RESPONSE_VALUE
    assert edited["mock_response_drift"] == []
    assert control["mock_response_member"] is None


# ------------------------------------------------------------------ (d) a new endpoint


def test_the_mock_answers_a_new_endpoint_with_its_example(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    assert edited["endpoint"] == [200, NEW_ENDPOINT_EXAMPLE, 401]
    # Without the operation in the spec, the order route takes "A1/status" for an orderId.
    assert control["endpoint"][0] == 400


def test_the_journal_carries_the_new_response_member(
    edited: dict[str, Any], control: dict[str, Any]
) -> None:
    for mode in ("default", "strict"):
        line = _only(edited[f"journal_{mode}"])
        assert line.get(NEW_RESPONSE_MEMBER) == NEW_RESPONSE_VALUE, line
    assert NEW_RESPONSE_MEMBER not in _only(control["journal_default"])
