"""The three validation modes on the clients: where they are set, what each lets through, and
how warnings reach people (one log record per order) and code (decision.warnings)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    AsyncForterClient,
    ConfigurationError,
    Decision,
    FallbackPolicy,
    ForterClient,
    OrderDecision,
    OrderValidationError,
    Problem,
    is_fallback,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KEY = "sk_live_modes_canary_key"
CARD = "4111 1111 1111 1111"
DECISION = {"orderId": "B12261933767", "forterDecision": "APPROVE", "recommendation": ""}


def order() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "mobile_app_order.json").read_text())
    return data


def with_typo() -> dict[str, Any]:
    """A warning: primaryRecipient misspelled (Forter would ignore it)."""
    data = order()
    data["primaryRecipent"] = data.pop("primaryRecipient")
    return data


def with_card() -> dict[str, Any]:
    """An error: a full card number in clear."""
    data = order()
    data["payment"][0]["tokenizedCard"]["nameOnCard"] = f"J Smith {CARD}"
    return data


class Recorder:
    def __init__(self, status: int = 200) -> None:
        self.requests: list[httpx.Request] = []
        self.status = status

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, json=DECISION if self.status == 200 else {})


@pytest.fixture(autouse=True)
def no_env_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORTER_VALIDATION", raising=False)


def client(recorder: Recorder, **kwargs: Any) -> ForterClient:
    return ForterClient(
        "site-1",
        KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        sleep=lambda _s: None,
        **kwargs,
    )


# ---------------------------------------------------------------- what each mode lets through

# (order, mode) -> "sent" | "refused"
EXPECTED = {
    ("clean", "default"): "sent",
    ("clean", "strict"): "sent",
    ("clean", "off"): "sent",
    ("typo", "default"): "sent",
    ("typo", "strict"): "refused",
    ("typo", "off"): "sent",
    ("card", "default"): "refused",
    ("card", "strict"): "refused",
    ("card", "off"): "sent",  # off: no card-number scan (only what cannot be sent at all)
}
ORDERS: dict[str, Callable[[], dict[str, Any]]] = {
    "clean": order,
    "typo": with_typo,
    "card": with_card,
}


@pytest.mark.parametrize(("name", "mode"), sorted(EXPECTED))
def test_each_mode_lets_through_what_it_says(name: str, mode: str) -> None:
    recorder = Recorder()
    forter = client(recorder, validation=mode)
    assert forter.validation == mode
    if EXPECTED[(name, mode)] == "refused":
        with pytest.raises(OrderValidationError) as info:
            forter.orders.create(ORDERS[name]())
        assert info.value.strict is (mode == "strict")
        assert recorder.requests == []
    else:
        decision = forter.orders.create(ORDERS[name]())
        assert decision.forter_decision == "APPROVE"
        assert len(recorder.requests) == 1
        expect_warning = name == "typo" and mode == "default"
        assert [w.suggestion for w in decision.warnings] == (
            ["primaryRecipient", None] if expect_warning else []
        )


def test_warnings_come_back_with_the_decision_and_the_raw_response() -> None:
    recorder = Recorder()
    forter = client(recorder)
    decision = forter.orders.create(with_typo())
    assert isinstance(decision, Decision)
    assert isinstance(decision, OrderDecision)  # code typed against the model keeps working
    assert all(isinstance(w, Problem) and w.severity == "warning" for w in decision.warnings)
    assert [(w.path, w.code) for w in decision.warnings] == [
        ("primaryRecipent", "unknown_field"),
        ("primaryRecipient", "recommended"),
    ]
    raw = forter.orders.with_raw_response.create(with_typo())
    assert raw.warnings == raw.parsed.warnings == decision.warnings
    assert forter.orders.create(order()).warnings == ()


def test_a_fallback_decision_carries_the_warnings_too() -> None:
    forter = client(Recorder(status=503), fallback=FallbackPolicy())
    decision = forter.orders.create(with_typo())
    assert is_fallback(decision)
    assert [w.path for w in decision.warnings] == ["primaryRecipent", "primaryRecipient"]


# ---------------------------------------------------------------- where the mode is set


def test_per_call_mode_overrides_the_client() -> None:
    recorder = Recorder()
    forter = client(recorder, validation="strict")
    forter.orders.create(with_typo(), validation="default")
    forter.orders.create(with_card(), validation="off")
    with pytest.raises(OrderValidationError):
        forter.orders.create(with_typo())
    lenient = client(recorder)
    with pytest.raises(OrderValidationError):
        lenient.orders.create(with_typo(), validation="strict")
    assert len(recorder.requests) == 2


def test_with_options_derives_a_client_in_another_mode() -> None:
    recorder = Recorder()
    forter = client(recorder)
    strict = forter.with_options(validation="strict")
    assert (forter.validation, strict.validation) == ("default", "strict")
    assert strict.http_client is forter.http_client
    with pytest.raises(OrderValidationError):
        strict.orders.create(with_typo())
    assert forter.orders.create(with_typo()).warnings
    assert forter.with_options(validate=False).validation == "off"


def test_the_older_validate_switch_still_works() -> None:
    recorder = Recorder()
    assert client(recorder, validate=True).validation == "default"
    off = client(recorder, validate=False)
    assert off.validation == "off"
    off.orders.create(with_card())
    forter = client(recorder)
    forter.orders.create(with_card(), validate=False)
    with pytest.raises(OrderValidationError):
        forter.orders.create(with_card(), validate=True)
    assert len(recorder.requests) == 2


def test_the_environment_sets_the_default_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder()
    monkeypatch.setenv("FORTER_VALIDATION", "strict")
    forter = client(recorder)
    assert forter.validation == "strict"
    with pytest.raises(OrderValidationError):
        forter.orders.create(with_typo())
    assert client(recorder, validation="default").validation == "default"  # arguments win
    assert client(recorder, validate=False).validation == "off"
    monkeypatch.setenv("FORTER_VALIDATION", "off")
    assert client(recorder).validation == "off"


@pytest.mark.parametrize(
    ("kwargs", "env", "needle"),
    [
        ({"validation": "loose"}, None, "validation= must be one of default, strict, off"),
        ({"validation": "strict", "validate": True}, None, "not both"),
        ({}, "paranoid", "FORTER_VALIDATION must be one of default, strict, off"),
    ],
)
def test_bad_modes_are_configuration_errors(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, Any], env: str | None, needle: str
) -> None:
    if env is not None:
        monkeypatch.setenv("FORTER_VALIDATION", env)
    with pytest.raises(ConfigurationError, match=needle):
        client(Recorder(), **kwargs)


def test_a_bad_per_call_mode_is_refused_before_sending() -> None:
    recorder = Recorder()
    with pytest.raises(ConfigurationError):
        client(recorder).orders.create(order(), validation="lax")  # type: ignore[arg-type]
    assert recorder.requests == []


# ---------------------------------------------------------------- warnings reach people


def test_one_warning_record_per_order_with_paths_and_previews(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = with_typo()
    data["payment"][0]["tokenizedCard"]["lastFourDigits"] = "1" * 500
    forter = client(Recorder())
    with caplog.at_level(logging.DEBUG, logger="forter_orders"):
        forter.orders.create(data)
        forter.orders.create(order())  # no warning: no record
        with pytest.raises(OrderValidationError):
            forter.orders.create(with_card())  # an error raises: nothing sent, nothing logged
    (record,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert record.name == "forter_orders"
    text = record.getMessage()
    assert text.startswith(
        "order B12261933767: sent with 3 validation warnings (strict mode would refuse it): "
    )
    assert "primaryRecipent: unknown field" in text
    assert "did you mean 'primaryRecipient'?" in text
    # The value is previewed, not dumped: 500 digits become a short, cut preview.
    assert "payment[0].tokenizedCard.lastFourDigits: expected 4 digits" in text
    assert "1" * 60 not in text
    assert KEY not in caplog.text
    assert CARD not in caplog.text


def test_the_error_message_masks_card_numbers(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(OrderValidationError) as info:
        client(Recorder()).orders.create(with_card())
    text = str(info.value)
    assert CARD not in text
    assert CARD.replace(" ", "") not in text
    assert "************1111" in text
    assert KEY not in text


def test_many_warnings_are_summed_up_in_the_one_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = order()
    data["additionalIdentifiers"] = {f"custom{i}": i for i in range(25)}
    with caplog.at_level(logging.WARNING, logger="forter_orders"):
        decision = client(Recorder()).orders.create(data)
    assert len(decision.warnings) == 25
    (record,) = caplog.records
    assert record.getMessage().endswith("; and 15 more")


# ---------------------------------------------------------------- async


@pytest.mark.anyio
async def test_async_client_has_the_same_modes() -> None:
    recorder = Recorder()
    async with AsyncForterClient(
        "site-1",
        KEY,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
    ) as forter:
        decision = await forter.orders.create(with_typo())
        assert [w.path for w in decision.warnings] == ["primaryRecipent", "primaryRecipient"]
        with pytest.raises(OrderValidationError):
            await forter.orders.create(with_typo(), validation="strict")
        with pytest.raises(OrderValidationError):
            await forter.orders.create(with_card())
        raw = await forter.orders.with_raw_response.create(with_card(), validation="off")
        assert raw.warnings == ()
        strict = forter.with_options(validation="strict")
        assert strict.validation == "strict"
    assert len(recorder.requests) == 2


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# ---------------------------------------------------------------- warnings while in flight


def test_warnings_are_computed_once_the_body_is_written() -> None:
    """Default mode: the strict-view check runs after the transport has written the body (while
    Forter decides), once, and before create returns; a failing check never breaks the send."""
    from forter_orders._client import _BodyThenWarnings, _Prepared

    calls: list[str] = []

    def check() -> tuple[Problem, ...]:
        calls.append("checked")
        return (Problem("x", "m", severity="warning"),)

    prepared = _Prepared("o-1", "o-1", "POST", "http://x/o-1", b"{}", {}, pending=check)
    request = prepared.attach(httpx.Request("POST", "http://x/o-1", content=b"{}"))
    assert isinstance(request.stream, _BodyThenWarnings)
    chunks = iter(request.stream)
    assert next(chunks) == b"{}"
    assert calls == []  # nothing checked before the body is handed over
    assert list(chunks) == []
    assert calls == ["checked"]
    assert list(request.stream) == [b"{}"]  # a retry sends the same body, checks nothing again
    assert calls == ["checked"]
    assert [p.path for p in prepared.settle()] == ["x"]
    assert request.content == b"{}"

    def broken() -> tuple[Problem, ...]:
        raise RuntimeError("bug in the check")

    failing = _Prepared("o-2", "o-2", "POST", "http://x/o-2", b"{}", {}, pending=broken)
    stream = failing.attach(httpx.Request("POST", "http://x/o-2", content=b"{}")).stream
    assert isinstance(stream, _BodyThenWarnings)
    assert list(stream) == [b"{}"]  # the body still goes out
    with pytest.raises(RuntimeError, match="bug in the check"):
        failing.settle()  # and the bug surfaces after the answer, not silently


@pytest.mark.anyio
async def test_warnings_are_computed_once_the_body_is_written_async() -> None:
    from forter_orders._client import _Prepared

    prepared = _Prepared("o-1", "o-1", "POST", "http://x/o-1", b"{}", {}, pending=lambda: ())
    request = prepared.attach(httpx.Request("POST", "http://x/o-1", content=b"{}"))
    assert [chunk async for chunk in request.stream] == [b"{}"]  # type: ignore[union-attr]
    # Handed to the loop's next turn (when the task waits for the answer), not run inline.
    assert prepared.pending is not None
    await asyncio.sleep(0)
    assert prepared.pending is None


def test_warnings_serialize_for_metrics_and_alerts() -> None:
    decision = client(Recorder()).orders.create(with_typo())
    typo = decision.warnings[0].as_dict()
    assert typo == {
        "path": "primaryRecipent",
        "message": typo["message"],
        "code": "unknown_field",
        "severity": "warning",
        "suggestion": "primaryRecipient",
    }
    assert "suggestion" not in decision.warnings[1].as_dict()
    json.dumps([w.as_dict() for w in decision.warnings])  # JSON-ready


def test_a_decision_repr_shows_warnings_only_when_there_are_some() -> None:
    forter = client(Recorder())
    assert "warnings" not in repr(forter.orders.create(order()))
    shown = repr(forter.orders.create(with_typo()))
    assert shown.startswith("Decision(forter_decision='APPROVE', order_id='B12261933767'")
    assert "warnings=(Problem(path='primaryRecipent'" in shown
