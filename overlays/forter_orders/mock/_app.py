"""The mock's Starlette application."""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
import functools
import hmac
import json
import uuid
from collections.abc import Iterable
from typing import Any, Final
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import _strict_json as strict_json
from .._spec import (
    ORDER_PATH,
    SpecShapeError,
    decision_example,
    load_spec,
    sandbox_decisions,
    schema_properties,
)
from ._scenarios import ERROR_STATUS, Scenario, UnknownScenarioError, decision_scenarios
from ._state import MockConfig, MockController
from ._validate import ErrorDetail, OrderValidator

SCENARIO_HEADER: Final = "x-mock-scenario"
CONTROL_HEADER: Final = "x-mock-control"
"""Header (any value) that ``POST /_mock/script`` and ``/_mock/reset`` require, unless the request
carries the mock's key as Basic credentials: a web page cannot send a custom header (or a JSON
content type) to another origin without a CORS preflight, which the mock never grants."""
_CONTROL_BODY_LIMIT: Final = 64 * 1024
# What strict validation would have said about an accepted order: a JSON list of
# {"path", "message", "code"} (ASCII; cut at WARNINGS_HEADER_BYTES, the count header stays exact).
WARNINGS_HEADER: Final = "x-mock-warnings"
WARNING_COUNT_HEADER: Final = "x-mock-warning-count"
# 4 KiB: well inside the 8-16 KiB that HTTP clients allow for a whole header block.
WARNINGS_HEADER_BYTES: Final = 4 * 1024
_ORDERS_PREFIX: Final = "/v3/orders/"
_MALFORMED_JSON: Final = b'{"orderId": "truncated", "forterDecision": "APPR'
_HTML_502: Final = (
    b"<html><head><title>502 Bad Gateway</title></head>"
    b"<body><center><h1>502 Bad Gateway</h1></center></body></html>"
)

# `bad-schema-200`: valid JSON, but forterDecision (required) is missing and orderId is no string.
_BAD_SCHEMA_200: Final = b'{"orderId": 12345, "recommendation": "", "decisionReason": "mock"}'
# `huge-body`: the padding of decisionReason; with it the decision is just over 8 MiB.
HUGE_BODY_PADDING: Final = 8 * 1024 * 1024
_HUGE_CHUNK: Final = 64 * 1024
# Scenarios answered with fixed bytes: status, body, Content-Type (None: no Content-Type).
_FIXED_ANSWERS: Final[dict[str, tuple[int, bytes, str | None]]] = {
    "empty-body-500": (500, b"", None),
    "html-502": (502, _HTML_502, "text/html"),
    "malformed-json": (200, _MALFORMED_JSON, "application/json"),
    "bad-schema-200": (200, _BAD_SCHEMA_200, "application/json"),
}

# The ASGI scope key under which the uvicorn protocol in _server.py puts the asyncio transport of
# the request's own TCP connection, so that the `reset` scenarios can abort exactly that one. (A
# table keyed by the client's address could name another connection: on loopback Linux reuses a
# port as soon as a client gives up on one, so a late `reset` aborted a stranger's request.)
TRANSPORT_KEY: Final = "forter_mock.transport"


def _transport_of(scope: Scope) -> asyncio.Transport | None:
    """The transport of the connection this request arrived on (None in-process)."""
    transport = scope.get(TRANSPORT_KEY)
    return transport if isinstance(transport, asyncio.Transport) else None


def _request_id() -> str:
    return uuid.uuid4().hex


class _OrderIdConvertor(Convertor[str]):
    r"""Like Starlette's ``path`` convertor, but the id may end in a newline.

    Starlette anchors route patterns with ``$``, which also matches *before* a final ``\n``: with
    ``.*`` the id ``"abc\n"`` (valid per the spec) arrived as ``"abc"`` and the mock answered 400
    for an orderId mismatch. ``[\s\S]*`` is greedy over every character, newlines included.
    """

    regex = r"[\s\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("forter_order_id", _OrderIdConvertor())


