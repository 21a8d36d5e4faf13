"""The secret key never shows: not in reprs, logs, exception text, tracebacks or frame locals."""

from __future__ import annotations

import base64
import json
import logging
import pickle
import socket
import traceback
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    AuthenticationError,
    FallbackPolicy,
    ForterClient,
    ForterError,
    RedactingFilter,
    Secret,
)

CANARY = "sk_live_CANARY_9f8e7d6c5b4a"
CANARY_B64 = base64.b64encode(f"{CANARY}:".encode()).decode()
ORDER: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "full_web_order.json").read_text()
)


def assert_clean(text: str) -> None:
    assert CANARY not in text
    assert CANARY_B64 not in text
    assert CANARY_B64.rstrip("=") not in text


def client_answering(*answers: httpx.Response | Exception, **kw: Any) -> ForterClient:
    count = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        count[0] += 1
        answer = answers[min(count[0], len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return ForterClient(
        "site",
        CANARY,
        sleep=lambda _s: None,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **kw,
    )


def test_secret_is_masked() -> None:
    secret = Secret(CANARY)
    assert secret.get_secret_value() == CANARY
    assert_clean(repr(secret))
    assert_clean(str(secret))
    assert_clean(f"{secret} {secret!r}")
    assert not hasattr(secret, "__dict__")
    assert secret == Secret(CANARY)
    assert secret != Secret("other")
    with pytest.raises(TypeError, match="pickled"):
        pickle.dumps(secret)


def test_client_repr_and_attributes_are_clean() -> None:
    client = ForterClient("site", CANARY)
    assert_clean(repr(client))
    assert_clean(str(client))
    assert_clean(repr(vars(client)))
    assert_clean(repr(client._auth))
    assert_clean(repr(client._config))
    assert "Secret('**********')" in repr(client)
    client.close()


def test_request_headers_repr_is_masked() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"forterDecision": "APPROVE"})

    client = ForterClient(
        "site", CANARY, http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    client.orders.create(ORDER)
    assert seen[0].headers["authorization"] == f"Basic {CANARY_B64}"  # it is sent...
    assert_clean(repr(seen[0]))  # ...but not shown
    assert_clean(repr(seen[0].headers))


def test_logs_are_clean_and_describe_each_attempt(caplog: pytest.LogCaptureFixture) -> None:
    client = client_answering(
        httpx.Response(503, json={"message": "busy"}),
        httpx.ConnectError("refused"),
        fallback=FallbackPolicy(),
        max_retries=1,
    )
    with caplog.at_level(logging.DEBUG, logger="forter_orders"):
        client.orders.create(ORDER)
        client.orders.create(ORDER, max_retries=0)
    text = caplog.text
    assert_clean(text)
    attempts = [r.getMessage() for r in caplog.records if "attempt" in r.getMessage()]
    assert attempts[0].startswith("POST https://site.api.forter-secure.com/v3/orders/")
    assert "-> 503 in" in attempts[0]
    assert "(attempt 1 of 2)" in attempts[0]
    assert "-> APIConnectionError" in attempts[1]
    assert any(r.levelno == logging.WARNING for r in caplog.records)


def test_exceptions_and_tracebacks_with_locals_are_clean() -> None:
    client = client_answering(httpx.Response(401, json={"message": "bad key"}))
    with pytest.raises(AuthenticationError) as info:
        client.orders.create(ORDER)
    error = info.value
    assert_clean(str(error))
    assert_clean(repr(error))
    assert_clean("".join(traceback.format_exception(error)))
    with_locals = traceback.TracebackException.from_exception(error, capture_locals=True)
    assert_clean("".join(with_locals.format()))


def test_connection_error_traceback_through_httpx_is_clean() -> None:
    with socket.socket() as sock:  # a loopback port that was free a moment ago: refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = ForterClient("s", CANARY, base_url=f"http://127.0.0.1:{port}", max_retries=0)
    with pytest.raises(ForterError) as info:
        client.orders.create(ORDER)
    with_locals = traceback.TracebackException.from_exception(info.value, capture_locals=True)
    text = "".join(with_locals.format())
    assert "ConnectError" in text  # the chained httpx error is shown...
    assert_clean(text)  # ...without the key
    client.close()


def test_fallback_decision_repr_is_clean() -> None:
    client = client_answering(httpx.Response(500, json={}), fallback=FallbackPolicy())
    decision = client.orders.create(ORDER)
    assert_clean(repr(decision))


# ---------------------------------------------------------------- the log filter


def test_filter_is_installed_and_logger_is_quiet_by_default() -> None:
    logger = logging.getLogger("forter_orders")
    assert any(isinstance(f, RedactingFilter) for f in logger.filters)
    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)
    assert logger.level == logging.NOTSET


def test_filter_redacts_live_secrets_credentials_and_pans(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = ForterClient("site", CANARY)  # registers the key with the filter
    logger = logging.getLogger("forter_orders")
    with caplog.at_level(logging.INFO, logger="forter_orders"):
        logger.info("key=%s", CANARY)
        logger.info("headers: {'authorization': 'Basic %s'}", CANARY_B64)
        logger.info("Authorization: Bearer abc.def.ghi")
        logger.info("card %s", "4111 1111 1111 1111")
        logger.info("order %s sent", "o-1")
    messages = [r.getMessage() for r in caplog.records]
    assert_clean(caplog.text)
    assert messages[0] == "key=[REDACTED]"
    assert "abc.def.ghi" not in messages[2]
    assert messages[3] == "card ************1111"
    assert messages[4] == "order o-1 sent"
    client.close()


def test_filter_on_other_handlers_and_extra_secrets() -> None:
    record = logging.LogRecord("app", logging.INFO, __file__, 1, "token %s", ("tok-123",), None)
    assert RedactingFilter(extra_secrets=["tok-123"]).filter(record)
    assert record.getMessage() == "token [REDACTED]"
    broken = logging.LogRecord("app", logging.INFO, __file__, 1, "%d", ("x",), None)
    assert RedactingFilter().filter(broken)  # a bad format string never breaks logging
