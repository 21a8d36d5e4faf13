"""Turning an ``httpx.Response`` into an ``OrderDecision`` or the right exception.

The generated ``create_order._build_response`` is not used on purpose: it crashes with
``ValueError`` on status codes outside the IANA list (``HTTPStatus(520)``), with ``JSONDecodeError``
on non-JSON error bodies (an HTML 502 page from a load balancer) and with ``KeyError`` on a 200 body
missing ``forterDecision``. Here every response maps to a decision or a :class:`ForterError`.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

import httpx
import orjson

from ._deadline import DEADLINE_MESSAGE
from ._decision import Decision
from ._drift import Drift, DriftMonitor, drift_in_body, find_drift, known_decision_validator
from ._errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RedirectError,
    UnexpectedResponseError,
    request_id_of,
)
from ._pan import mask_pans
from ._paths import dotted
from ._problem import Problem
from ._retry import parse_retry_after
from ._validation import decision_validator

T = TypeVar("T")

DEFAULT_MAX_RESPONSE_BYTES: Final = 1 << 20
"""1 MiB: a decision is well under 1 KiB, so anything near this is not a decision (a proxy's error
page, a misrouted download) and reading it whole would only cost memory and time."""

_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    429: RateLimitError,
    500: InternalServerError,
    502: InternalServerError,
    503: InternalServerError,
    504: InternalServerError,
}
_PHRASES: Final = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass(frozen=True, slots=True)
class RawResponse(Generic[T]):
    """The HTTP exchange behind a result (``client.orders.with_raw_response.create(...)``).

    Attributes:
        parsed: the parsed result (an ``OrderDecision``).
        http_response: the final ``httpx.Response``.
        attempts: how many requests were made (1 + retries).
        elapsed: time of the final attempt, from sending the request to reading the response
            (measured by the client, so it is also set for mocked transports).
        warnings: the validation warnings of the order that was sent (see ``Decision``).
    """

    parsed: T
    http_response: httpx.Response
    attempts: int = 1
    elapsed: datetime.timedelta = datetime.timedelta(0)
    warnings: tuple[Problem, ...] = ()

    @property
    def status_code(self) -> int:
        """HTTP status of the final response."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """Headers of the final response."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """Forter's request id (``X-Request-Id`` / ``x-forter-request-id``), for support."""
        return request_id_of(self.http_response)

    @property
    def drift(self) -> tuple[Drift, ...]:
        """What this decision carried that the spec does not know (empty: nothing).

        Unknown members and values outside the spec's known ones; computed when asked (the
        client itself counts them in ``client.drift``).
        """
        return drift_in_body(self.http_response.content)

    def parse(self) -> T:
        """The parsed result (the same as ``parsed``, as in openai-python)."""
        return self.parsed


def _keep(response: httpx.Response, chunks: list[bytes], size: int, limit: int) -> str | None:
    """Store what was read as the response's content; a note when the body passed ``limit``."""
    body = b"".join(chunks)
    # What httpx's own Response.read() does with the joined chunks; reading here instead of in
    # httpx is what lets the read stop at the limit.
    response._content = body[:limit]
    return _oversized(limit) if size > limit else None


def _oversized(limit: int) -> str:
    return f"body larger than max_response_bytes ({limit} bytes); the rest was not read"


def _declared_too_large(response: httpx.Response, limit: int) -> bool:
    length = response.headers.get("content-length", "")
    return length.isdigit() and int(length) > limit


def _undecodable(response: httpx.Response, exc: httpx.DecodingError) -> str:
    response._content = b""
    encoding = response.headers.get("content-encoding", "")
    return f"body that could not be decoded (Content-Encoding {encoding!r}): {exc}"


