"""``forter-orders`` in-process through typer's CliRunner: exit codes, output formats, help.

The subprocess tests (the real console script, signals, resume) live in test_cli_send.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from forter_orders import example_names
from forter_orders.cli._app import app

ROOT = Path(__file__).resolve().parents[1]
MOBILE = ROOT / "examples" / "mobile_app_order.json"
WEB = ROOT / "examples" / "full_web_order.json"

runner = CliRunner()


def _mobile(order_id: str = "A1") -> dict[str, Any]:
    order: dict[str, Any] = json.loads(MOBILE.read_text())
    order["orderId"] = order_id
    return order


def _bad_currency(order_id: str) -> dict[str, Any]:
    """A warning: Forter may still accept the order."""
    order = _mobile(order_id)
    order["cartItems"][0]["basicItemData"]["price"]["currency"] = "usd"
    return order


def _card_number(order_id: str) -> dict[str, Any]:
    """An error: a full card number must never be sent."""
    order = _mobile(order_id)
    order["payment"][0]["tokenizedCard"]["nameOnCard"] = "4111 1111 1111 1111"
    return order


CURRENCY_WARNING = (
    "warning: cartItems[0].basicItemData.price.currency: "
    "expected ISO-4217 alpha-3 (pattern ^[A-Z]{3}$), got 'usd'"
)
CARD_ERROR = (
    "error: payment[0].tokenizedCard.nameOnCard: looks like a full card number "
    "(************1111); never send card numbers to Forter: send bin and lastFourDigits (and a "
    "token) instead"
)


def _jsonl(tmp_path: Path, orders: list[Any], name: str = "orders.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(o) + "\n" for o in orders))
    return path


# ------------------------------------------------------------------------------ validate


def test_validate_valid_files_exit_0() -> None:
    result = runner.invoke(app, ["validate", str(MOBILE), str(WEB)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "ok: 2 orders valid" in result.stderr


def test_validate_reports_file_line_severity_path_message(tmp_path: Path) -> None:
    orders = [_mobile("A1"), _card_number("A2"), _bad_currency("A3")]
    path = _jsonl(tmp_path, orders)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:2 {CARD_ERROR}", f"{path}:3 {CURRENCY_WARNING}"]
    assert "1 of 3 orders cannot be sent (1 error, 1 warning)" in result.stderr
    assert "4111 1111 1111 1111" not in result.output


def test_validate_warnings_exit_0_unless_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _jsonl(tmp_path, [_mobile("A1"), _bad_currency("A2")])
    lenient = runner.invoke(app, ["validate", str(path)])
    assert lenient.exit_code == 0
    assert lenient.stdout.splitlines() == [f"{path}:2 {CURRENCY_WARNING}"]
    assert (
        "ok: 2 orders can be sent; 1 with warnings (1 warning; --strict would refuse them)"
        in lenient.stderr
    )
    strict = runner.invoke(app, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert strict.stdout == lenient.stdout  # the same lines, marked as warnings
    assert "1 of 2 orders cannot be sent in strict mode (1 warning)" in strict.stderr
    monkeypatch.setenv("FORTER_VALIDATION", "strict")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 1
    monkeypatch.setenv("FORTER_VALIDATION", "loose")
    bad_env = runner.invoke(app, ["validate", str(path)])
    assert bad_env.exit_code == 2
    assert "FORTER_VALIDATION must be one of default, strict, off" in bad_env.stderr


def test_validate_typo_is_a_warning_with_did_you_mean(tmp_path: Path) -> None:
    order = _mobile("A1")
    order["primaryRecipent"] = order.pop("primaryRecipient")
    path = _jsonl(tmp_path, [order])
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert f"{path}:1 warning: primaryRecipent: unknown field 'primaryRecipent'" in result.stdout
    assert "did you mean 'primaryRecipient'?" in result.stdout
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 1


def test_validate_jsonl_line_numbers_count_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "orders.ndjson"
    path.write_text(json.dumps(_mobile("A1")) + "\n\n\n" + json.dumps(_card_number("A2")) + "\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:4 error: payment[0]")


def test_validate_single_document_has_no_line_number(tmp_path: Path) -> None:
    path = tmp_path / "order.json"
    path.write_text(json.dumps(_card_number("A1"), indent=2))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path} error: payment[0].tokenizedCard.nameOnCard: ")


def test_validate_array_reports_each_items_line(tmp_path: Path) -> None:
    path = tmp_path / "orders.json"
    path.write_text(
        "[\n" + json.dumps(_mobile("A1")) + ",\n" + json.dumps(_card_number("A2")) + "\n]"
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:3 error: payment[0]")


def test_validate_non_object_is_invalid_not_unreadable(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [_mobile("A1"), [1, 2]])
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2 error: (order): not a JSON object" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ('{\n  "orderId": \n}', ":3: not JSON"),
        ("", "empty input"),
    ],
)
def test_validate_unreadable_input_exit_2(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "order.json"
    if content is not None:
        path.write_text(content)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"forter-orders: {path}" in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_validate_jsonl_line_that_is_not_json_exit_2_with_file_line(tmp_path: Path) -> None:
    path = tmp_path / "orders.jsonl"
    path.write_text(json.dumps(_card_number("A1")) + "\n{broken\n" + json.dumps(_mobile()) + "\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2  # unreadable beats invalid
    assert f"forter-orders: {path}:2: not JSON" in result.stderr
    assert f"{path}:1 error: payment" in result.stdout  # the rest of the file is still checked


def test_validate_json_format(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [_mobile("A1"), _bad_currency("A2"), _card_number("A3")])
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["valid"] is False
    assert doc["strict"] is False
    assert doc["orders"] == 3
    assert doc["invalidOrders"] == 1
    assert doc["ordersWithWarnings"] == 1
    assert (doc["errorCount"], doc["warningCount"], doc["problemCount"]) == (1, 1, 2)
    assert doc["exitCode"] == 1
    warning, error = doc["problems"]
    assert warning == {
        "file": str(path),
        "line": 2,
        "record": 2,
        "orderId": "A2",
        "severity": "warning",
        "path": "cartItems[0].basicItemData.price.currency",
        "message": "expected ISO-4217 alpha-3 (pattern ^[A-Z]{3}$), got 'usd'",
        "code": "pattern",
    }
    assert (error["severity"], error["path"], error["code"]) == (
        "error",
        "payment[0].tokenizedCard.nameOnCard",
        "card_number",
    )
    strict = json.loads(
        runner.invoke(app, ["validate", "-f", "json", "--strict", str(path)]).stdout
    )
    assert (strict["strict"], strict["invalidOrders"], strict["exitCode"]) == (True, 2, 1)


def test_validate_json_format_valid_and_unreadable(tmp_path: Path) -> None:
    ok = runner.invoke(app, ["validate", "-f", "json", str(MOBILE)])
    assert ok.exit_code == 0
    assert json.loads(ok.stdout) == {
        "problems": [],
        "valid": True,
        "strict": False,
        "orders": 1,
        "invalidOrders": 0,
        "ordersWithWarnings": 0,
        "errorCount": 0,
        "warningCount": 0,
        "problemCount": 0,
        "unreadable": [],
        "exitCode": 0,
    }
    missing = runner.invoke(app, ["validate", "-f", "json", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    doc = json.loads(missing.stdout)
    assert doc["unreadable"] == [
        {"file": str(tmp_path / "nope.json"), "line": None, "message": "no such file"}
    ]


def test_validate_reads_stdin() -> None:
    text = json.dumps(_mobile("A1")) + "\n" + json.dumps(_card_number("A2")) + "\n"
    result = runner.invoke(app, ["validate", "-"], input=text)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:2 error: payment[0]")


# ------------------------------------------------------------------------------ usage


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["validate", "--format", "xml", "x.json"],
        ["send"],
        ["send", "x.json", "--concurrency", "0"],
        ["nope"],
        ["mock", "--fault-rate", "2"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_bad_rate_limit_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["send", str(MOBILE), "--mock", "--rate-limit", "fast"])
    assert result.exit_code == 2
    assert "--rate-limit" in result.stderr


def test_bad_mock_fault_kind_exit_2() -> None:
    result = runner.invoke(app, ["mock", "--fault-rate", "0.5", "--fault-kinds", "http-999"])
    assert result.exit_code == 2
    assert "unknown mock scenario" in result.stderr


USAGE = {
    "": "forter-orders [OPTIONS] COMMAND [ARGS]...",
    "validate": "forter-orders validate [OPTIONS] FILE...",
    "send": "forter-orders send [OPTIONS] FILE",
    "mock": "forter-orders mock [OPTIONS]",
    "demo": "forter-orders demo [OPTIONS]",
    "example": "forter-orders example [OPTIONS] [NAME]",
}


@pytest.mark.parametrize("command", list(USAGE))
def test_help_everywhere_with_examples(command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert f"Usage: {USAGE[command]}" in result.stdout
    assert "Examples" in result.stdout
    # click's conventions, not typer's type column: no <bool>, <str>, <int range>, {FILE}
    assert not re.search(r"<[a-z][a-z |\[\],]*>", result.stdout), result.stdout
    assert "{FILE" not in result.stdout


def test_option_metavars_say_what_to_type() -> None:
    send = runner.invoke(app, ["send", "--help"], env={"COLUMNS": "200"}).stdout
    for option, metavar in [
        ("--out", "FILE"),
        ("--concurrency", "INTEGER [1<=x<=1024]"),
        ("--timeout", "NUMBER [x>=0.001]"),
        ("--site-id", "TEXT"),
        ("--rate-limit", "N/s"),
    ]:
        assert re.search(rf"{option}\s+(-\w\s+)?{re.escape(metavar)}", send), option
    validate = runner.invoke(app, ["validate", "--help"], env={"COLUMNS": "200"}).stdout
    assert re.search(r"--format\s+-f\s+\[text\|json\]", validate)
    assert re.search(r"\*\s+FILE\.\.\.\s+JSON", validate)


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("forter-orders ")


def test_no_arguments_shows_help_and_succeeds() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert "Usage: forter-orders [OPTIONS] COMMAND" in result.stdout
    assert "validate" in result.stdout


def test_the_console_script_without_arguments_exits_0() -> None:
    script = Path(sys.executable).parent / "forter-orders"
    result = subprocess.run([str(script)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Usage: forter-orders" in result.stdout
    assert result.stderr == ""


# --------------------------------------------------------------------------- example


def test_example_lists_the_spec_examples() -> None:
    result = runner.invoke(app, ["example"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == list(example_names())
    assert names == ["mobileAppOrder", "fullWebOrder"]


@pytest.mark.parametrize(("name", "path"), [("mobile", MOBILE), ("fullWebOrder", WEB)])
def test_example_prints_the_order_that_validates(name: str, path: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["example", name])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(path.read_text())
    order = tmp_path / "order.json"
    order.write_text(result.stdout)
    assert runner.invoke(app, ["validate", str(order)]).exit_code == 0


@pytest.mark.parametrize("name", ["nosuch", "order"])
def test_example_with_an_unknown_name_exits_2(name: str) -> None:
    result = runner.invoke(app, ["example", name])
    assert result.exit_code == 2
    assert "mobileAppOrder, fullWebOrder" in result.stderr
    assert result.stdout == ""


# ------------------------------------------------------------------------------ send


def test_send_one_order_to_the_mock_prints_its_decision() -> None:
    result = runner.invoke(app, ["send", str(MOBILE), "--mock", "--no-progress"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    entry = json.loads(line)
    assert entry["line"] == 1
    assert entry["orderId"] == "B12261933767"
    assert entry["outcome"] == "decision"
    assert entry["forterDecision"] == "APPROVE"
    assert entry["attempts"] == 1
    assert "forter-orders send" in result.stderr  # the summary table


def test_send_batch_journal_and_summary(tmp_path: Path) -> None:
    decline = _mobile("D1")
    decline["accountOwner"]["email"] = "decline@forter.com"
    orders = [_mobile("A1"), decline, _bad_currency("B1"), _mobile("A2"), _card_number("C1")]
    path = _jsonl(tmp_path, orders)
    out = tmp_path / "decisions.jsonl"
    result = runner.invoke(app, ["send", str(path), "--mock", "--out", str(out)])
    # Exit 1: the order with an error was not sent (listed before sending, journalled).
    assert result.exit_code == 1, result.output
    assert f"{path}:5: orderId 'C1': payment[0].tokenizedCard.nameOnCard:" in result.stderr
    assert "1 order(s) not answered: 1 invalid (not sent)" in result.stderr
    entries = {e["line"]: e for e in map(json.loads, out.read_text().splitlines())}
    assert sorted(entries) == [1, 2, 3, 4, 5]
    assert entries[2]["forterDecision"] == "DECLINE"
    assert "warnings" not in entries[2]
    # A warning: sent, and journalled with the outcome.
    assert entries[3]["outcome"] == "decision"
    assert entries[3]["warnings"] == [
        {
            "path": "cartItems[0].basicItemData.price.currency",
            "message": "expected ISO-4217 alpha-3 (pattern ^[A-Z]{3}$), got 'usd'",
            "severity": "warning",
            "code": "pattern",
        }
    ]
    # An error: journalled as invalid, not sent.
    assert entries[5]["outcome"] == "invalid"
    assert [(p["path"], p["severity"]) for p in entries[5]["problems"]] == [
        ("payment[0].tokenizedCard.nameOnCard", "error")
    ]
    assert "decision DECLINE" in result.stdout
    assert "invalid (not sent)" in result.stdout
    assert "sent with warnings" in result.stdout
    assert "1 (1 warning)" in result.stdout


def test_send_strict_journals_warnings_as_invalid(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [_mobile("A1"), _bad_currency("B1")])
    out = tmp_path / "decisions.jsonl"
    result = runner.invoke(app, ["send", str(path), "--mock", "--strict", "--out", str(out)])
    assert result.exit_code == 1, result.output  # the order with a warning was not sent
    entries = {e["line"]: e for e in map(json.loads, out.read_text().splitlines())}
    assert entries[1]["outcome"] == "decision"
    assert entries[2]["outcome"] == "invalid"
    assert [(p["path"], p["severity"]) for p in entries[2]["problems"]] == [
        ("cartItems[0].basicItemData.price.currency", "warning")
    ]
    both = runner.invoke(app, ["send", str(path), "--mock", "--strict", "--no-validate"])
    assert both.exit_code == 2
    assert "contradict" in both.stderr


def test_send_without_secret_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORTER_SECRET_KEY", raising=False)
    result = runner.invoke(app, ["send", str(MOBILE), "--site-id", "s1"])
    assert result.exit_code == 2
    assert "missing: --secret-key-file / FORTER_SECRET_KEY" in result.stderr


def test_send_missing_file_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["send", str(tmp_path / "nope.jsonl"), "--mock"])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_send_refuses_a_foreign_journal(tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    out.write_text("shopping list\n")
    result = runner.invoke(app, ["send", str(MOBILE), "--mock", "--out", str(out)])
    assert result.exit_code == 2
    assert "not a forter-orders journal line" in result.stderr
    assert out.read_text() == "shopping list\n"


def test_send_refuses_a_journal_for_another_input(tmp_path: Path) -> None:
    out = tmp_path / "j.jsonl"
    first = _jsonl(tmp_path, [_mobile("A1"), _mobile("A2")], "first.jsonl")
    second = _jsonl(tmp_path, [_mobile("Z1"), _mobile("Z2")], "second.jsonl")
    assert runner.invoke(app, ["send", str(first), "--mock", "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["send", str(second), "--mock", "--out", str(out)])
    assert result.exit_code == 2
    assert "input changed" in result.stderr
    assert len(out.read_text().splitlines()) == 2


def test_send_secret_from_file_is_never_echoed(tmp_path: Path) -> None:
    from forter_orders.mock import MockConfig, MockServer

    key_file = tmp_path / "key"
    key_file.write_text("sk_live_very_secret_value\n")
    out = tmp_path / "j.jsonl"
    with MockServer(MockConfig()) as server:
        result = runner.invoke(
            app,
            [
                "send",
                str(MOBILE),
                "--base-url",
                server.url,
                "--site-id",
                server.site_id,
                "--secret-key-file",
                str(key_file),
                "--out",
                str(out),
            ],
        )
    assert result.exit_code == 2  # the mock refuses the key: 401, the batch stops
    entry = json.loads(out.read_text())
    assert entry["errorType"] == "AuthenticationError"
    assert entry["httpStatus"] == 401
    everything = result.output + out.read_text()
    assert "sk_live_very_secret_value" not in everything


def test_no_validate_sends_invalid_orders_and_the_400_is_an_error(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [_card_number("C1")])
    out = tmp_path / "j.jsonl"
    result = runner.invoke(app, ["send", str(path), "--mock", "--no-validate", "--out", str(out)])
    assert result.exit_code == 1
    entry = json.loads(out.read_text())
    assert entry["outcome"] == "error"
    assert entry["errorType"] == "BadRequestError"
    assert entry["httpStatus"] == 400
    assert "payment[0].tokenizedCard.nameOnCard" in [p["path"] for p in entry["problems"]]
    assert "4111 1111 1111 1111" not in out.read_text()
    assert entry["requestId"]


def test_fail_open_turns_server_errors_into_fallbacks(tmp_path: Path) -> None:
    orders = [_mobile(f"A{i}") for i in range(20)]
    path = _jsonl(tmp_path, orders)
    out = tmp_path / "j.jsonl"
    args = ["send", str(path), "--mock", "--out", str(out), "--max-retries", "0"]
    args += ["--mock-fault-rate", "1", "--mock-fault-kinds", "http-503,http-500"]
    result = runner.invoke(app, [*args, "--fallback-decision", "not_reviewed"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(entries) == 20
    assert {e["outcome"] for e in entries} == {"fallback"}
    assert {e["forterDecision"] for e in entries} == {"NOT_REVIEWED"}
    assert {e["reason"] for e in entries} == {"server_error"}
    assert {e["httpStatus"] for e in entries} <= {500, 503}