class _BodyTooLarge(Exception):
    """A request body past the mock's ``max_body_bytes``."""


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, at most ``limit`` bytes; ``_BodyTooLarge`` before reading more.

    ``Content-Length`` is checked first, so a declared 256 MiB body is refused without reading a
    byte of it; a chunked body is counted as it streams in.
    """
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise _BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int, request_id: str) -> Response:
    message = f"request body larger than {limit} bytes"
    # The rest of the body is never read: the connection cannot carry another request.
    return _error(413, message, request_id, headers={"Connection": "close"})


def _json_response(
    status: int, payload: object, request_id: str, headers: dict[str, str] | None = None
) -> Response:
    all_headers = {"X-Request-Id": request_id, **(headers or {})}
    return Response(
        json.dumps(payload, ensure_ascii=False).encode(),
        status_code=status,
        headers=all_headers,
        media_type="application/json",
    )


def warning_headers(warnings: list[ErrorDetail]) -> dict[str, str]:
    """``x-mock-warning-count`` and ``x-mock-warnings`` for an answer (empty: no headers)."""
    if not warnings:
        return {}
    shown = list(warnings)
    text = json.dumps(shown, ensure_ascii=True)
    while len(text) > WARNINGS_HEADER_BYTES and len(shown) > 1:
        shown = shown[: len(shown) // 2]
        more = {"path": "", "message": f"... {len(warnings) - len(shown)} more", "code": "more"}
        text = json.dumps([*shown, more], ensure_ascii=True)
    if len(text) > WARNINGS_HEADER_BYTES:  # one warning with a huge path: keep the count only
        text = json.dumps([{"path": "", "message": "see the recordings", "code": "more"}])
    return {WARNING_COUNT_HEADER: str(len(warnings)), WARNINGS_HEADER: text}


def error_body(message: str, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The error body shape of the spec's ``ErrorResponse``."""
    return {"status": "failed", "message": message, "errors": errors or []}


def _error(status: int, message: str, request_id: str, **kw: Any) -> Response:
    return _json_response(status, error_body(message, kw.pop("errors", None)), request_id, **kw)


class _ResetResponse(Response):
    """Drops the connection without a byte of response."""

    def __init__(self) -> None:
        super().__init__(status_code=500)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        transport = _transport_of(scope)
        if transport is None:
            # Not served by MockServer/serve() (e.g. httpx.ASGITransport in-process): the
            # closest thing to a dropped connection is an error in the caller.
            raise ConnectionResetError("forter mock: scenario 'reset' dropped the connection")
        transport.abort()
        # Wait until uvicorn noticed the disconnect, or it would log "returned without
        # starting response" and try to write a 500 to the dead socket.
        while (await receive())["type"] != "http.disconnect":
            pass