def read_capped(response: httpx.Response, limit: int, deadline: float | None = None) -> str | None:
    """Read a streamed response's (decoded) body, at most ``limit`` bytes of it.

    Returns ``None`` when the whole body was read into ``content``; else why not, as a note for
    :func:`unread_error`. A body larger than ``limit`` leaves its first ``limit`` bytes in
    ``content`` (nothing when ``Content-Length`` announced more), and the rest is never read, so
    memory stays bounded even for a compressed body that inflates to gigabytes. A body that its
    ``Content-Encoding`` cannot decode leaves ``content`` empty.

    ``deadline`` (``time.monotonic()``) is checked between reads: ``httpx.ReadTimeout`` once it
    has passed, however steadily the body trickles in (for transports the call deadline does
    not reach; see ``_deadline``).
    """
    if _declared_too_large(response, limit):
        response._content = b""
        return _oversized(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                break
            if deadline is not None and time.monotonic() >= deadline:
                raise httpx.ReadTimeout(DEADLINE_MESSAGE, request=response.request)
    except httpx.DecodingError as exc:
        return _undecodable(response, exc)
    return _keep(response, chunks, size, limit)


async def aread_capped(response: httpx.Response, limit: int) -> str | None:
    """:func:`read_capped` for an ``httpx.AsyncClient`` response (the deadline is enforced by
    the pool or a cancel scope around the attempt)."""
    if _declared_too_large(response, limit):
        response._content = b""
        return _oversized(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                break
    except httpx.DecodingError as exc:
        return _undecodable(response, exc)
    return _keep(response, chunks, size, limit)


def unread_error(response: httpx.Response, note: str) -> APIStatusError:
    """The error for a response whose body was not read whole (too large, undecodable, ...).

    A 2xx is :class:`UnexpectedResponseError` (no decision was read); any other status keeps its
    usual class (a 503 page from a proxy is still a 503: retried, eligible for fail-open).
    """
    status = response.status_code
    if 200 <= status < 300:
        return UnexpectedResponseError(
            f"HTTP {status} from Forter with a {note}", response=response, body=None
        )
    if not hasattr(response, "_content"):  # never read (e.g. closed by a caller's hook)
        response._content = b""
    return status_error(response, note=note)


def parse_decision(response: httpx.Response, drift: DriftMonitor | None = None) -> Decision:
    """The decision in a 2xx response; ``UnexpectedResponseError`` if it is not one.

    ``drift`` counts what the decision carries that the spec does not know (see ``_drift``).
    """
    try:
        data = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        raise UnexpectedResponseError(
            f"HTTP {response.status_code} from Forter with a body that is not JSON "
            f"(content-type {response.headers.get('content-type', 'none')!r}): "
            f"{_snippet(response)}",
            response=response,
            body=None,
        ) from None
    if isinstance(data, dict) and known_decision_validator().is_valid(data):
        pass  # the spec knows every member and value: the one check on the hot path
    elif not isinstance(data, dict) or not decision_validator().is_valid(data):
        problems = (
            [
                Problem(dotted(list(e.instance_path)), e.message, "schema")
                for e in decision_validator().iter_errors(data)
            ]
            if isinstance(data, dict)
            else [Problem("", f"expected a JSON object, got {type(data).__name__}", "type")]
        )
        raise UnexpectedResponseError(
            f"HTTP {response.status_code} from Forter with a body that is not an OrderDecision",
            response=response,
            body=data if isinstance(data, dict) else None,
            errors=problems,
        )
    elif drift is not None:
        drift.record(find_drift(data))
    try:
        return Decision.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # belt and braces
        raise UnexpectedResponseError(
            f"HTTP {response.status_code} body could not be read as an OrderDecision: {exc}",
            response=response,
            body=data,
        ) from None


def status_error(response: httpx.Response, *, note: str = "") -> APIStatusError:
    """The exception for a non-2xx response (never raises while building it).

    ``note`` is added to the message in parentheses (e.g. that the body was cut short).
    """
    status = response.status_code
    body: dict[str, Any] | None = None
    try:
        parsed = orjson.loads(response.content) if response.content else None
    except orjson.JSONDecodeError:
        parsed = None
    if isinstance(parsed, dict):
        body = parsed
    errors = _server_problems(body)
    detail = body.get("message") if body is not None else None
    if not isinstance(detail, str) or not detail:
        detail = _snippet(response) if body is None and response.content else ""
    phrase = _PHRASES.get(status, response.reason_phrase or "")
    message = f"Forter returned HTTP {status} {phrase}".rstrip()
    if detail:
        message += f": {detail}"
    if note:
        message += f" ({note})"
    cls = _STATUS_ERRORS.get(status)
    if 300 <= status < 400:
        return RedirectError(message, response=response, body=body, errors=errors)
    if cls is None:
        return UnexpectedResponseError(
            message + " (a status the Order v3 API does not document)",
            response=response,
            body=body,
            errors=errors,
        )
    if cls is RateLimitError:
        return RateLimitError(
            message,
            response=response,
            body=body,
            errors=errors,
            retry_after=parse_retry_after(response),
        )
    return cls(message, response=response, body=body, errors=errors)


def _server_problems(body: Mapping[str, Any] | None) -> list[Problem]:
    raw = body.get("errors") if body is not None else None
    if not isinstance(raw, list):
        return []
    problems = []
    for item in raw:
        if isinstance(item, dict):
            path, message = item.get("path"), item.get("message")
            # Masked: a server (or a proxy) may echo a card number back in its errors.
            problems.append(
                Problem(
                    mask_pans(path) if isinstance(path, str) else "",
                    mask_pans(message if isinstance(message, str) else str(item)),
                    "server",
                )
            )
        else:
            problems.append(Problem("", mask_pans(str(item)), "server"))
    return problems


def _snippet(response: httpx.Response, limit: int = 200) -> str:
    text = response.content[:limit].decode("utf-8", errors="replace").strip()
    if len(response.content) > limit:
        text += "..."
    return repr(text) if text else "(empty body)"
