"""The exceptions the client raises. Everything derives from :class:`ForterError`.

::

    ForterError
    ├── ConfigurationError          (missing site id / key, bad base URL)
    ├── OrderValidationError        (the order must not be sent: errors, or warnings in strict mode)
    ├── APIConnectionError          (no HTTP response: DNS, refused, reset, protocol error)
    │   └── APITimeoutError         (a timeout, or the total deadline ran out)
    └── APIStatusError              (an HTTP response that is not a decision)
        ├── BadRequestError         400
        ├── AuthenticationError     401
        ├── NotFoundError           404
        ├── RateLimitError          429
        ├── InternalServerError     500 / 502 / 503 / 504
        └── UnexpectedResponseError any other status, or a 2xx body that is not a decision
            └── RedirectError       3xx: never followed, never retried, never failed open

No message ever holds the secret key or a full card number: the client never formats the key, and
every text taken from a response body goes through PAN masking.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import httpx

from ._pan import mask_pans
from ._problem import Problem

_REQUEST_ID_HEADERS = ("x-request-id", "x-forter-request-id")
_USERINFO: Final = re.compile(r"(?<=//)[^/?#@]*@")


def request_id_of(response: httpx.Response | None) -> str | None:
    """Forter's request id (``X-Request-Id``, else ``x-forter-request-id``) for support tickets."""
    if response is None:
        return None
    for name in _REQUEST_ID_HEADERS:
        value: str | None = response.headers.get(name)
        if value:
            return value
    return None


class ForterError(Exception):
    """Base class of every error raised by forter-orders."""


class ConfigurationError(ForterError, ValueError):
    """The client is missing its site id or secret key, or a setting is malformed."""


class OrderValidationError(ForterError, ValueError):
    """The order must not be sent as it is; it was not sent.

    ``problems`` lists every problem found, errors first, each with its dotted field path and
    its severity: an ``"error"`` blocks in every mode, a ``"warning"`` only in strict mode
    (``strict`` tells which mode refused the order).
    """

    def __init__(self, problems: Sequence[Problem], *, strict: bool = False) -> None:
        self.problems: list[Problem] = list(problems)
        self.strict = strict
        errors = sum(1 for p in self.problems if p.severity == "error")
        warnings = len(self.problems) - errors
        counts = [f"{errors} error{'' if errors == 1 else 's'}"] if errors else []
        if warnings:
            counts.append(f"{warnings} warning{'' if warnings == 1 else 's'}")
        why = "; strict mode refuses warnings too" if strict and warnings else ""
        lines = "\n".join(f"  - {p.severity}: {p}" for p in self.problems)
        super().__init__(f"order not sent ({', '.join(counts) or 'no problems'}{why}):\n{lines}")

    @property
    def errors(self) -> list[Problem]:
        """The problems that block sending in every mode (``severity == "error"``)."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that blocked only because the mode is strict."""
        return [p for p in self.problems if p.severity == "warning"]


class APIConnectionError(ForterError):
    """No usable HTTP response from Forter (connection refused or reset, DNS, protocol error)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """An attempt timed out, or the client's total deadline ran out before a response."""


class APIStatusError(ForterError):
    """Forter answered with an HTTP status that is not a decision.

    Attributes:
        http_status: the HTTP status code.
        body: the parsed JSON body when it was a JSON object, else ``None``.
        request_id: Forter's request id (quote it to Forter support), if any.
        errors: the body's ``errors`` as :class:`Problem` objects (path, message); may be empty.
        message: a human-readable summary.
        response: the ``httpx.Response``.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Mapping[str, Any] | None,
        errors: Sequence[Problem] = (),
    ) -> None:
        self.response = response
        self.http_status = response.status_code
        self.body: dict[str, Any] | None = dict(body) if body is not None else None
        self.request_id = request_id_of(response)
        self.errors: list[Problem] = list(errors)
        self.message = mask_pans(message)
        text = self.message
        if self.errors:
            text += "".join(f"\n  - {error}" for error in self.errors)
        if self.request_id:
            text += f"\n(request id: {self.request_id})"
        super().__init__(text)

    @property
    def status_code(self) -> int:
        """Alias of ``http_status`` (httpx naming)."""
        return self.http_status


class BadRequestError(APIStatusError):
    """400: the body broke Forter's schema; ``errors`` lists what Forter reported. Never retried."""


class AuthenticationError(APIStatusError):
    """401: wrong secret key or site id (or a missing required header). Never retried."""


class NotFoundError(APIStatusError):
    """404: the URL is wrong (base URL / site id). Never retried."""


class RateLimitError(APIStatusError):
    """429: too many requests. ``retry_after``: the server's wait in seconds, if it sent one."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Mapping[str, Any] | None,
        errors: Sequence[Problem] = (),
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, response=response, body=body, errors=errors)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """500/502/503/504: a failure on Forter's side; retried, then eligible for fail-open."""


class UnexpectedResponseError(APIStatusError):
    """A status the API does not document (e.g. 418, 520), or a 2xx body that is not a decision."""


class RedirectError(UnexpectedResponseError):
    """3xx: a redirect, which the client never follows for an order.

    Following it would send the whole order (emails, names, addresses) again to another URL -
    perhaps another host, or plain http - and a 301/302/303 would turn the POST into a GET whose
    200 could be taken for Forter's decision. So the client sends every order with
    ``follow_redirects=False``, whatever the ``http_client`` passed in says, and a 3xx is this
    error. A redirect means the base URL is wrong (a moved host, http instead of https, a proxy
    login page): a configuration error like a 401, so it is never retried and never fails open
    (failing open would approve every order without Forter ever seeing one).

    Attributes:
        location: the ``Location`` header (any user info masked), or ``None``.
        location_host: the host it points to (relative locations resolved against the request),
            or ``None`` when there is no usable ``Location``.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Mapping[str, Any] | None,
        errors: Sequence[Problem] = (),
    ) -> None:
        raw: str | None = response.headers.get("location")
        self.location = _USERINFO.sub("***@", raw) if raw is not None else None
        self.location_host = _location_host(response, raw)
        if self.location_host:
            where = f"to host {self.location_host!r}"
        else:
            where = "without a usable Location" if raw is None or raw.strip() else "to nowhere"
        super().__init__(
            f"{message} (a status the Order v3 API does not document: a redirect {where}; "
            "redirects are never followed for an order, which would be sent again to another "
            "URL; check base_url)",
            response=response,
            body=body,
            errors=errors,
        )


def _location_host(response: httpx.Response, location: str | None) -> str | None:
    if not location or not location.strip():
        return None
    try:
        base = response.request.url
    except RuntimeError:  # a Response built without a request
        base = httpx.URL("http://unknown.invalid/")
    try:
        host = base.join(location.strip()).host
    except (httpx.InvalidURL, TypeError, ValueError):
        return None
    return host or None