class _ResetMidBodyResponse(Response):
    """Starts a 200 decision (Content-Length of the whole body), sends part of it, then drops
    the connection: the client sees an incomplete body."""

    def __init__(self, body: bytes, request_id: str) -> None:
        super().__init__(
            body,
            status_code=200,
            headers={"X-Request-Id": request_id},
            media_type="application/json",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send(
            {
                "type": "http.response.body",
                "body": self.body[: len(self.body) // 2],
                "more_body": True,
            }
        )
        transport = _transport_of(scope)
        if transport is None:
            # In-process (httpx.ASGITransport): an error in the caller is the nearest thing.
            raise ConnectionResetError(
                "forter mock: scenario 'reset-mid-body' dropped the connection"
            )
        # The half body is already in the kernel (Nagle is off, so writes go out at once);
        # abort() closes without waiting for more, so the peer reads it, then end of stream.
        transport.abort()
        while (await receive())["type"] != "http.disconnect":
            pass


@functools.cache
def _huge_body_tail() -> bytes:
    """The padding that closes every huge-body decision: built on first use (most mock runs
    never need its 8 MiB), then shared by every huge-body answer."""
    return b"x" * HUGE_BODY_PADDING + b'"}'


class _HugeBodyResponse(Response):
    """A valid 200 decision padded to over 8 MiB, sent without copying the cached padding.

    ``chunked``: no Content-Length, the body streamed in 64 KiB pieces (chunked transfer
    encoding), so the client cannot know the size before reading it.
    """

    def __init__(self, order_id: str, request_id: str, *, chunked: bool) -> None:
        super().__init__(status_code=200, headers={"X-Request-Id": request_id})
        decision = _decision(order_id, default_decision(), "")
        decision.pop("decisionReason", None)
        # Everything but the padding, ending inside the decisionReason string it fills.
        self.head = json.dumps(decision, ensure_ascii=False).encode()[:-1] + (
            b', "decisionReason": "mock: scenario huge-body '
        )
        self.chunked = chunked

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        tail = _huge_body_tail()
        headers = [(name, value) for name, value in self.raw_headers if name != b"content-length"]
        headers.append((b"content-type", b"application/json"))
        if not self.chunked:
            headers.append((b"content-length", str(len(self.head) + len(tail)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": self.head, "more_body": True})
        # 64 KiB pieces in both flavours: a client that stops reading holds back at most the
        # transport's buffer, not another 8 MiB copy per request. With a Content-Length
        # uvicorn sends them as one body; without, each is an HTTP chunk.
        last = len(tail) - _HUGE_CHUNK
        for start in range(0, len(tail), _HUGE_CHUNK):
            chunk = tail[start : start + _HUGE_CHUNK]
            await send({"type": "http.response.body", "body": chunk, "more_body": start < last})
            # uvicorn's send() only waits when the socket is full, so without this the loop never
            # yields: a client that hangs up (one that caps the body) is noticed only after all
            # 128 writes, each failing with asyncio's "socket.send() raised exception." warning.
            # Once uvicorn sees the disconnect, the remaining sends are no-ops.
            await asyncio.sleep(0)


@functools.cache
def _decision_template() -> tuple[dict[str, Any], str, frozenset[str]]:
    """(the spec's 200 example, the dashboard link's prefix, OrderDecision's members).

    Every decision the mock answers is that example with the order's own members set, so a
    member the spec adds to OrderDecision and to its example reaches the mock's answers with no
    edit here. The dashboard link's prefix is the example's link without the example's orderId.
    """
    example = decision_example()
    members = frozenset(schema_properties("OrderDecision"))
    link = str(example.get("linkToEventInDashboard", ""))
    example_id = str(example.get("orderId", ""))
    if "linkToEventInDashboard" in members and not (example_id and link.endswith(example_id)):
        raise SpecShapeError(
            "openapi.yaml: the 200 example's linkToEventInDashboard must end with its orderId "
            "(the mock builds each order's link from that prefix)"
        )
    return example, link[: len(link) - len(example_id)], members


def dashboard_link(order_id: str) -> str:
    """``linkToEventInDashboard`` for ``order_id``, shaped like the spec's example."""
    return _decision_template()[1] + quote(order_id, safe="")


def _decision(order_id: str, decision: str, reason: str) -> dict[str, Any]:
    """The spec's example decision for ``order_id``, with ``forterDecision`` ``decision``."""
    example, prefix, members = _decision_template()
    body = copy.deepcopy(example)
    body["orderId"] = order_id
    body["forterDecision"] = decision
    if "decisionReason" in members:
        body["decisionReason"] = reason
    if "linkToEventInDashboard" in members:
        body["linkToEventInDashboard"] = prefix + quote(order_id, safe="")
    return body


def default_decision() -> str:
    """What the mock decides when nothing else says: the spec's 200 example's decision."""
    return str(decision_example()["forterDecision"])


@functools.cache
def _test_triggers() -> dict[str, str]:
    # accountOwner.email addresses that get a fixed decision on Forter's sandbox, from the spec.
    return sandbox_decisions()


def _email_decision(parsed: dict[str, Any]) -> tuple[str, str]:
    owner = parsed.get("accountOwner")
    email = owner.get("email") if isinstance(owner, dict) else None
    triggers = _test_triggers()
    if isinstance(email, str) and email.strip().lower() in triggers:
        return triggers[email.strip().lower()], f"mock: test trigger {email.strip().lower()}"
    return default_decision(), "mock: default decision"


class _OrderHandler:
    def __init__(self, controller: MockController) -> None:
        self.ctl = controller
        self.config = controller.config
        self.validator = OrderValidator() if controller.config.validate else None

    def _auth_errors(self, request: Request) -> list[dict[str, str]]:
        errors: list[dict[str, str]] = []
        auth = request.headers.get("authorization", "")
        if not auth:
            errors.append({"path": "header:authorization", "message": "missing credentials"})
        elif auth[:6].lower() != "basic ":
            errors.append({"path": "header:authorization", "message": "expected HTTP Basic"})
        else:
            try:
                user = base64.b64decode(auth[6:].strip(), validate=True).decode().split(":")[0]
            except (binascii.Error, UnicodeDecodeError):
                user = None
            # Forter ignores the password (clients send an empty one); so does the mock.
            if user is None or not hmac.compare_digest(
                user.encode(), self.config.secret_key.encode()
            ):
                errors.append({"path": "header:authorization", "message": "wrong secret key"})
        site = request.headers.get("x-forter-siteid", "").strip()
        if not site:
            errors.append({"path": "header:x-forter-siteid", "message": "missing header"})
        elif site != self.config.site_id:
            errors.append(
                {"path": "header:x-forter-siteid", "message": "unknown site id for this key"}
            )
        if not request.headers.get("api-version", "").strip():
            errors.append({"path": "header:api-version", "message": "missing header"})
        return errors

    def _fault(self, scenario: Scenario, order_id: str, request_id: str) -> Response | None:
        kind = scenario.kind
        if kind in ERROR_STATUS:
            status = ERROR_STATUS[kind]
            headers = {"Retry-After": "1"} if kind == "http-429" else None
            message = f"mock scenario {kind}"
            return _error(status, message, request_id, headers=headers)
        if kind in _FIXED_ANSWERS:
            status, body, media_type = _FIXED_ANSWERS[kind]
            headers = {"X-Request-Id": request_id}
            return Response(body, status_code=status, headers=headers, media_type=media_type)
        if kind in ("huge-body", "huge-body-chunked"):
            return _HugeBodyResponse(order_id, request_id, chunked=kind == "huge-body-chunked")
        if kind == "reset":
            return _ResetResponse()
        if kind == "reset-mid-body":
            payload = _decision(order_id, default_decision(), "mock: scenario reset-mid-body")
            return _ResetMidBodyResponse(json.dumps(payload).encode(), request_id)
        return None

    def _answer(
        self, request: Request, order_id: str, body: bytes, request_id: str
    ) -> tuple[Response, object, list[ErrorDetail]]:
        """Auth, parse, validate, decide. Returns the response, the parsed body and the
        warnings of strict validation."""
        auth_errors = self._auth_errors(request)
        if auth_errors:
            return _error(401, "unauthorized", request_id, errors=auth_errors), None, []
        try:
            # Strict: json.loads would take NaN, keep the last of duplicate keys and recurse
            # without bound on deep nesting; each refusal here names the field path.
            parsed: object = strict_json.loads(body)
        except strict_json.JSONInputError as exc:
            errors = [{"path": p.path, "message": p.message} for p in exc.problems]
            return _error(400, "invalid request", request_id, errors=errors), None, []
        if not isinstance(parsed, dict):
            errors = [{"path": "", "message": "request body must be a JSON object (an Order)"}]
            return _error(400, "invalid request", request_id, errors=errors), parsed, []
        errors = []
        warnings: list[ErrorDetail] = []
        if self.validator is not None:
            content_type = request.headers.get("content-type", "")
            verdict = self.validator.check(order_id, request.headers, content_type, body, parsed)
            errors, warnings = verdict.errors, verdict.warnings
        if "orderId" in parsed and parsed["orderId"] != order_id:
            errors.append(
                {
                    "path": "orderId",
                    "message": f"must equal the orderId in the URL ({order_id!r})",
                }
            )
        headers = warning_headers(warnings)
        if warnings and self.ctl.strict:
            # Strict: what the strict view finds is refused too, listed after the errors.
            errors = errors + [{"path": w["path"], "message": w["message"]} for w in warnings]
        if errors:
            message = f"request breaks the Order schema ({len(errors)} problem(s))"
            return (
                _error(400, message, request_id, errors=errors, headers=headers),
                parsed,
                warnings,
            )
        decision = self._decide(order_id, parsed)
        return _json_response(200, decision, request_id, headers), parsed, warnings

    def _decide(self, order_id: str, parsed: dict[str, Any]) -> dict[str, Any]:
        return _decision(order_id, *_email_decision(parsed))

    async def handle(self, request: Request) -> Response:
        """The `POST /v3/orders/{orderId}` endpoint."""
        request_id = _request_id()
        # From the path itself: the route's regex ends in "$", which also matches before a final
        # "\n", so path_params loses the newline of an orderId such as "A1\n" (a valid one).
        order_id = str(request.scope["path"]).removeprefix(_ORDERS_PREFIX)
        # Recorded on arrival, before the body is read: a request the client gives up on (a
        # timeout, a killed batch) is in the recordings even if it is never answered.
        arrival = self.ctl.arrive(
            method=request.method,
            path=request.url.path,
            headers=request.headers,
            order_id=order_id,
            request_id=request_id,
        )
        try:
            body = await read_body(request, self.config.max_body_bytes)
        except ClientDisconnect:
            # The client hung up before its body was read (a killed batch, a cancelled call, a
            # slow body dropped by the read timeout): nobody is left to answer. The recording
            # stays, status None, no body; it is not counted as an answer.
            return Response(status_code=400)
        except _BodyTooLarge:
            refused = _too_large(self.config.max_body_bytes, request_id)
            self.ctl.add_body(arrival, b"")
            self.ctl.answered(arrival, scenario=None, status=413)
            return refused
        self.ctl.add_body(arrival, body)
        scenario: Scenario | None = None
        warnings: list[ErrorDetail] = []
        try:
            scenario = self.ctl.pick(request.headers.get(SCENARIO_HEADER), order_id, arrival)
            self.ctl.picked(arrival, scenario)
            delay = self.config.latency_ms + (scenario.delay_ms if scenario else 0)
            if delay:
                await asyncio.sleep(delay / 1000)
            response = self._fault(scenario, order_id, request_id) if scenario else None
            if response is None:
                response, _, warnings = self._answer(request, order_id, body, request_id)
                decisions = decision_scenarios()
                if scenario and scenario.kind in decisions and response.status_code == 200:
                    decision = decisions[scenario.kind]
                    payload = _decision(order_id, decision, f"mock: scenario {scenario.kind}")
                    response = _json_response(200, payload, request_id, warning_headers(warnings))
        except UnknownScenarioError as exc:
            errors = [{"path": f"header:{SCENARIO_HEADER}", "message": str(exc)}]
            response = _error(400, "unknown mock scenario", request_id, errors=errors)
        except Exception:  # a malformed request must never become a 500
            errors = [{"path": "", "message": "request could not be processed"}]
            response = _error(400, "invalid request", request_id, errors=errors)
        self.ctl.answered(
            arrival,
            scenario=scenario,
            status=None if isinstance(response, _DROPPED) else response.status_code,
            warnings=warnings,
        )
        return response


_HTTP_METHODS: Final = ("get", "put", "post", "delete", "patch")


def _example_answer(operation: dict[str, Any]) -> tuple[int, object] | None:
    """The first 2xx response of ``operation`` that has a JSON example: (status, example)."""
    for status, response in sorted(operation.get("responses", {}).items()):
        if not (str(status).isdigit() and 200 <= int(status) < 300):
            continue
        content = response.get("content", {}).get("application/json", {})
        if "example" in content:
            return int(status), content["example"]
        for example in content.get("examples", {}).values():
            if isinstance(example, dict) and "value" in example:
                return int(status), example["value"]
    return None


def _spec_routes(handler: _OrderHandler) -> list[Route]:
    """A route for every operation of the spec other than the order's, answering its example.

    An endpoint added to the spec is answered at once - after the same auth checks (401) and
    body-size limit (413) as orders - with its first 2xx example, instead of 404, until it
    gets a handler of its own. No body validation: that needs the operation's semantics.
    """
    routes: list[Route] = []
    for path, item in load_spec().get("paths", {}).items():
        if path == ORDER_PATH or not isinstance(item, dict):
            continue
        for method in _HTTP_METHODS:
            operation = item.get(method)
            answer = _example_answer(operation) if isinstance(operation, dict) else None
            if answer is None:
                continue
            status, example = answer

            async def endpoint(
                request: Request, status: int = status, example: object = example
            ) -> Response:
                request_id = _request_id()
                limit = handler.config.max_body_bytes
                try:
                    body = await read_body(request, limit)
                except _BodyTooLarge:
                    return _too_large(limit, request_id)
                except ClientDisconnect:
                    return Response(status_code=400)
                errors = handler._auth_errors(request)
                if errors:
                    response = _error(401, "unauthorized", request_id, errors=errors)
                else:
                    response = _json_response(status, example, request_id)
                handler.ctl.record(
                    method=request.method,
                    path=request.url.path,
                    headers=request.headers,
                    body=body,
                    status=response.status_code,
                    request_id=request_id,
                )
                return response

            # OpenAPI's {name} matches one segment, as Starlette's default convertor does.
            routes.append(Route(path, endpoint, methods=[method.upper()]))
    return routes


# Responses that end in a dropped connection: recorded (and counted) without a status.
_DROPPED: Final = (_ResetResponse, _ResetMidBodyResponse)


async def _health(request: Request) -> Response:
    return _json_response(200, {"status": "ok"}, _request_id())


async def _requests(request: Request) -> Response:
    controller: MockController = request.app.state.mock
    records = controller.received
    return _json_response(200, {"count": len(records), "requests": records}, _request_id())


async def _stats(request: Request) -> Response:
    controller: MockController = request.app.state.mock
    return _json_response(200, controller.stats, _request_id())


def _has_mock_key(request: Request, config: MockConfig) -> bool:
    auth = request.headers.get("authorization", "")
    if auth[:6].lower() != "basic ":
        return False
    try:
        user = base64.b64decode(auth[6:].strip(), validate=True).decode().split(":")[0]
    except (binascii.Error, UnicodeDecodeError):
        return False
    return hmac.compare_digest(user.encode(), config.secret_key.encode())


async def _control_body(request: Request, request_id: str) -> tuple[object, Response | None]:
    """The JSON body of a control request, or the refusal to answer with instead.

    Refused: a content type other than JSON (415) and a request with neither the control header
    nor the mock's key (403) - the two things a web page cannot send cross-origin without a CORS
    preflight; then a body that is too large (413) or not strict JSON (400, with its path).
    """
    controller: MockController = request.app.state.mock
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        message = "control endpoints take Content-Type: application/json"
        return None, _error(415, message, request_id)
    if not request.headers.get(CONTROL_HEADER) and not _has_mock_key(request, controller.config):
        message = (
            f"control endpoints need the header {CONTROL_HEADER}: 1 (or the mock's key as Basic "
            "credentials), which a web page cannot send"
        )
        return None, _error(403, message, request_id)
    try:
        body = await read_body(request, _CONTROL_BODY_LIMIT)
    except _BodyTooLarge:
        return None, _too_large(_CONTROL_BODY_LIMIT, request_id)
    except ClientDisconnect:
        return None, Response(status_code=400)
    if not body.strip():
        return {}, None
    try:
        # Strict and iterative: a 100,000-deep nest is a 400 with its path, not a RecursionError.
        return strict_json.loads(body), None
    except strict_json.JSONInputError as exc:
        errors = [{"path": p.path, "message": p.message} for p in exc.problems]
        return None, _error(400, "invalid JSON", request_id, errors=errors)


async def _reset(request: Request) -> Response:
    request_id = _request_id()
    data, refusal = await _control_body(request, request_id)
    if refusal is not None:
        return refusal
    if not isinstance(data, dict):
        return _error(400, "expected a JSON object (or an empty body)", request_id)
    request.app.state.mock.clear()
    return _json_response(200, {"status": "ok"}, request_id)


async def _script(request: Request) -> Response:
    controller: MockController = request.app.state.mock
    request_id = _request_id()
    data, refusal = await _control_body(request, request_id)
    if refusal is not None:
        return refusal
    try:
        if isinstance(data, dict) and isinstance(data.get("next"), list):
            controller.queue(*(str(name) for name in data["next"]))
        elif (
            isinstance(data, dict)
            and isinstance(data.get("orderId"), str)
            and isinstance(data.get("scenario"), str)
        ):
            controller.script_order(data["orderId"], data["scenario"])
        else:
            message = 'expected {"next": [scenario, ...]} or {"orderId": ..., "scenario": ...}'
            return _error(400, message, request_id)
    except ValueError as exc:  # UnknownScenarioError
        return _error(400, f"invalid script: {exc}", request_id)
    return _json_response(200, {"status": "ok", "pending": controller.pending}, request_id)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 - registered for HTTPException only
    request_id = _request_id()
    message = "not found" if exc.status_code == 404 else str(exc.detail).lower()
    response = _error(exc.status_code, message, request_id, headers=dict(exc.headers or {}))
    if not request.url.path.startswith("/_mock/"):
        try:
            body = await read_body(request, request.app.state.mock.config.max_body_bytes)
        except (_BodyTooLarge, ClientDisconnect):
            body = b""  # recorded without its body, which is never read
            response.headers["Connection"] = "close"
        request.app.state.mock.record(
            method=request.method,
            path=request.url.path,
            headers=request.headers,
            body=body,
            status=exc.status_code,
            request_id=request_id,
        )
    return response


class _HostCheck:
    """Answers 421 to a request whose ``Host`` is not one of ``hosts`` (ports ignored).

    For a mock bound to loopback: a web page on any site can make a browser send requests to
    127.0.0.1, and with DNS rebinding (its own name re-pointed at 127.0.0.1) it can also read the
    answers, recorded orders included. Such requests carry the page's host name; the mock's
    clients use ``localhost`` or the address itself.
    """

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(host.lower() for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = ""
            for name, value in scope["headers"]:
                if name == b"host":
                    host = _hostname(value.decode("latin-1"))
                    break
            if host not in self.hosts:
                message = (
                    f"Host {host or '(none)'!r} is not this mock's: bound to loopback, it answers "
                    f"only {', '.join(sorted(self.hosts))} (a guard against DNS rebinding)"
                )
                await _error(421, message, _request_id())(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _hostname(host: str) -> str:
    """``Host`` without its port, lower-cased (``[::1]:8765`` -> ``::1``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def create_app(
    config: MockConfig | None = None, *, allowed_hosts: Iterable[str] | None = None
) -> Starlette:
    """Build the mock's ASGI app; ``app.state.mock`` is its :class:`MockController`.

    ``allowed_hosts``: the only ``Host`` names answered (421 otherwise); ``MockServer`` and
    ``serve`` pass the loopback names when they bind to loopback. Validators are built here
    (once per process, cached), never per request.
    """
    controller = MockController(config or MockConfig())
    handler = _OrderHandler(controller)
    middleware = [Middleware(_HostCheck, hosts=allowed_hosts)] if allowed_hosts is not None else []
    app = Starlette(
        middleware=middleware,
        routes=[
            # Every other operation the spec describes answers its example (see _spec_routes);
            # first, since the order route's id takes any characters, "/" included.
            *_spec_routes(handler),
            # Any characters, an encoded "/" and a final newline included (see the convertor).
            Route("/v3/orders/{orderId:forter_order_id}", handler.handle, methods=["POST"]),
            Route("/_mock/health", _health, methods=["GET"]),
            Route("/_mock/requests", _requests, methods=["GET"]),
            Route("/_mock/stats", _stats, methods=["GET"]),
            Route("/_mock/reset", _reset, methods=["POST"]),
            Route("/_mock/script", _script, methods=["POST"]),
        ],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.mock = controller
    return app
